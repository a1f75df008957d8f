// Semantic analysis of a whole (merged) schema: places what names no schema in
// the dialect's default one, resolves names (enum types, foreign-key targets,
// seed keys), chooses the database's default names, and reports every rule
// violation, including features the dialect does not support. YAML-free, so
// models built in code get the same checks as loaded ones.
#pragma once
#include "diag/diagnostics.hpp"
#include "model/rules.hpp"
#include "model/schema.hpp"

namespace schemac {

void analyze(Schema& schema, const SchemaRules& rules, Diagnostics& diags);

}  // namespace schemac
