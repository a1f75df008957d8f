// A copy of a SQLite database before a migration run (`schemac apply --backup
// DIR` on SQLite; docs/runtime.md "Backups"): VACUUM INTO a new file, a
// consistent snapshot that is itself a SQLite database, openable as it is.
// Part of the runtime (schemac_runtime_sqlite, over libsqlite3).
#pragma once
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "schemac/sqlite/conninfo.hpp"

namespace schemac::sqlite {

struct BackupFile {
    std::string file;      // DIR/<database file's name>-v<from>-to-v<to>-<UTC time>.db (-2, -3, ... when taken)
    std::string partial;   // what VACUUM INTO writes, renamed to `file` once complete
};

// Where a copy of `db` goes in `dir`. Creates nothing.
BackupFile plan_backup(const SqlitePath& db, const std::string& dir, int from_version, int to_version);

// Thrown by run_backup: why there is no copy (SQLite's message, or the file
// system's), on one line.
struct BackupError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct BackupDone {
    std::uintmax_t bytes = 0;
    long long elapsed_ms = 0;
};

// Creates `dir` if missing (mode 0700) and the partial file (mode 0600: it
// holds every row), VACUUM INTO it from a read-only connection that waits up
// to `busy_timeout` for writers, syncs it and renames it into place. On any
// failure the partial file is removed. An in-memory database cannot be copied.
BackupDone run_backup(const SqlitePath& db, const BackupFile& b, std::chrono::milliseconds busy_timeout);

}  // namespace schemac::sqlite
