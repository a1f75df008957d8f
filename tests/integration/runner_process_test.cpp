// The `schemac` CLI's database commands as real child processes (fork + exec of
// SCHEMAC_BINARY) against scratch databases on the test server: concurrency,
// the lock timeout, failing statements, kill -9 at several points and resume,
// connection and usage errors (exit codes, one line, never a password), --json.
// The library API is tested in runner_test.cpp; the guarantees are listed in
// docs/runtime.md.
//
// Each child runs in a temporary work directory with an environment built from
// scratch (child_process.hpp); its migrations are in migrations/ there.
// Migrations sleep with DO ... PERFORM pg_sleep(...), never with a bare SELECT
// (see "runner process: a migration may contain statements that return rows").
#include <doctest/doctest.h>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "child_process.hpp"
#include "scratch_db.hpp"

namespace fs = std::filesystem;
using schemac::test::create_password_role;
using schemac::test::Child;
using schemac::test::Outcome;
using schemac::test::ScratchDb;
using schemac::test::Workdir;
using schemac::test::write_text;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

// ---------------------------------------------------------------- processes

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// A Workdir (child_process.hpp) with the migrations directory, migrations/, in it.
class ProjectDir : public Workdir {
public:
    ProjectDir() : Workdir("schemac-proc") { fs::create_directory(root() / "migrations"); }

    std::string dir() const { return (root() / "migrations").string(); }
    void migration(const std::string& file, const std::string& sql) const { write_text(root() / "migrations" / file, sql); }
};

// ---------------------------------------------------------------- databases

std::string server_param(const std::string& key) {
    std::istringstream in(ScratchDb::server());
    for (std::string tok; in >> tok;)
        if (tok.starts_with(key + "=")) return tok.substr(key.size() + 1);
    return "";
}

// A scratch database and questions about it. Before it is dropped, every other
// session on it (a killed runner's backend) is terminated, so the drop works.
class Db {
public:
    ~Db() {
        try {
            pqxx::nontransaction tx{db_.conn()};
            tx.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        } catch (...) {
        }
    }
    std::string conninfo() const { return db_.conninfo(); }
    const std::string& name() const { return db_.name(); }

    void exec(const std::string& sql) {
        pqxx::nontransaction tx{db_.conn()};
        tx.exec(sql);
    }
    long long count(const std::string& sql) {
        pqxx::nontransaction tx{db_.conn()};
        return tx.exec1(sql)[0].as<long long>();
    }
    std::string text(const std::string& sql) {
        pqxx::nontransaction tx{db_.conn()};
        const auto r = tx.exec1(sql);
        return r[0].is_null() ? "" : r[0].as<std::string>();
    }
    bool exists(const std::string& relation) {
        pqxx::nontransaction tx{db_.conn()};
        return !tx.exec1("SELECT to_regclass(" + tx.quote(relation) + ")")[0].is_null();
    }

    // "1:ok 2:ok 3:failed 1/4" (by version), "" for an empty history, "(no history table)".
    std::string history() {
        if (!exists("public.schemac_migrations")) return "(no history table)";
        return text(
            "SELECT coalesce(string_agg(version || ':' || CASE WHEN success THEN 'ok' ELSE 'failed ' || "
            "coalesce(statements_done::text, '?') || '/' || coalesce(statements_total::text, '?') END, ' ' ORDER BY version), '') "
            "FROM public.schemac_migrations");
    }

    // The test's bookkeeping, created outside any migration: every migration
    // INSERTs its name into effects (so a migration that ran twice shows up
    // twice), and a controlled sleep sleeps while sleep_control has a row.
    void create_effects() {
        exec("CREATE TABLE effects (what text NOT NULL); CREATE TABLE sleep_control (on_ boolean); INSERT INTO sleep_control VALUES (true)");
    }
    // "m1 m2 m2s1" sorted; duplicates repeated.
    std::string effects() { return text("SELECT coalesce(string_agg(what, ' ' ORDER BY what), '') FROM effects"); }

    // Sessions of `schemac` processes on this database (application_name).
    long long runner_sessions() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'schemac'");
    }
    long long active_queries_like(const std::string& pattern) {
        pqxx::nontransaction tx{db_.conn()};
        return tx.exec1("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                        "AND state = 'active' AND query LIKE " + tx.quote(pattern))[0].as<long long>();
    }

    // Polls until a runner's backend runs a query matching `pattern` (true), or
    // the child exits or `limit` passes (false).
    bool wait_for_query(Child& child, const std::string& pattern, std::chrono::seconds limit = 20s) {
        const auto deadline = Clock::now() + limit;
        while (Clock::now() < deadline) {
            if (active_queries_like(pattern) > 0) return true;
            if (!child.running()) return false;
            std::this_thread::sleep_for(10ms);
        }
        return false;
    }

    // Polls until no `schemac` session is left on the database; the seconds it
    // took, or -1 after `limit`.
    double wait_runner_sessions_gone(std::chrono::seconds limit = 20s) {
        const auto t0 = Clock::now();
        while (seconds_since(t0) < static_cast<double>(limit.count())) {
            if (runner_sessions() == 0) return seconds_since(t0);
            std::this_thread::sleep_for(20ms);
        }
        return -1;
    }

private:
    ScratchDb db_;
};

// A statement that sleeps `secs` while sleep_control has a row (so a re-run of
// the same file, checksum unchanged, does not sleep once the row is deleted).
std::string controlled_sleep(int secs) {
    return "DO $$ BEGIN IF EXISTS (SELECT FROM sleep_control) THEN PERFORM pg_sleep(" + std::to_string(secs) +
           "); END IF; END $$;\n";
}
std::string effect(const std::string& what) { return "INSERT INTO effects VALUES ('" + what + "');\n"; }

std::vector<std::string> cmd(const std::string& sub, const ProjectDir& w, const std::string& conninfo,
                             std::vector<std::string> more = {}) {
    std::vector<std::string> a{sub, "--dir", w.dir(), "--db", conninfo};
    a.insert(a.end(), more.begin(), more.end());
    return a;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

long long lines(const std::string& s) { return std::count(s.begin(), s.end(), '\n'); }

// Exactly one line on stderr, "schemac: error: ...\n".
bool one_error_line(const std::string& err) {
    return err.starts_with("schemac: error:") && err.ends_with("\n") && lines(err) == 1;
}

// ---------------------------------------------------------------- JSON

// A small strict JSON reader (RFC 8259), for checking --json output.
struct Json {
    enum class Kind { null, boolean, number, string, array, object } kind = Kind::null;
    bool b = false;
    double n = 0;
    std::string s;
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members;

    const Json* get(const std::string& key) const {
        for (const auto& [k, v] : members)
            if (k == key) return &v;
        return nullptr;
    }
};

class JsonReader {
public:
    explicit JsonReader(const std::string& t) : t_(t) {}
    // The one value the whole text is (whitespace around it allowed), or nothing.
    std::optional<Json> document() {
        Json v;
        ws();
        if (!value(v, 0)) return std::nullopt;
        ws();
        if (i_ != t_.size()) return std::nullopt;
        return v;
    }

private:
    void ws() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
    }
    bool lit(const char* w) {
        const std::string s(w);
        if (t_.compare(i_, s.size(), s) != 0) return false;
        i_ += s.size();
        return true;
    }
    bool value(Json& v, int depth) {
        if (depth > 100 || i_ >= t_.size()) return false;
        const char c = t_[i_];
        if (c == '{') return object(v, depth);
        if (c == '[') return array(v, depth);
        if (c == '"') {
            v.kind = Json::Kind::string;
            return string(v.s);
        }
        if (lit("true")) { v.kind = Json::Kind::boolean; v.b = true; return true; }
        if (lit("false")) { v.kind = Json::Kind::boolean; return true; }
        if (lit("null")) return true;
        return number(v);
    }
    bool object(Json& v, int depth) {
        v.kind = Json::Kind::object;
        ++i_;
        ws();
        if (i_ < t_.size() && t_[i_] == '}') { ++i_; return true; }
        for (;;) {
            ws();
            std::string key;
            if (i_ >= t_.size() || t_[i_] != '"' || !string(key)) return false;
            ws();
            if (i_ >= t_.size() || t_[i_] != ':') return false;
            ++i_;
            ws();
            Json m;
            if (!value(m, depth + 1)) return false;
            v.members.emplace_back(std::move(key), std::move(m));
            ws();
            if (i_ < t_.size() && t_[i_] == ',') { ++i_; continue; }
            if (i_ < t_.size() && t_[i_] == '}') { ++i_; return true; }
            return false;
        }
    }
    bool array(Json& v, int depth) {
        v.kind = Json::Kind::array;
        ++i_;
        ws();
        if (i_ < t_.size() && t_[i_] == ']') { ++i_; return true; }
        for (;;) {
            ws();
            Json m;
            if (!value(m, depth + 1)) return false;
            v.items.push_back(std::move(m));
            ws();
            if (i_ < t_.size() && t_[i_] == ',') { ++i_; continue; }
            if (i_ < t_.size() && t_[i_] == ']') { ++i_; return true; }
            return false;
        }
    }
    bool string(std::string& out) {
        ++i_;   // the opening quote
        while (i_ < t_.size()) {
            const unsigned char c = static_cast<unsigned char>(t_[i_++]);
            if (c == '"') return true;
            if (c < 0x20) return false;   // control characters must be escaped
            if (c != '\\') { out += static_cast<char>(c); continue; }
            if (i_ >= t_.size()) return false;
            const char e = t_[i_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    if (i_ + 4 > t_.size()) return false;
                    unsigned cp = 0;
                    for (int k = 0; k < 4; ++k) {
                        const char h = t_[i_++];
                        cp <<= 4;
                        if (h >= '0' && h <= '9') cp |= h - '0';
                        else if (h >= 'a' && h <= 'f') cp |= h - 'a' + 10;
                        else if (h >= 'A' && h <= 'F') cp |= h - 'A' + 10;
                        else return false;
                    }
                    // Enough for messages: BMP code points as UTF-8 (surrogates kept as is).
                    if (cp < 0x80) out += static_cast<char>(cp);
                    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
                    else {
                        out += static_cast<char>(0xE0 | (cp >> 12));
                        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                        out += static_cast<char>(0x80 | (cp & 0x3F));
                    }
                    break;
                }
                default: return false;
            }
        }
        return false;
    }
    bool number(Json& v) {
        const std::size_t start = i_;
        auto digits = [&] {
            const std::size_t d = i_;
            while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
            return i_ > d;
        };
        if (i_ < t_.size() && t_[i_] == '-') ++i_;
        if (i_ < t_.size() && t_[i_] == '0') ++i_;
        else if (!digits()) return false;
        if (i_ < t_.size() && t_[i_] == '.') { ++i_; if (!digits()) return false; }
        if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
            ++i_;
            if (i_ < t_.size() && (t_[i_] == '+' || t_[i_] == '-')) ++i_;
            if (!digits()) return false;
        }
        v.kind = Json::Kind::number;
        v.n = std::stod(t_.substr(start, i_ - start));
        return true;
    }

    const std::string& t_;
    std::size_t i_ = 0;
};

std::optional<Json> parse_json(const std::string& text) { return JsonReader(text).document(); }

// "schemac: applied 5 migration(s) in ..." -> 5; "nothing to apply" -> 0; else -1.
int applied_count(const std::string& out) {
    if (contains(out, "schemac: nothing to apply")) return 0;
    const std::string marker = "schemac: applied ";
    const auto at = out.find(marker);
    if (at == std::string::npos) return -1;
    return std::atoi(out.c_str() + at + marker.size());
}

}  // namespace

// ============================================================== concurrency

TEST_CASE("runner process: 8 concurrent applies x 20 rounds apply each migration exactly once and CREATE INDEX CONCURRENTLY does not deadlock") {
    ProjectDir w;
    w.migration("0001_first.up.sql", "CREATE TABLE t1 (id int PRIMARY KEY, v text);\n" + effect("m1"));
    w.migration("0002_fill.up.sql", effect("m2") + "DO $$ BEGIN PERFORM pg_sleep(0.05); END $$;\n"
                                    "INSERT INTO t1 SELECT g, g::text FROM generate_series(1, 2000) g;\n");
    w.migration("0003_index.up.sql", "-- schemac:no-transaction\n" + effect("m3") +
                                         "CREATE INDEX CONCURRENTLY t1_v_idx ON t1 (v);\n"
                                         "DO $$ BEGIN PERFORM pg_sleep(0.02); END $$;\n");
    w.migration("0004_column.up.sql", "ALTER TABLE t1 ADD COLUMN w int;\n" + effect("m4") +
                                          "DO $$ BEGIN PERFORM pg_sleep(0.03); END $$;\n");
    w.migration("0005_last.up.sql", "CREATE TABLE t5 (id int);\n" + effect("m5"));

    const auto t0 = Clock::now();
    double slowest = 0;
    for (int round = 1; round <= 20; ++round) {
        CAPTURE(round);
        Db db;
        db.create_effects();
        std::vector<Child> children;
        for (int k = 0; k < 8; ++k) children.push_back(w.start(cmd("apply", w, db.conninfo())));
        std::vector<Outcome> outcomes;
        for (auto& c : children) outcomes.push_back(c.wait(45s));

        bool ok = true;
        int applied_total = 0;
        for (std::size_t k = 0; k < outcomes.size(); ++k) {
            const Outcome& o = outcomes[k];
            CAPTURE(k);
            CAPTURE(o.out);
            CAPTURE(o.err);
            CHECK(o.code == 0);
            ok = ok && o.code == 0;
            applied_total += std::max(0, applied_count(o.out));
            slowest = std::max(slowest, o.seconds);
        }
        CHECK(applied_total == 5);   // the runners' own reports: five migrations applied, once each
        CHECK(db.history() == "1:ok 2:ok 3:ok 4:ok 5:ok");
        CHECK(db.effects() == "m1 m2 m3 m4 m5");
        CHECK(db.count("SELECT count(*) FROM t1") == 2000);
        CHECK(db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 't1_v_idx'::regclass AND indisvalid") == 1);
        CHECK(db.count("SELECT count(*) FROM public.schemac_migrations WHERE version = 3 AND statements_done = 3 AND statements_total = 3") == 1);
        if (!ok || applied_total != 5 || db.history() != "1:ok 2:ok 3:ok 4:ok 5:ok") break;
    }
    const double total = seconds_since(t0);
    // Reported, not asserted: a runner that waits forever fails its 45 s wait above,
    // and speed belongs to bench/, not to a test that a loaded machine can fail.
    MESSAGE("20 rounds of 8 concurrent applies: " << total << " s (slowest process " << slowest << " s)");
}

// ============================================================== lock timeout

TEST_CASE("runner process: a second apply gives up after --lock-timeout with exit 5 naming the holder and applies nothing") {
    ProjectDir w;
    Db db;
    db.create_effects();
    w.migration("0001_slow.up.sql", effect("m1") + "DO $$ BEGIN PERFORM pg_sleep(5); END $$;\n");
    w.migration("0002_after.up.sql", effect("m2"));

    Child first = w.start(cmd("apply", w, db.conninfo()));
    REQUIRE(db.wait_for_query(first, "%pg_sleep(5)%"));
    // The backend that holds the migration lock (the first runner's lock connection).
    const std::string holder = db.text(
        "SELECT string_agg(pid::text, ',') FROM pg_locks WHERE locktype = 'advisory' AND granted "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    REQUIRE(!holder.empty());
    REQUIRE(!contains(holder, ","));

    const Outcome second = w.run(cmd("apply", w, db.conninfo(), {"--lock-timeout", "500ms"}));
    CAPTURE(second.out);
    CAPTURE(second.err);
    CHECK(second.code == 5);
    CHECK(one_error_line(second.err));
    CHECK(contains(second.err, "lock"));
    CHECK(contains(second.err, "held by backend pid " + holder));
    CHECK(contains(second.err, "application 'schemac'"));
    CHECK(contains(second.err, "--lock-timeout"));
    CHECK(!contains(second.err, "applied"));
    CHECK(second.out == "");
    CHECK(second.seconds >= 0.45);
    CHECK(first.running());   // it gave up on its own, well before the first runner finished

    // The same with --json: the error on stdout, kind lock_timeout.
    const Outcome json = w.run(cmd("apply", w, db.conninfo(), {"--lock-timeout", "300ms", "--json"}));
    CAPTURE(json.out);
    CHECK(json.code == 5);
    const auto doc = parse_json(json.out);
    REQUIRE(doc);
    const Json* error = doc->get("error");
    REQUIRE(error);
    REQUIRE(error->get("kind"));
    CHECK(error->get("kind")->s == "lock_timeout");
    CHECK(first.running());

    // Nothing committed yet: the first runner is still in migration 1, and the
    // others applied nothing.
    CHECK(db.history() == "");
    CHECK(db.effects() == "");

    const Outcome done = first.wait();
    CAPTURE(done.err);
    CHECK(done.code == 0);
    CHECK(applied_count(done.out) == 2);
    CHECK(db.history() == "1:ok 2:ok");
    CHECK(db.effects() == "m1 m2");
}

// ============================================================== a failing statement

TEST_CASE("runner process: a failing statement is named with file and line and PostgreSQL's error and its migration leaves nothing") {
    ProjectDir w;
    Db db;
    db.create_effects();
    w.migration("0001_one.up.sql", "CREATE TABLE one (id int);\n" + effect("m1"));
    w.migration("0002_two.up.sql", "CREATE TABLE two (id int);\n" + effect("m2"));
    w.migration("0003_three_breaks.up.sql",
                "-- the second statement fails\n"
                "CREATE TABLE three (id int);\n"
                "INSERT INTO three VALUES ('not a number');\n" +
                    effect("m3"));
    w.migration("0004_four.up.sql", "CREATE TABLE four (id int);\n" + effect("m4"));
    w.migration("0005_five.up.sql", "CREATE TABLE five (id int);\n" + effect("m5"));

    const Outcome o = w.run(cmd("apply", w, db.conninfo()));
    CAPTURE(o.out);
    CAPTURE(o.err);
    CHECK(o.code == 1);
    CHECK(contains(o.err, "schemac: error: 0003_three_breaks.up.sql:3: statement 2 of 3 failed"));
    CHECK(contains(o.err, "INSERT INTO three VALUES ('not a number')"));
    CHECK(contains(o.err, "invalid input syntax for type integer: \"not a number\""));
    CHECK(contains(o.err, "stays at version 0002"));
    CHECK(db.history() == "1:ok 2:ok");
    CHECK(db.effects() == "m1 m2");
    CHECK(db.exists("one"));
    CHECK(db.exists("two"));
    CHECK(!db.exists("three"));   // its first statement ran, and was rolled back
    CHECK(!db.exists("four"));
    CHECK(!db.exists("five"));

    // Fixed, the next apply continues with 3.
    w.migration("0003_three_breaks.up.sql", "CREATE TABLE three (id int);\nINSERT INTO three VALUES (3);\n" + effect("m3"));
    const Outcome again = w.run(cmd("apply", w, db.conninfo()));
    CAPTURE(again.err);
    CHECK(again.code == 0);
    CHECK(applied_count(again.out) == 3);
    CHECK(db.history() == "1:ok 2:ok 3:ok 4:ok 5:ok");
    CHECK(db.effects() == "m1 m2 m3 m4 m5");
}

// ============================================================== kill -9

namespace {

// Kills `runner` once its backend runs the controlled sleep, then waits until
// the dead runner's sessions are gone (the server notices within about a
// second: client_connection_check_interval; without it, 30 s).
void kill_during_sleep(Db& db, Child& runner) {
    REQUIRE(db.wait_for_query(runner, "%pg_sleep(30)%"));
    runner.kill9();
    const Outcome killed = runner.wait();
    CHECK(killed.signal == SIGKILL);
    const double gone = db.wait_runner_sessions_gone();
    CAPTURE(gone);
    MESSAGE("the killed runner's sessions were gone " << gone << " s after the kill");
    CHECK(gone >= 0);
    CHECK(gone < 10);   // well before the 30 s sleep would have ended
}

}  // namespace

TEST_CASE("runner process: kill -9 in the middle of a transactional migration leaves nothing of it and the next apply applies it once") {
    ProjectDir w;
    Db db;
    db.create_effects();
    w.migration("0001_one.up.sql", "CREATE TABLE one (id int);\n" + effect("m1"));
    w.migration("0002_two.up.sql", "CREATE TABLE two (id int);\n" + effect("m2") + controlled_sleep(30) +
                                       "INSERT INTO two VALUES (2);\n");
    w.migration("0003_three.up.sql", "CREATE TABLE three (id int);\n" + effect("m3"));

    Child runner = w.start(cmd("apply", w, db.conninfo()));
    kill_during_sleep(db, runner);
    CHECK(db.history() == "1:ok");
    CHECK(db.effects() == "m1");
    CHECK(!db.exists("two"));
    CHECK(!db.exists("three"));

    db.exec("DELETE FROM sleep_control");
    const Outcome o = w.run(cmd("apply", w, db.conninfo()));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(applied_count(o.out) == 2);
    CHECK(db.history() == "1:ok 2:ok 3:ok");
    CHECK(db.effects() == "m1 m2 m3");
    CHECK(db.count("SELECT count(*) FROM two") == 1);
}

TEST_CASE("runner process: kill -9 during the first migration leaves an empty history and the next apply applies everything once") {
    ProjectDir w;
    Db db;
    db.create_effects();
    w.migration("0001_one.up.sql", "CREATE TABLE one (id int);\n" + effect("m1") + controlled_sleep(30));
    w.migration("0002_two.up.sql", "CREATE TABLE two (id int);\n" + effect("m2"));
    w.migration("0003_three.up.sql", effect("m3"));

    Child runner = w.start(cmd("apply", w, db.conninfo()));
    kill_during_sleep(db, runner);
    const std::string h = db.history();
    CHECK((h == "" || h == "(no history table)"));
    CHECK(db.effects() == "");
    CHECK(!db.exists("one"));

    // Status after the kill: nothing applied, three pending, exit 0.
    const Outcome st = w.run(cmd("status", w, db.conninfo()));
    CAPTURE(st.out);
    CHECK(st.code == 0);
    CHECK(contains(st.out, "3 pending"));

    db.exec("DELETE FROM sleep_control");
    const Outcome o = w.run(cmd("apply", w, db.conninfo()));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(applied_count(o.out) == 3);
    CHECK(db.history() == "1:ok 2:ok 3:ok");
    CHECK(db.effects() == "m1 m2 m3");
}

TEST_CASE("runner process: kill -9 during a non-transactional file's second statement then apply refuses and --resume continues at statement 2") {
    ProjectDir w;
    Db db;
    db.create_effects();
    w.migration("0001_one.up.sql", "CREATE TABLE one (id int);\n" + effect("m1"));
    w.migration("0002_concurrently.up.sql", "-- schemac:no-transaction\n" + effect("m2s1") + controlled_sleep(30) +
                                                effect("m2s3") + "CREATE INDEX CONCURRENTLY one_id_idx ON one (id);\n");
    w.migration("0003_three.up.sql", effect("m3"));

    Child runner = w.start(cmd("apply", w, db.conninfo()));
    kill_during_sleep(db, runner);
    CHECK(db.history() == "1:ok 2:failed 1/4");
    CHECK(db.text("SELECT coalesce(error, '(null)') FROM public.schemac_migrations WHERE version = 2") == "(null)");
    CHECK(db.effects() == "m1 m2s1");

    // status: failed, stopped at statement 2, interrupted; exit 1.
    const Outcome st = w.run(cmd("status", w, db.conninfo()));
    CAPTURE(st.out);
    CHECK(st.code == 1);
    CHECK(contains(st.out, "failed"));
    CHECK(contains(st.out, "stopped at statement 2 of 4: interrupted"));

    // A plain apply refuses and says how to resume; nothing changes.
    const Outcome refused = w.run(cmd("apply", w, db.conninfo()));
    CAPTURE(refused.err);
    CHECK(refused.code == 1);
    CHECK(contains(refused.err, "0002_concurrently.up.sql stopped at statement 2 of 4"));
    CHECK(contains(refused.err, "schemac apply --resume"));
    CHECK(db.history() == "1:ok 2:failed 1/4");
    CHECK(db.effects() == "m1 m2s1");

    db.exec("DELETE FROM sleep_control");
    const Outcome resumed = w.run(cmd("apply", w, db.conninfo(), {"--resume"}));
    CAPTURE(resumed.err);
    CHECK(resumed.code == 0);
    CHECK(contains(resumed.err, "resuming at statement 2 of 4"));
    CHECK(applied_count(resumed.out) == 2);
    CHECK(db.history() == "1:ok 2:ok 3:ok");
    CHECK(db.text("SELECT statements_done || '/' || statements_total FROM public.schemac_migrations WHERE version = 2") == "4/4");
    CHECK(db.effects() == "m1 m2s1 m2s3 m3");   // statement 1 ran once, not twice
    CHECK(db.exists("one_id_idx"));

    const Outcome after = w.run(cmd("apply", w, db.conninfo()));
    CHECK(after.code == 0);
    CHECK(applied_count(after.out) == 0);
    const Outcome st2 = w.run(cmd("status", w, db.conninfo()));
    CAPTURE(st2.out);
    CHECK(st2.code == 0);
}

// The server ends the runner's session (pg_terminate_backend, a failover, a
// restart): docs/runtime.md lists "connection lost" under exit code 4.
TEST_CASE("runner process: the runner's session ends mid-migration with exit 4 and nothing of the migration committed") {
    ProjectDir w;
    Db db;
    db.create_effects();
    w.migration("0001_one.up.sql", effect("m1"));
    w.migration("0002_two.up.sql", "CREATE TABLE two (id int);\n" + effect("m2") + controlled_sleep(30));
    Child runner = w.start(cmd("apply", w, db.conninfo()));
    REQUIRE(db.wait_for_query(runner, "%pg_sleep(30)%"));
    db.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%pg_sleep(30)%'");
    const Outcome o = runner.wait();
    CAPTURE(o.out);
    CAPTURE(o.err);
    CHECK(o.code == 4);
    CHECK(one_error_line(o.err.substr(std::min(o.err.size(), o.err.find("schemac: error:")))));
    CHECK(contains(o.err, "0002_two.up.sql"));
    CHECK(contains(o.err, "connection"));
    CHECK(db.history() == "1:ok");
    CHECK(db.effects() == "m1");
    CHECK(!db.exists("two"));
}

// A non-transactional file that stopped at its FIRST statement (failed, or
// killed) has statements_done = 0: --resume must run it from statement 1.
TEST_CASE("runner process: --resume a non-transactional file that stopped at its first statement") {
    ProjectDir w;
    Db db;
    db.create_effects();
    SUBCASE("failed") {
        w.migration("0001_index_first.up.sql", "-- schemac:no-transaction\n"
                                               "CREATE INDEX CONCURRENTLY later_x_idx ON later (x);\n" +
                                                   effect("m1s2"));
        const Outcome failed = w.run(cmd("apply", w, db.conninfo()));
        CAPTURE(failed.err);
        CHECK(failed.code == 1);
        CHECK(contains(failed.err, "relation \"later\" does not exist"));
        CHECK(db.history() == "1:failed 0/2");
        db.exec("CREATE TABLE later (x int)");   // the cause, fixed
    }
    SUBCASE("killed") {
        w.migration("0001_index_first.up.sql", "-- schemac:no-transaction\n" + controlled_sleep(30) +
                                                   "CREATE TABLE later (x int);\n"
                                                   "CREATE INDEX CONCURRENTLY later_x_idx ON later (x);\n" +
                                                   effect("m1s2"));
        Child runner = w.start(cmd("apply", w, db.conninfo()));
        kill_during_sleep(db, runner);
        CHECK(db.history() == "1:failed 0/4");
        db.exec("DELETE FROM sleep_control");
    }
    const Outcome resumed = w.run(cmd("apply", w, db.conninfo(), {"--resume"}));
    CAPTURE(resumed.err);
    CHECK(resumed.code == 0);
    CHECK(db.history() == "1:ok");
    CHECK(db.effects() == "m1s2");
    CHECK(db.exists("later_x_idx"));
}

// docs/runtime.md: "apply --resume requires the failed file unchanged; after
// fixing the file itself, repair records its new checksum (keeping the
// progress), then apply --resume."
TEST_CASE("runner process: --resume after editing the failed file is refused until repair and then the history matches the file") {
    ProjectDir w;
    Db db;
    db.create_effects();
    const std::string head = "-- schemac:no-transaction\n" + effect("m1s1");
    w.migration("0001_idx.up.sql", head + "CREATE INDEX CONCURRENTLY effects_idx ON effects (no_such_column);\n");
    const Outcome failed = w.run(cmd("apply", w, db.conninfo()));
    CAPTURE(failed.err);
    CHECK(failed.code == 1);
    CHECK(db.history() == "1:failed 1/2");

    w.migration("0001_idx.up.sql", head + "CREATE INDEX CONCURRENTLY effects_idx ON effects (what);\n");   // the fix
    const Outcome edited = w.run(cmd("apply", w, db.conninfo(), {"--resume"}));
    CAPTURE(edited.err);
    CHECK(edited.code == 1);                 // refused: the file changed since its row was written
    CHECK(contains(edited.err, "repair"));

    const Outcome repaired = w.run(cmd("repair", w, db.conninfo()));
    CAPTURE(repaired.out);
    CAPTURE(repaired.err);
    CHECK(contains(repaired.out, "update checksum"));

    const Outcome resumed = w.run(cmd("apply", w, db.conninfo(), {"--resume"}));
    CAPTURE(resumed.err);
    CHECK(resumed.code == 0);
    CHECK(db.history() == "1:ok");
    CHECK(db.effects() == "m1s1");
    const Outcome st = w.run(cmd("status", w, db.conninfo()));
    CAPTURE(st.out);
    CHECK(st.code == 0);                     // applied, not "modified"
    CHECK(!contains(st.out, "modified"));
}

// ============================================================== statements that return rows

TEST_CASE("runner process: a migration may contain statements that return rows") {
    ProjectDir w;
    Db db;
    db.create_effects();
    // SELECT pg_sleep(...), SELECT setval(...), SELECT create_hypertable(...):
    // common in hand-written migrations; psql runs them.
    w.migration("0001_select.up.sql", "CREATE SEQUENCE s;\nSELECT setval('s', 42);\nSELECT pg_sleep(0.01);\n" + effect("m1"));
    w.migration("0002_select_outside.up.sql", "-- schemac:no-transaction\n" + effect("m2s1") + "SELECT 1;\n" + effect("m2s3"));
    const Outcome o = w.run(cmd("apply", w, db.conninfo()));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(db.history() == "1:ok 2:ok");
    CHECK(db.effects() == "m1 m2s1 m2s3");
    // If it fails, it must at least say where, like any other failing statement.
    if (o.code != 0) CHECK(contains(o.err, "0001_select.up.sql:2: statement 2 of 4"));
}

// ============================================================== connection errors

namespace {

// A LOGIN role without any privilege beyond PUBLIC's, dropped at the end.
class PlainRole {
public:
    PlainRole() : name_("schemac_noperm_" + std::to_string(::getpid())) {
        pqxx::connection admin{ScratchDb::server() + " dbname=postgres"};
        pqxx::nontransaction tx{admin};
        tx.exec("DROP ROLE IF EXISTS " + tx.quote_name(name_));
        tx.exec("CREATE ROLE " + tx.quote_name(name_) + " LOGIN");
    }
    ~PlainRole() {
        try {
            pqxx::connection admin{ScratchDb::server() + " dbname=postgres"};
            pqxx::nontransaction tx{admin};
            tx.exec("DROP ROLE IF EXISTS " + tx.quote_name(name_));
        } catch (...) {
        }
    }
    const std::string& name() const { return name_; }

private:
    std::string name_;
};

// Checks one connection failure: exit 4 (2 for a conninfo libpq cannot parse:
// retrying cannot help), one line on stderr, nothing on stdout, and `secret` nowhere.
void check_cannot_connect(const Outcome& o, const std::string& secret = "", int code = 4) {
    CAPTURE(o.out);
    CAPTURE(o.err);
    CHECK(o.code == code);
    CHECK(one_error_line(o.err));
    CHECK(o.out == "");
    if (!secret.empty()) {
        CHECK(!contains(o.out, secret));
        CHECK(!contains(o.err, secret));
    }
}

}  // namespace

TEST_CASE("runner process: connection errors are one line with exit 4 and never show the password") {
    ProjectDir w;
    w.migration("0001_one.up.sql", "CREATE TABLE one (id int);\n");
    const std::string socket_dir = server_param("host");
    REQUIRE(!socket_dir.empty());

    SUBCASE("unreachable server") {
        const Outcome o = w.run(cmd("apply", w, "host=/tmp/nonexistent-schemac-dir dbname=x connect_timeout=5 password=s3cret-unreach"));
        check_cannot_connect(o, "s3cret-unreach");
        CHECK(contains(o.err, "/tmp/nonexistent-schemac-dir"));
    }
    SUBCASE("no such database") {
        const Outcome o = w.run(cmd("apply", w, ScratchDb::server() + " dbname=schemac_no_such_database"));
        check_cannot_connect(o);
        CHECK(contains(o.err, "schemac_no_such_database"));
        CHECK(contains(o.err, "does not exist"));
    }
    SUBCASE("wrong password") {
        Db db;
        create_password_role();
        const std::string secret = "wrong-secret-123";
        const std::string kv = "host=" + socket_dir + " user=schemac_password_user password=" + secret + " dbname=" + db.name();
        const std::string url = "postgresql://schemac_password_user:" + secret + "@/" + db.name() + "?host=" + socket_dir;
        const std::string url_encoded = "postgresql://schemac_password_user:" + secret + "%21@/" + db.name() + "?host=" + socket_dir;
        const std::string url_param = "postgresql:///" + db.name() + "?host=" + socket_dir + "&user=schemac_password_user&password=" + secret;
        for (const auto& conninfo : {kv, url, url_encoded, url_param}) {
            CAPTURE(conninfo);
            for (const char* sub : {"apply", "status"}) {
                CAPTURE(sub);
                const Outcome o = w.run(cmd(sub, w, conninfo));
                check_cannot_connect(o, secret);
                CHECK(contains(o.err, "password authentication failed"));
            }
        }
        // The same URL from the environment, and with --json.
        const Outcome env = w.run({"apply", "--dir", w.dir()}, {{"SCHEMAC_DATABASE_URL", url}});
        check_cannot_connect(env, secret);
        const Outcome json = w.run(cmd("status", w, url, {"--json"}));
        CAPTURE(json.out);
        CHECK(json.code == 4);
        CHECK(!contains(json.out + json.err, secret));

        // The role itself works with the right password (so the failures above
        // are the password's): and that password is not printed either.
        const Outcome right = w.run(cmd("status", w, "postgresql://schemac_password_user:correct-horse-9@/" + db.name() + "?host=" + socket_dir));
        CAPTURE(right.out);
        CAPTURE(right.err);
        CHECK(right.code == 0);
        CHECK(contains(right.out, "schemac_password_user@"));
        CHECK(!contains(right.out + right.err, "correct-horse-9"));
    }
    SUBCASE("malformed conninfo with a password") {
        const std::string secret = "hunter2-xyz";
        for (const std::string& conninfo : std::vector<std::string>{
                 "password=" + secret + " host",
                 "host=/tmp/nonexistent-schemac-dir password='" + secret,
                 "postgresql://u:" + secret + "@[::1",
                 "postgresql://[::1]x/db?password=" + secret,
                 "postgresql://u:" + secret + "%zz@h/db",
             }) {
            CAPTURE(conninfo);
            const Outcome o = w.run(cmd("apply", w, conninfo));
            check_cannot_connect(o, secret, 2);
            CHECK(contains(o.err, "schemac: error: invalid connection string: "));
        }
        // Well-formed, but a bad value: found while connecting.
        const Outcome o = w.run(cmd("apply", w, "host=/tmp/nonexistent-schemac-dir password=" + secret + " sslmode=bogus"));
        check_cannot_connect(o, secret);
    }
}

// A URL whose scheme libpq does not recognise (a typo, upper case, a leading
// space, a JDBC URL) is parsed as key=value, and libpq quotes the whole
// string in its error. The password must still not be printed.
TEST_CASE("runner process: a URL with a mistyped scheme never shows its password") {
    ProjectDir w;
    w.migration("0001_one.up.sql", "CREATE TABLE one (id int);\n");
    const std::string secret = "hunter2-xyz";
    for (const std::string& conninfo : std::vector<std::string>{
             "postgresq://deploy:" + secret + "@db.example/app",
             "postgressql://deploy:" + secret + "@db.example/app",
             "POSTGRESQL://deploy:" + secret + "@db.example/app",
             " postgresql://deploy:" + secret + "@db.example/app",
             "jdbc:postgresql://db.example/app?user=deploy&password=" + secret,
             "postgresql//deploy:" + secret + "@db.example/app",   // the colon missing
             "host=db.example password=" + secret + " more words",
         }) {
        CAPTURE(conninfo);
        for (bool json : {false, true}) {
            CAPTURE(json);
            const Outcome o = w.run(cmd("apply", w, conninfo, json ? std::vector<std::string>{"--json"} : std::vector<std::string>{}));
            CAPTURE(o.out);
            CAPTURE(o.err);
            CHECK(o.code != 0);
            CHECK(!contains(o.out, secret));
            CHECK(!contains(o.err, secret));
        }
        // The commands that read a database as a schema source, too.
        for (const auto& args : std::vector<std::vector<std::string>>{{"inspect", "--db", conninfo},
                                                                       {"import", "--db", conninfo, "--out", (w.root() / "imp").string()},
                                                                       {"plan", "--from", conninfo, "--to", (w.root() / "migrations").string()},
                                                                       {"verify", "--db", conninfo, "--dir", (w.root() / "migrations").string()}}) {
            CAPTURE(args[0]);
            const Outcome o = w.run(args);
            CAPTURE(o.out);
            CAPTURE(o.err);
            CHECK(o.code != 0);
            CHECK(!contains(o.out + o.err, secret));
        }
    }
}

TEST_CASE("runner process: without the CREATE privilege plan and verify refuse to compare rather than report spelling as drift") {
    PlainRole role;
    ProjectDir w;
    Db db;
    w.migration("0001_one.up.sql", "CREATE TABLE one (id int, CONSTRAINT one_id_check CHECK (id > 0));\n");
    REQUIRE(w.run(cmd("apply", w, db.conninfo())).code == 0);
    write_text(w.root() / "schema.yaml", "tables:\n  one:\n    columns:\n      id: integer?\n    checks:\n      one_id_check: id > 0\n");
    const std::string as_role = ScratchDb::server() + " dbname=" + db.name() + " user=" + role.name();
    const Outcome o = w.run({"plan", "--from", as_role, "--to", (w.root() / "schema.yaml").string()});
    CAPTURE(o.out);
    CAPTURE(o.err);
    CHECK(o.code == 1);
    CHECK(o.out.empty());
    CHECK(contains(o.err, "needs the CREATE privilege on the database"));
    // With the privilege, the same comparison is empty: only spelling differed.
    const Outcome ok = w.run({"plan", "--from", db.conninfo(), "--to", (w.root() / "schema.yaml").string()});
    CAPTURE(ok.err);
    CHECK(ok.code == 0);
    CHECK(ok.out.empty());
}

TEST_CASE("runner process: apply without permission to create the history table is one clean line with exit 1") {
    PlainRole role;
    ProjectDir w;
    Db db;
    w.migration("0001_one.up.sql", "CREATE TABLE one (id int);\n");
    const std::string conninfo = ScratchDb::server() + " dbname=" + db.name() + " user=" + role.name();
    const Outcome o = w.run(cmd("apply", w, conninfo));
    CAPTURE(o.out);
    CAPTURE(o.err);
    CHECK(o.code == 1);
    CHECK(one_error_line(o.err));
    CHECK(contains(o.err, "permission denied for schema public"));
    // One clean line, like every other message (connection.hpp's one_line):
    // not libpq's "ERROR:  " prefix, "LINE 1:" context and caret padding.
    CHECK(!contains(o.err, "ERROR:"));
    CHECK(!contains(o.err, "LINE 1:"));
    CHECK(!contains(o.err, "  "));
    CHECK(db.history() == "(no history table)");
    CHECK(!db.exists("one"));

    // status needs no privilege beyond reading: it works and says so.
    const Outcome st = w.run(cmd("status", w, conninfo));
    CAPTURE(st.out);
    CHECK(st.code == 0);
    CHECK(contains(st.out, "not created yet"));
}

// ============================================================== usage

TEST_CASE("runner process: usage errors exit 2") {
    ProjectDir w;
    w.migration("0001_one.up.sql", "CREATE TABLE one (id int);\n");

    SUBCASE("no database given") {
        for (const char* sub : {"status", "apply", "rollback", "repair"}) {
            CAPTURE(sub);
            // The child's environment has neither SCHEMAC_DATABASE_URL nor DATABASE_URL
            // (empty counts as unset).
            const Outcome o = w.run({sub, "--dir", w.dir()}, {{"DATABASE_URL", ""}});
            CAPTURE(o.err);
            CHECK(o.code == 2);
            CHECK(one_error_line(o.err));
            CHECK(contains(o.err, "--db"));
            CHECK(contains(o.err, "--env"));
        }
    }
    SUBCASE("--db and --env together") {
        const Outcome o = w.run({"apply", "--dir", w.dir(), "--db", ScratchDb::server(), "--env", "dev"});
        CAPTURE(o.err);
        CHECK(o.code == 2);
        CHECK(one_error_line(o.err));
        CHECK(contains(o.err, "--db"));
        CHECK(contains(o.err, "--env"));
    }
    SUBCASE("unknown --env lists the known ones") {
        write_text(w.root() / "schemac.yaml",
                   "environments:\n  dev:\n    url: host=/tmp/nonexistent-schemac-dir dbname=dev\n"
                   "  staging:\n    url_env: STAGING_DATABASE_URL\n");
        const Outcome o = w.run({"status", "--dir", w.dir(), "--env", "nosuch"});
        CAPTURE(o.err);
        CHECK(o.code == 2);
        CHECK(contains(o.err, "nosuch"));
        CHECK(contains(o.err, "dev"));
        CHECK(contains(o.err, "staging"));

        const Outcome unset = w.run({"status", "--dir", w.dir(), "--env", "staging"});
        CAPTURE(unset.err);
        CHECK(unset.code == 2);
        CHECK(contains(unset.err, "STAGING_DATABASE_URL"));

        // An explicit --env beats DATABASE_URL (which points at a working server).
        const Outcome env_wins = w.run({"status", "--dir", w.dir(), "--env", "dev"}, {{"DATABASE_URL", ScratchDb::server() + " dbname=postgres"}});
        CAPTURE(env_wins.out);
        CAPTURE(env_wins.err);
        CHECK(env_wins.code == 4);
        CHECK(contains(env_wins.err, "/tmp/nonexistent-schemac-dir"));
    }
    SUBCASE("--env without a config file") {
        const Outcome o = w.run({"status", "--dir", w.dir(), "--env", "dev"});
        CAPTURE(o.err);
        CHECK(o.code == 2);
        CHECK(contains(o.err, "schemac.yaml"));
    }
    SUBCASE("bad --lock-timeout") {
        const Outcome o = w.run({"apply", "--dir", w.dir(), "--db", ScratchDb::server(), "--lock-timeout", "0s"});
        CAPTURE(o.err);
        CHECK(o.code == 2);
        CHECK(contains(o.err, "--lock-timeout"));
    }
    SUBCASE("bad --statement-lock-timeout, --lock-retries, --statement-timeout") {
        const std::vector<std::vector<std::string>> bad = {
            {"--statement-lock-timeout", "0s"}, {"--statement-lock-timeout", "3"}, {"--lock-retries", "-1"},
            {"--lock-retries", "101"},          {"--lock-retries", "many"},        {"--statement-timeout", "1d"},
        };
        for (const auto& b : bad) {
            CAPTURE(b[0]);
            CAPTURE(b[1]);
            const Outcome o = w.run({"apply", "--dir", w.dir(), "--db", ScratchDb::server(), b[0], b[1]});
            CAPTURE(o.err);
            CHECK(o.code == 2);
            CHECK(one_error_line(o.err));
            CHECK(contains(o.err, b[0]));
        }
    }
    SUBCASE("bad --target") {
        for (const char* bad : {"0", "-1", "x", "2x", "latests"}) {
            CAPTURE(bad);
            const Outcome o = w.run({"apply", "--dir", w.dir(), "--db", ScratchDb::server(), "--target", bad});
            CAPTURE(o.err);
            CHECK(o.code == 2);
            CHECK(one_error_line(o.err));
            CHECK(contains(o.err, "--target"));
            CHECK(contains(o.err, "latest"));
        }
    }
    SUBCASE("usage error with --json") {
        const Outcome o = w.run({"status", "--dir", w.dir(), "--json"});
        CAPTURE(o.out);
        CHECK(o.code == 2);
        const auto doc = parse_json(o.out);
        REQUIRE(doc);
        REQUIRE(doc->get("error"));
        REQUIRE(doc->get("error")->get("kind"));
        CHECK(doc->get("error")->get("kind")->s == "usage");
    }
}

TEST_CASE("runner process: apply --target latest applies every pending migration, a number stops there") {
    ProjectDir w;
    Db db;
    db.create_effects();
    w.migration("0001_one.up.sql", effect("m1"));
    w.migration("0002_two.up.sql", effect("m2"));
    w.migration("0003_three.up.sql", effect("m3"));
    const Outcome first = w.run(cmd("apply", w, db.conninfo(), {"--json", "--target", "1"}));
    CAPTURE(first.out);
    CAPTURE(first.err);
    REQUIRE(first.code == 0);
    CHECK(contains(first.out, "\"to_version\":1"));
    const Outcome rest = w.run(cmd("apply", w, db.conninfo(), {"--json", "--target", "latest"}));
    CAPTURE(rest.out);
    CAPTURE(rest.err);
    REQUIRE(rest.code == 0);
    CHECK(contains(rest.out, "\"to_version\":3"));

    // status --history: the audit log, one entry per file applied.
    const Outcome hist = w.run(cmd("status", w, db.conninfo(), {"--json", "--history"}));
    CAPTURE(hist.out);
    const auto h = parse_json(hist.out);
    REQUIRE(h);
    REQUIRE(h->get("log"));
    REQUIRE(h->get("log")->items.size() == 3);
    CHECK(h->get("log")->items[2].get("version")->n == 3);
    CHECK(h->get("log")->items[2].get("action")->s == "apply");
    CHECK(h->get("log")->items[2].get("outcome")->s == "success");
    const Outcome text = w.run(cmd("status", w, db.conninfo(), {"--history"}));
    CAPTURE(text.out);
    CHECK(contains(text.out, "log (every apply and rollback, oldest first):"));
    CHECK(contains(text.out, "apply     0003 three  success"));
}

TEST_CASE("runner process: a protected environment refuses unapproved unsafe migrations, shows the plan, and runs approved ones") {
    ProjectDir w;
    Db db;
    write_text(w.root() / "schemac.yaml", "migrations: migrations\nenvironments:\n  prod:\n    url: '" + db.conninfo() +
                                              "'\n    protected: true\n  staging:\n    url: '" + db.conninfo() + "'\n");
    w.migration("0001_safe.up.sql", "CREATE TABLE safe (id int);\n");
    w.migration("0001_safe.down.sql", "-- undo + table safe\n--   data-loss: drops table safe with its rows\nDROP TABLE safe;\n");
    w.migration("0002_drop.up.sql", "-- - table old\n--   data-loss: the rows of old are deleted\nCREATE TABLE old (id int);\nDROP TABLE old;\n");
    w.migration("0002_drop.down.sql", "SELECT 1;\n");
    const auto run_in = [&](std::vector<std::string> args) {
        args.insert(args.end(), {"--config", (w.root() / "schemac.yaml").string()});
        return w.run(args);
    };

    const Outcome refused = run_in({"apply", "--env", "prod"});
    CAPTURE(refused.out);
    CAPTURE(refused.err);
    CHECK(refused.code == 1);
    CHECK(contains(refused.err, "environment 'prod' is protected"));
    CHECK(contains(refused.err, "0002_drop.up.sql"));
    CHECK(contains(refused.err, "data-loss: the rows of old are deleted"));
    CHECK(contains(refused.err, "-- schemac:approved"));
    CHECK(contains(refused.err, "--allow-unsafe"));
    CHECK_FALSE(contains(refused.err, "0001_safe.up.sql\n"));
    CHECK(contains(refused.out + refused.err, "would apply"));   // the plan it refused
    CHECK(contains(run_in({"status", "--env", "prod"}).out, "version:  none"));   // nothing ran, 0001 neither

    // Not protected: runs. Protected with the flag: runs.
    CHECK(run_in({"apply", "--env", "staging", "--target", "1"}).code == 0);
    const Outcome flagged = run_in({"apply", "--env", "prod", "--allow-unsafe"});
    CAPTURE(flagged.err);
    CHECK(flagged.code == 0);

    // Rolling back 0002 and 0001: the down file of 0001 loses data.
    const Outcome down_refused = run_in({"rollback", "--env", "prod", "--target", "0", "--allow-destructive"});
    CAPTURE(down_refused.err);
    CHECK(down_refused.code == 1);
    CHECK(contains(down_refused.err, "0001_safe.down.sql"));

    // Approved at review: the line is enough.
    w.migration("0001_safe.down.sql", "-- schemac:approved by ops, 2026-12-07, table is empty\n-- undo + table safe\n"
                                      "--   data-loss: drops table safe with its rows\nDROP TABLE safe;\n");
    const Outcome approved = run_in({"rollback", "--env", "prod", "--target", "0", "--allow-destructive"});
    CAPTURE(approved.err);
    CHECK(approved.code == 0);
}

TEST_CASE("runner process: warn_after and max_duration come from schemac.yaml, an environment's replacing the project's") {
    ProjectDir w;
    Db db;
    write_text(w.root() / "schemac.yaml", "migrations: migrations\nmax_duration: 1s\nenvironments:\n  short:\n    url: '" +
                                              db.conninfo() + "'\n  long:\n    url: '" + db.conninfo() +
                                              "'\n    max_duration: 1h\n    warn_after: 100ms\n");
    w.migration("0001_slow.up.sql", "SELECT pg_sleep(1.5);\n");
    const std::string config = (w.root() / "schemac.yaml").string();
    const Outcome cut = w.run({"apply", "--env", "short", "--config", config});
    CAPTURE(cut.err);
    CHECK(cut.code == 1);
    CHECK(contains(cut.err, "0001_slow.up.sql ran longer than max_duration (1s): its statement was cancelled"));
    const Outcome done = w.run({"apply", "--env", "long", "--config", config, "--json"});
    CAPTURE(done.out);
    CHECK(done.code == 0);
    CHECK(contains(done.out, "longer than warn_after (100ms)"));
}

// ============================================================== --json

TEST_CASE("runner process: --json output is one JSON document") {
    ProjectDir w;
    Db db;
    db.create_effects();
    w.migration("0001_one.up.sql", "CREATE TABLE one (id int);\n" + effect("m1"));
    w.migration("0002_index.up.sql", "-- schemac:no-transaction\nCREATE INDEX CONCURRENTLY one_idx ON one (id);\n");
    w.migration("0003_three.up.sql", effect("m3"));

    const Outcome applied = w.run(cmd("apply", w, db.conninfo(), {"--json", "--target", "2"}));
    CAPTURE(applied.out);
    CAPTURE(applied.err);
    CHECK(applied.code == 0);
    CHECK(applied.err == "");   // no progress lines with --json
    const auto a = parse_json(applied.out);
    REQUIRE(a);
    REQUIRE(a->get("to_version"));
    CHECK(a->get("to_version")->n == 2);
    REQUIRE(a->get("steps"));
    CHECK(a->get("steps")->items.size() == 2);

    const Outcome st = w.run(cmd("status", w, db.conninfo(), {"--json"}));
    CAPTURE(st.out);
    CAPTURE(st.err);
    CHECK(st.code == 0);
    CHECK(st.err == "");
    CHECK(st.out.starts_with("{"));
    CHECK(st.out.ends_with("}\n"));
    CHECK(lines(st.out) == 1);
    CHECK(contains(st.out, "\"current_version\":2"));
    const auto s = parse_json(st.out);
    REQUIRE(s);
    CHECK(s->kind == Json::Kind::object);
    REQUIRE(s->get("current_version"));
    CHECK(s->get("current_version")->n == 2);
    REQUIRE(s->get("pending"));
    CHECK(s->get("pending")->n == 1);
    REQUIRE(s->get("migrations"));
    REQUIRE(s->get("migrations")->items.size() == 3);
    const Json& m2 = s->get("migrations")->items[1];
    REQUIRE(m2.get("state"));
    CHECK(m2.get("state")->s == "applied");
    REQUIRE(m2.get("statements_done"));
    CHECK(m2.get("statements_done")->n == 1);
    CHECK(s->get("migrations")->items[2].get("state")->s == "pending");

    // A connection error: {"error":{"kind":"connection",...}} on stdout, exit 4.
    const Outcome err = w.run(cmd("status", w, "host=/tmp/nonexistent-schemac-dir dbname=x", {"--json"}));
    CAPTURE(err.out);
    CAPTURE(err.err);
    CHECK(err.code == 4);
    CHECK(err.err == "");
    CHECK(err.out.starts_with("{\"error\":{\"kind\":\"connection\""));
    const auto e = parse_json(err.out);
    REQUIRE(e);
    REQUIRE(e->get("error"));
    REQUIRE(e->get("error")->get("kind"));
    CHECK(e->get("error")->get("kind")->s == "connection");
    REQUIRE(e->get("error")->get("message"));
    CHECK(contains(e->get("error")->get("message")->s, "/tmp/nonexistent-schemac-dir"));

    // A failing migration with --json: the multi-line message survives as one JSON string.
    w.migration("0003_three.up.sql", "CREATE TABLE three (id int);\nINSERT INTO three VALUES ('x');\n");
    const Outcome failed = w.run(cmd("apply", w, db.conninfo(), {"--json"}));
    CAPTURE(failed.out);
    CHECK(failed.code == 1);
    const auto f = parse_json(failed.out);
    REQUIRE(f);
    REQUIRE(f->get("error"));
    CHECK(f->get("error")->get("kind")->s == "failure");
    CHECK(contains(f->get("error")->get("message")->s, "0003_three.up.sql:2: statement 2 of 2 failed"));
    CHECK(contains(f->get("error")->get("message")->s, "\n  PostgreSQL: invalid input syntax for type integer"));
}
