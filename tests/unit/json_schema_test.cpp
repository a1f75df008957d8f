// The JSON Schemas editors read (`schemac schema-json`) and the loaders agree:
// every mapping offers exactly the keys the loader accepts, every key has hover
// text, and every word a closed set offers is one the loader accepts.
#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "load/config.hpp"
#include "load/json_schema.hpp"
#include "load/loader.hpp"
#include "load/yaml_keys.hpp"

using namespace schemac;

namespace {

// Follows a path of member names; a number steps into an array (an anyOf).
const Json& at(const Json& j, const std::vector<std::string>& path) {
    const Json* cur = &j;
    for (const std::string& step : path) {
        const Json* next = nullptr;
        if (!step.empty() && std::isdigit(static_cast<unsigned char>(step[0]))) {
            const std::size_t i = std::stoul(step);
            if (i < cur->items().size()) next = &cur->items()[i];
        } else {
            next = cur->get(step);
        }
        REQUIRE_MESSAGE(next != nullptr, "no '" << step << "' in the path");
        cur = next;
    }
    return *cur;
}

std::set<std::string> properties(const Json& record) {
    const Json& p = at(record, {"properties"});
    CHECK(at(record, {"additionalProperties"}).dump() == "false");
    return {p.keys().begin(), p.keys().end()};
}

std::set<std::string> set_of(Keys keys) { return {keys.begin(), keys.end()}; }

// Every property of every mapping, at any depth, has a description.
void require_descriptions(const Json& j, const std::string& where) {
    if (const Json* p = j.get("properties")) {
        for (std::size_t i = 0; i < p->keys().size(); ++i) {
            const Json* d = p->items()[i].get("description");
            CHECK_MESSAGE((d != nullptr && d->is_string() && !d->text().empty()), where << "." << p->keys()[i] << " has no description");
        }
    }
    for (std::size_t i = 0; i < j.items().size(); ++i)
        require_descriptions(j.items()[i], where + "/" + (i < j.keys().size() ? j.keys()[i] : std::to_string(i)));
}

std::vector<std::string> words(const Json& closed_set) {
    std::vector<std::string> out;
    for (const Json& w : at(closed_set, {"enum"}).items()) out.push_back(w.text());
    REQUIRE(!out.empty());
    return out;
}

// Loads one schema file (structure only) and returns its errors.
std::string load_errors(const std::string& yaml) {
    Schema s;
    Diagnostics d;
    load_yaml_text("s.yaml", yaml, s, d);
    return render_text(d);
}

}  // namespace

TEST_CASE("every mapping of the schema-file JSON Schema has exactly the loader's keys") {
    const Json schema = schema_file_json_schema();
    const Json& table = at(schema, {"properties", "tables", "additionalProperties"});
    const Json& column = at(table, {"properties", "columns", "additionalProperties", "anyOf", "1"});
    const Json& fk = at(table, {"properties", "foreign_keys", "items"});
    const Json& index = at(table, {"properties", "indexes", "items"});
    CHECK(properties(schema) == set_of(kFileKeys));
    CHECK(properties(at(schema, {"properties", "enums", "additionalProperties", "anyOf", "1"})) == set_of(kEnumKeys));
    CHECK(properties(table) == set_of(kTableKeys));
    CHECK(properties(column) == set_of(kColumnKeys));
    CHECK(properties(at(column, {"properties", "references", "anyOf", "1"})) == set_of(kReferenceKeys));
    CHECK(properties(at(table, {"properties", "primary_key", "anyOf", "1"})) == set_of(kKeyKeys));
    CHECK(properties(at(table, {"properties", "unique", "items", "anyOf", "1"})) == set_of(kKeyKeys));
    CHECK(properties(fk) == set_of(kForeignKeyKeys));
    CHECK(properties(at(fk, {"properties", "references", "anyOf", "1"})) == std::set<std::string>{"table", "columns"});
    CHECK(properties(index) == set_of(kIndexKeys));
    CHECK(properties(at(index, {"properties", "columns", "items", "anyOf", "1"})) == set_of(kIndexElementKeys));
    CHECK(properties(at(table, {"properties", "hypertable"})) == set_of(kHypertableKeys));
    CHECK(properties(at(table, {"properties", "seed", "anyOf", "1"})) == set_of(kSeedKeys));
    CHECK(properties(at(schema, {"properties", "queries", "additionalProperties"})) == set_of(kQueryKeys));
    require_descriptions(schema, "schema");
}

TEST_CASE("every mapping of the schemac.yaml JSON Schema has exactly the config reader's keys") {
    const Json config = config_json_schema({"postgres"}, {"libpqxx"});
    CHECK(properties(config) == set_of(kConfigKeys));
    CHECK(properties(at(config, {"properties", "environments", "additionalProperties"})) == set_of(kEnvironmentKeys));
    CHECK(properties(at(config, {"properties", "codegen"})) == set_of(kCodegenKeys));
    require_descriptions(config, "config");
}

TEST_CASE("every word a closed set of the JSON Schema offers is accepted by the loader") {
    const Json schema = schema_file_json_schema();
    const Json& table = at(schema, {"properties", "tables", "additionalProperties"});
    const Json& column = at(table, {"properties", "columns", "additionalProperties", "anyOf", "1"});
    const Json& index = at(table, {"properties", "indexes", "items"});
    const Json& element = at(index, {"properties", "columns", "items", "anyOf", "1"});
    const std::string head = "tables:\n  t:\n    columns:\n      a: bigint\n";
    for (const std::string& w : words(at(column, {"properties", "identity"})))
        CHECK_MESSAGE(load_errors("tables:\n  t:\n    columns:\n      a:\n        type: bigint\n        identity: " + w + "\n").empty(), w);
    for (const std::string& w : words(at(index, {"properties", "method"})))
        CHECK_MESSAGE(load_errors(head + "    indexes:\n      - columns: [a]\n        method: " + w + "\n").empty(), w);
    for (const std::string& w : words(at(element, {"properties", "order"})))
        CHECK_MESSAGE(load_errors(head + "    indexes:\n      - columns: [{column: a, order: " + w + "}]\n").empty(), w);
    for (const std::string& w : words(at(element, {"properties", "nulls"})))
        CHECK_MESSAGE(load_errors(head + "    indexes:\n      - columns: [{column: a, nulls: " + w + "}]\n").empty(), w);
    for (const char* event : {"on_delete", "on_update"})
        for (const std::string& w : words(at(column, {"properties", "references", "anyOf", "1", "properties", event})))
            CHECK_MESSAGE(load_errors(head + "      b:\n        type: bigint\n        references: {table: t, " + event + ": " + w + "}\n").empty(), w);
    for (const std::string& w : words(at(schema, {"properties", "queries", "additionalProperties", "properties", "returns"})))
        CHECK_MESSAGE(load_errors("queries:\n  q:\n    returns: " + w + "\n    sql: SELECT 1\n").empty(), w);
}

TEST_CASE("the JSON text escapes what JSON requires") {
    CHECK(Json(std::string("a\"b\\c\n\x01")).dump() == "\"a\\\"b\\\\c\\n\\u0001\"");
    CHECK(Json::object().set("k", Json::array({1, true, Json()})).dump() == "{\n  \"k\": [\n    1,\n    true,\n    null\n  ]\n}");
}
