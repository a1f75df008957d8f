// PostgreSQL 15's (and TimescaleDB's) answers to what a schema may contain:
// every feature of the schema language, 63-byte identifiers, its literal
// syntax, its default names, its limits and its grammar for raw SQL.
#pragma once
#include "model/rules.hpp"

namespace schemac::sql::postgres {

const SchemaRules& rules();

}  // namespace schemac::sql::postgres
