// Where a database command connects and which migrations it reads: --db,
// --env (schemac.yaml), SCHEMAC_DATABASE_URL, DATABASE_URL; --dir or the config.
#pragma once
#include <string>

#include "cli/commands.hpp"
#include "schemac/runner.hpp"

namespace schemac::cli {

struct DatabaseTarget {
    RunnerOptions runner;          // conninfo, history table, lock timeout
    std::string source;            // where the URL came from: "--db", "--env production", "DATABASE_URL"
    std::string migrations_dir;
};

// Throws UsageError for a missing or contradictory choice (exit code 2).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
DatabaseTarget resolve_target(const DatabaseOptions& opts);

}  // namespace schemac::cli
