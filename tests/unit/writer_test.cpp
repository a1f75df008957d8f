// The snapshot writer round-trips: load → write → load gives an empty diff,
// and writing again gives the same bytes.
#include <doctest/doctest.h>

#include "diff/diff.hpp"
#include "load/loader.hpp"
#include "load/writer.hpp"
#include "model/analyze.hpp"
#include "sql/postgres/rules.hpp"

using namespace schemac;

namespace {
void round_trip(const std::vector<std::string>& paths) {
    Diagnostics d;
    const Schema original = load_schema(paths, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    const std::string text = write_schema_yaml(original, "snapshot");
    Schema again;
    load_yaml_text("snapshot.yaml", text, again, d);
    analyze(again, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), (render_text(d) + text));
    CHECK(diff::diff_schemas(original, again, schemac::sql::postgres::rules(), d).empty());
    CHECK(diff::diff_schemas(again, original, schemac::sql::postgres::rules(), d).empty());
    CHECK(write_schema_yaml(again, "snapshot") == text);
    CHECK(original.tables.size() == again.tables.size());
}
}  // namespace

TEST_CASE("the example schema survives write → load unchanged") {
    round_trip({std::string(SCHEMAC_SOURCE_DIR) + "/schema"});
}

TEST_CASE("quoted, mixed-case and reserved names survive write → load") {
    round_trip({std::string(SCHEMAC_SOURCE_DIR) + "/tests/golden/check/075_valid_tricky_names/schema"});
}

TEST_CASE("a seed's environments and an index's concurrently: false survive write → load, the per-change hints do not") {
    Diagnostics d;
    Schema original;
    load_yaml_text("s.yaml",
                   "tables:\n  t:\n    columns:\n      id: serial\n      a: {type: text, online: false}\n    primary_key: [id]\n"
                   "    unique: [{columns: [a], concurrently: false}]\n"
                   "    indexes:\n      - {columns: [a], concurrently: false}\n      - {columns: [id, a]}\n"
                   "    seed:\n      environments: [dev, test]\n      rows: [{id: '1', a: x}]\n",
                   original, d);
    analyze(original, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    const std::string text = write_schema_yaml(original, "snapshot");
    CHECK(text.find("environments: [dev, test]") != std::string::npos);
    CHECK(text.find("online") == std::string::npos);
    Schema again;
    load_yaml_text("snapshot.yaml", text, again, d);
    analyze(again, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), (render_text(d) + text));
    REQUIRE(again.tables.size() == 1);
    const Table& t = again.tables[0];
    REQUIRE(t.seed);
    CHECK(t.seed->environments.size() == 2);
    CHECK(t.migrated_seed() == nullptr);
    REQUIRE(t.indexes.size() == 2);
    CHECK_FALSE(t.indexes[0].concurrently);
    CHECK(t.indexes[1].concurrently);
    CHECK(t.columns[1].online);             // a hint for one change, not the schema
    CHECK(t.uniques.at(0).concurrently);
    CHECK(write_schema_yaml(again, "snapshot") == text);
}
