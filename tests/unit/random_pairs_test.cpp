// Seeded random schema pairs (tests/support/random_schema.hpp) at the text
// level: both schemas load and analyze cleanly, A→B is a non-empty plan, A→A
// and B→B are empty, and every statement of every plan parses with
// PostgreSQL's grammar, for pairs with and without hypertables.
// tests/integration/random_pairs_test.cpp applies the same pairs to a real
// server (and tests/timescaledb those with hypertables to TimescaleDB).
// The SQLite pairs (RandomOptions::sqlite) are planned with the sqlite dialect
// here; tests/sqlite/random_pairs_test.cpp runs them on real SQLite files.
#include <doctest/doctest.h>

#include <map>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "pg_grammar.hpp"
#include "plan_text.hpp"
#include "random_schema.hpp"
#include "sql/sqlite/dialect.hpp"

using namespace schemac::test;

namespace {

std::string grammar(const std::string& sql) {
    if (auto e = parse_error(sql)) return e->message + " in: " + e->statement;
    return "";
}

// 1..500 by default; SCHEMAC_RANDOM_SEED=k checks one seed.
std::pair<std::uint64_t, std::uint64_t> seed_range() {
    if (const char* s = std::getenv("SCHEMAC_RANDOM_SEED"); s && *s) {
        const auto k = std::strtoull(s, nullptr, 10);
        return {k, k};
    }
    return {1, 500};
}

}  // namespace

TEST_CASE("random schema pairs: valid, deterministic, non-empty A→B, empty A→A and B→B, grammar") {
    const auto [first, last] = seed_range();
    // How often the index and table settings of PostgreSQL, and generated columns, appear in B over every seed.
    std::map<std::string, int> seen = {{"include: ", 0}, {"opclass: text_pattern_ops", 0}, {"collate: C", 0}, {"fillfactor: ", 0},
                                       {"deduplicate_items: ", 0}, {"generated: ", 0}, {"collate: POSIX", 0},
                                       {"unlogged: true", 0}, {"autovacuum_enabled: ", 0}, {"varbit", 0},
                                       {"row_level_security: ", 0}};
    // Every seed once plain and once with hypertables.
    for (std::uint64_t run = 0; run < 2 * (last - first + 1); ++run) {
        const std::uint64_t seed = first + run / 2;
        RandomOptions options;
        options.hypertables = run % 2 == 1;
        const SchemaPair p = random_schema_pair(seed, options);
        CAPTURE(seed);
        CAPTURE(options.hypertables);
        INFO("replay: SCHEMAC_RANDOM_SEED=", seed, " build/tests/unit/unit_tests -tc='random schema pairs*'");
        INFO(p.description);
        INFO("--- A:\n", p.from_yaml);
        INFO("--- B:\n", p.to_yaml);

        const SchemaPair again = random_schema_pair(seed, options);
        REQUIRE(again.from_yaml == p.from_yaml);
        REQUIRE(again.to_yaml == p.to_yaml);

        const PlanText create_a = plan_text("", p.from_yaml);
        REQUIRE(create_a.errors == "");
        const PlanText create_b = plan_text("", p.to_yaml);
        REQUIRE(create_b.errors == "");
        const PlanText ab = plan_text(p.from_yaml, p.to_yaml);
        REQUIRE(ab.errors == "");
        CHECK_MESSAGE(!ab.empty, "the description lists changes, but the plan A→B is empty");

        const PlanText aa = plan_text(p.from_yaml, p.from_yaml);
        CHECK(aa.errors == "");
        CHECK_MESSAGE(aa.empty, "A→A is not empty:\n", aa.up);
        const PlanText bb = plan_text(p.to_yaml, p.to_yaml);
        CHECK(bb.errors == "");
        CHECK_MESSAGE(bb.empty, "B→B is not empty:\n", bb.up);

        CHECK_MESSAGE(grammar(create_a.up) == "", "create A up:\n", create_a.up);
        CHECK_MESSAGE(grammar(create_a.down) == "", "create A down:\n", create_a.down);
        CHECK_MESSAGE(grammar(create_b.up) == "", "create B up:\n", create_b.up);
        CHECK_MESSAGE(grammar(ab.up) == "", "A→B up:\n", ab.up);
        CHECK_MESSAGE(grammar(ab.down) == "", "A→B down:\n", ab.down);
        for (auto& [what, n] : seen) n += p.to_yaml.find(what) != std::string::npos ? 1 : 0;
    }
    if (last - first >= 99)
        for (const auto& [what, n] : seen) CHECK_MESSAGE(n > 0, "no seed wrote ", what);
}

TEST_CASE("random schema pairs for SQLite: valid, deterministic, non-empty A→B, empty A→A and B→B") {
    const auto [first, last] = seed_range();
    const schemac::sql::Dialect& sqlite = schemac::sql::sqlite::dialect();
    RandomOptions options;
    options.sqlite = true;
    for (std::uint64_t seed = first; seed <= last; ++seed) {
        const SchemaPair p = random_schema_pair(seed, options);
        CAPTURE(seed);
        INFO("replay: SCHEMAC_RANDOM_SEED=", seed, " build/tests/unit/unit_tests -tc='random schema pairs for SQLite*'");
        INFO(p.description);
        INFO("--- A:\n", p.from_yaml);
        INFO("--- B:\n", p.to_yaml);

        const SchemaPair again = random_schema_pair(seed, options);
        REQUIRE(again.from_yaml == p.from_yaml);
        REQUIRE(again.to_yaml == p.to_yaml);

        // Warnings count too: the generator leaves out what SQLite only warns about (comments).
        REQUIRE(plan_text("", p.from_yaml, sqlite).errors == "");
        REQUIRE(plan_text("", p.to_yaml, sqlite).errors == "");
        const PlanText ab = plan_text(p.from_yaml, p.to_yaml, sqlite);
        REQUIRE(ab.errors == "");
        CHECK_MESSAGE(!ab.empty, "the description lists changes, but the plan A→B is empty");
        const PlanText aa = plan_text(p.from_yaml, p.from_yaml, sqlite);
        CHECK(aa.errors == "");
        CHECK_MESSAGE(aa.empty, "A→A is not empty:\n", aa.up);
        const PlanText bb = plan_text(p.to_yaml, p.to_yaml, sqlite);
        CHECK(bb.errors == "");
        CHECK_MESSAGE(bb.empty, "B→B is not empty:\n", bb.up);
    }
}
