// PostgreSQL's live side of the dialect seam (sql/live.hpp): its catalog read
// by the runtime (catalog::read_catalog) and turned into the model by
// inspect.hpp; normalisation through scratch schemas by normalize.hpp.
// Part of schemac_live, not schemac_compiler: it links libpqxx.
#pragma once
#include "sql/live.hpp"

namespace schemac::sql::postgres {

const LiveDatabase& live();

}  // namespace schemac::sql::postgres
