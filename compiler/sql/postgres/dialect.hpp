// PostgreSQL 15 (and TimescaleDB on it) behind the dialect seam.
#pragma once
#include "sql/dialect.hpp"

namespace schemac::sql::postgres {

const Dialect& dialect();

}  // namespace schemac::sql::postgres
