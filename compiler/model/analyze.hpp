// Semantic analysis of a whole (merged) schema: resolves names (enum types,
// foreign-key targets, seed keys), chooses PostgreSQL's default names, and
// reports every rule violation. YAML-free, so models built in code get the
// same checks as loaded ones.
#pragma once
#include "diag/diagnostics.hpp"
#include "model/schema.hpp"

namespace schemac {

void analyze(Schema& schema, Diagnostics& diags);

}  // namespace schemac
