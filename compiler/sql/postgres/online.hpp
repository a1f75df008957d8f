// The online forms of changes to tables that already have rows: what schemac
// generates by default so that a busy table keeps serving reads and writes
// (docs/hazards.md, "Online by default"). Each is one step that runs outside a
// transaction block, so every statement commits on its own, locks are held
// only for the short statements, and `apply --resume` continues at the
// statement that failed. A change opts out with `online: false` (columns) or
// `concurrently: false` (keys, indexes); hypertables use the direct forms.
#pragma once
#include <string>

#include "model/schema.hpp"
#include "sql/plan.hpp"

namespace schemac::sql::postgres {

// The statements that add a column's NOT NULL without scanning under ACCESS
// EXCLUSIVE: CHECK (c IS NOT NULL) NOT VALID, VALIDATE it (writes go on),
// SET NOT NULL (PostgreSQL takes the validated check as proof and skips its
// scan), drop the check. Appended to `step`, with the reverse and hazards.
void add_online_not_null(PlanStep& step, const Table& t, const std::string& column);

// One DO block that fills `c` from its backfill expression in batches, each
// committed on its own: along `key` (the primary key, which exists throughout)
// 10,000 rows at a time, or, without one, 1,000 pages at a time by ctid.
// Only rows where the column IS NULL are written, so a rerun after a kill
// continues with what is left.
std::string batched_backfill(const Table& t, const Column& c, const KeyConstraint* key);

// CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY or
// UNIQUE USING INDEX; the reverse drops the constraint, or the index when the
// constraint was never attached.
PlanStep online_key(const Table& t, const KeyConstraint& k, bool primary);

}  // namespace schemac::sql::postgres
