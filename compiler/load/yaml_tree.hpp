// YAML text as a plain tree, for output in another notation (`schemac inspect
// --format json`): mappings, lists, scalars as their text, null. No types are
// guessed: every scalar stays a string, as the schema loader reads them.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace schemac {

struct YamlTree {
    enum class Kind { Null, Scalar, List, Map } kind = Kind::Null;
    std::string text;                                          // Scalar
    std::vector<YamlTree> items;                               // List
    std::vector<std::pair<std::string, YamlTree>> members;     // Map, in document order
};

// The documents of `text`; nullopt when it does not parse.
std::optional<std::vector<YamlTree>> yaml_trees(const std::string& text);

}  // namespace schemac
