// apply/rollback --backup DIR: a pg_dump of the whole database (on SQLite, a
// copy of the file by VACUUM INTO), taken by the runner's before_run hook, so
// only when something will run and while the migration lock is held (no other
// runner changes the database between the dump and the first file). The dump
// itself is the runtime's (schemac/migrate/backup.hpp,
// schemac/sqlite/backup.hpp); this file reports it.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/database.hpp"
#include "cli/json_output.hpp"

namespace schemac::cli {

// The directory of --backup: "" when not given. Throws UsageError when given
// empty (`--backup "$UNSET"` must not silently run without a backup) or twice.
std::string backup_dir(const std::vector<std::string>& given);

// Calls `run` with the hook to pass as ApplyOptions/RollbackOptions::before_run
// (empty without --backup). On a dry run with something to run, `report` is
// the dump that would be taken; after a real run, the one taken (none when
// nothing ran). A run that fails after the dump names it in its error. Text
// output: progress lines on stderr.
RunResult with_backup(const std::string& dir, const DatabaseTarget& target, const DatabaseOptions& db, bool dry_run,
                      const std::function<RunResult(const BeforeRunFn&)>& run, std::optional<json::BackupReport>& report);

}  // namespace schemac::cli
