// The disk side of the migration directory (the only code that touches it).
#pragma once
#include <string>
#include <vector>

#include "migrations/history.hpp"

namespace schemac::cli {

struct MigrationState {
    bool exists = false;
    migrations::DirContents files;
    migrations::History history;
    Schema snapshot;   // empty when there is no snapshot yet
};

// Reads the directory and checks it: names, pairs, versions, schemac.sum, snapshot.
MigrationState load_migration_state(const std::string& dir, Diagnostics& diags);

// Writes every file to a temporary name first, then renames them into place;
// on any failure the temporaries are removed, files already renamed are put
// back from `previous` (or removed if they are new), and the directory is as it was.
bool write_files_atomically(const std::string& dir, const std::vector<migrations::OutputFile>& files,
                            const migrations::DirContents& previous, std::string& error);

}  // namespace schemac::cli
