// Interrupted runs (docs/runtime.md, "Interrupted runs and recovery"): the
// migration lock's session ended by the server (pg_terminate_backend,
// idle_session_timeout), `schemac` killed with SIGKILL inside CREATE/DROP INDEX
// CONCURRENTLY of up and down files, and a seeded random-kill suite. After each
// interruption the history must agree with the database, and the one
// documented command must bring it to the state asked for.
//
// Migrations wait on a table the test holds locked ("gate") or on a lock
// conflict with an open transaction of the test, never on timing alone.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "child_process.hpp"
#include "scratch_db.hpp"

namespace fs = std::filesystem;
using schemac::test::Child;
using schemac::test::Outcome;
using schemac::test::ScratchDb;
using schemac::test::Workdir;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The history row h's rolling_back, false for a table without the column
// (created by an older schemac).
const std::string kRollingBack = "coalesce((to_jsonb(h) ->> 'rolling_back')::boolean, false)";

// A scratch database, its migrations directory, and `schemac` commands on them.
class Setup {
public:
    Setup() : work_("schemac-fault") { fs::create_directory(dir()); }
    ~Setup() {
        try {   // a killed runner's backend must not keep the database from being dropped
            sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        } catch (...) {
        }
    }

    std::string dir() const { return (work_.root() / "migrations").string(); }
    void file(const std::string& name, const std::string& text) const {
        std::ofstream out(fs::path(dir()) / name, std::ios::binary);
        out << text;
    }
    Child start(const std::string& sub, std::vector<std::string> more = {}) {
        std::vector<std::string> a{sub, "--dir", dir(), "--db", db_.conninfo()};
        a.insert(a.end(), more.begin(), more.end());
        return work_.start(a);
    }
    Outcome run(const std::string& sub, std::vector<std::string> more = {}) { return start(sub, std::move(more)).wait(); }

    pqxx::result sql(const std::string& q) {
        pqxx::nontransaction tx{db_.conn()};
        return tx.exec(q);
    }
    std::string text(const std::string& q) {
        const auto r = sql(q);
        return r.empty() || r[0][0].is_null() ? "" : r[0][0].as<std::string>();
    }
    ScratchDb& db() { return db_; }

    // "1:ok 2:up 1/3 3:down 0/2" by version ("" when empty or not created).
    std::string history() {
        if (text("SELECT to_regclass('public.schemac_migrations')").empty()) return "";
        return text("SELECT string_agg(version || ':' || CASE WHEN success THEN 'ok' ELSE "
                    "CASE WHEN " + kRollingBack + " THEN 'down ' ELSE 'up ' END || statements_done || '/' || statements_total END, "
                    "' ' ORDER BY version) FROM public.schemac_migrations h");
    }
    // "valid", "invalid" or "absent"; `name` as SQL writes it (quoted when it must be).
    std::string index(const std::string& name) {
        const std::string v = text("SELECT CASE WHEN i.indisvalid AND i.indisready THEN 'valid' ELSE 'invalid' END FROM pg_index i "
                                   "WHERE i.indexrelid = to_regclass('public." + name + "')");
        return v.empty() ? "absent" : v;
    }
    // The backend holding the migration lock in this database, or 0.
    int lock_holder() {
        const std::string pid = text("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = "
                                     "(SELECT oid FROM pg_database WHERE datname = current_database())");
        return pid.empty() ? 0 : std::stoi(pid);
    }
    long long count(const std::string& q) { return std::stoll(text(q)); }

    // Polls `ready` every 10 ms up to `limit`.
    static bool wait_for(const std::function<bool()>& ready, std::chrono::seconds limit = 20s) {
        const auto deadline = Clock::now() + limit;
        while (Clock::now() < deadline) {
            if (ready()) return true;
            std::this_thread::sleep_for(10ms);
        }
        return false;
    }
    // Sessions running a statement that matches `pattern` (waiting on a lock counts).
    long long active(const std::string& pattern) {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                     "AND state = 'active' AND query LIKE '" + pattern + "'");
    }
    // After a SIGKILL: until the dead runner's sessions are gone (the server
    // notices within a second: client_connection_check_interval).
    bool runner_gone() {
        return wait_for([&] {
            return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'schemac'") == 0;
        });
    }

private:
    Workdir work_;
    ScratchDb db_;
};

// A transaction of the test's own, on its own connection, holding a lock that
// makes a migration wait until release().
class Holder {
public:
    Holder(ScratchDb& db, const std::string& lock_sql) : conn_(db.conninfo()), tx_(std::make_unique<pqxx::work>(conn_)) {
        tx_->exec0(lock_sql);
    }
    void release() {
        if (tx_) tx_->commit();
        tx_.reset();
    }

private:
    pqxx::connection conn_;
    std::unique_ptr<pqxx::work> tx_;
};

const std::string kWaitAtGate = "DO $$ BEGIN PERFORM 1 FROM gate; END $$;\n";

// Once a runner waits at the gate: the server ends its lock's session.
void end_lock_session_at_gate(Setup& t) {
    REQUIRE(Setup::wait_for([&] { return t.active("DO $$ BEGIN PERFORM 1 FROM gate%") == 1; }));
    const int holder = t.lock_holder();
    REQUIRE(holder > 0);
    t.sql("SELECT pg_terminate_backend(" + std::to_string(holder) + ")");
    REQUIRE(Setup::wait_for([&] { return t.lock_holder() == 0; }));
}

}  // namespace

// ============================================================== the migration lock

namespace {

// `schemac apply`, whose lock's session the server ends while a migration
// waits at the gate; it must stop with exit 5.
Outcome apply_losing_its_lock(Setup& t) {
    Holder gate(t.db(), "LOCK TABLE gate IN ACCESS EXCLUSIVE MODE");
    Child runner = t.start("apply");
    end_lock_session_at_gate(t);
    gate.release();
    Outcome o = runner.wait();
    CAPTURE(o.err);
    CHECK(o.code == 5);
    CHECK(has(o.err, "lost the migration lock"));
    return o;
}

}  // namespace

TEST_CASE("fault: the lock's session terminated during a transactional migration: exit 5, nothing of it committed, the next apply applies it once") {
    Setup t;
    t.sql("CREATE TABLE gate (); CREATE TABLE effects (what text)");
    t.file("0001_one.up.sql", "CREATE TABLE one (id int);\n");
    t.file("0002_two.up.sql", "CREATE TABLE two (id int);\n" + kWaitAtGate + "INSERT INTO effects VALUES ('m2');\n");
    const Outcome o = apply_losing_its_lock(t);
    CHECK(has(o.err, "0002_two.up.sql was rolled back as a whole"));
    CHECK(t.history() == "1:ok");
    CHECK(t.text("SELECT to_regclass('two')") == "");
    CHECK(t.count("SELECT count(*) FROM effects") == 0);

    const Outcome again = t.run("apply");
    CAPTURE(again.err);
    CHECK(again.code == 0);
    CHECK(t.history() == "1:ok 2:ok");
    CHECK(t.count("SELECT count(*) FROM effects") == 1);
}

TEST_CASE("fault: the lock's session terminated during a non-transactional file: it stops before the next statement and --resume finishes it") {
    Setup t;
    t.sql("CREATE TABLE gate (); CREATE TABLE one (id int)");
    t.file("0001_idx.up.sql", "-- schemac:no-transaction\n" + kWaitAtGate + "CREATE INDEX CONCURRENTLY one_id ON one (id);\n");
    const Outcome o = apply_losing_its_lock(t);
    CHECK(has(o.err, "stopped before statement 2 of 2"));
    CHECK(t.history() == "1:up 1/2");
    CHECK(t.index("one_id") == "absent");

    const Outcome resumed = t.run("apply", {"--resume"});
    CAPTURE(resumed.err);
    CHECK(resumed.code == 0);
    CHECK(t.history() == "1:ok");
    CHECK(t.index("one_id") == "valid");
}

TEST_CASE("fault: a runner that lost its lock and the runner that took it over never both apply a migration") {
    Setup t;
    t.sql("CREATE TABLE gate (); CREATE TABLE effects (what text)");
    t.file("0001_one.up.sql", "CREATE TABLE one (id int);\n");
    t.file("0002_two.up.sql", kWaitAtGate + "INSERT INTO effects VALUES ('m2');\n");
    Holder gate(t.db(), "LOCK TABLE gate IN ACCESS EXCLUSIVE MODE");
    Child first = t.start("apply");
    end_lock_session_at_gate(t);
    Child second = t.start("apply");   // takes the lock, finds 0002 pending, waits at the gate too
    REQUIRE(Setup::wait_for([&] { return t.active("DO $$ BEGIN PERFORM 1 FROM gate%") == 2; }));
    CHECK(t.lock_holder() != 0);
    gate.release();

    const Outcome a = first.wait(), b = second.wait();
    CAPTURE(a.err);
    CAPTURE(b.err);
    CHECK(a.code == 5);
    CHECK(has(a.err, "lost the migration lock"));
    CHECK(b.code == 0);
    CHECK(has(b.out, "applied 1 migration(s)"));
    CHECK(t.history() == "1:ok 2:ok");
    CHECK(t.text("SELECT string_agg(what, ' ') FROM effects") == "m2");   // once
}

TEST_CASE("fault: with idle_session_timeout = 1s the lock is held through a slow migration and a waiting runner is not ended") {
    Setup t;
    t.sql("ALTER DATABASE " + t.db().conn().quote_name(t.db().name()) + " SET idle_session_timeout = '1s'");
    t.file("0001_one.up.sql", "CREATE TABLE one (id int);\n");
    t.file("0002_slow.up.sql", "DO $$ BEGIN PERFORM pg_sleep(4); END $$;\n");
    t.file("0003_three.up.sql", "CREATE TABLE three (id int);\n");
    Child first = t.start("apply");
    REQUIRE(Setup::wait_for([&] { return t.active("DO $$ BEGIN PERFORM pg_sleep(4)%") == 1; }));
    Child second = t.start("apply");   // waits for the lock for about 4 s, its own session idle
    std::this_thread::sleep_for(2500ms);
    CHECK(t.lock_holder() != 0);   // 2.5 s into the migration, 1 s idle timeout: still held

    const Outcome a = first.wait(), b = second.wait();
    CAPTURE(a.err);
    CAPTURE(b.err);
    CHECK(a.code == 0);
    CHECK(has(a.out, "applied 3 migration(s)"));
    CHECK(b.code == 0);
    CHECK(has(b.out, "nothing to apply"));
    CHECK(t.history() == "1:ok 2:ok 3:ok");
}

// ============================================================== kill -9 in index statements

TEST_CASE("fault: kill -9 during CREATE INDEX CONCURRENTLY: --resume drops the INVALID index and builds it, or counts a built one done") {
    Setup t;
    t.sql("CREATE TABLE one (id int); INSERT INTO one SELECT generate_series(1, 1000)");
    t.file("0001_idx.up.sql", "-- schemac:no-transaction\nCREATE INDEX CONCURRENTLY one_a ON one (id);\n"
                              "CREATE UNIQUE INDEX CONCURRENTLY \"One_B\" ON public.one (id);\n");
    SUBCASE("killed while the index is INVALID") {
        // The build waits for the test's ROW EXCLUSIVE lock after the index was
        // entered in the catalog as INVALID.
        Holder writer(t.db(), "LOCK TABLE one IN ROW EXCLUSIVE MODE");
        Child runner = t.start("apply");
        REQUIRE(Setup::wait_for([&] { return t.active("CREATE INDEX CONCURRENTLY one_a%") == 1; }));
        REQUIRE(Setup::wait_for([&] { return t.index("one_a") == "invalid"; }));
        runner.kill9();
        CHECK(runner.wait().signal == SIGKILL);
        REQUIRE(t.runner_gone());
        writer.release();
        CHECK(t.index("one_a") == "invalid");
        CHECK(t.history() == "1:up 0/2");

        const Outcome o = t.run("apply", {"--resume"});
        CAPTURE(o.err);
        CHECK(o.code == 0);
        CHECK(has(o.err, "was left INVALID: dropped, built again"));
    }
    SUBCASE("killed after the index was built, before the runner recorded it") {
        REQUIRE(t.run("apply").code == 0);
        // What a kill between the statement and its progress update leaves.
        t.sql("UPDATE schemac_migrations SET success = false, statements_done = 1");
        const Outcome o = t.run("apply", {"--resume"});
        CAPTURE(o.err);
        CHECK(o.code == 0);
        CHECK(has(o.err, "index \"public\".\"One_B\" already exists and is valid: statement 2 counted as done"));
    }
    CHECK(t.history() == "1:ok");
    CHECK(t.index("one_a") == "valid");
    CHECK(t.index("\"One_B\"") == "valid");
}

TEST_CASE("fault: kill -9 during a non-transactional down file: status shows the partial rollback, rollback resumes it, repair --forget resolves it") {
    Setup t;
    t.file("0001_tables.up.sql", "CREATE TABLE t1 (a int);\nCREATE TABLE t2 (b int);\n");
    t.file("0001_tables.down.sql", "DROP TABLE t2;\nDROP TABLE t1;\n");
    t.file("0002_idx.up.sql", "-- schemac:no-transaction\nCREATE INDEX CONCURRENTLY t1_a ON t1 (a);\nCREATE INDEX CONCURRENTLY t2_b ON t2 (b);\n");
    t.file("0002_idx.down.sql", "-- schemac:no-transaction\nDROP INDEX CONCURRENTLY t1_a;\nDROP INDEX CONCURRENTLY t2_b;\n");
    REQUIRE(t.run("apply").code == 0);

    Holder reader(t.db(), "LOCK TABLE t2 IN ACCESS SHARE MODE");   // the second drop waits for it
    Child runner = t.start("rollback");
    REQUIRE(Setup::wait_for([&] { return t.active("DROP INDEX CONCURRENTLY t2_b%") == 1; }));
    const Outcome during = t.run("status");   // the runner holds the lock: at work, not stopped
    CAPTURE(during.out);
    CHECK(has(during.out, "running"));
    CHECK(has(during.out, "being rolled back by another runner: statement 2 of 2"));
    runner.kill9();
    CHECK(runner.wait().signal == SIGKILL);
    REQUIRE(t.runner_gone());
    reader.release();

    CHECK(t.history() == "1:ok 2:down 1/2");
    CHECK(t.index("t1_a") == "absent");
    const Outcome st = t.run("status");
    CAPTURE(st.out);
    CHECK(st.code == 1);
    CHECK(has(st.out, "rollback stopped at statement 2 of 2 of its down file: interrupted"));
    CHECK(has(st.out, "`schemac rollback` continues the rollback there"));
    const Outcome json = t.run("status", {"--json"});
    CHECK(has(json.out, "\"statements_done\":1,\"statements_total\":2,\"rolling_back\":true"));
    const Outcome apply = t.run("apply", {"--resume"});
    CHECK(apply.code == 1);
    CHECK(has(apply.err, "0002_idx.down.sql stopped at statement 2 of 2"));
    CHECK(has(apply.err, "schemac rollback"));

    SUBCASE("rollback continues at the statement that was interrupted") {
        const Outcome o = t.run("rollback");
        CAPTURE(o.err);
        CHECK(o.code == 0);
        CHECK(has(o.err, "resuming at statement 2 of 2"));
        CHECK(t.index("t2_b") == "absent");
    }
    SUBCASE("rollback after the index was dropped by hand counts the drop done") {
        t.sql("DROP INDEX t2_b");
        const Outcome o = t.run("rollback");
        CAPTURE(o.err);
        CHECK(o.code == 0);
        CHECK(has(o.err, "index \"t2_b\" is already gone: statement 2 counted as done"));
    }
    SUBCASE("repair --forget after finishing it by hand") {
        t.sql("DROP INDEX t2_b");
        const Outcome o = t.run("repair", {"--forget", "2"});
        CAPTURE(o.err);
        CHECK(o.code == 0);
        CHECK(has(o.out, "recorded as rolled back"));
    }
    CHECK(t.history() == "1:ok");
    const Outcome st2 = t.run("status");
    CHECK(st2.code == 0);
    // The rolled-back migration applies again from the start.
    CHECK(t.run("apply").code == 0);
    CHECK(t.history() == "1:ok 2:ok");
    CHECK(t.index("t1_a") == "valid");
    CHECK(t.index("t2_b") == "valid");
}

// ============================================================== random kills

namespace {

// The migrations of the random-kill suite: transactional files around a
// non-transactional one whose up and down files build and drop indexes
// concurrently (hand-written in the forms schemac generates, and one drop
// without IF EXISTS, as a hand-written file might have).
void write_fault_migrations(Setup& t) {
    t.file("0001_base.up.sql", "CREATE TYPE mood AS ENUM ('a');\nCREATE TABLE t1 (id int, v text);\n"
                               "INSERT INTO t1 SELECT g, 'v' || g FROM generate_series(1, 50000) g;\n");
    t.file("0001_base.down.sql", "DROP TABLE t1;\nDROP TYPE mood;\n");
    t.file("0002_idx.up.sql", "-- schemac:no-transaction\nCREATE INDEX CONCURRENTLY t1_id ON public.t1 (id);\n"
                              "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'b';\nCREATE UNIQUE INDEX CONCURRENTLY t1_v ON public.t1 (v);\n");
    // The pause gives the random kills a fair share of this (otherwise fast) file.
    t.file("0002_idx.down.sql", "-- schemac:no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS public.t1_v;\n"
                                "DO $$ BEGIN PERFORM pg_sleep(0.1); END $$;\nDROP INDEX CONCURRENTLY t1_id;\n");
    t.file("0003_copy.up.sql", "CREATE TABLE t3 AS SELECT id FROM t1;\nCREATE INDEX t3_id ON t3 (id);\n");
    t.file("0003_copy.down.sql", "DROP TABLE t3;\n");
}

struct Row {
    bool success = false, rolling_back = false;
    int done = 0, total = 0;
};

// Whether the history and the database agree; `why` says where they do not,
// `state` names what was found (e.g. "0002 up 1/3").
bool agrees(Setup& t, std::string& why, std::string& state) {
    std::map<int, Row> rows;
    if (!t.text("SELECT to_regclass('public.schemac_migrations')").empty())
        for (const auto& r : t.sql("SELECT version, success, " + kRollingBack +
                                   ", coalesce(statements_done, 0), coalesce(statements_total, 0) FROM public.schemac_migrations h"))
            rows[r[0].as<int>()] = {r[1].as<bool>(), r[2].as<bool>(), r[3].as<int>(), r[4].as<int>()};
    auto fail = [&](const std::string& w) {
        why = w + " (history: " + t.history() + ")";
        return false;
    };
    int expected = 1;
    for (const auto& [v, r] : rows)
        if (v != expected++) return fail("the history has a gap");
    const bool t1 = !t.text("SELECT to_regclass('t1')").empty();
    const bool mood = !t.text("SELECT to_regtype('mood')").empty();
    state = rows.empty() ? "empty" : "at 000" + std::to_string(rows.rbegin()->first);
    if (rows.count(1)) {
        if (!rows[1].success) return fail("0001 is transactional, its row cannot be unfinished");
        if (!t1 || !mood || t.count("SELECT count(*) FROM t1") != 50000) return fail("0001 recorded but t1 or mood incomplete");
    } else if (t1 || mood) {
        return fail("0001 not recorded but t1 or mood exists: half-applied");
    }
    const bool t3 = !t.text("SELECT to_regclass('t3')").empty();
    if (rows.count(3) != (t3 ? 1u : 0u)) return fail("0003 recorded and t3 disagree");
    // 0002: statement k's effect, for up (1: t1_id, 2: 'b', 3: t1_v) and down (1: t1_v gone, 3: t1_id gone).
    const std::string id = t.index("t1_id"), v = t.index("t1_v");
    if (!rows.count(2)) {
        if (id != "absent" || v != "absent") return fail("0002 not recorded but an index exists");
        return true;
    }
    const Row r = rows[2];
    if (r.success) {
        const bool b = t.count("SELECT count(*) FROM pg_enum WHERE enumtypid = 'mood'::regtype AND enumlabel = 'b'") == 1;
        if (id != "valid" || v != "valid" || !b) return fail("0002 recorded as applied but its effects are not all there");
        return true;
    }
    state = std::string("0002 ") + (r.rolling_back ? "down " : "up ") + std::to_string(r.done) + "/" + std::to_string(r.total);
    // Statements before the one it stopped at took effect, statements after it did not.
    auto done = [&](int k, bool effect) { return k > r.done + 1 ? !effect : k <= r.done ? effect : true; };
    if (!r.rolling_back) {
        if (r.total != 3) return fail("0002's row counts the wrong file");
        const bool b = t.count("SELECT count(*) FROM pg_enum WHERE enumtypid = 'mood'::regtype AND enumlabel = 'b'") == 1;
        if (!done(1, id == "valid") || !done(2, b) || !done(3, v == "valid")) return fail("0002's effects disagree with its progress");
    } else {
        if (r.total != 3) return fail("0002's row counts the wrong file");
        if (!done(1, v == "absent") || !done(3, id == "absent")) return fail("0002's rollback disagrees with its progress");
    }
    return true;
}

bool fully_applied(Setup& t) { return t.history() == "1:ok 2:ok 3:ok" && t.index("t1_id") == "valid" && t.index("t1_v") == "valid"; }
bool fully_rolled_back(Setup& t) { return t.history() == "" && t.text("SELECT to_regclass('t1')").empty(); }

}  // namespace

TEST_CASE("fault: SIGKILL at random points of apply and rollback: history and database always agree and one command recovers") {
    unsigned seed = std::random_device{}();
    if (const char* s = std::getenv("SCHEMAC_FAULT_SEED")) seed = static_cast<unsigned>(std::stoul(s));
    MESSAGE("random kills: seed " << seed << " (SCHEMAC_FAULT_SEED=" << seed << " repeats this run)");
    std::mt19937 rng(seed);
    Setup t;
    write_fault_migrations(t);

    // How long each command takes here, so that kills land anywhere inside it.
    auto timed = [&](const std::string& sub, std::vector<std::string> more) {
        const Outcome o = t.run(sub, std::move(more));
        REQUIRE_MESSAGE(o.code == 0, o.err);
        return o.seconds;
    };
    const double apply_s = timed("apply", {});
    REQUIRE(fully_applied(t));
    const double rollback_s = timed("rollback", {"--target", "0"});
    REQUIRE(fully_rolled_back(t));
    MESSAGE("apply takes " << apply_s << " s, rollback " << rollback_s << " s");

    const auto t0 = Clock::now();
    int kills = 0, attempts = 0;
    std::map<std::string, int> seen;   // states found after a kill
    // Kills that left a non-transactional file part-way, up and down.
    auto part_way = [&](const std::string& dir) {
        int n = 0;
        for (const auto& [s, k] : seen) n += has(s, "0002 " + dir) ? k : 0;
        return n;
    };
    while ((kills < 30 || part_way("up") == 0 || part_way("down") == 0) && attempts < 120 && Clock::now() - t0 < 150s) {
        const bool up = attempts++ % 2 == 0;   // from empty: apply; from applied: rollback
        const double span = up ? apply_s : rollback_s;
        const auto delay = std::chrono::microseconds(std::uniform_int_distribution<long>(0, static_cast<long>(span * 1.1e6))(rng));
        Child runner = up ? t.start("apply") : t.start("rollback", {"--target", "0"});
        std::this_thread::sleep_for(delay);
        const bool killed = runner.running();
        runner.kill9();
        const Outcome o = runner.wait();
        CAPTURE(o.err);
        if (!killed) REQUIRE(o.code == 0);   // it finished before the kill
        kills += killed;
        REQUIRE(t.runner_gone());

        std::string why, state;
        CAPTURE(seed);
        CAPTURE(attempts);
        REQUIRE_MESSAGE(agrees(t, why, state), why);
        if (killed) ++seen[(up ? "apply killed, " : "rollback killed, ") + state];

        // The documented recovery: apply --resume, or rollback again.
        const Outcome rec = up ? t.run("apply", {"--resume"}) : t.run("rollback", {"--target", "0"});
        CAPTURE(rec.err);
        REQUIRE(rec.code == 0);
        REQUIRE(agrees(t, why, state));
        REQUIRE((up ? fully_applied(t) : fully_rolled_back(t)));
    }
    std::string summary;
    for (const auto& [s, n] : seen) summary += "\n  " + std::to_string(n) + " x " + s;
    MESSAGE(kills << " kills in " << attempts << " runs, "
                  << std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - t0).count() << " s:" << summary);
    CHECK(kills >= 30);
    CHECK(part_way("up") > 0);
    CHECK(part_way("down") > 0);
}

TEST_CASE("fault: a history table from before down-file progress is read by status and gains the column on apply") {
    Setup t;
    t.sql("CREATE TABLE public.schemac_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, "
          "applied_at timestamptz NOT NULL DEFAULT now(), execution_time_ms bigint NOT NULL DEFAULT 0, "
          "applied_by text NOT NULL DEFAULT current_user, success boolean NOT NULL, statements_done integer, "
          "statements_total integer, error text, baseline boolean NOT NULL DEFAULT false)");
    t.file("0001_one.up.sql", "CREATE TABLE one (id int);\n");
    const Outcome st = t.run("status");
    CAPTURE(st.err);
    CHECK(st.code == 0);
    CHECK(has(st.out, "1 pending"));
    const Outcome o = t.run("apply");
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(t.history() == "1:ok");
    CHECK(t.text("SELECT rolling_back FROM public.schemac_migrations") == "f");
}
