// `schemac diff --redo`: which files the newest migration is, and the directory as it was before
// it, so that a fresh diff can take its place. Pure: the CLI reads and writes the disk.
#pragma once
#include <string>
#include <vector>

#include "migrations/history.hpp"

namespace schemac::migrations {

struct RedoBase {
    std::string problem;                // non-empty: nothing can be redone, and why (one sentence)
    std::vector<Migration> replaced;    // the newest migration (all parts of one diff), oldest first
    std::vector<std::string> remove;    // its files that are on disk
    History kept;                       // the migrations before it
    DirContents files;                  // the directory without it, the previous snapshot as the snapshot
};

// The newest migration is the last one on disk or, when its files were deleted, the last one
// schemac.sum lists. Every older migration must still match schemac.sum (redo never re-signs an
// edit to them), the newest must have been written by `schemac diff` (a hand-written one is
// refused), and the snapshot before it must be kept (kPreviousSnapshotFile).
RedoBase plan_redo(const History& on_disk, const DirContents& dir);

}  // namespace schemac::migrations
