// The live side of the dialect seam (sql/live.hpp): found by the dialect's
// name, and a dialect without one is one clear error naming it.
#include <doctest/doctest.h>

#include "sql/dialect.hpp"
#include "sql/live.hpp"

using namespace schemac;

namespace {

// A dialect that plans nothing and has no live side, as a new one starts out.
class Bare final : public sql::Dialect {
public:
    std::string_view name() const override { return "bare"; }
    sql::Plan plan(const std::vector<diff::Change>&, const Schema&, const Schema&) const override { return {}; }
    const sql::Dml& dml() const override { return sql::default_dialect().dml(); }
    std::vector<std::string> drivers() const override { return {}; }
    const SchemaRules& rules() const override { return sql::default_dialect().rules(); }
    std::vector<SqlStatement> split(std::string_view) const override { return {}; }
    std::vector<std::string> upsert_seed_rows(const Table&) const override { return {}; }
};

}  // namespace

TEST_CASE("live sides are found by their dialect's name, and every dialect has one") {
    REQUIRE(sql::find_live("postgres") != nullptr);
    CHECK(sql::find_live("postgres")->dialect() == "postgres");
    REQUIRE(sql::find_live("sqlite") != nullptr);
    CHECK(sql::find_live("sqlite")->dialect() == "sqlite");
    CHECK(sql::find_live("Postgres") == nullptr);
    CHECK(sql::find_live("") == nullptr);
    for (const auto& name : sql::dialect_names())
        CHECK(&sql::live_database(*sql::find_dialect(name)) == sql::find_live(name));
}

TEST_CASE("a dialect without a live side is one error naming it") {
    const Bare bare;
    CHECK_THROWS_WITH_AS(sql::live_database(bare),
                         "the bare dialect cannot read a live database: inspect, import, verify and plan with a database "
                         "side are not available for it",
                         sql::NoLiveDatabase);
}
