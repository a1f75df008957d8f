// `schemac new`: an empty, numbered migration for what the YAML cannot say (an UPDATE that
// transforms data, a backfill before a constraint). Pure: the CLI writes the files.
#pragma once
#include <vector>

#include "migrations/history.hpp"

namespace schemac::migrations {

// The next numbered up/down pair, each a header and a comment saying what belongs there; the
// snapshot unchanged (the schema did not change); the snapshot as the previous one (so the state
// before this migration is known, as after `diff`); and the new schemac.sum.
std::vector<OutputFile> plan_hand_written_migration(const History& h, const DirContents& dir, const NewMigration& m,
                                                    bool transactional);

}  // namespace schemac::migrations
