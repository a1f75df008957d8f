// Analysis asks the dialect's SchemaRules what a schema may contain. Only
// PostgreSQL exists, which supports everything, so a smaller dialect made up
// here shows that each refusal reaches the user at the right place, naming
// the dialect, and that the default schema and identifier limit are its own.
#include <doctest/doctest.h>

#include <string>

#include "load/loader.hpp"
#include "model/analyze.hpp"
#include "sql/dialect.hpp"

using namespace schemac;

namespace {

class SmallRules final : public SchemaRules {
public:
    std::string_view dialect_name() const override { return "small"; }
    std::string_view database_name() const override { return "SmallDB"; }
    const std::string& default_schema() const override {
        static const std::string kMain = "main";
        return kMain;
    }
    bool supports(Feature) const override { return false; }
    bool supports(TypeKind k) const override { return k != TypeKind::Jsonb && k != TypeKind::Interval; }
    std::size_t max_identifier_bytes() const override { return 30; }
    std::optional<std::string> reserved_schema(const std::string&) const override { return std::nullopt; }
    std::optional<std::string> check_text(const std::string&) const override { return std::nullopt; }
    std::optional<std::string> check_literal(const Type&, const Value&, const Enum*) const override { return std::nullopt; }
    void assign_default_names(Schema& schema) const override {
        for (auto& t : schema.tables)
            if (t.primary_key && !t.primary_key->name_given) t.primary_key->name = t.name.name + "_pk";
    }
    std::string sequence_name(const std::string& table, const std::string& column) const override { return table + "_" + column + "_seq"; }
    void check_table(const Table&, Diagnostics&) const override {}
    void check_raw_sql(const Schema&, Diagnostics&) const override {}
    PlaceholderScan scan_placeholders(std::string_view sql) const override {
        return sql::default_dialect().rules().scan_placeholders(sql);   // $n, as PostgreSQL
    }
};

std::string diagnose(const std::string& yaml, Schema* out = nullptr) {
    Schema s;
    Diagnostics d;
    load_yaml_text("s.yaml", yaml, s, d);
    analyze(s, SmallRules(), d);
    d.sort();
    if (out) *out = s;
    return render_text(d);
}

}  // namespace

TEST_CASE("analysis refuses what the dialect does not support, naming the dialect") {
    const std::string yaml =
        "schema: market\n"                                      // 1
        "enums:\n"                                              // 2
        "  side: [buy, sell]\n"                                 // 3
        "tables:\n"                                             // 4
        "  prices:\n"                                           // 5
        "    columns:\n"                                        // 6
        "      ts: timestamptz\n"                               // 7
        "      tags: integer[]\n"                               // 8
        "      doc: jsonb\n"                                    // 9
        "      a_name_longer_than_thirty_bytes: text\n"         // 10
        "    hypertable:\n"                                     // 11
        "      time_column: ts\n"                               // 12
        "queries:\n"                                            // 13
        "  recent:\n"                                           // 14
        "    params:\n"                                         // 15
        "      age: interval\n"                                 // 16
        "    sql: SELECT 1 WHERE $1 IS NOT NULL\n";             // 17
    CHECK(diagnose(yaml) ==
          "s.yaml:1:9: error: schemas other than the default are not supported by dialect small (schema 'market'; the default is 'main')\n"
          "s.yaml:3:3: error: enum types are not supported by dialect small (enum market.side)\n"
          "s.yaml:8:13: error: array types are not supported by dialect small (column 'tags' is integer[])\n"
          "s.yaml:9:12: error: type jsonb is not supported by dialect small\n"
          "s.yaml:10:7: error: column name 'a_name_longer_than_thirty_bytes' is 31 bytes long; SmallDB allows at most 30\n"
          "s.yaml:11:5: error: hypertables are not supported by dialect small (table market.prices)\n"
          "s.yaml:16:12: error: type interval is not supported by dialect small\n");
}

TEST_CASE("what names no schema lives in the dialect's default schema") {
    Schema s;
    CHECK(diagnose("tables:\n  t:\n    columns:\n      id: integer\n    primary_key: [id]\n", &s) == "");
    REQUIRE(s.tables.size() == 1);
    CHECK(s.tables[0].name == QualifiedName{"main", "t"});
    CHECK(s.tables[0].primary_key->name == "t_pk");   // the dialect's default name
}

TEST_CASE("a dialect hands out its schema rules") {
    const SchemaRules& pg = sql::default_dialect().rules();
    CHECK(pg.dialect_name() == sql::default_dialect().name());
    CHECK(pg.default_schema() == "public");
    CHECK(pg.max_identifier_bytes() == 63);
    CHECK(pg.supports(Feature::Hypertables));
    CHECK(pg.sequence_name("orders", "id") == "orders_id_seq");
}
