// SQLite's live side of the dialect seam (sql/live.hpp): a database file read
// read-only through the SQLite C API (inspect.hpp), and models put into the
// form SQLite reports them in without asking the database (normalize.hpp).
// Part of schemac_live, not schemac_compiler: it links libsqlite3.
#pragma once
#include "sql/live.hpp"

namespace schemac::sql::sqlite {

const LiveDatabase& live();

}  // namespace schemac::sql::sqlite
