// Which snapshot describes the schema at a version of the migration directory: what `schemac
// verify` compares a database at that version with. Pure: the CLI reads the files.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "migrations/history.hpp"

namespace schemac::migrations {

struct SnapshotAt {
    std::string file;      // the file in the directory with the schema at the version; empty at version 0 (no schema)
    std::string problem;   // non-empty: the schema at the version is not known, and why (one sentence)
};

// The schema after migration `version`: its per-version snapshot (kSnapshotDir), or the snapshot or
// previous snapshot whose header names that version (directories written before per-version
// snapshots). A migration written by hand (`schemac new`) changes no YAML, so at its version the
// schema is the one at the migration before it. A generated migration without a snapshot is not
// known: written by an older schemac, or a part of a diff split into files before its last part.
SnapshotAt snapshot_at(const History& h, const DirContents& dir, int version);

// Every version `snapshot_at` knows, 0 (no migration applied) included, in order.
std::vector<int> known_versions(const History& h, const DirContents& dir);
// "0000, 0003 to 0005 and 0007".
std::string versions_text(const std::vector<int>& versions);

// What is wrong with the per-version snapshots, as (file, sentence): a name in kSnapshotDir that is
// not NNNN.yaml, a snapshot of a version that has no migration, one whose header names another version.
std::vector<std::pair<std::string, std::string>> snapshot_problems(const History& h, const DirContents& dir);

}  // namespace schemac::migrations
