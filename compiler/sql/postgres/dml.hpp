// The data-access statements in PostgreSQL: $n parameters, ON CONFLICT ...
// DO UPDATE with EXCLUDED, RETURNING, OVERRIDING SYSTEM VALUE, ::type casts.
#pragma once
#include "sql/dml.hpp"

namespace schemac::sql::postgres {

const Dml& dml();

}  // namespace schemac::sql::postgres
