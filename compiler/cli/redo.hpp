// `schemac diff --redo`: the hooks run_diff calls (the rest of diff is shared).
#pragma once
#include <string>
#include <vector>

#include "cli/migration_dir.hpp"
#include "sql/plan.hpp"

namespace schemac::cli {

struct RedoState {
    migrations::DirContents original;    // the directory as it is, to restore on a failed write
    std::vector<std::string> remove;     // the replaced migration's files
    std::string replaced;                // its names, for messages
    migrations::History kept;            // the migrations before it
    migrations::DirContents kept_files;  // the directory without it
};

// The directory as it was before its newest migration: that migration's files
// left out, the previous snapshot as the snapshot. Errors in `diags`.
MigrationState load_state_for_redo(const std::string& dir, RedoState& redo, Diagnostics& diags);

// Adjusts the files diff is about to write: with no change left, the newest
// migration is only removed and the snapshot before it is unknown again.
// Prints what is replaced, and that schemac cannot know where it was applied.
void finish_redo(const sql::Plan& plan, std::vector<migrations::OutputFile>& files, RedoState& redo);

}  // namespace schemac::cli
