// model × model → ordered changes. Generic: no dialect knowledge beyond the
// ordering every SQL database needs (drop dependants before what they depend
// on, create before use, foreign keys after all tables exist) and what the
// dialect's SchemaRules say (the default schema, sequence names).
#pragma once
#include <vector>

#include "diag/diagnostics.hpp"
#include "diff/changes.hpp"
#include "model/rules.hpp"

namespace schemac::diff {

// Both schemas must have been analyzed (names resolved, default names chosen).
// Changes that cannot be expressed (removing an enum value, un-making a
// hypertable) are reported in `diags` and left out.
std::vector<Change> diff_schemas(const Schema& from, const Schema& to, const SchemaRules& rules, Diagnostics& diags);

}  // namespace schemac::diff
