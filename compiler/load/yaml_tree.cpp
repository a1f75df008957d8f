#include "load/yaml_tree.hpp"

#include "load/yaml_documents.hpp"

namespace schemac {

namespace {

YamlTree tree_of(const YAML::Node& n) {
    YamlTree t;
    if (n.IsScalar()) {
        t.kind = YamlTree::Kind::Scalar;
        t.text = n.Scalar();
    } else if (n.IsSequence()) {
        t.kind = YamlTree::Kind::List;
        for (const auto& item : n) t.items.push_back(tree_of(item));
    } else if (n.IsMap()) {
        t.kind = YamlTree::Kind::Map;
        for (const auto& kv : n) {
            t.keys.push_back(kv.first.Scalar());
            t.items.push_back(tree_of(kv.second));
        }
    }
    return t;
}

}  // namespace

std::optional<std::vector<YamlTree>> yaml_trees(const std::string& text) {
    Diagnostics diags;
    const auto docs = parse_yaml_documents(std::make_shared<const std::string>("<yaml>"), text, diags);
    if (!docs || diags.has_errors()) return std::nullopt;
    std::vector<YamlTree> out;
    for (const auto& d : *docs) out.push_back(tree_of(d));
    return out;
}

}  // namespace schemac
