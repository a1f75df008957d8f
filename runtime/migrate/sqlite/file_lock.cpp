#include "file_lock.hpp"

#include <schemac/core/ascii.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <random>
#include <thread>

#include "schemac/migrate/runner.hpp"

namespace schemac::migrate::sqlite {

namespace {

bool same_file(int fd, const std::string& path) {
    struct stat by_fd{}, by_path{};
    if (::fstat(fd, &by_fd) != 0 || ::stat(path.c_str(), &by_path) != 0) return false;
    return by_fd.st_dev == by_path.st_dev && by_fd.st_ino == by_path.st_ino;
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
    return text;
}

// "pid 4242 on host web1 since 2026-01-02 10:15:00 UTC", written by the holder.
void write_holder(int fd) {
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    const std::string line = "pid " + std::to_string(::getpid()) + " on host " + host + " since " + utc_now() + " UTC\n";
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] const ssize_t n = ::pwrite(fd, line.data(), line.size(), 0);
    }
}

std::string read_holder(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return "";
    char buffer[512] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    ::close(fd);
    if (n <= 0) return "";
    std::string s(buffer, static_cast<std::size_t>(n));
    s = s.substr(0, s.find('\n'));
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20) return "";
    return s;
}

}  // namespace

std::string lock_file_for(const std::string& database_path, const std::string& table) {
    std::string name;
    for (char c : table) name += is_ascii_alnum(c) || c == '_' || c == '-' || c == '.' ? c : '_';
    return database_path + "-" + name + "-lock";
}

FileLock::FileLock(const std::string& path, std::chrono::milliseconds timeout, const std::string& database)
    : path_(path), database_(database) {
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + timeout;
    std::minstd_rand jitter{std::random_device{}()};
    auto wait = std::chrono::milliseconds(20);
    for (;;) {
        if (fd_ < 0) {
            fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
            if (fd_ < 0)
                throw RunnerError(RunnerErrorKind::failure,
                                  "cannot create the migration lock file " + path_ + ": " + std::strerror(errno));
        }
        if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) {
            // Locked; but the path may have been removed or replaced between
            // open and flock: then lock the file the path names now.
            if (same_file(fd_, path_)) {
                write_holder(fd_);
                return;
            }
            ::close(fd_);
            fd_ = -1;
            continue;
        }
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const std::string why = std::strerror(errno);
            ::close(fd_);
            fd_ = -1;
            throw RunnerError(RunnerErrorKind::failure, "cannot lock the migration lock file " + path_ + ": " + why);
        }
        const auto now = clock::now();
        if (now >= deadline) break;
        // Backoff with jitter, so that runners started together do not poll in step.
        auto sleep = wait + std::chrono::milliseconds(jitter() % (wait.count() / 2 + 1));
        sleep = std::min<std::chrono::milliseconds>(sleep, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now));
        std::this_thread::sleep_for(sleep);
        wait = std::min(wait * 2, std::chrono::milliseconds(1000));
    }
    ::close(fd_);
    fd_ = -1;
    const std::string holder = read_holder(path_);
    throw RunnerError(RunnerErrorKind::lock_timeout,
                      "lock not obtained within " + std::to_string(timeout.count()) +
                          " ms: another schemac runner holds the migration lock on " + database +
                          (holder.empty() ? "" : " (held by " + holder + ")") + " (its lock file: " + path_ +
                          "); try again later or raise --lock-timeout");
}

FileLock::~FileLock() {
    if (fd_ >= 0) ::close(fd_);   // releases the lock; the file stays
}

void FileLock::verify(const std::string& consequence) const {
    if (same_file(fd_, path_)) return;
    throw RunnerError(RunnerErrorKind::lock_lost, "lost the migration lock on " + database_ + ": its lock file " + path_ +
                                                      " was removed or replaced, so another runner may be migrating now. " +
                                                      consequence);
}

bool FileLock::held(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool free = ::flock(fd, LOCK_SH | LOCK_NB) == 0;
    ::close(fd);
    return !free;
}

}  // namespace schemac::migrate::sqlite
