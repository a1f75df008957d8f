// YAML → schema model. The only place that knows YAML (and yaml-cpp).
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/rules.hpp"
#include "model/schema.hpp"

namespace schemac {

struct LoadStats {
    std::size_t files = 0;
};

// Reads one YAML text into `out` (appending tables and enums). Syntax and
// structure problems go to `diags`; nothing throws. `file_name` is used in
// positions exactly as given. What a file puts in no schema keeps schema ""
// (analysis places it in the dialect's default schema).
void load_yaml_text(const std::string& file_name, const std::string& text, Schema& out, Diagnostics& diags);

// Expands paths (a directory means every *.yaml / *.yml below it, in sorted
// order), reads and merges them, then runs semantic analysis with `rules`.
Schema load_schema(const std::vector<std::string>& paths, const SchemaRules& rules, Diagnostics& diags, LoadStats* stats = nullptr);

// The YAML files a list of paths stands for, sorted within each directory.
std::vector<std::string> expand_schema_paths(const std::vector<std::string>& paths, Diagnostics& diags);

}  // namespace schemac
