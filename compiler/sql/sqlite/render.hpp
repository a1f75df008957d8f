// Changes → SQLite plan steps, each with its reverse, hazards and notes.
// SQLite's ALTER TABLE renames a table or a column, adds a column and drops
// one, each with restrictions; every other change to a table is made by
// rebuilding it (rebuild.hpp), once per table however many of its parts
// change, so the plan works on changes grouped by table (diff/by_table.hpp).
#pragma once
#include <string>
#include <vector>

#include "diff/changes.hpp"
#include "sql/plan.hpp"

namespace schemac::sql::sqlite {

Plan render_plan(const std::vector<diff::Change>& changes, const Schema& from, const Schema& to);

// CREATE TABLE with every column and constraint (SQLite cannot add a
// constraint later), under `name` (the table's own when empty).
std::string create_table(const Table& t, const std::string& name = "");
std::string create_index(const Table& t, const Index& i);
// Whether the CREATE TABLE text of `t` holds the constraint `name` (a name
// other than the default one PostgreSQL's rules give, or a check's).
bool keeps_name(const Table& t, const std::string& name);
// One INSERT ... ON CONFLICT (key) DO UPDATE per seed row of `t`.
std::vector<std::string> upsert_seed_rows(const Table& t);

}  // namespace schemac::sql::sqlite
