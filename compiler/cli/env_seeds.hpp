// Seed rows limited to environments (`seed: {environments: [dev], ...}`):
// development and test data that no migration holds. `apply --env dev` writes
// them after the migrations (ApplyOptions::after), from the project's schema,
// which must be the schema of the newest migration; production never does,
// since a protected environment cannot be named.
#pragma once
#include <optional>
#include <string>

#include "cli/database.hpp"
#include "diag/diagnostics.hpp"
#include "load/config.hpp"
#include "model/schema.hpp"

namespace schemac::cli {

// Errors at a seed's `environments:` for a name schemac.yaml does not define
// (with a did-you-mean), and for a protected environment. `check` and `diff`
// report them; `apply` refuses to run with them.
void check_seed_environments(const Schema& schema, const ProjectConfig& config, Diagnostics& diags);

// The statements that write the seed rows of `t.environment`, or nullopt when
// no seed names it (or no --env was given). Throws UsageError when the
// project's schema has errors, or changes no migration holds yet.
std::optional<AfterMigrations> environment_seeds(const DatabaseTarget& t, const DatabaseOptions& opts);

}  // namespace schemac::cli
