// Reads a schema file's `queries:` mapping (named queries for the typed C++
// code). Private to load/: the loader calls it with its own walk, so the
// alias budget and the messages are those of the rest of the document.
// Checks that need the whole schema are in model/queries.cpp.
#pragma once
#include <string>
#include <vector>

#include "load/yaml_documents.hpp"
#include "model/schema.hpp"

namespace schemac {

// Appends one Query per entry of `n` (the value of `queries:` at `at`), in
// written order, each in schema `schema` (the file's; "" when not written,
// then `schema_pos` is unset too).
void read_queries(YamlWalk& walk, const YAML::Node& n, const SourcePos& at, const std::string& schema, const SourcePos& schema_pos,
                  std::vector<Query>& out);

}  // namespace schemac
