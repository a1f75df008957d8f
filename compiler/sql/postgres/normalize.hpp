// A YAML schema in PostgreSQL's own normal form, asked of a real server: the
// schema is created in scratch schemas inside a transaction that is rolled
// back (catalog::read_catalog_after), read back, and what PostgreSQL rewrote
// is copied into the YAML model. Comparing the result with an inspected
// database (schema_from_catalog) then shows real differences only, not
// spellings: `price > 0` is stored as `price > 0::numeric`, a default
// `5 minutes` as '00:05:00'::interval, `now` ... .
//
// Not part of schemac_compiler (which never links libpqxx): it calls the
// runtime's catalog reader, so it is in schemac_live with the rest of
// PostgreSQL's live side (live.hpp, which is how the CLI reaches it).
#pragma once
#include <string>

#include "diag/diagnostics.hpp"
#include "model/schema.hpp"

namespace schemac::sql::postgres {

// `yaml` must be analyzed without errors (names resolved, default names chosen).
// Returns a copy of it in which, matched by name (table, column, check, index),
//  - column types, defaults (literal or {sql:}) are PostgreSQL's,
//  - check expressions, index element expressions and index predicates are
//    PostgreSQL's text (pg_get_expr(..., true)),
//  - foreign keys that reference a primary key implicitly name its columns,
//    and an index element's NULLS FIRST/LAST that is the default is left out
//    (the inspected model always says it that way),
// with every schema name mapped back (also inside expression text). Everything
// else (positions, renamed_from/using/backfill hints, seed rows, comments,
// hypertables, name_given, concurrently) stays as in `yaml`.
//
// Each PostgreSQL schema S of the model becomes a scratch schema
// (schemac_norm_<random>_<n>); qualified references S.x to a table or enum of
// the model inside expressions follow it; unqualified names resolve first in
// the scratch schema of public (search_path), then in the real public. Seed
// rows, comments and hypertables are not created. A large schema is created
// in rounds of tables that each take at most migrations::kLockBudget relation
// locks (one rolled-back transaction per round, all enums in each), so that a
// server with the default lock table can normalise thousands of tables; a
// foreign key to a table of another round takes its columns from the model.
//
// Throws RunnerError: connection problems, and failure when a statement fails
// (e.g. no CREATE privilege, or an expression naming something the database
// lacks); callers may then compare the YAML as written. Problems inspecting
// the scratch schemas (never expected) come back as one warning
// "not-normalized" in `diags`, with `yaml` returned unchanged.
Schema normalize_through_server(const Schema& yaml, const std::string& conninfo, Diagnostics& diags);

// normalize_through_server until PostgreSQL's texts stop changing (at most 3
// rounds; 1 for a model that is already in normal form, such as an inspected
// database, 2 for most YAML). Needed because PostgreSQL does not print every
// expression in a form that parses back to the same tree: `status IN ('a',
// 'b')` on a varchar column is stored and printed as
//   (status)::text = ANY ((ARRAY['a'::character varying, ...])::text[])
// which, parsed again, is stored as ARRAY[('a'::character varying)::text, ...].
// A database and the YAML `schemac import` wrote from it then disagree after
// one round. Comparing normalize_to_fixed_point(yaml) with
// normalize_to_fixed_point(inspected database) shows real differences only,
// whoever wrote the expressions; one round on the YAML side alone is enough
// only when the YAML was written by people (or schemac diff), not imported.
Schema normalize_to_fixed_point(const Schema& schema, const std::string& conninfo, Diagnostics& diags);

}  // namespace schemac::sql::postgres
