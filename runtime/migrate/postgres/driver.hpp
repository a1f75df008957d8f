// The PostgreSQL driver of the runner (migrate/driver.hpp): a libpqxx session
// pinned to the settings generated SQL assumes, a session-level advisory lock on
// a connection of its own, the history table, and the rule that a file runs in
// one transaction unless marked -- schemac:no-transaction (CREATE INDEX
// CONCURRENTLY cannot run in one). Private to the runtime.
#pragma once
#include <memory>

#include "migrate/driver.hpp"

namespace schemac::migrate::postgres {

// A driver for options.conninfo; connect() opens the session.
std::unique_ptr<Driver> make_driver(const RunnerOptions& options);

}  // namespace schemac::migrate::postgres
