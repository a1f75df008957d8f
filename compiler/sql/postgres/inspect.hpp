// A live database's catalog (runtime/include/schemac/catalog/catalog.hpp) as the schema
// model, so that a database can be printed as YAML, imported, and diffed
// against YAML or another database.
//
// What PostgreSQL rewrites is normalised back to what the schema language
// says: `integer` for int4, `varchar(20)` for character varying(20), a column
// whose default is nextval() of a sequence it owns is `serial`/`bigserial`,
// `'x'::character varying` is the literal x, `true`, `42`, `'2024-01-01'::date`
// are literals; any other default stays an SQL expression ({sql: ...}).
// Constraint and index names are kept exactly (name_given = true).
#pragma once
#include <string>

#include "diag/diagnostics.hpp"
#include "model/schema.hpp"
#include "schemac/catalog/catalog.hpp"

namespace schemac::sql::postgres {

// `source` names the database in messages (user@host/db, never a password).
// Objects the schema language cannot express:
// - standalone ones (views, functions, triggers, policies, sequences not owned
//   by a column, ...) are warnings ("unsupported-object"): they are not part of
//   the model, and plans never touch them;
// - parts of a table (a column type outside the language, an exclusion
//   constraint, a key's INCLUDE columns,
//   operator class or collation, MATCH PARTIAL, partitioning or
//   inheritance) are errors ("unsupported-feature") naming the table: leaving
//   them out would make a plan drop or recreate what it cannot see.
// - settings that change no name, type or constraint (storage parameters of
//   tables and indexes, tablespaces, table access method, UNLOGGED, row level
//   security, replica identity, CLUSTER ON, a column's storage, compression,
//   statistics target and options, non-default sequence options of serial and
//   identity columns) are warnings ("not-represented") naming the object and
//   the setting: plans never set them, but one that recreates the object loses them.
// NOT VALID constraints are warnings: the model has no such state.
//
// The rules in detail (tests/unit/inspect_test.cpp has a case for each):
// - Types: format_type()'s text through parse_type (character varying(20)[],
//   timestamp(3) without time zone, ...); enums by their schema and name, and
//   only when that schema is inspected. Anything else (time with time zone,
//   money, interval fields, domains, ranges, ...) is an unsupported-feature error.
// - serial/bigserial: an integer/bigint column whose default is exactly
//   nextval() of the sequence it owns. A sequence named otherwise than
//   PostgreSQL would name it (table_column_seq, truncated) still makes the
//   column serial, with a warning "serial-sequence-name" (a later rename of
//   the table or column renames the default name). smallint, or NULL allowed:
//   an unsupported-feature error. Owned but not the default: the sequence is
//   an unsupported-object warning and the default stays what it is.
// - Defaults become literal values when PostgreSQL's text is exactly one
//   constant of the column's type: a bare number (number columns), true/false
//   (boolean), 'text'::cast where the cast is the column's own type (or any
//   integer/numeric cast for a number column, any text type for a text
//   column), '{...}'::type[] and ARRAY[constants] for arrays (one dimension,
//   NULL elements kept), negative numbers quoted or in parentheses; and the
//   value passes check_literal for the column (otherwise, e.g. 1.5 for an
//   integer column, it stays SQL). Floats are written the way PostgreSQL
//   prints them (shortest form), booleans in arrays as true/false. Everything
//   else is {sql: ...} with PostgreSQL's text (pg_get_expr, pretty-printed).
// - Checks: the expression alone (pg_get_expr of conbin, pretty-printed).
//   Foreign keys always name the referenced columns. Indexes that back a
//   primary key or unique constraint are not indexes of the model; an index
//   expression loses the parentheses pg_get_indexdef puts around it.
// Other diagnostics: "fk-outside-inspection" (error: a foreign key to a table
// that was not read; it is left out), "invalid-index" (warning), and
// "unsupported-object" warnings for comments on constraints and indexes.
// Every position is {source, line 0}. The result is not analyzed: callers run
// analyze(), which passes without errors for any database schemac created.
Schema schema_from_catalog(const catalog::Snapshot& snapshot, const std::string& source, Diagnostics& diags);

}  // namespace schemac::sql::postgres
