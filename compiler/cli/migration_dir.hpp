// The disk side of the migration directory (the only code that touches it).
#pragma once
#include <string>
#include <vector>

#include "migrations/history.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

struct MigrationState {
    bool exists = false;
    migrations::DirContents files;
    migrations::History history;
    Schema snapshot;   // empty when there is no snapshot yet
};

// Reads the directory (and its per-version snapshots, as "snapshots/NNNN.yaml")
// and checks it: names, pairs, versions, schemac.sum and the per-version
// snapshots (unless `check_sum` is false: `hash` and `diff --redo` rewrite it), snapshot.
// The snapshot is analysed with `rules` (the dialect the migrations were written for).
MigrationState load_migration_state(const std::string& dir, Diagnostics& diags, bool check_sum = true,
                                    const SchemaRules& rules = sql::default_dialect().rules());
// Errors for the per-version snapshots (snapshots/NNNN.yaml) that belong to no migration or name
// another version; load_migration_state reports them when it checks schemac.sum.
void report_snapshot_problems(const std::string& dir, const MigrationState& st, Diagnostics& diags);
// A snapshot's text as a checked schema (`name` is the file name in `dir`, for messages).
Schema read_snapshot(const std::string& dir, const std::string& name, const std::string& text, Diagnostics& diags,
                     const SchemaRules& rules = sql::default_dialect().rules());

// The creation date in new migrations' headers, YYYY-MM-DD in UTC (SCHEMAC_DATE overrides it).
std::string today_utc();

// Writes `data` to `path` (created or truncated) and fsyncs it; false with the
// reason in `error`. The one low-level file writer of the CLI.
bool write_fully(const std::string& path, const std::string& data, std::string& error);

// Writes every file to a temporary name first, then renames them into place;
// `remove` (names not among `files`) are deleted just before the last file,
// schemac.sum, lands. On any failure the temporaries are removed, files already
// renamed or removed are put back from `previous` (or removed if they are new),
// and the directory is as it was.
bool write_files_atomically(const std::string& dir, const std::vector<migrations::OutputFile>& files,
                            const migrations::DirContents& previous, std::string& error,
                            const std::vector<std::string>& remove = {});

}  // namespace schemac::cli
