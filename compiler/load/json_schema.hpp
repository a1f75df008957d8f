// JSON Schemas (draft-07) of the schema files and of schemac.yaml, for editors:
// yaml-language-server (VS Code's YAML extension, Neovim, Helix) reads them to
// offer completion, hover text and errors while typing. `schemac schema-json`
// prints them. Every mapping's properties are exactly the keys the loader
// accepts (load/yaml_keys.hpp); unit tests hold the two together.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace schemac {

// The little JSON a schema needs: null, booleans, integers, strings, arrays
// and objects that keep their members in insertion order (so output is stable
// and reads in the order the docs explain things).
class Json {
public:
    Json() = default;
    Json(const char* s) : kind_(Kind::String), text_(s) {}
    Json(std::string s) : kind_(Kind::String), text_(std::move(s)) {}
    Json(bool b) : kind_(Kind::Bool), bool_(b) {}
    Json(int n) : kind_(Kind::Integer), int_(n) {}
    static Json object() { Json j; j.kind_ = Kind::Object; return j; }
    static Json array(std::vector<Json> items);

    // Adds a member (or replaces one with the same key); returns *this.
    Json& set(const std::string& key, Json value);
    const Json* get(const std::string& key) const;     // nullptr when absent
    const std::vector<std::string>& keys() const { return keys_; }
    const std::vector<Json>& items() const { return items_; }   // array items or member values
    bool is_string() const { return kind_ == Kind::String; }
    const std::string& text() const { return text_; }

    // Two-space indented, no trailing newline.
    std::string dump() const;

private:
    enum class Kind { Null, Bool, Integer, String, Array, Object };
    Kind kind_ = Kind::Null;
    bool bool_ = false;
    std::int64_t int_ = 0;
    std::string text_;
    std::vector<std::string> keys_;    // objects: member names, parallel to items_
    std::vector<Json> items_;
    void dump_to(std::string& out, int depth) const;
};

// For schema/**/*.yaml.
Json schema_file_json_schema();
// For schemac.yaml; `dialects`: the names `dialect:` accepts, `drivers`: those
// `codegen: driver:` accepts (of any dialect).
Json config_json_schema(const std::vector<std::string>& dialects, const std::vector<std::string>& drivers);

}  // namespace schemac
