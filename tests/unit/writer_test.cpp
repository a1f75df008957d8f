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
