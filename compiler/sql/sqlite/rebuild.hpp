// SQLite's table rebuild ("Making Other Kinds Of Table Schema Changes",
// lang_altertable.html): create the new shape under a temporary name, copy
// the rows of every kept column, drop the old table, rename the new one, and
// create its indexes again. The steps around it, foreign keys off outside the
// transaction and PRAGMA foreign_key_check before it commits, are the
// runner's (PlanStep::foreign_keys_off). Used whenever ALTER TABLE cannot make
// a table's changes, and for their reverse.
#pragma once
#include <string>
#include <vector>

#include "diff/by_table.hpp"
#include "sql/plan.hpp"

namespace schemac::sql::sqlite {

// Whether `group` (a table kept by the migration) needs a rebuild in either
// direction: some change, or its reverse, is beyond ALTER TABLE.
bool needs_rebuild(const diff::TableChanges& group);

// The step that rebuilds group.from into group.to (and back, for the down),
// the rows of every kept column copied, renamed columns by their new names.
PlanStep rebuild_step(const diff::TableChanges& group);

}  // namespace schemac::sql::sqlite
