// The names PostgreSQL 15 chooses for unnamed constraints and indexes, so a
// database built from our SQL and inspected later matches the model exactly.
// Mirrors makeObjectName/ChooseIndexNameAddition in PostgreSQL's
// src/backend/commands/indexcmds.c (behaviour, not code).
#pragma once
#include <string>
#include <vector>

#include "model/schema.hpp"

namespace schemac::sql::postgres {

// name1[_name2][_label], truncated to 63 bytes by shortening the longer part first.
std::string pg_object_name(const std::string& name1, const std::string& name2, const std::string& label);
// Column names joined with '_' the way PostgreSQL does, stopping past 63 bytes.
std::string pg_name_addition(const std::vector<std::string>& columns);
// The column-ish name PostgreSQL derives from an index expression: the leading
// function name for `f(...)`, else "expr".
std::string pg_expression_column_name(const std::string& expr);

// Fills every constraint and index name the user did not give, in declaration
// order, adding 1, 2, ... on a clash with a name already taken in the schema
// (as PostgreSQL does for relation names).
void assign_default_names(Schema& schema);

}  // namespace schemac::sql::postgres
