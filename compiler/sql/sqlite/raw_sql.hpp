// The raw SQL of a schema (checks, defaults, index expressions and WHERE,
// using, backfill) checked by SQLite itself: each text must be one
// expression that stays inside its parentheses, and SQLite must accept it in
// the very place the migration puts it (a CHECK in CREATE TABLE, a DEFAULT,
// an index), tried in a private in-memory database that is thrown away.
#pragma once
#include <string_view>

#include "diag/diagnostics.hpp"
#include "model/schema.hpp"

namespace schemac::sql::sqlite {

void check_raw_sql_fields(const Schema& schema, Diagnostics& diags);
// What only SQLite refuses in a table (after the generic checks).
void check_table_rules(const Table& t, Diagnostics& diags);

// Whether `sql` is one piece that cannot end the parentheses it is put in:
// by SQLite's lexical rules ('strings', "names", [names], `names`, comments),
// its parentheses balance without ever closing one it did not open, no ';'
// stands outside them, and no string or comment is left open. "" when so,
// else the reason.
std::string unbalanced(std::string_view sql);

}  // namespace schemac::sql::sqlite
