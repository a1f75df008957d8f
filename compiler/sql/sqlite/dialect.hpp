// SQLite 3.35 or newer (RETURNING, DROP COLUMN; Cloudflare D1 runs SQLite)
// behind the dialect seam.
#pragma once
#include "sql/dialect.hpp"

namespace schemac::sql::sqlite {

const Dialect& dialect();

}  // namespace schemac::sql::sqlite
