// The dialect seam: dialects are found by their schemac.yaml name,
// plan_migration is diff then the dialect's plan, with what cannot be
// expressed reported rather than dropped silently, and a migration file is
// split into statements by the dialect's rules.
#include <doctest/doctest.h>

#include "load_helpers.hpp"
#include "sql/dialect.hpp"

using namespace schemac;

TEST_CASE("dialects are found by name, and postgres is the default") {
    REQUIRE(sql::find_dialect("postgres") != nullptr);
    CHECK(sql::find_dialect("postgres")->name() == "postgres");
    CHECK(&sql::default_dialect() == sql::find_dialect("postgres"));
    CHECK(sql::find_dialect("Postgres") == nullptr);
    CHECK(sql::find_dialect("mysql") == nullptr);
    CHECK(sql::find_dialect("") == nullptr);
    CHECK(sql::dialect_names() == std::vector<std::string>{"postgres", "sqlite"});
    REQUIRE(sql::find_dialect("sqlite") != nullptr);
    CHECK(sql::find_dialect("sqlite")->rules().default_schema() == "main");
}

TEST_CASE("plan_migration diffs and plans in the dialect") {
    const Schema empty;
    const Schema one = test::load_ok("tables:\n  t:\n    columns:\n      id: serial\n    primary_key: [id]\n");
    Diagnostics d;
    const sql::Plan up = sql::plan_migration(sql::default_dialect(), empty, one, d);
    CHECK_FALSE(d.has_errors());
    REQUIRE(up.steps.size() == 1);
    CHECK(up.steps[0].summary == "+ table t");
    CHECK(up.steps[0].up[0].starts_with("CREATE TABLE public.t ("));
    CHECK(sql::plan_migration(sql::default_dialect(), one, one, d).empty());

    // Turning a hypertable back into a plain table cannot be expressed: an error, and no step pretends to do it.
    const Schema hyper = test::load_ok("tables:\n  t:\n    columns:\n      at: timestamptz\n    hypertable: {time_column: at}\n");
    const Schema plain = test::load_ok("tables:\n  t:\n    columns:\n      at: timestamptz\n");
    Diagnostics refused;
    const sql::Plan p = sql::plan_migration(sql::default_dialect(), hyper, plain, refused);
    CHECK(refused.has_errors());
    CHECK(p.empty());
}

TEST_CASE("postgres splits migration files as psql does") {
    const auto stmts = sql::default_dialect().split("-- header\nCREATE TABLE t (a text DEFAULT ';');\n\nSELECT $$;$$;\nSELECT 3");
    REQUIRE(stmts.size() == 3);
    CHECK(stmts[0].text == "CREATE TABLE t (a text DEFAULT ';')");
    CHECK(stmts[0].line == 2);
    CHECK(stmts[1].text == "SELECT $$;$$");
    CHECK(stmts[1].line == 4);
    CHECK(stmts[2].text == "SELECT 3");
}
