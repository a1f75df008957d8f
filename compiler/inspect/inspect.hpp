// A live database's catalog (runtime/include/schemac/catalog.hpp) as the schema
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
#include "schemac/catalog.hpp"

namespace schemac {

// `source` names the database in messages (user@host/db, never a password).
// Objects the schema language cannot express:
// - standalone ones (views, functions, triggers, policies, sequences not owned
//   by a column, ...) are warnings ("unsupported-object"): they are not part of
//   the model, and plans never touch them;
// - parts of a table (a column type outside the language, a generated column,
//   an exclusion constraint, INCLUDE columns, a non-default collation or
//   operator class, a deferrable or MATCH FULL foreign key, partitioning or
//   inheritance) are errors ("unsupported-feature") naming the table: leaving
//   them out would make a plan drop or recreate what it cannot see.
// NOT VALID constraints are warnings: the model has no such state.
Schema schema_from_catalog(const catalog::Snapshot& snapshot, const std::string& source, Diagnostics& diags);

}  // namespace schemac
