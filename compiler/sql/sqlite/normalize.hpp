// Models in the form a SQLite database reports them in, so that a YAML schema
// and an inspected database (sql/sqlite/inspect.hpp) compare equal when the
// database holds what the YAML says. Unlike PostgreSQL, SQLite keeps the text
// it was given (declared types, CHECK and index expressions, defaults), so no
// database is asked: the model is rewritten in place, the same way for both
// sides.
//
// What it does, on every table:
// - Defaults: an {sql: ...} expression that is a literal as SQLite reports it
//   (default_from_text: 'x', 42, TRUE on a boolean, X'0A') becomes that value,
//   DEFAULT NULL becomes no default (the same thing; the YAML loader drops
//   `default: null` too), and a value is written as SQLite reports the
//   literal the planner writes for it: a boolean as true/false (not 1, 0 or
//   True), bytes as lower-case hex, a number without a leading '+', a real or
//   double precision value in its shortest form (0.10 and 1e1 are 0.1 and 10).
// - Expressions (SQL defaults, checks, index expressions, index predicates):
//   trimmed, without parentheses that enclose all of them, and with quotes
//   dropped from identifiers that need none and name a column of the table
//   or a table of the model: SQLite's ALTER TABLE ... RENAME writes every
//   renamed reference as "name", which is the same expression as `name`.
//   Nothing else of the text changes (white space, case, comments stay).
// - Foreign keys that name no referenced columns name the referenced table's
//   primary key (SQLite reports `REFERENCES t` without columns, the planner
//   may write them).
// Declared types need nothing: parse_type reads SQLite's text into the same
// Type the YAML's spelling gives (INTEGER and integer, BLOB and bytea).
#pragma once
#include "model/schema.hpp"

namespace schemac::sql::sqlite {

void normalize_model(Schema& schema);

// An expression's normal form (above) for a table with columns `columns`
// in a model with tables `tables`.
std::string normal_expression(const std::string& expr, const std::vector<std::string>& columns,
                              const std::vector<std::string>& tables);

}  // namespace schemac::sql::sqlite
