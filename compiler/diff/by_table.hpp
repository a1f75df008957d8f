// Changes grouped per table, for dialects that cannot alter a table piece by
// piece. SQLite's ALTER TABLE adds, renames and drops a column and little
// else: changing a type, a key, a check or a foreign key means rebuilding the
// table (create the new shape, copy the rows, drop the old, rename), once per
// table however many of its parts change — as Atlas's ModifyTable does.
// PostgreSQL plans the flat list (diff_schemas' global order) and never
// groups.
#pragma once
#include <variant>
#include <vector>

#include "diff/changes.hpp"

namespace schemac::diff {

// Every change that concerns one table, with the table as it was and as it becomes.
struct TableChanges {
    const Table* from = nullptr;   // in the `from` schema; nullptr when the table is created
    const Table* to = nullptr;     // in the `to` schema; nullptr when the table is dropped
    std::vector<const Change*> changes;   // in diff order
};

// A change that concerns no table (schemas, enums), or one table's changes.
using TableStep = std::variant<const Change*, TableChanges>;

// `changes` as diff_schemas(from, to) returned them, grouped: a table's group
// stands where its first change stood, and keeps its changes' order; other
// changes keep their place. A renamed table is one group (old and new name);
// a table dropped and another created or renamed to the same name are two.
// Foreign keys to a table created later in the list stay in the referencing
// table's group: a dialect using groups must accept forward references
// (SQLite checks foreign keys when rows change, not when a table is created).
std::vector<TableStep> group_by_table(const std::vector<Change>& changes, const Schema& from, const Schema& to);

}  // namespace schemac::diff
