// What PostgreSQL alone refuses in a table the schema language allows: more
// columns than a heap tuple holds, more key columns than an index, the names
// of its system columns, and keys or indexes on a type without a default
// operator class (docs/schema-language.md, "Limits PostgreSQL imposes").
#pragma once
#include "diag/diagnostics.hpp"
#include "model/schema.hpp"

namespace schemac::sql::postgres {

void check_table_limits(const Table& t, Diagnostics& diags);

}  // namespace schemac::sql::postgres
