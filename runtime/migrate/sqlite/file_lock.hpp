// The migration lock of a SQLite database: flock(2) on a file of its own beside
// the database (`<database>-<history table>-lock`). Private to the runtime.
//
// Why a file lock and not a row or BEGIN IMMEDIATE alone: the lock must be
// held for a whole run, across the files that run outside a transaction (each
// statement commits on its own), and a runner killed with SIGKILL must not
// leave it taken. The kernel releases a flock when its process dies, so there
// is no stale lock to detect or expire; a lock row would stay behind, and a
// write transaction held for the run would block the run's own statements.
// The lock file is never removed (removing it would let a second runner lock a
// new file while the first holds the old one); a runner checks before each
// commit that the path still names the file it locked (Work::verify_lock).
// SQLite's own locks (fcntl on the database file) are untouched: this is
// another file, and flock and fcntl locks do not interact on Linux.
#pragma once
#include <chrono>
#include <string>

namespace schemac::migrate::sqlite {

class FileLock {
public:
    // Takes the lock, polled with backoff and jitter (20 ms doubling to 1 s)
    // up to `timeout`; then RunnerError(lock_timeout) naming the holder (its
    // pid, host and since when, which the holder writes into the file).
    // `database`: for messages. A file that cannot be created: RunnerError(failure).
    FileLock(const std::string& path, std::chrono::milliseconds timeout, const std::string& database);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

    // Throws RunnerError(lock_lost), ending with `consequence`, when the path
    // no longer names the locked file (it was removed or replaced, so another
    // runner may hold a lock on a new one).
    void verify(const std::string& consequence) const;
    const std::string& path() const { return path_; }

    // Whether some process holds the lock at `path` (a runner is at work);
    // creates nothing.
    static bool held(const std::string& path);

private:
    std::string path_;
    std::string database_;
    int fd_ = -1;
};

// The lock file of history table `table` of the database file `database_path`.
std::string lock_file_for(const std::string& database_path, const std::string& table);

}  // namespace schemac::migrate::sqlite
