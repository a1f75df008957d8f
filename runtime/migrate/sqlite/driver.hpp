// The SQLite driver of the runner (migrate/driver.hpp), over the SQLite C API:
// a database file opened with sqlite3_open_v2 (created by apply and baseline
// only), the migration lock as a file lock beside it (file_lock.hpp), the
// history table, a transactional file in BEGIN IMMEDIATE ... COMMIT with its
// history row, and a file marked -- schemac:no-transaction statement by
// statement, each statement committed together with its progress record, so
// a kill never leaves a statement done but unrecorded. docs/runtime.md,
// "SQLite". Private to the runtime.
#pragma once
#include <memory>

#include "migrate/driver.hpp"

namespace schemac::migrate::sqlite {

// A driver for options.conninfo (a SQLite connection string:
// schemac/sqlite/conninfo.hpp); connect() opens the database.
std::unique_ptr<Driver> make_driver(const RunnerOptions& options);

}  // namespace schemac::migrate::sqlite
