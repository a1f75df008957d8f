// YAML text as a plain tree, for output in another notation (`schemac inspect
// --format json`): mappings, lists, scalars as their text, null. No types are
// guessed: every scalar stays a string, as the schema loader reads them.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace schemac {

struct YamlTree {
    enum class Kind { Null, Scalar, List, Map } kind = Kind::Null;
    std::string text;                                          // Scalar
    // List: the items. Map: the values, in document order, keys[i] naming items[i].
    // (Not a vector of pairs: std::pair needs YamlTree complete, which it is not yet here.)
    std::vector<YamlTree> items;
    std::vector<std::string> keys;
};

// The documents of `text`; nullopt when it does not parse.
std::optional<std::vector<YamlTree>> yaml_trees(const std::string& text);

}  // namespace schemac
