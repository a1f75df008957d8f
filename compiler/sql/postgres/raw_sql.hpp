// Every raw SQL text of a schema (checks, {sql: ...} defaults, index
// predicates and expressions, backfills, USING conversions, named queries)
// checked against PostgreSQL's grammar for the place it is written into
// (sql/postgres/grammar.hpp says why and how). Called by analyze(), so a model
// built in code gets the same checks as a loaded one.
#pragma once
#include "diag/diagnostics.hpp"
#include "model/schema.hpp"

namespace schemac::sql::postgres {

void check_raw_sql_fields(const Schema& schema, Diagnostics& diags);

}  // namespace schemac::sql::postgres
