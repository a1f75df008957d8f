// Plans larger than one transaction's share of PostgreSQL's lock table are
// written as several migrations (migrations::split_into_files), and the
// runtime's advice for a full lock table (schemac/postgres/pg_errors.hpp).
// tests/integration/large_schema_test.cpp applies such a plan on the real server.
#include <doctest/doctest.h>

#include <string>

#include "migrations/history.hpp"
#include "schemac/postgres/pg_errors.hpp"
#include "sql/postgres/dialect.hpp"
#include "sql/sqlite/dialect.hpp"

using namespace schemac;

namespace {

sql::PlanStep create_table(int i) {
    const std::string t = "public.t" + std::to_string(i);
    return {"+ table " + t, {"CREATE TABLE " + t + " (id serial NOT NULL, CONSTRAINT t_pkey PRIMARY KEY (id))"}, {"DROP TABLE " + t}};
}

}  // namespace

TEST_CASE("lock budget: a statement's locks are over-estimated from its text") {
    CHECK(migrations::estimated_locks(create_table(1)) == 8);   // 5 + serial + primary key (index and constraint)
    sql::PlanStep two{"x", {"CREATE INDEX i ON t (a)", "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)"}, {}};
    CHECK(migrations::estimated_locks(two) == 13);   // 5 + index, 5 + referenced table and constraint
}

TEST_CASE("lock budget: a large transactional plan is split into files within the budget, in order") {
    sql::Plan plan;
    for (int i = 0; i < 1000; ++i) plan.steps.push_back(create_table(i));   // 8,000 estimated locks
    const auto files = migrations::split_into_files(plan);
    REQUIRE(files.size() == 4);                                   // 250 tables each at 2,000
    std::size_t next = 0;
    for (const auto& f : files) {
        std::size_t locks = 0;
        for (const auto& s : f.steps) {
            locks += migrations::estimated_locks(s);
            CHECK(s.summary == plan.steps[next++].summary);
        }
        CHECK(locks <= migrations::kLockBudget);
    }
    CHECK(next == plan.steps.size());
    CHECK(migrations::split_into_files(plan, SIZE_MAX).size() == 1);
    // Non-transactional steps run statement by statement: no budget applies.
    for (auto& s : plan.steps) s.transactional = false;
    CHECK(migrations::split_into_files(plan).size() == 1);
    // A step larger than the budget is never cut, and goes alone.
    sql::Plan big;
    big.steps = {create_table(0), create_table(1)};
    CHECK(migrations::split_into_files(big, 7).size() == 2);
    CHECK(migrations::split_into_files(big, 3).size() == 2);
}

TEST_CASE("lock budget: SQLite's plans have none (a transaction locks the whole file, whatever it touches)") {
    sql::Plan plan = sql::sqlite::dialect().plan({}, Schema{}, Schema{});
    CHECK_FALSE(plan.shared_lock_table);
    CHECK(sql::postgres::dialect().plan({}, Schema{}, Schema{}).shared_lock_table);
    for (int i = 0; i < 1000; ++i) plan.steps.push_back(create_table(i));
    CHECK(migrations::split_into_files(plan).size() == 1);
}

TEST_CASE("lock budget: a full lock table gets advice naming the setting") {
    CHECK(pg_error_advice("53200").find("set max_locks_per_transaction = 256 (or more) in postgresql.conf and restart the server") !=
          std::string::npos);
    CHECK(pg_error_advice("42501").empty());
    CHECK(is_lock_table_full("statement 4645 of 20000 failed: CREATE TABLE ...: out of shared memory "
                             "(HINT: You might need to increase max_locks_per_transaction.)"));
    CHECK_FALSE(is_lock_table_full("permission denied for database x"));
}
