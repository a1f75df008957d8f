// YAML merge keys (`<<: *anchor`, `<<: [*a, *b]`) in schema and config files:
// where merged entries go, which value wins, where errors point.
#include <doctest/doctest.h>

#include "load/config.hpp"
#include "load_helpers.hpp"

using schemac::test::diagnose;
using schemac::test::load_ok;

namespace {

std::string columns_of(const schemac::Table& t) {
    std::string out;
    for (const auto& c : t.columns) out += c.name + ":" + c.type.display() + (c.nullable ? "?" : "") + " ";
    return out;
}

}  // namespace

TEST_CASE("load: a merge key brings in a mapping's entries where it is written, own keys winning") {
    const auto s = load_ok(R"(
tables:
  accounts:
    columns:
      id: bigserial
      <<: &audit
        created_at: timestamptz
        updated_at: timestamptz?
    primary_key: [id]
  orders:
    <<: {primary_key: [id]}
    columns:
      <<: [*audit, {id: bigserial, created_at: date, note: text}]
      updated_at: timestamptz
      note: integer
)");
    REQUIRE(s.tables.size() == 2);
    CHECK(columns_of(s.tables[0]) == "id:bigserial created_at:timestamptz updated_at:timestamptz? ");
    // The earlier merged mapping wins (created_at), the table's own keys win over both (updated_at, note).
    CHECK(columns_of(s.tables[1]) == "created_at:timestamptz id:bigserial updated_at:timestamptz note:integer ");
    REQUIRE(s.tables[1].primary_key);
    // A merged column keeps the position where it is written: the anchored mapping.
    CHECK(s.tables[1].columns[0].pos.line == 7);
}

TEST_CASE("load: merge key errors point at the merge or the merged entry") {
    CHECK(diagnose("tables:\n  t:\n    columns:\n      <<: 5\n      id: integer\n") ==
          "s.yaml:4:11: error: the merge key '<<' in columns takes a mapping or a list of mappings (such as *defaults or [*a, *b]), not a scalar\n");
    CHECK(diagnose("tables:\n  t:\n    columns:\n      <<: [{a: integer}, 5]\n      id: integer\n") ==
          "s.yaml:4:11: error: the merge key '<<' in columns takes a mapping or a list of mappings (such as *defaults or [*a, *b]), not a list\n");
    // An unknown key merged into a table is reported where it is written, once for all its uses.
    CHECK(diagnose("x: &d {colums: {id: integer}}\ntables:\n  a: {<<: *d, columns: {id: integer}}\n  b: {<<: *d, columns: {id: integer}}\n") ==
          "s.yaml:1:1: error: unknown key 'x' in schema file; expected one of: schema, extensions, enums, tables, queries\n"
          "s.yaml:1:8: error: unknown key 'colums' in table; did you mean 'columns'?\n");
    // Duplicates written in the mapping itself are still duplicates; a quoted '<<' is an ordinary key.
    CHECK(diagnose("tables:\n  t:\n    columns:\n      <<: {a: text}\n      id: integer\n      id: text\n") ==
          "s.yaml:6:7: error: duplicate key 'id' in columns\n");
    const auto s = load_ok("tables:\n  t:\n    columns:\n      '<<': text\n");
    CHECK(s.tables[0].columns[0].name == "<<");
}

TEST_CASE("load: merge keys in the config file") {
    schemac::Diagnostics d;
    const auto cfg = schemac::parse_config("c.yaml", R"(
environments:
  dev: &base
    url: postgresql://localhost/dev
    lock_timeout: 5s
  staging:
    <<: *base
    url: postgresql://localhost/staging
)", d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    const auto* staging = cfg.find_environment("staging");
    REQUIRE(staging);
    CHECK(staging->url == "postgresql://localhost/staging");
    CHECK(staging->lock_timeout == std::chrono::milliseconds(5000));
}
