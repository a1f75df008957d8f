#include "schemac/sqlite/backup.hpp"

#include <schemac/core/ascii.hpp>

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "schemac/core/migration_set.hpp"

namespace schemac::sqlite {

namespace {

namespace fs = std::filesystem;

// A file name from the database file's name: letters, digits, '.', '-', '_'.
std::string file_part(const std::string& path) {
    std::string name = fs::path(path).filename().string();
    for (char& c : name)
        if (!(is_ascii_alnum(c) || c == '-' || c == '_' || c == '.')) c = '_';
    if (!name.empty() && name[0] == '.') name[0] = '_';
    return name.empty() ? "database" : name.substr(0, 64);
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &tm);
    return text;
}

bool exists(const std::string& path) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

void sync_path(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

BackupFile plan_backup(const SqlitePath& db, const std::string& dir, int from_version, int to_version) {
    const std::string stem =
        (fs::path(dir) / (file_part(db.path) + "-v" + version_text(from_version) + "-to-v" + version_text(to_version) + "-" + utc_now()))
            .string();
    BackupFile b;
    b.file = stem + ".db";
    for (int n = 2; exists(b.file) || exists(b.file + ".partial"); ++n) b.file = stem + "-" + std::to_string(n) + ".db";
    b.partial = b.file + ".partial";
    return b;
}

BackupDone run_backup(const SqlitePath& db, const BackupFile& b, std::chrono::milliseconds busy_timeout) {
    const auto started = std::chrono::steady_clock::now();
    if (db.memory) throw BackupError("an in-memory database has no file to copy");
    const std::string dir = fs::path(b.file).parent_path().string();
    std::error_code ec;
    if (!dir.empty() && !fs::is_directory(dir, ec)) {
        fs::create_directories(dir, ec);
        if (ec) throw BackupError("cannot create " + dir + ": " + ec.message());
        fs::permissions(dir, fs::perms::owner_all, ec);
    }
    // VACUUM INTO writes into an empty file that exists: created here, 0600.
    const int fd = ::open(b.partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw BackupError("cannot create " + b.partial + ": " + std::strerror(errno));
    ::close(fd);
    sqlite3* conn = nullptr;
    std::string why;
    const int flags = SQLITE_OPEN_READONLY | (db.uri ? SQLITE_OPEN_URI : 0);
    if (sqlite3_open_v2(db.filename.c_str(), &conn, flags, nullptr) != SQLITE_OK) {
        why = "cannot open " + db.path + ": " + (conn ? sqlite3_errmsg(conn) : "out of memory");
    } else {
        sqlite3_busy_timeout(conn, static_cast<int>(std::min<long long>(busy_timeout.count(), 1LL << 30)));
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(conn, "VACUUM INTO ?1", -1, &stmt, nullptr) != SQLITE_OK) {
            why = sqlite3_errmsg(conn);
        } else {
            sqlite3_bind_text(stmt, 1, b.partial.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(stmt) != SQLITE_DONE) why = sqlite3_errmsg(conn);
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close_v2(conn);
    if (why.empty()) {
        // VACUUM INTO does not sync what it wrote.
        sync_path(b.partial, O_RDONLY);
        fs::rename(b.partial, b.file, ec);
        if (ec) why = "cannot rename the copy to " + b.file + ": " + ec.message();
    }
    if (!why.empty()) {
        fs::remove(b.partial, ec);
        for (char& c : why)
            if (c == '\n' || c == '\r') c = ' ';
        throw BackupError(why);
    }
    sync_path(dir.empty() ? "." : dir, O_RDONLY | O_DIRECTORY);
    BackupDone done;
    done.bytes = fs::file_size(b.file, ec);
    done.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    return done;
}

}  // namespace schemac::sqlite
