// The online forms schemac generates by default for tables with rows
// (sql/postgres/online.cpp), applied through the Runner to a real PostgreSQL 15
// while another session keeps writing: writes are never queued behind the
// migration, a batched backfill commits batch by batch and resumes after a
// failure, a NOT NULL stops at its VALIDATE and resumes, and the rollback
// brings the schema back. The direct forms (online: false, concurrently:
// false) are run the same way, so the test shows the difference it guards.
#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include <chrono>
#include <string>
#include <vector>

#include "error_of.hpp"
#include "migration_files.hpp"
#include "prober.hpp"
#include "schemac/migrate/runner.hpp"
#include "scratch_db.hpp"

using namespace schemac;
using namespace std::chrono;
using schemac::test::error_of;
using schemac::test::Prober;
using schemac::test::ScratchDb;

namespace {

// The files `schemac diff` writes from `from` to `to`, numbered from 1, as the
// Runner reads them.
MigrationSet migration_set(const std::string& from, const std::string& to) {
    const auto m = schemac::test::migration_scripts(from, to);
    REQUIRE_MESSAGE(m.errors.empty(), m.errors);
    std::vector<MigrationFile> files;
    for (std::size_t i = 0; i < m.up.size(); ++i) {
        const auto& up = m.up[i];
        const auto& down = m.down[m.down.size() - 1 - i];
        const std::string header = up.transactional ? "" : "-- schemac:no-transaction\n";
        const std::string stem = "000" + std::to_string(i + 1) + "_online";
        files.push_back({stem + ".up.sql", header + up.sql});
        files.push_back({stem + ".down.sql", header + down.sql});
    }
    return MigrationSet::from_files(files);
}

RunnerOptions options_for(ScratchDb& db) {
    RunnerOptions o;
    o.conninfo = db.conninfo();
    o.statement_lock_timeout = milliseconds(300);
    o.lock_retries = 10;
    return o;
}

void exec(ScratchDb& db, const std::string& sql) {
    pqxx::work tx{db.conn()};
    tx.exec0(sql);
    tx.commit();
}

long long count(ScratchDb& db, const std::string& sql) {
    pqxx::work tx{db.conn()};
    return tx.exec1(sql)[0].as<long long>();
}

// The table's shape in one line: its columns with nullability, its
// constraints and indexes, so before/after compare whole.
std::string shape(ScratchDb& db, const std::string& table) {
    pqxx::work tx{db.conn()};
    std::string s;
    for (const auto& r : tx.exec("SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns "
                                 "WHERE table_name = " + tx.quote(table) + " ORDER BY ordinal_position"))
        s += r[0].c_str() + std::string("; ");
    for (const auto& r : tx.exec("SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = " +
                                 tx.quote(table) + "::regclass ORDER BY conname"))
        s += r[0].c_str() + std::string("; ");
    for (const auto& r : tx.exec("SELECT indexdef FROM pg_indexes WHERE tablename = " + tx.quote(table) + " ORDER BY indexname"))
        s += r[0].c_str() + std::string("; ");
    return s;
}

const std::string kFrom = R"(tables:
  accounts:
    columns:
      id: bigserial
      email: text?
      score: integer?
    primary_key: [id]
)";

// Every online form at once: SET NOT NULL, a backfilled column, UNIQUE, an
// index. The backfill sleeps a millisecond a row, so the migration takes
// seconds while the prober writes.
std::string to_yaml(bool online) {
    const std::string column = online ? "" : ", online: false";
    const std::string key = online ? "" : ", concurrently: false";
    return R"(tables:
  accounts:
    columns:
      id: bigserial
      email: text?
      score: {type: integer)" + column + R"(}
      tier: {type: 'integer?', backfill: "length(pg_sleep(0.001)::text) + 1")" + column + R"(}
    primary_key: [id]
    unique:
      - {name: accounts_email_key, columns: [email])" + key + R"(}
    indexes:
      - {columns: [score])" + key + R"(}
)";
}

void make_accounts(ScratchDb& db, int rows) {
    schemac::test::run_scripts(db.conn(), schemac::test::migration_scripts("", kFrom).up);
    exec(db, "INSERT INTO accounts (email, score) SELECT 'a' || g, g FROM generate_series(1, " + std::to_string(rows) + ") g");
}

}  // namespace

TEST_CASE("online: while the default forms run, another session's writes are never queued behind them, and the direct forms do queue them") {
    for (const bool online : {true, false}) {
        INFO((online ? "online forms" : "direct forms (online: false, concurrently: false)"));
        ScratchDb db;
        make_accounts(db, 2500);
        const std::string before = shape(db, "accounts");
        Runner runner(migration_set(kFrom, to_yaml(online)), options_for(db));
        Prober writer(db.conninfo(), "INSERT INTO accounts (email, score) VALUES ('w' || clock_timestamp(), 1)");
        const auto t0 = steady_clock::now();
        const RunResult result = runner.apply({});
        const auto took = duration_cast<milliseconds>(steady_clock::now() - t0);
        const milliseconds longest = writer.stop();
        CHECK(result.to_version >= 1);
        CHECK(took >= milliseconds(2500));   // the backfill slept a millisecond a row
        CHECK(count(db, "SELECT count(*) FROM accounts WHERE tier IS NULL AND email LIKE 'a%'") == 0);
        if (online) {
            CHECK_MESSAGE(longest < milliseconds(800), "longest INSERT: " << longest.count() << " ms of " << took.count());
            CHECK(count(db, "SELECT count(*) FROM pg_index WHERE NOT indisvalid") == 0);
        } else {
            // The UPDATE ran in the ADD COLUMN's transaction, under ACCESS EXCLUSIVE.
            CHECK_MESSAGE(longest > milliseconds(2000), "longest INSERT: " << longest.count() << " ms");
        }
        const std::string after = shape(db, "accounts");
        CHECK(after.find("score integer NO") != std::string::npos);
        CHECK(after.find("accounts_email_key UNIQUE (email)") != std::string::npos);
        CHECK(after.find("accounts_score_idx") != std::string::npos);
        CHECK(after.find("not_null_check") == std::string::npos);
        // The reverses are honest: rolling back every file gives the table back.
        RollbackOptions back;
        back.target = 0;
        back.allow_destructive = true;   // the down drops the backfilled column
        runner.rollback(back);
        CHECK(shape(db, "accounts") == before);
    }
}

TEST_CASE("online: a batched backfill commits batch by batch, and a failed batch resumes where it stopped") {
    ScratchDb db;
    make_accounts(db, 25000);
    exec(db, "UPDATE accounts SET score = 0 WHERE id = 15000");
    const std::string to = R"(tables:
  accounts:
    columns:
      id: bigserial
      email: text?
      score: integer?
      ratio: {type: integer, backfill: "100 / score"}
    primary_key: [id]
)";
    Runner runner(migration_set(kFrom, to), options_for(db));
    const std::string error = error_of([&] { runner.apply({}); });
    CHECK_MESSAGE(error.find("division by zero") != std::string::npos, error);
    // The first batch of 10,000 rows along the key was committed; the second failed whole.
    CHECK(count(db, "SELECT count(*) FROM accounts WHERE ratio IS NOT NULL") == 10000);
    CHECK(count(db, "SELECT max(id) FROM accounts WHERE ratio IS NOT NULL") == 10000);
    exec(db, "UPDATE accounts SET score = 1 WHERE id = 15000");
    ApplyOptions resume;
    resume.resume = true;
    runner.apply(resume);
    CHECK(count(db, "SELECT count(*) FROM accounts WHERE ratio IS DISTINCT FROM 100 / score") == 0);
    CHECK(shape(db, "accounts").find("ratio integer NO") != std::string::npos);
}

TEST_CASE("online: a table without a primary key is backfilled by ctid ranges, every row, across batches") {
    ScratchDb db;
    const std::string from = "tables:\n  ticks:\n    columns:\n      symbol: text\n      px: numeric?\n";
    schemac::test::run_scripts(db.conn(), schemac::test::migration_scripts("", from).up);
    // Wide rows: well over 1,000 pages, so the loop runs several batches.
    exec(db, "INSERT INTO ticks SELECT repeat('s', 200) || g, g FROM generate_series(1, 60000) g");
    REQUIRE(count(db, "SELECT pg_relation_size('ticks') / 8192") > 1000);
    const std::string to = from + "      seen: {type: bigint, backfill: \"px::bigint * 2\"}\n";
    const auto m = schemac::test::migration_scripts(from, to);
    REQUIRE(m.errors.empty());
    CHECK(m.up.back().sql.find("by ctid") != std::string::npos);
    Runner(migration_set(from, to), options_for(db)).apply({});
    CHECK(count(db, "SELECT count(*) FROM ticks WHERE seen IS DISTINCT FROM px::bigint * 2") == 0);
}

TEST_CASE("online: SET NOT NULL stops at its VALIDATE on a NULL row, and --resume finishes it") {
    ScratchDb db;
    make_accounts(db, 100);
    exec(db, "UPDATE accounts SET score = NULL WHERE id = 50");
    const std::string to = R"(tables:
  accounts:
    columns:
      id: bigserial
      email: text?
      score: integer
    primary_key: [id]
)";
    Runner runner(migration_set(kFrom, to), options_for(db));
    const std::string error = error_of([&] { runner.apply({}); });
    CHECK_MESSAGE(error.find("statement 2 of 4") != std::string::npos, error);
    CHECK_MESSAGE(error.find("accounts_score_not_null_check") != std::string::npos, error);
    exec(db, "UPDATE accounts SET score = 0 WHERE score IS NULL");
    ApplyOptions resume;
    resume.resume = true;
    runner.apply(resume);
    const std::string after = shape(db, "accounts");
    CHECK(after.find("score integer NO") != std::string::npos);
    CHECK(after.find("not_null_check") == std::string::npos);
}
