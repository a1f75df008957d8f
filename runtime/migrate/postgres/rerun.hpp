// Re-running the statement a non-transactional file stopped at. A runner killed
// during (or just after) a statement has not recorded it as done; PostgreSQL
// may have finished it anyway, or, for CREATE INDEX CONCURRENTLY, left an
// INVALID index behind. Private to the runtime.
#pragma once
#include <pqxx/pqxx>

#include <string>

#include "migrate/driver.hpp"

namespace schemac::detail {

using migrate::Rerun;

// Looks at the database before `statement` runs again. A CREATE INDEX
// CONCURRENTLY whose index exists valid on its table is done; one whose index
// is INVALID has that index dropped (DROP INDEX CONCURRENTLY) and is run. A
// DROP INDEX CONCURRENTLY whose index is gone is done. Any other statement is
// run as written. `tx`: the file's own (autocommit) session. `note` says what was found, for the progress output.
Rerun prepare_rerun(pqxx::nontransaction& tx, const std::string& statement, std::string& note);

// After `statement` failed: a CREATE INDEX CONCURRENTLY that failed (duplicate
// keys, a lock or statement timeout, a cancel) leaves its index INVALID, which
// every later try would meet as "already exists"; it is dropped, and the
// returned phrase says so ("" when there was nothing to do).
std::string clean_up_failed(pqxx::nontransaction& tx, const std::string& statement);

}  // namespace schemac::detail
