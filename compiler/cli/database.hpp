// Where a database command connects and which migrations it reads: --db,
// --env (schemac.yaml), SCHEMAC_DATABASE_URL, DATABASE_URL; --dir or the config.
#pragma once
#include <functional>
#include <stdexcept>
#include <string>

#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "schemac/migrate/runner.hpp"

namespace schemac::cli {

struct DatabaseTarget {
    RunnerOptions runner;          // conninfo, history table, lock timeout
    std::string source;            // where the URL came from: "--db", "--env production", "DATABASE_URL"
    std::string migrations_dir;
    std::string environment;       // --env NAME, else ""
    bool is_protected = false;     // the environment is `protected: true`
    const sql::Dialect* dialect = &sql::default_dialect();   // the project's
};

// Throws UsageError for a missing or contradictory choice (exit code 2).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
DatabaseTarget resolve_target(const DatabaseOptions& opts);

// Whether the target is a SQLite database (a file name or URL that
// schemac/sqlite/conninfo.hpp recognises): what is PostgreSQL's alone (pg_dump,
// password scrubbing, the schema's history schema) does not apply to it.
bool is_sqlite(const DatabaseTarget& t);
// The history table for messages: schema.table, or the table alone on SQLite.
std::string history_name(const DatabaseTarget& t);

// Resolves the target and runs `body`; every error becomes one message (text on
// stderr, or {"error":{...}} on stdout with --format json) and its exit code. No
// message contains the conninfo: only what libpq and the server say, scrubbed
// of the password (runtime/migrate/postgres/connection.cpp). A SQLite target's
// messages are left as they are: its connection string holds no password.
int with_database(const DatabaseOptions& opts, const std::function<int(const DatabaseTarget&)>& body);

// Drift of the target's database against its migrations (cli/verify.cpp): 0, 3 (drift) or 1.
int verify_database(const DatabaseTarget& t, bool as_json);

// The options of the database commands, one definition for all. `runner`: the
// commands that read the migrations and may take the lock also get --dir and
// --lock-timeout.
std::vector<OptionSpec> database_options(DatabaseOptions& db, bool runner = true);
// The options of commands that run migration statements (apply, rollback).
std::vector<OptionSpec> statement_options(DatabaseOptions& db);

}  // namespace schemac::cli
