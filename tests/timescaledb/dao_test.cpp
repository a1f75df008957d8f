// The committed generated C++ of the example schema on a real TimescaleDB: the
// application migrates a fresh database with its embedded migrations (two
// hypertables, TimescaleDB's time indexes), then the generated DAO of the
// hypertable adaptive.market_data inserts, copies (COPY into a hypertable
// routes rows into chunks), streams, finds, lists, upserts and deletes rows
// spread over 40 daily chunks, and seed rows arrive as on plain PostgreSQL.
// Run by run_cpp.sh, which reports the test skipped where TimescaleDB is missing.
#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include <chrono>
#include <schemac/migrate/runner.hpp>

#include "adaptive/market_data.hpp"
#include "migrations.hpp"
#include "scratch_db.hpp"

namespace ad = db::adaptive;
using namespace std::chrono;

namespace {

schemac::Decimal dec(const std::string& text) { return *schemac::Decimal::parse(text); }

long long scalar(pqxx::connection& c, const std::string& sql) {
    pqxx::nontransaction tx{c};
    return tx.exec1(sql)[0].as<long long>();
}

}  // namespace

TEST_CASE("tsdb dao: the generated DAO of a hypertable inserts, copies, streams, finds, upserts and deletes across chunks") {
    schemac::test::ScratchDb db;
    {
        pqxx::nontransaction tx{db.conn()};
        tx.exec0("CREATE EXTENSION timescaledb");
    }
    schemac::RunnerOptions options;
    options.conninfo = db.conninfo();
    const auto applied = schemac::Runner(db::migration_set(), options).apply({});
    // TimescaleDB's own advice reaches the result too (varchar in a hypertable); "not installed" never does.
    bool advice = false;
    for (const auto& w : applied.warnings) {
        CHECK_MESSAGE(w.find("is not installed") == std::string::npos, w);
        advice = advice || w.find("does not follow best practices") != std::string::npos;
    }
    CHECK(advice);
    REQUIRE(scalar(db.conn(), "SELECT count(*) FROM timescaledb_information.hypertables") == 2);
    // Seed rows of a plain table beside them arrived.
    CHECK(scalar(db.conn(), "SELECT count(*) FROM adaptive.personality_profiles") > 0);

    const ad::MarketDataDao dao(db.conn());
    const schemac::Timestamp start = time_point_cast<microseconds>(sys_days{2026y / 1 / 1});
    pqxx::work tx{db.conn()};
    // One insert: the server fills timeframe's default.
    const ad::MarketDataRow one = dao.insert(tx, {start, "BTC", {}, dec("1"), dec("2"), dec("0.5"), dec("1.5"), dec("10"), 3, "x"});
    CHECK(one.timeframe == "1m");
    CHECK(one.time == start);
    // 4,000 rows over 40 days through COPY, routed into daily chunks.
    std::vector<ad::MarketDataNew> rows;
    for (int i = 1; i <= 4000; ++i)
        rows.push_back({start + minutes(i * 14), "ETH", std::string("5m"), dec(std::to_string(i) + ".25"), dec(std::to_string(i + 1)),
                        dec(std::to_string(i - 1)), dec(std::to_string(i)), dec("1.00000001"), std::nullopt, std::nullopt});
    CHECK(dao.insert_many(tx, rows) == 4000);
    CHECK(dao.count(tx) == 4001);
    CHECK(tx.exec1("SELECT count(*) FROM timescaledb_information.chunks WHERE hypertable_name = 'market_data'")[0].as<int>() >= 39);
    // Streamed back through COPY: every row, exactly.
    std::size_t seen = 0;
    bool exact = true;
    dao.for_each(tx, [&](const ad::MarketDataRow& r) {
        ++seen;
        if (r.symbol == "ETH") {
            const auto i = (r.time - start) / minutes(14);
            exact = exact && r.open.text() == std::to_string(i) + ".25000000" && r.volume.text() == "1.00000001" && r.timeframe == "5m";
        }
    });
    CHECK(seen == 4001);
    CHECK(exact);
    // Found by the primary key, listed by its prefix (in index order), upserted, deleted.
    const auto found = dao.find_by_symbol_and_timeframe_and_time(tx, "ETH", "5m", start + minutes(14 * 2000));
    REQUIRE(found);
    CHECK(found->close.text() == "2000.00000000");
    CHECK(dao.list_by_symbol(tx, "BTC").size() == 1);
    ad::MarketDataRow changed = *found;
    changed.close = dec("9999.5");
    CHECK(dao.upsert(tx, changed).close.text() == "9999.50000000");
    CHECK(dao.find_by_symbol_and_timeframe_and_time(tx, "ETH", "5m", changed.time)->close.text() == "9999.50000000");
    CHECK(dao.delete_by_symbol_and_timeframe_and_time(tx, "ETH", "5m", changed.time));
    CHECK(dao.count(tx) == 4000);
    tx.commit();
}
