#include "load/source_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

namespace schemac {

namespace {

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() { if (fd_ >= 0) ::close(fd_); }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

// Why open() failed, in the user's terms: a dangling link names its target.
std::string open_failure(const std::string& path, int err) {
    std::error_code ec;
    if (err == ENOENT && std::filesystem::is_symlink(path, ec)) {
        const auto target = std::filesystem::read_symlink(path, ec);
        return "it is a symbolic link to '" + target.string() + "', which does not exist";
    }
    return std::strerror(err);
}

const char* kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    return "not a regular file";
}

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

std::optional<std::string> read_source_file(const std::string& path, Diagnostics& diags, std::size_t limit) {
    const SourcePos at{std::make_shared<const std::string>(path), 0, 0};
    auto fail = [&](const std::string& why) -> std::optional<std::string> {
        diags.error(at, "io", "cannot read file: " + why);
        return std::nullopt;
    };
    auto too_big = [&](const std::string& size) -> std::optional<std::string> {
        diags.error(at, "file-too-large", "file is " + size + ", more than the limit of " + mib(limit) + " per file; split the schema into several files");
        return std::nullopt;
    };
    // O_NONBLOCK: opening a FIFO that nobody writes to must not wait.
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) return fail(open_failure(path, errno));
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return fail(std::strerror(errno));
    // Devices (/dev/zero), FIFOs and sockets never end or block: only plain files are schema.
    if (S_ISDIR(st.st_mode)) return fail("it is a directory");
    if (!S_ISREG(st.st_mode)) return fail(std::string("it is ") + kind_of(st.st_mode) + ", not a regular file");
    if (static_cast<std::size_t>(st.st_size) > limit) return too_big(std::to_string(st.st_size) + " bytes");
    std::string text;
    text.reserve(static_cast<std::size_t>(st.st_size));
    // Read with a bound even so: the file may grow while it is read.
    char chunk[65536];
    while (true) {
        const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(std::strerror(errno));
        if (n == 0) break;
        if (text.size() + static_cast<std::size_t>(n) > limit) return too_big("more than " + std::to_string(limit) + " bytes");
        text.append(chunk, static_cast<std::size_t>(n));
    }
    return text;
}

}  // namespace schemac
