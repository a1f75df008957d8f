// The migration outage: a session holds a lock on a table (a long read), a
// migration's ALTER TABLE waits for ACCESS EXCLUSIVE, and every new plain
// SELECT on the table queues behind the waiting ALTER. With a
// statement_lock_timeout the ALTER gives up within it and is retried later
// (RunnerOptions), so readers are never blocked longer; a CONCURRENTLY
// statement waits without a limit, blocking nobody.
//
// Each case runs the Runner in-process against a real PostgreSQL 15, with a
// reader on its own connection holding ACCESS SHARE for a while, and a prober
// on a third connection timing plain SELECTs all through.
#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "error_of.hpp"
#include "prober.hpp"
#include "schemac/migrate/runner.hpp"
#include "scratch_db.hpp"

using namespace schemac;
using namespace std::chrono;
using schemac::test::error_of;
using schemac::test::Prober;
using schemac::test::ScratchDb;

namespace {

// A transaction that read the table and so holds ACCESS SHARE on it until
// `hold` has passed; in REPEATABLE READ it also holds its snapshot, which
// CREATE INDEX CONCURRENTLY waits for.
class Reader {
public:
    Reader(const std::string& conninfo, milliseconds hold, bool repeatable_read = false) : conn_(conninfo) {
        if (repeatable_read) tx_ = std::make_unique<pqxx::transaction<pqxx::isolation_level::repeatable_read>>(conn_);
        else tx_ = std::make_unique<pqxx::work>(conn_);
        // A secret in the holder's query: the heartbeat must never print it.
        tx_->exec("SELECT count(*) FROM busy WHERE 'hunter2-secret' <> ''");
        thread_ = std::thread([this, hold] {
            std::this_thread::sleep_for(hold);
            tx_->commit();
        });
    }
    ~Reader() { thread_.join(); }

private:
    pqxx::connection conn_;
    std::unique_ptr<pqxx::dbtransaction> tx_;
    std::thread thread_;
};

void make_busy_table(ScratchDb& db) {
    pqxx::work tx{db.conn()};
    tx.exec0("CREATE TABLE busy (id int)");
    tx.exec0("INSERT INTO busy SELECT generate_series(1, 1000)");
    tx.commit();
}

RunnerOptions options_for(ScratchDb& db, milliseconds lock_timeout, int retries) {
    RunnerOptions o;
    o.conninfo = db.conninfo();
    o.statement_lock_timeout = lock_timeout;
    o.lock_retries = retries;
    return o;
}

bool has_column(ScratchDb& db, const std::string& column) {
    pqxx::work tx{db.conn()};
    return tx.exec1("SELECT count(*) FROM information_schema.columns WHERE table_name = 'busy' AND column_name = " +
                    tx.quote(column))[0].as<int>() == 1;
}

std::vector<std::string> notes_of(std::vector<Progress>& seen) {
    std::vector<std::string> notes;
    for (const auto& p : seen)
        if (p.event == Progress::Event::note) notes.push_back(p.note);
    return notes;
}

}  // namespace

TEST_CASE("lock wait: readers are never queued longer than statement_lock_timeout behind a migration, which completes by retrying") {
    // Transactional and outside a transaction: the whole file is retried, or the statement alone.
    for (const bool transactional : {true, false}) {
        INFO((transactional ? "transactional file" : "no-transaction file"));
        ScratchDb db;
        make_busy_table(db);
        const std::string header = transactional ? "" : "-- schemac:no-transaction\n";
        Runner runner(MigrationSet::from_files({{"0001_note.up.sql", header + "ALTER TABLE busy ADD COLUMN note text;\n"}}),
                      options_for(db, milliseconds(300), 10));
        std::vector<Progress> seen;
        Prober prober(db.conninfo(), "SELECT count(*) FROM busy");
        std::this_thread::sleep_for(milliseconds(100));
        RunResult result;
        const auto t0 = steady_clock::now();
        {
            Reader reader(db.conninfo(), milliseconds(2500));
            result = runner.apply({}, [&](const Progress& p) { seen.push_back(p); });
        }
        const auto took = duration_cast<milliseconds>(steady_clock::now() - t0);
        const milliseconds longest = prober.stop();
        CHECK(result.to_version == 1);
        CHECK(has_column(db, "note"));
        CHECK(took >= milliseconds(2500));   // it did wait for the reader
        // A SELECT queued behind the waiting ALTER waits at most its lock_timeout, plus scheduling.
        CHECK_MESSAGE(longest < milliseconds(300 + 500), "longest SELECT: " << longest.count() << " ms");
        const auto notes = notes_of(seen);
        REQUIRE(!notes.empty());
        CHECK_MESSAGE(notes[0].find("0001_note.up.sql:" + std::string(transactional ? "1" : "2") +
                                    ": statement 1 of 1 waited 300ms for a lock (statement_lock_timeout)") != std::string::npos,
                      notes[0]);
        CHECK_MESSAGE(notes[0].find("retry 1 of 10 in 1s") != std::string::npos, notes[0]);
        if (transactional) CHECK(notes[0].find("rolled back as a whole") != std::string::npos);
    }
}

TEST_CASE("lock wait: after lock_retries the migration fails naming the wait, and nothing of it is applied") {
    ScratchDb db;
    make_busy_table(db);
    Runner runner(MigrationSet::from_files({{"0001_note.up.sql", "ALTER TABLE busy ADD COLUMN note text;\n"}}),
                  options_for(db, milliseconds(200), 1));
    Reader reader(db.conninfo(), milliseconds(3000));   // longer than 200 ms + 1 s + 200 ms
    const std::string error = error_of([&] { runner.apply({}); });
    CHECK_MESSAGE(error.find("0001_note.up.sql:1: statement 1 of 1 waited 200ms for a lock") != std::string::npos, error);
    CHECK_MESSAGE(error.find("gave up after 2 tries") != std::string::npos, error);
    CHECK_MESSAGE(error.find("0001 was rolled back as a whole") != std::string::npos, error);
    CHECK_FALSE(has_column(db, "note"));
    CHECK(runner.status().current_version == 0);
}

TEST_CASE("lock wait: CREATE INDEX CONCURRENTLY waits for an old transaction without a limit and leaves no INVALID index") {
    ScratchDb db;
    make_busy_table(db);
    Runner runner(MigrationSet::from_files({{"0001_index.up.sql", "-- schemac:no-transaction\nCREATE INDEX CONCURRENTLY busy_id ON busy (id);\n"
                                                                   "ALTER TABLE busy ADD COLUMN note text;\n"}}),
                  options_for(db, milliseconds(200), 0));
    std::vector<Progress> seen;
    {
        Reader reader(db.conninfo(), milliseconds(1500), true);
        CHECK(runner.apply({}, [&](const Progress& p) { seen.push_back(p); }).to_version == 1);
    }
    CHECK(notes_of(seen).empty());   // no timeout, no retry
    {
        pqxx::work tx{db.conn()};
        CHECK(tx.exec1("SELECT indisvalid FROM pg_index WHERE indexrelid = 'busy_id'::regclass")[0].as<bool>());
    }
    CHECK(has_column(db, "note"));
}

TEST_CASE("lock wait: a failed CREATE UNIQUE INDEX CONCURRENTLY drops the INVALID index it left, says so, and resume builds it") {
    ScratchDb db;
    {
        pqxx::work tx{db.conn()};
        tx.exec0("CREATE TABLE accounts (id int, email text)");
        tx.exec0("INSERT INTO accounts VALUES (1, 'a'), (2, 'a')");
        tx.commit();
    }
    Runner runner(MigrationSet::from_files({{"0001_ux.up.sql", "-- schemac:no-transaction\n"
                                                                "CREATE UNIQUE INDEX CONCURRENTLY ux_accounts_email ON accounts (email);\n"}}),
                  options_for(db, milliseconds(3000), 0));
    const std::string error = error_of([&] { runner.apply({}); });
    CHECK_MESSAGE(error.find("is duplicated") != std::string::npos, error);
    CHECK_MESSAGE(error.find("the INVALID index \"public\".\"ux_accounts_email\" it left behind was dropped") != std::string::npos, error);
    CHECK_MESSAGE(error.find("none of its statements ran") != std::string::npos, error);
    {
        pqxx::work tx{db.conn()};
        CHECK(tx.exec1("SELECT to_regclass('ux_accounts_email') IS NULL")[0].as<bool>());
        tx.exec0("DELETE FROM accounts WHERE id = 2");
        tx.commit();
    }
    ApplyOptions resume;
    resume.resume = true;
    CHECK(runner.apply(resume).to_version == 1);
    pqxx::work tx{db.conn()};
    CHECK(tx.exec1("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ux_accounts_email'::regclass")[0].as<bool>());
}

TEST_CASE("lock wait: a heartbeat says how long a migration runs, the lock it waits for and who holds it") {
    ScratchDb db;
    make_busy_table(db);
    RunnerOptions o = options_for(db, milliseconds(10'000), 0);
    o.heartbeat = milliseconds(500);
    Runner runner(MigrationSet::from_files({{"0001_note.up.sql", "ALTER TABLE busy ADD COLUMN note text;\n"}}), o);
    std::vector<Progress> seen;
    {
        Reader reader(db.conninfo(), milliseconds(2000));
        CHECK(runner.apply({}, [&](const Progress& p) { seen.push_back(p); }).to_version == 1);
    }
    const auto notes = notes_of(seen);
    REQUIRE(notes.size() >= 2);
    const std::string& beat = notes.front();
    CHECK_MESSAGE(beat.rfind("running 0s; waiting for a lock (relation), held by pid ", 0) == 0, beat);
    CHECK_MESSAGE(beat.find("(role postgres, idle in transaction, transaction open ") != std::string::npos, beat);
    for (const auto& note : notes) CHECK_MESSAGE(note.find("hunter2-secret") == std::string::npos, note);
    bool started = false;
    for (const auto& p : seen)
        if (p.event == Progress::Event::statement_started && p.note == "line 1: ALTER TABLE busy ADD COLUMN note text") started = true;
    CHECK(started);
}

TEST_CASE("lock wait: max_duration cancels a migration that runs too long, rolled back and logged, and warn_after warns") {
    ScratchDb db;
    RunnerOptions o;
    o.conninfo = db.conninfo();
    o.max_duration = milliseconds(1000);
    Runner slow(MigrationSet::from_files({{"0001_slow.up.sql", "CREATE TABLE half (id int);\nSELECT pg_sleep(30);\n"}}), o);
    const auto t0 = steady_clock::now();
    const std::string error = error_of([&] { slow.apply({}); });
    CHECK(steady_clock::now() - t0 < seconds(10));
    CHECK_MESSAGE(error.find("0001_slow.up.sql ran longer than max_duration (1s): its statement was cancelled") != std::string::npos, error);
    CHECK_MESSAGE(error.find("canceling statement due to user request") != std::string::npos, error);
    CHECK(slow.status().current_version == 0);
    {
        pqxx::work tx{db.conn()};
        CHECK(tx.exec1("SELECT to_regclass('half') IS NULL")[0].as<bool>());
    }
    const auto log = slow.log();
    REQUIRE(log.size() == 1);
    CHECK(log[0].outcome == "failed");

    RunnerOptions w;
    w.conninfo = db.conninfo();
    w.warn_after = milliseconds(100);
    Runner warned(MigrationSet::from_files({{"0001_slow.up.sql", "SELECT pg_sleep(0.3);\n"}}), w);
    const RunResult r = warned.apply({});
    REQUIRE(r.warnings.size() == 1);
    CHECK_MESSAGE(r.warnings[0].find("0001_slow.up.sql took ") == 0, r.warnings[0]);
    CHECK(r.warnings[0].find("longer than warn_after (100ms)") != std::string::npos);
}
