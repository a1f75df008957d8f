// The migration runner on real SQLite files: `schemac` as child processes
// (fork + exec of SCHEMAC_BINARY, tests/integration/child_process.hpp) and the
// Runner through the library. apply/status/rollback, failing statements, a
// non-transactional file resumed, the file's own BEGIN ... COMMIT, foreign
// keys off around a rebuild, 8 concurrent runners, kill -9 at several points,
// the lock, max_duration, connection strings, backups and refusals.
// docs/runtime.md, "SQLite", lists what is held here.
//
// Each test has a work directory of its own (the children's working directory)
// holding migrations/ and the database file app.db. Slow statements count with
// a recursive CTE up to the number in table `slow`, so a test makes the same
// file fast for the run after a kill by lowering that number.
#include <doctest/doctest.h>

#include <signal.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "child_process.hpp"
#include "schemac/migrate/runner.hpp"

namespace fs = std::filesystem;
using schemac::test::Child;
using schemac::test::Outcome;
using schemac::test::read_file;
using schemac::test::Workdir;
using schemac::test::write_text;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

long long lines(const std::string& s) { return std::count(s.begin(), s.end(), '\n'); }

// Exactly one line on stderr, "schemac: error: ...\n".
bool one_error_line(const std::string& err) { return err.starts_with("schemac: error:") && err.ends_with("\n") && lines(err) == 1; }

// How many "applied NNNN" progress lines a run printed.
long long applied_count(const std::string& err) {
    long long n = 0;
    for (std::size_t at = err.find("  applied "); at != std::string::npos; at = err.find("  applied ", at + 1)) ++n;
    return n;
}

// The test's own connection to a database file.
class Sqlite {
public:
    explicit Sqlite(const fs::path& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
            FAIL("cannot open " << path);
        sqlite3_busy_timeout(db_, 20000);
    }
    ~Sqlite() { sqlite3_close(db_); }
    Sqlite(const Sqlite&) = delete;
    Sqlite& operator=(const Sqlite&) = delete;

    void exec(const std::string& sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            const std::string e = err ? err : "?";
            sqlite3_free(err);
            FAIL("SQLite: " << e << " in: " << sql);
        }
    }
    // The first column of the first row as text ("" for NULL or no row).
    std::string text(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) FAIL("SQLite: " << sqlite3_errmsg(db_) << " in: " << sql);
        std::string out;
        if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
        return out;
    }
    long long count(const std::string& sql) { return std::stoll("0" + text(sql)); }
    bool has_table(const std::string& name) {
        return count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'") == 1;
    }
    // "1:ok 2:failed 1/4" by version, "" for an empty history, "(no history table)".
    std::string history() {
        if (!has_table("schemac_migrations")) return "(no history table)";
        return text("SELECT coalesce(group_concat(h, ' '), '') FROM (SELECT version || ':' || CASE WHEN success THEN 'ok' ELSE "
                    "'failed ' || coalesce(statements_done, '?') || '/' || coalesce(statements_total, '?') END AS h "
                    "FROM schemac_migrations ORDER BY version)");
    }
    // The test's bookkeeping: every migration INSERTs into effects (a
    // migration that ran twice shows twice); `slow` holds how far the slow
    // statement counts.
    void create_effects(long long slow = 1'000'000'000) {
        exec("CREATE TABLE effects (what text NOT NULL); CREATE TABLE slow (n integer); INSERT INTO slow VALUES (" +
             std::to_string(slow) + ")");
    }
    void make_fast() { exec("UPDATE slow SET n = 10"); }
    // "m1 m2 m2" sorted; duplicates repeated.
    std::string effects() { return text("SELECT coalesce(group_concat(what, ' '), '') FROM (SELECT what FROM effects ORDER BY what)"); }

private:
    sqlite3* db_ = nullptr;
};

std::string effect(const std::string& what) { return "INSERT INTO effects VALUES ('" + what + "');\n"; }

// A statement that runs as long as `slow` says (about 2 million a second).
const std::string kSlow =
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < (SELECT n FROM slow)) SELECT count(*) FROM c;\n";

// A work directory with migrations/ and the database app.db in it.
class Project : public Workdir {
public:
    Project() : Workdir("schemac-sqlite") { fs::create_directory(root() / "migrations"); }

    std::string dir() const { return (root() / "migrations").string(); }
    fs::path file() const { return root() / "app.db"; }
    std::string url() const { return "sqlite://" + file().string(); }   // sqlite:///abs/app.db
    void migration(const std::string& name, const std::string& sql) const { write_text(root() / "migrations" / name, sql); }

    std::vector<std::string> cmd(const std::string& sub, std::vector<std::string> more = {}) const {
        std::vector<std::string> a{sub, "--dir", dir(), "--db", url()};
        a.insert(a.end(), more.begin(), more.end());
        return a;
    }

    // The stderr file of the child started next (Workdir numbers them; the
    // child creates its file after the fork, so ask before starting it).
    fs::path next_stderr() const {
        int best = 0;
        for (const auto& e : fs::directory_iterator(root())) {
            const std::string n = e.path().filename().string();
            if (n.starts_with("stderr-") && n.ends_with(".txt")) best = std::max(best, std::stoi(n.substr(7, n.size() - 11)));
        }
        return root() / ("stderr-" + std::to_string(best + 1) + ".txt");
    }
};

// Waits until the child's stderr holds `needle` (true), or it exits or
// `limit` passes (false).
bool wait_for_stderr(Child& child, const fs::path& err, const std::string& needle, std::chrono::seconds limit = 30s) {
    const auto deadline = Clock::now() + limit;
    while (Clock::now() < deadline) {
        if (contains(read_file(err), needle)) return true;
        if (!child.running()) return contains(read_file(err), needle);
        std::this_thread::sleep_for(5ms);
    }
    return false;
}

// Starts `args`, waits until its stderr shows `needle` (a statement started,
// with --verbose), lets it run a moment longer and kills it with SIGKILL.
void kill_when(Project& p, const std::vector<std::string>& args, const std::string& needle) {
    const fs::path err = p.next_stderr();
    Child runner = p.start(args);
    REQUIRE(wait_for_stderr(runner, err, needle));
    std::this_thread::sleep_for(300ms);   // well inside the slow statement
    REQUIRE(runner.running());
    runner.kill9();
    const Outcome killed = runner.wait();
    CHECK(killed.signal == SIGKILL);
}

}  // namespace

// ============================================================== apply, status, rollback

TEST_CASE("runner: apply, status and rollback with up and down files") {
    Project p;
    p.migration("0001_users.up.sql", "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL UNIQUE);\n");
    p.migration("0001_users.down.sql", "DROP TABLE users;\n");
    p.migration("0002_orders.up.sql",
                "CREATE TABLE orders (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users (id), total real);\n"
                "CREATE INDEX orders_user_id_idx ON orders (user_id);\n");
    p.migration("0002_orders.down.sql", "DROP INDEX orders_user_id_idx;\nDROP TABLE orders;\n");
    p.migration("0003_seed.up.sql", "INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com');\n");
    p.migration("0003_seed.down.sql", "DELETE FROM users WHERE email IN ('a@example.com', 'b@example.com');\n");

    Outcome st = p.run(p.cmd("status"));
    CHECK(st.code == 4);   // no file yet: status creates nothing
    CHECK(!fs::exists(p.file()));

    Outcome a = p.run(p.cmd("apply"));
    CAPTURE(a.err);
    REQUIRE(a.code == 0);
    CHECK(applied_count(a.err) == 3);
    CHECK(a.out.starts_with("schemac: applied 3 migration(s) in "));
    CHECK(a.out.ends_with(" ms; " + p.file().string() + " is at version 0003\n"));
    Sqlite db(p.file());
    CHECK(db.history() == "1:ok 2:ok 3:ok");
    CHECK(db.count("SELECT count(*) FROM users") == 2);
    CHECK(db.count("SELECT count(*) FROM schemac_migrations_log WHERE action = 'apply' AND outcome = 'success'") == 3);
    CHECK(db.text("SELECT checksum FROM schemac_migrations WHERE version = 1").starts_with("sha256:"));
    CHECK(db.text("SELECT applied_at FROM schemac_migrations WHERE version = 1").ends_with("Z"));

    st = p.run(p.cmd("status"));
    CAPTURE(st.out);
    CHECK(st.code == 0);
    CHECK(contains(st.out, "database: " + p.file().string() + " (SQLite, from --db)"));
    CHECK(contains(st.out, "history:  schemac_migrations\n"));
    CHECK(contains(st.out, "version:  0003"));
    CHECK(contains(st.out, "0 pending"));

    // Foreign keys are on in migrations: an order of a missing user is refused.
    p.migration("0004_bad_order.up.sql", "INSERT INTO orders (user_id) VALUES (999);\n");
    Outcome bad = p.run(p.cmd("apply"));
    CHECK(bad.code == 1);
    CHECK(contains(bad.err, "SQLite: FOREIGN KEY constraint failed"));
    fs::remove(fs::path(p.dir()) / "0004_bad_order.up.sql");

    Outcome r = p.run(p.cmd("rollback", {"--steps", "2"}));
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    CHECK(contains(r.out, "rolled back 2 migration(s)"));
    CHECK(contains(r.out, "is at version 0001"));
    CHECK(db.history() == "1:ok");
    CHECK(!db.has_table("orders"));
    CHECK(db.count("SELECT count(*) FROM users") == 0);
    CHECK(db.count("SELECT count(*) FROM schemac_migrations_log WHERE action = 'rollback'") == 2);

    a = p.run(p.cmd("apply"));
    CHECK(a.code == 0);
    CHECK(db.history() == "1:ok 2:ok 3:ok");
    CHECK(db.count("SELECT count(*) FROM users") == 2);

    // status --history and --json read the same history and log.
    st = p.run(p.cmd("status", {"--history"}));
    CHECK(contains(st.out, "rollback  0003 seed  success"));
    st = p.run(p.cmd("status", {"--format", "json"}));
    CHECK(contains(st.out, "\"history_table\":\"schemac_migrations\""));
    CHECK(contains(st.out, "\"current_version\":3"));

    r = p.run(p.cmd("rollback", {"--target", "0"}));
    CHECK(r.code == 0);
    CHECK(db.history() == "");
    CHECK(!db.has_table("users"));
}

TEST_CASE("runner: a trigger whose body holds semicolons is one statement and works") {
    Project p;
    p.migration("0001_audit.up.sql",
                "CREATE TABLE items (id integer PRIMARY KEY, name text);\n"
                "CREATE TABLE audit (what text);\n"
                "-- a comment; with a semicolon\n"
                "CREATE TRIGGER items_audit AFTER INSERT ON items BEGIN\n"
                "  INSERT INTO audit VALUES ('insert; ' || new.name);\n"
                "  INSERT INTO audit VALUES ('end');\n"
                "END;\n"
                "INSERT INTO items (name) VALUES ('x');\n");
    const Outcome a = p.run(p.cmd("apply", {"--verbose"}));
    CAPTURE(a.err);
    REQUIRE(a.code == 0);
    CHECK(contains(a.err, "statement 3/4 (line 4: CREATE TRIGGER items_audit AFTER INSERT ON items BEGIN...) started"));
    Sqlite db(p.file());
    CHECK(db.text("SELECT group_concat(what, '|') FROM audit") == "insert; x|end");
}

// ============================================================== failures

TEST_CASE("runner: a failing statement rolls back the whole transactional file and its history row") {
    Project p;
    p.migration("0001_a.up.sql", "CREATE TABLE a (id integer);\n");
    p.migration("0002_b.up.sql",
                "CREATE TABLE b (id integer);\n"
                "INSERT INTO b VALUES (1);\n"
                "\n"
                "INSERT INTO missing_table VALUES (2);\n");
    const Outcome o = p.run(p.cmd("apply"));
    CAPTURE(o.err);
    CHECK(o.code == 1);
    CHECK(contains(o.err, "schemac: error: 0002_b.up.sql:4: statement 3 of 3 failed: INSERT INTO missing_table VALUES (2)\n"
                          "  SQLite: no such table: missing_table\n"
                          "  0002 was rolled back as a whole; the database stays at version 0001\n"));
    Sqlite db(p.file());
    CHECK(db.history() == "1:ok");
    CHECK(db.has_table("a"));
    CHECK(!db.has_table("b"));
    CHECK(db.text("SELECT outcome || ' ' || error FROM schemac_migrations_log WHERE version = 2") ==
          "failed 0002_b.up.sql:4: statement 3 of 3 failed: INSERT INTO missing_table VALUES (2)");

    // The runner owns the transactions: a file's own BEGIN is refused before anything runs.
    p.migration("0002_b.up.sql", "CREATE TABLE b (id integer);\nBEGIN;\nINSERT INTO b VALUES (1);\nCOMMIT;\n");
    const Outcome t = p.run(p.cmd("apply"));
    CHECK(t.code == 1);
    CHECK(one_error_line(t.err));
    CHECK(contains(t.err, "0002_b.up.sql:2: statement 2 (BEGIN) controls the transaction, which the runner owns"));
    CHECK(contains(t.err, "may hold BEGIN ... COMMIT blocks of its own. Nothing was run."));
    CHECK(!db.has_table("b"));

    // PRAGMA foreign_keys would do nothing in a transaction: refused with the way out.
    p.migration("0002_b.up.sql", "PRAGMA foreign_keys = OFF;\nCREATE TABLE b (id integer);\n");
    const Outcome f = p.run(p.cmd("apply"));
    CHECK(f.code == 1);
    CHECK(contains(f.err, "PRAGMA foreign_keys has no effect inside a transaction (SQLite ignores it there) (mark the file with a "
                          "-- schemac:no-transaction line"));
    CHECK(db.history() == "1:ok");
}

TEST_CASE("runner: a non-transactional file that fails resumes at the failed statement") {
    Project p;
    p.migration("0001_a.up.sql",
                "-- schemac:no-transaction\n"
                "CREATE TABLE t1 (id integer);\n"
                "INSERT INTO t1 VALUES (1);\n"
                "INSERT INTO needed SELECT id FROM t1;\n"
                "CREATE TABLE t3 (id integer);\n");
    Outcome o = p.run(p.cmd("apply"));
    CAPTURE(o.err);
    CHECK(o.code == 1);
    CHECK(contains(o.err, "0001_a.up.sql:4: statement 3 of 4 failed: INSERT INTO needed SELECT id FROM t1\n  SQLite: no such table: needed\n"
                          "  this file runs outside a transaction: statements 1-2 are applied and recorded; fix the cause, then "
                          "`schemac apply --resume` continues at statement 3"));
    Sqlite db(p.file());
    CHECK(db.history() == "1:failed 2/4");

    Outcome st = p.run(p.cmd("status"));
    CHECK(st.code == 1);
    CHECK(contains(st.out, "stopped at statement 3 of 4: statement 3 (line 4): no such table: needed"));

    o = p.run(p.cmd("apply"));
    CHECK(o.code == 1);
    CHECK(contains(o.err, "run `schemac apply --resume` to continue at statement 3"));

    db.exec("CREATE TABLE needed (id integer)");
    o = p.run(p.cmd("apply", {"--resume"}));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(contains(o.err, "resuming at statement 3 of 4"));
    CHECK(db.history() == "1:ok");
    CHECK(db.count("SELECT count(*) FROM t1") == 1);   // statement 2 ran once
    CHECK(db.count("SELECT count(*) FROM needed") == 1);
    CHECK(db.has_table("t3"));
}

namespace {

// SQLite's table rebuild written by hand, in a file without a transaction of
// the runner's: foreign keys off outside, the file's own BEGIN ... COMMIT,
// the check, foreign keys on. Statement 7 reads the gate: it fails while
// gate.open is 0 (CHECK), and is slow while slow.n is large.
std::string rebuild_file(bool slow) {
    return "-- schemac:no-transaction\n"
           "PRAGMA foreign_keys = OFF;\n"                                            // 1
           "BEGIN;\n"                                                                // 2
           "CREATE TABLE schemac_new_parent (id integer PRIMARY KEY, name text NOT NULL DEFAULT '');\n"   // 3
           "INSERT INTO schemac_new_parent (id, name) SELECT id, coalesce(name, '') FROM parent;\n"        // 4
           "DROP TABLE parent;\n"                                                    // 5
           "ALTER TABLE schemac_new_parent RENAME TO parent;\n"                      // 6
           + (slow ? kSlow : std::string("INSERT INTO passed SELECT open FROM gate;\n")) +   // 7
           "PRAGMA foreign_key_check;\n"                                             // 8
           "COMMIT;\n"                                                               // 9
           "PRAGMA foreign_keys = ON;\n";                                            // 10
}

void create_parent_child(Sqlite& db) {
    db.exec("CREATE TABLE parent (id integer PRIMARY KEY, name text);"
            "CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id) ON DELETE CASCADE);"
            "INSERT INTO parent VALUES (1, 'one'), (2, NULL);"
            "INSERT INTO child VALUES (10, 1), (11, 2), (12, 2);"
            "CREATE TABLE gate (open integer); INSERT INTO gate VALUES (0);"
            "CREATE TABLE passed (open integer CHECK (open = 1));");
}

}  // namespace

TEST_CASE("runner: a failure inside a no-transaction file's own BEGIN ... COMMIT undoes the block, and --resume runs it with foreign keys off again") {
    Project p;
    Sqlite db(p.file());
    create_parent_child(db);
    p.migration("0001_rebuild.up.sql", rebuild_file(false));

    Outcome o = p.run(p.cmd("apply"));
    CAPTURE(o.err);
    CHECK(o.code == 1);
    CHECK(contains(o.err, "0001_rebuild.up.sql:8: statement 7 of 10 failed: INSERT INTO passed SELECT open FROM gate\n"
                          "  SQLite: CHECK constraint failed: open = 1\n"
                          "  this file runs outside a transaction: statements 1-1 are applied and recorded; statements 2-7 ran in "
                          "the file's own transaction (BEGIN at line 3), which was rolled back; fix the cause, then "
                          "`schemac apply --resume` continues at statement 2"));
    CHECK(db.history() == "1:failed 1/10");
    CHECK(!db.has_table("schemac_new_parent"));
    CHECK(db.text("SELECT sql FROM sqlite_master WHERE name = 'parent'") == "CREATE TABLE parent (id integer PRIMARY KEY, name text)");
    CHECK(db.count("SELECT count(*) FROM child") == 3);

    // Resumed at its BEGIN, on a new connection: foreign keys must be off
    // again, or DROP TABLE parent would delete every child (ON DELETE CASCADE).
    db.exec("UPDATE gate SET open = 1");
    o = p.run(p.cmd("apply", {"--resume"}));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(contains(o.err, "set again what the statements before it set on the connection: PRAGMA foreign_keys = OFF"));
    CHECK(db.history() == "1:ok");
    CHECK(db.count("SELECT count(*) FROM child") == 3);
    CHECK(db.text("SELECT group_concat(name, ',') FROM parent") == "one,");
    CHECK(db.count("SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("runner: a no-transaction file's own transactions are checked before anything runs") {
    Project p;
    const std::vector<std::pair<std::string, std::string>> files = {
        {"BEGIN;\nCREATE TABLE a (x);\nBEGIN;\nCOMMIT;\n", "0001_a.up.sql:4: statement 3 (BEGIN) opens a transaction inside the one its BEGIN at line 2 opened"},
        {"CREATE TABLE a (x);\nCOMMIT;\n", "0001_a.up.sql:3: statement 2 (COMMIT) commits, but no BEGIN before it opened a transaction"},
        {"BEGIN;\nCREATE TABLE a (x);\n", "0001_a.up.sql:2: statement 1 (BEGIN) opens a transaction that the file never commits"},
        {"BEGIN;\nCREATE TABLE a (x);\nROLLBACK;\n", "statement 3 (ROLLBACK) controls the transaction: a file marked -- schemac:no-transaction may open"},
        {"SAVEPOINT s;\nCREATE TABLE a (x);\nRELEASE s;\n", "statement 1 (SAVEPOINT s) controls the transaction"},
    };
    for (const auto& [sql, message] : files) {
        CAPTURE(sql);
        p.migration("0001_a.up.sql", "-- schemac:no-transaction\n" + sql);
        const Outcome o = p.run(p.cmd("apply"));
        CHECK(o.code == 1);
        CHECK(one_error_line(o.err));
        CHECK(contains(o.err, message));
        CHECK(contains(o.err, "Nothing was run."));
    }
    Sqlite db(p.file());
    CHECK(!db.has_table("a"));
    CHECK(db.history() == "");
}

TEST_CASE("runner: a file marked foreign-keys-off rebuilds a table in one transaction and a broken foreign key rolls it back") {
    Project p;
    Sqlite db(p.file());
    create_parent_child(db);
    const std::string rebuild =
        "-- schemac:foreign-keys-off\n"
        "CREATE TABLE schemac_new_parent (id integer PRIMARY KEY, name text NOT NULL DEFAULT '');\n"
        "INSERT INTO schemac_new_parent (id, name) SELECT id, coalesce(name, '') FROM parent WHERE id IN (SELECT id FROM keep);\n"
        "DROP TABLE parent;\n"
        "ALTER TABLE schemac_new_parent RENAME TO parent;\n";
    db.exec("CREATE TABLE keep (id integer); INSERT INTO keep VALUES (1)");
    p.migration("0001_rebuild.up.sql", rebuild);

    // Parent 2 is not kept: children 11 and 12 would point nowhere.
    Outcome o = p.run(p.cmd("apply"));
    CAPTURE(o.err);
    CHECK(o.code == 1);
    CHECK(contains(o.err, "schemac: error: 0001_rebuild.up.sql: the commit failed: SQLite: PRAGMA foreign_key_check found 2 rows that "
                          "break a foreign key (child rowid 11 -> parent, child rowid 12 -> parent)\n"
                          "  0001 was rolled back as a whole; the database stays at version 0000"));
    CHECK(db.history() == "");
    CHECK(db.count("SELECT count(*) FROM parent") == 2);
    CHECK(db.count("SELECT count(*) FROM child") == 3);
    CHECK(!db.has_table("schemac_new_parent"));

    // With every parent kept: applied, and DROP TABLE parent cascaded to no child.
    db.exec("INSERT INTO keep VALUES (2)");
    o = p.run(p.cmd("apply", {"--dry-run"}));
    CHECK(contains(o.out, "(4 statements, in one transaction, foreign keys off around it and checked before the commit)"));
    o = p.run(p.cmd("apply"));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(db.history() == "1:ok");
    CHECK(db.count("SELECT count(*) FROM child") == 3);
    CHECK(db.text("SELECT group_concat(name, ',') FROM parent") == "one,");

    // Foreign keys are on again for the next file.
    p.migration("0002_orphan.up.sql", "INSERT INTO child VALUES (13, 99);\n");
    o = p.run(p.cmd("apply"));
    CHECK(o.code == 1);
    CHECK(contains(o.err, "SQLite: FOREIGN KEY constraint failed"));

    // Without a transaction of the runner's there is nothing to switch around.
    p.migration("0002_orphan.up.sql", "-- schemac:no-transaction\n-- schemac:foreign-keys-off\nCREATE TABLE x (id integer);\n");
    o = p.run(p.cmd("apply"));
    CHECK(o.code == 1);
    CHECK(one_error_line(o.err));
    CHECK(contains(o.err, "0002_orphan.up.sql: -- schemac:foreign-keys-off switches foreign keys around the file's transaction"));
}

TEST_CASE("runner: an up-only file is rolled back by --forget, which removes its history row and runs nothing") {
    Project p;
    p.migration("0001_initial_schema.sql", "-- Migration number: 0001 \u23f1\ufe0f 2024-01-15T10:00:00.000Z\n"
                                          "CREATE TABLE accounts (id text PRIMARY KEY, created_at integer NOT NULL);\n");
    p.migration("0002_positions.sql", "CREATE TABLE IF NOT EXISTS positions (id text PRIMARY KEY);\n");
    Outcome o = p.run(p.cmd("apply"));
    REQUIRE(o.code == 0);
    Sqlite db(p.file());
    CHECK(db.history() == "1:ok 2:ok");

    // Without --forget: said why not, and how.
    o = p.run(p.cmd("rollback"));
    CHECK(o.code == 1);
    CHECK(one_error_line(o.err));
    CHECK(contains(o.err, "0002_positions.sql has no .down.sql file: it cannot be rolled back (`schemac rollback --forget` removes "
                          "only its history row: nothing runs, its changes stay, the next apply runs it again)"));

    o = p.run(p.cmd("rollback", {"--version", "0001_initial_schema", "--forget", "--dry-run"}));
    CHECK(o.code == 0);
    CHECK(o.out == "  would remove row: 0002 positions: nothing runs: its changes stay in the database, and the next apply runs it again\n"
                   "  would remove row: 0001 initial_schema: nothing runs: its changes stay in the database, and the next apply runs it again\n"
                   "schemac: dry run, nothing was changed\n");
    CHECK(db.history() == "1:ok 2:ok");

    o = p.run(p.cmd("rollback", {"--forget", "--backup", (p.root() / "backups").string()}));
    CHECK(o.code == 2);
    CHECK(contains(o.err, "--forget runs nothing, so --backup has nothing to protect"));

    o = p.run(p.cmd("rollback", {"--forget"}));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(contains(o.out, "  remove row: 0002 positions: nothing runs"));
    CHECK(contains(o.out, "schemac: removed the history rows only; " + p.file().string() + " is at version 0001 in the history, "
                          "its schema unchanged\n"));
    CHECK(db.history() == "1:ok");
    CHECK(db.has_table("positions"));

    // The next apply runs it again (IF NOT EXISTS makes that work, as in D1's scripts).
    o = p.run(p.cmd("apply"));
    CHECK(o.code == 0);
    CHECK(db.history() == "1:ok 2:ok");
}

TEST_CASE("runner: a table rebuild keeps every trigger and view, and one that no longer fits rolls the file back") {
    Project p;
    Sqlite db(p.file());
    db.exec("CREATE TABLE parent (id integer PRIMARY KEY, name text, note text);"
            "CREATE TABLE audit (what text);"
            "CREATE TRIGGER parent_inserted AFTER INSERT ON parent BEGIN INSERT INTO audit VALUES ('parent ' || new.name); END;"
            "CREATE TRIGGER audit_touch AFTER INSERT ON audit WHEN new.what = 'touch' BEGIN UPDATE parent SET name = 'touched'; END;"
            "CREATE VIEW parent_names AS SELECT id, name FROM parent;"
            "CREATE VIEW name_count AS SELECT count(*) AS n FROM parent_names;"
            "CREATE TRIGGER parent_names_insert INSTEAD OF INSERT ON parent_names BEGIN "
            "  INSERT INTO parent (id, name, note) VALUES (new.id, new.name, 'via view'); END;"
            "INSERT INTO parent VALUES (1, 'one', NULL)");
    const auto objects = [&] {
        return db.text("SELECT group_concat(type || ' ' || name || ' ON ' || tbl_name || ': ' || sql, char(10)) "
                       "FROM (SELECT * FROM sqlite_schema WHERE type IN ('trigger', 'view') ORDER BY name)");
    };
    const std::string before = objects();
    // The shape schemac plans: note becomes NOT NULL, and back.
    const auto rebuild = [](const std::string& note, const std::string& columns, const std::string& select) {
        return "-- schemac:foreign-keys-off\n"
               "CREATE TABLE schemac_new_parent (id integer PRIMARY KEY, " + note + ");\n"
               "INSERT INTO schemac_new_parent (" + columns + ")\n  SELECT " + select + " FROM parent;\n"
               "DROP TABLE parent;\n"
               "ALTER TABLE schemac_new_parent RENAME TO parent;\n";
    };
    p.migration("0001_note_not_null.up.sql",
                rebuild("name text, note text NOT NULL DEFAULT ''", "id, name, note", "id, name, coalesce(note, '')"));
    p.migration("0001_note_not_null.down.sql", rebuild("name text, note text", "id, name, note", "id, name, note"));

    Outcome o = p.run(p.cmd("apply"));
    CAPTURE(o.err);
    REQUIRE(o.code == 0);
    CHECK(objects() == before);
    // Each works on the rebuilt table: the view's INSTEAD OF trigger writes
    // through, the table's trigger fires, the other table's trigger updates it.
    db.exec("INSERT INTO parent_names (id, name) VALUES (2, 'two')");
    CHECK(db.text("SELECT group_concat(what, ',') FROM audit") == "parent one,parent two");
    CHECK(db.count("SELECT n FROM name_count") == 2);
    db.exec("INSERT INTO audit VALUES ('touch')");
    CHECK(db.text("SELECT group_concat(name || '/' || note, ',') FROM parent") == "touched/,touched/via view");

    o = p.run(p.cmd("rollback"));
    CAPTURE(o.err);
    REQUIRE(o.code == 0);
    CHECK(objects() == before);
    CHECK(db.history() == "");

    // A rebuild that drops a column the triggers and views use: they no
    // longer fit, and the whole file rolls back with everything as it was.
    p.migration("0002_drop_name.up.sql", rebuild("note text", "id, note", "id, note"));
    o = p.run(p.cmd("apply"));
    CHECK(o.code == 1);
    CHECK(contains(o.err, "0002_drop_name.up.sql:6: statement 4 of 4 failed: ALTER TABLE schemac_new_parent RENAME TO parent\n"
                          "  SQLite: the table rebuild keeps every trigger and view, but the triggers on \"parent\" "
                          "(\"parent_inserted\") no longer fit the rebuilt tables: no such column: new.name (drop the one at "
                          "fault in this migration before the rebuild and create it anew after it)\n"));
    CHECK(db.history() == "1:ok");
    CHECK(objects() == before);
    CHECK(db.count("SELECT count(*) FROM pragma_table_info('parent') WHERE name = 'name'") == 1);

    // A trigger of another table that names the column, then a view.
    db.exec("DROP TRIGGER parent_inserted");
    o = p.run(p.cmd("apply"));
    CHECK(o.code == 1);
    CHECK(contains(o.err, "but the triggers on \"audit\" (\"audit_touch\") no longer fit the rebuilt tables: no such column: name"));
    db.exec("DROP TRIGGER audit_touch; DROP TRIGGER parent_names_insert");
    o = p.run(p.cmd("apply"));
    CHECK(o.code == 1);
    CHECK(contains(o.err, "but view \"parent_names\" no longer fits the rebuilt tables: no such column: name (drop it in this "
                          "migration before the rebuild and create it anew after it)"));
    CHECK(db.history() == "1:ok");
    CHECK(db.count("SELECT count(*) FROM sqlite_schema WHERE type = 'view'") == 2);

    // Without them the column goes.
    db.exec("DROP VIEW name_count; DROP VIEW parent_names");
    o = p.run(p.cmd("apply"));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(db.count("SELECT count(*) FROM pragma_table_info('parent') WHERE name = 'name'") == 0);
}

// ============================================================== concurrency

TEST_CASE("runner: 8 concurrent schemac apply processes apply each migration exactly once") {
    for (int round = 0; round < 5; ++round) {
        CAPTURE(round);
        Project p;
        {
            Sqlite db(p.file());
            db.create_effects();
        }
        p.migration("0001_one.up.sql", "CREATE TABLE one (id integer);\n" + effect("m1"));
        p.migration("0002_two.up.sql", "-- schemac:no-transaction\nCREATE TABLE two (id integer);\n" + effect("m2a") + effect("m2b"));
        p.migration("0003_three.up.sql", "CREATE TABLE three (id integer);\n" + effect("m3"));
        p.migration("0004_four.up.sql", "-- schemac:foreign-keys-off\n" + effect("m4"));
        std::vector<Child> runners;
        for (int i = 0; i < 8; ++i) runners.push_back(p.start(p.cmd("apply")));
        long long applied = 0;
        for (auto& r : runners) {
            const Outcome o = r.wait(120s);
            CAPTURE(o.err);
            CHECK(o.code == 0);
            applied += applied_count(o.err);
        }
        CHECK(applied == 4);
        Sqlite db(p.file());
        CHECK(db.history() == "1:ok 2:ok 3:ok 4:ok");
        CHECK(db.effects() == "m1 m2a m2b m3 m4");
        CHECK(db.count("SELECT count(*) FROM schemac_migrations_log") == 4);
    }
}

TEST_CASE("runner: a second runner waits for the lock and gives up naming the holder, and status sees the first at work") {
    Project p;
    {
        Sqlite db(p.file());
        db.create_effects();
    }
    p.migration("0001_slow.up.sql", "-- schemac:no-transaction\n" + effect("s1") + kSlow + effect("s2"));
    const fs::path err = p.next_stderr();
    Child first = p.start(p.cmd("apply", {"--verbose"}));
    REQUIRE(wait_for_stderr(first, err, "statement 2/3 ("));

    const Outcome second = p.run(p.cmd("apply", {"--lock-timeout", "1s"}));
    CAPTURE(second.err);
    CHECK(second.code == 5);
    CHECK(one_error_line(second.err));
    CHECK(contains(second.err, "lock not obtained within 1000 ms: another schemac runner holds the migration lock on " + p.file().string() +
                                   " (held by pid " + std::to_string(first.pid()) + " on host "));
    CHECK(contains(second.err, "(its lock file: " + p.file().string() + "-schemac_migrations-lock)"));

    const Outcome st = p.run(p.cmd("status"));
    CAPTURE(st.out);
    CHECK(st.code == 0);
    CHECK(contains(st.out, "0001  running"));
    CHECK(contains(st.out, "being applied by another runner: statement 2 of 3"));

    first.kill9();
    first.wait();
    // The kernel released the dead runner's lock: the next runner takes it at once.
    Sqlite db(p.file());
    db.make_fast();
    const Outcome resumed = p.run(p.cmd("apply", {"--resume", "--lock-timeout", "1s"}));
    CAPTURE(resumed.err);
    CHECK(resumed.code == 0);
    CHECK(db.effects() == "s1 s2");
}

TEST_CASE("runner: a migration waits for an application's write transaction up to --lock-timeout") {
    Project p;
    p.migration("0001_a.up.sql", "CREATE TABLE a (id integer);\n");
    REQUIRE(p.run(p.cmd("apply")).code == 0);
    p.migration("0002_b.up.sql", "INSERT INTO a VALUES (2);\n");
    Sqlite app(p.file());
    app.exec("BEGIN IMMEDIATE; INSERT INTO a VALUES (1)");   // an application writing, not yet committed

    const Outcome st = p.run(p.cmd("status"));   // readers are not blocked
    CHECK(st.code == 0);
    const Outcome o = p.run(p.cmd("apply", {"--lock-timeout", "1s"}));
    CAPTURE(o.err);
    CHECK(o.code == 1);
    CHECK(contains(o.err, "cannot begin a transaction: another connection kept the database locked for longer than the lock timeout "
                          "(1s, --lock-timeout); nothing of the file ran"));
    CHECK(o.seconds < 15);

    // Committed within the timeout: the migration waits for it and runs.
    Child runner = p.start(p.cmd("apply", {"--lock-timeout", "20s"}));
    std::this_thread::sleep_for(500ms);
    app.exec("COMMIT");
    const Outcome later = runner.wait();
    CAPTURE(later.err);
    CHECK(later.code == 0);
    CHECK(app.history() == "1:ok 2:ok");
    CHECK(app.count("SELECT count(*) FROM a") == 2);
}

// ============================================================== kill -9

TEST_CASE("runner: kill -9 in the middle of a transactional migration leaves nothing of it and the next apply applies it once") {
    Project p;
    Sqlite db(p.file());
    db.create_effects();
    p.migration("0001_one.up.sql", "CREATE TABLE one (id integer);\n" + effect("m1"));
    p.migration("0002_two.up.sql", "CREATE TABLE two (id integer);\n" + effect("m2") + kSlow + "INSERT INTO two VALUES (2);\n");
    p.migration("0003_three.up.sql", "CREATE TABLE three (id integer);\n" + effect("m3"));

    kill_when(p, p.cmd("apply", {"--verbose"}), "statement 3/4 (line 3: WITH RECURSIVE");
    CHECK(db.history() == "1:ok");
    CHECK(db.effects() == "m1");
    CHECK(!db.has_table("two"));
    CHECK(db.count("SELECT count(*) FROM schemac_migrations_log") == 1);

    db.make_fast();
    const Outcome o = p.run(p.cmd("apply", {"--lock-timeout", "2s"}));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(applied_count(o.err) == 2);
    CHECK(db.history() == "1:ok 2:ok 3:ok");
    CHECK(db.effects() == "m1 m2 m3");
    CHECK(db.count("SELECT count(*) FROM two") == 1);
}

TEST_CASE("runner: kill -9 during the first migration leaves an empty history and the next apply applies everything once") {
    Project p;
    Sqlite db(p.file());
    db.create_effects();
    p.migration("0001_one.up.sql", "CREATE TABLE one (id integer);\n" + effect("m1") + kSlow);
    p.migration("0002_two.up.sql", effect("m2"));
    kill_when(p, p.cmd("apply", {"--verbose"}), "statement 3/3 (");
    CHECK(db.history() == "");
    CHECK(db.effects() == "");
    CHECK(!db.has_table("one"));
    db.make_fast();
    const Outcome o = p.run(p.cmd("apply"));
    CHECK(o.code == 0);
    CHECK(db.history() == "1:ok 2:ok");
    CHECK(db.effects() == "m1 m2");
}

TEST_CASE("runner: kill -9 in the middle of a no-transaction file, then apply refuses and --resume finishes it, each statement once") {
    Project p;
    Sqlite db(p.file());
    db.create_effects();
    p.migration("0001_one.up.sql", effect("m1"));
    p.migration("0002_nt.up.sql", "-- schemac:no-transaction\n" + effect("n1") + kSlow + effect("n2"));

    kill_when(p, p.cmd("apply", {"--verbose"}), "statement 2/3 (line 3: WITH RECURSIVE");
    CHECK(db.history() == "1:ok 2:failed 1/3");
    CHECK(db.effects() == "m1 n1");

    const Outcome st = p.run(p.cmd("status"));
    CHECK(st.code == 1);
    CHECK(contains(st.out, "stopped at statement 2 of 3: interrupted"));
    Outcome o = p.run(p.cmd("apply"));
    CHECK(o.code == 1);
    CHECK(contains(o.err, "0002_nt.up.sql stopped at statement 2 of 3 (the runner was interrupted)"));

    db.make_fast();
    o = p.run(p.cmd("apply", {"--resume"}));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(db.history() == "1:ok 2:ok");
    CHECK(db.effects() == "m1 n1 n2");
}

TEST_CASE("runner: kill -9 inside a no-transaction file's own BEGIN ... COMMIT undoes the block and --resume runs it again") {
    Project p;
    Sqlite db(p.file());
    db.create_effects();
    create_parent_child(db);
    p.migration("0001_rebuild.up.sql", rebuild_file(true));

    kill_when(p, p.cmd("apply", {"--verbose"}), "statement 7/10 (line 8: WITH RECURSIVE");
    CHECK(db.history() == "1:failed 1/10");   // the block's progress records went with it
    CHECK(!db.has_table("schemac_new_parent"));
    CHECK(db.count("SELECT count(*) FROM child") == 3);

    db.make_fast();
    const Outcome o = p.run(p.cmd("apply", {"--resume"}));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(contains(o.err, "resuming at statement 2 of 10"));
    CHECK(db.history() == "1:ok");
    CHECK(db.count("SELECT count(*) FROM child") == 3);
    CHECK(db.text("SELECT group_concat(name, ',') FROM parent") == "one,");
}

TEST_CASE("runner: kill -9 at random points of a no-transaction file never loses or repeats a statement") {
    const unsigned seed = std::random_device{}();
    MESSAGE("seed " << seed);
    std::mt19937 random(seed);
    Project p;
    Sqlite db(p.file());
    db.create_effects();
    const int n = 400;
    std::string sql = "-- schemac:no-transaction\n";
    for (int i = 0; i < n; ++i) sql += effect("s" + std::to_string(1000 + i));
    p.migration("0001_many.up.sql", sql);

    int kills = 0;
    std::string recorded;   // statements_done after each kill
    const auto progress = [&] {
        return db.has_table("schemac_migrations") ? db.count("SELECT coalesce(max(statements_done), 0) FROM schemac_migrations") : 0;
    };
    const auto failed = [&] {
        return db.has_table("schemac_migrations") && db.count("SELECT count(*) FROM schemac_migrations WHERE NOT success") > 0;
    };
    // Each run is killed a moment after a statement chosen at random is done
    // (its progress line), so the kill lands anywhere around it: inside a
    // statement, between it and its record, between two statements.
    for (int attempt = 0; attempt < 12; ++attempt) {
        const long long before = progress();
        if (before >= n - 10) break;
        const long long target = std::uniform_int_distribution<long long>(before + 1, std::min<long long>(n - 5, before + 60))(random);
        const fs::path err = p.next_stderr();
        Child runner = p.start(p.cmd("apply", failed() ? std::vector<std::string>{"--resume"} : std::vector<std::string>{}));
        REQUIRE(wait_for_stderr(runner, err, "statement " + std::to_string(target) + "/" + std::to_string(n) + " done"));
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(random)));
        runner.kill9();
        const Outcome o = runner.wait();
        if (o.signal != SIGKILL) break;   // it finished first
        ++kills;
        // Each statement commits with its progress record: what is recorded is exactly what ran.
        const long long done = progress();
        recorded += " " + std::to_string(done);
        CHECK(done >= target);
        CHECK(db.count("SELECT count(*) FROM effects") == done);
        CHECK(db.count("SELECT count(DISTINCT what) FROM effects") == done);
    }
    MESSAGE(kills << " kills, statements done and recorded after each:" << recorded);
    CHECK(kills >= 8);
    for (int i = 0; i < 3 && db.history() != "1:ok"; ++i) {
        const Outcome o = p.run(p.cmd("apply", failed() ? std::vector<std::string>{"--resume"} : std::vector<std::string>{}));
        CAPTURE(o.err);
        CHECK(o.code == 0);
    }
    CHECK(db.history() == "1:ok");
    CHECK(db.count("SELECT count(*) FROM effects") == n);
    CHECK(db.count("SELECT count(DISTINCT what) FROM effects") == n);
}

// ============================================================== limits

TEST_CASE("runner: max_duration cancels a slow statement and rolls its file back, with heartbeats before") {
    Project p;
    Sqlite db(p.file());
    db.create_effects();
    p.migration("0001_slow.up.sql", effect("m1") + kSlow);
    const Outcome o = p.run(p.cmd("apply", {"--heartbeat", "1s", "--max-duration", "3s"}));
    CAPTURE(o.err);
    CHECK(o.code == 1);
    CHECK(contains(o.err, "    running 1s\n"));
    CHECK(contains(o.err, "running 3s: longer than max_duration, its statement is cancelled"));
    CHECK(contains(o.err, "SQLite: interrupted"));
    CHECK(contains(o.err, "0001 was rolled back as a whole"));
    CHECK(contains(o.err, "0001_slow.up.sql ran longer than max_duration (3s): its statement was cancelled"));
    CHECK(o.seconds < 20);
    CHECK(db.history() == "");
    CHECK(db.effects() == "");

    const Outcome t = p.run(p.cmd("apply", {"--statement-timeout", "1s"}));
    CAPTURE(t.err);
    CHECK(t.code == 1);
    CHECK(contains(t.err, "SQLite: interrupted: the statement ran longer than statement_timeout (1s)"));
    CHECK(db.history() == "");
}

// ============================================================== connection strings, commands

TEST_CASE("runner: every connection string form reaches the same file, from --db, an environment and the variables") {
    Project p;
    p.migration("0001_a.up.sql", "CREATE TABLE a (id integer);\n");
    write_text(p.root() / "schemac.yaml",
               "migrations: migrations\n"
               "environments:\n"
               "  dev: {url: \"sqlite:app.db\"}\n"
               "  ci: {url_env: CI_DATABASE}\n");
    Outcome o = p.run({"apply", "--db", "app.db"});   // a bare relative path, in the working directory
    CAPTURE(o.err);
    REQUIRE(o.code == 0);
    CHECK(contains(o.out, "app.db is at version 0001"));
    REQUIRE(fs::exists(p.file()));

    for (const std::string& db : std::vector<std::string>{"app.db", "sqlite:app.db", "sqlite://app.db", "sqlite:///" + p.file().string().substr(1),
                                                          "sqlite3:app.db", "file:app.db", "file:app.db?mode=ro", "sqlite:app.db?mode=ro",
                                                          "file://" + p.file().string()}) {
        CAPTURE(db);
        const Outcome st = p.run({"status", "--db", db});
        CAPTURE(st.err);
        CHECK(st.code == 0);
        CHECK(contains(st.out, "version:  0001"));
    }
    o = p.run({"status", "--env", "dev"});
    CHECK(o.code == 0);
    CHECK(contains(o.out, "database: app.db (SQLite, from --env dev)"));
    o = p.run({"status", "--env", "ci"}, {{"CI_DATABASE", "sqlite:app.db"}});
    CHECK(o.code == 0);
    CHECK(contains(o.out, "version:  0001"));
    o = p.run({"status"}, {{"DATABASE_URL", p.file().string()}});
    CHECK(o.code == 0);
    CHECK(contains(o.out, "(SQLite, from DATABASE_URL)"));

    // Read-only: status works, apply cannot write.
    p.migration("0002_b.up.sql", "CREATE TABLE b (id integer);\n");
    o = p.run({"apply", "--db", "file:app.db?mode=ro"});
    CHECK(o.code == 1);
    CHECK(contains(o.err, "readonly"));

    // Malformed SQLite strings are usage errors naming what is wrong.
    o = p.run({"status", "--db", "sqlite:app.db?mdoe=ro"});
    CHECK(o.code == 2);
    CHECK(one_error_line(o.err));
    CHECK(contains(o.err, "invalid SQLite connection string: unknown query parameter \"mdoe\""));
    o = p.run({"status", "--db", "sqlite:"});
    CHECK(o.code == 2);
    CHECK(contains(o.err, "names no file"));
}

TEST_CASE("runner: commands that must not create the database say that its file does not exist") {
    Project p;
    p.migration("0001_a.up.sql", "CREATE TABLE a (id integer);\n");
    p.migration("0001_a.down.sql", "DROP TABLE a;\n");
    for (const auto& args : {p.cmd("status"), p.cmd("rollback"), p.cmd("repair"), p.cmd("apply", {"--dry-run"}),
                             p.cmd("status", {"--history"}), p.cmd("baseline", {"--version", "1", "--dry-run"})}) {
        CAPTURE(args[0]);
        const Outcome o = p.run(args);
        CHECK(o.code == 4);
        CHECK(o.err == "schemac: error: the SQLite database file " + p.file().string() + " does not exist (`schemac apply` creates it)\n");
        CHECK(!fs::exists(p.file()));
    }
    const Outcome dir = p.run({"apply", "--dir", p.dir(), "--db", "sqlite:no/such/dir/app.db"});
    CHECK(dir.code == 4);
    CHECK(dir.err == "schemac: error: cannot create the SQLite database file no/such/dir/app.db: its directory no/such/dir does not exist\n");

    // A file that is not a database.
    write_text(p.file(), std::string(4096, 'x'));
    const Outcome junk = p.run(p.cmd("status"));
    CHECK(junk.code == 4);
    CHECK(contains(junk.err, "cannot open the SQLite database " + p.file().string() + ": file is not a database"));
}

TEST_CASE("runner: repair and baseline") {
    Project p;
    Sqlite db(p.file());
    db.exec("CREATE TABLE legacy (id integer)");
    p.migration("0001_legacy.up.sql", "CREATE TABLE legacy (id integer);\n");
    p.migration("0002_more.up.sql", "-- schemac:no-transaction\nCREATE TABLE more (id integer);\nINSERT INTO nowhere VALUES (1);\n");

    Outcome o = p.run(p.cmd("baseline", {"--version", "1"}));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(contains(o.out, "baseline: 0001 legacy: recorded as applied without running 0001_legacy.up.sql"));
    CHECK(db.history() == "1:ok");
    CHECK(db.count("SELECT baseline FROM schemac_migrations WHERE version = 1") == 1);

    o = p.run(p.cmd("apply"));
    CHECK(o.code == 1);
    CHECK(db.history() == "1:ok 2:failed 1/2");
    o = p.run(p.cmd("repair", {"--forget", "2"}));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(db.history() == "1:ok");
    db.exec("DROP TABLE more");

    p.migration("0002_more.up.sql", "-- schemac:no-transaction\nCREATE TABLE more (id integer);\n");
    o = p.run(p.cmd("apply"));
    CHECK(o.code == 0);
    p.migration("0002_more.up.sql", "-- schemac:no-transaction\nCREATE TABLE more (id integer); -- edited\n");
    o = p.run(p.cmd("status"));
    CHECK(o.code == 1);
    CHECK(contains(o.out, "modified"));
    o = p.run(p.cmd("repair"));
    CHECK(o.code == 0);
    CHECK(contains(o.out, "update checksum: 0002 more"));
    o = p.run(p.cmd("status"));
    CHECK(o.code == 0);
}

TEST_CASE("runner: apply --backup copies the database with VACUUM INTO before the first file runs") {
    Project p;
    p.migration("0001_a.up.sql", "CREATE TABLE a (id integer);\nINSERT INTO a VALUES (1);\n");
    Outcome o = p.run(p.cmd("apply"));
    REQUIRE(o.code == 0);
    p.migration("0002_b.up.sql", "DELETE FROM a;\n");

    o = p.run(p.cmd("apply", {"--backup", "bk", "--dry-run"}));
    CAPTURE(o.out);
    CHECK(o.code == 0);
    CHECK(contains(o.out, "-- would back up first: VACUUM INTO 'bk/app.db-v0001-to-v0002-"));
    CHECK(contains(o.out, "when it succeeds"));
    CHECK(!fs::exists(p.root() / "bk"));

    o = p.run(p.cmd("apply", {"--backup", "bk"}));
    CAPTURE(o.err);
    CHECK(o.code == 0);
    CHECK(contains(o.err, "(VACUUM INTO, the whole database)"));
    std::vector<fs::path> copies;
    for (const auto& e : fs::directory_iterator(p.root() / "bk")) copies.push_back(e.path());
    REQUIRE(copies.size() == 1);
    CHECK(copies[0].filename().string().starts_with("app.db-v0001-to-v0002-"));
    CHECK(copies[0].extension() == ".db");
    CHECK((fs::status(copies[0]).permissions() & fs::perms::others_read) == fs::perms::none);
    Sqlite copy(copies[0]);
    CHECK(copy.history() == "1:ok");
    CHECK(copy.count("SELECT count(*) FROM a") == 1);   // the state before 0002
    Sqlite db(p.file());
    CHECK(db.count("SELECT count(*) FROM a") == 0);

    o = p.run(p.cmd("apply", {"--backup", "bk"}));
    CHECK(o.code == 0);
    CHECK(contains(o.err, "nothing to run, so no backup was taken"));
}

TEST_CASE("runner: what reads a database with PostgreSQL's rules is refused in one line before anything runs") {
    Project p;
    p.migration("0001_a.up.sql", "CREATE TABLE a (id integer);\n");
    // apply --verify in a project whose schemac.yaml leaves the dialect at its
    // default, postgres (without a schemac.yaml an SQLite file is read as SQLite).
    write_text(p.root() / "schemac.yaml", "migrations: migrations\n");
    Outcome o = p.run(p.cmd("apply", {"--verify", "--config", (p.root() / "schemac.yaml").string()}));
    CAPTURE(o.err);
    CHECK(o.code == 2);
    CHECK(one_error_line(o.err));
    CHECK(contains(o.err, "--verify: the database is SQLite, and the project's dialect is postgres"));
    CHECK(!fs::exists(p.file()));

    // The seed rows of an environment, written in PostgreSQL's SQL.
    write_text(p.root() / "schemac.yaml",
               "migrations: migrations\n"
               "environments:\n"
               "  dev: {url: \"sqlite:app.db\"}\n");
    write_text(p.root() / "schema" / "t.yaml",
               "tables:\n"
               "  t:\n"
               "    columns:\n"
               "      id: integer\n"
               "    primary_key: [id]\n"
               "    seed:\n"
               "      environments: [dev]\n"
               "      rows:\n"
               "        - {id: 1}\n");
    o = p.run({"apply", "--env", "dev"});
    CAPTURE(o.err);
    CHECK(o.code == 2);
    CHECK(one_error_line(o.err));
    CHECK(contains(o.err, "the seed rows of environment 'dev' are written in the project's dialect, postgres, and the database is SQLite"));
    CHECK(!fs::exists(p.file()));
}

// ============================================================== the library

TEST_CASE("runner: the Runner picks the SQLite driver from the connection string") {
    Project p;
    p.migration("0001_a.up.sql", "CREATE TABLE a (id integer);\n");
    schemac::RunnerOptions options;
    options.conninfo = "sqlite:" + p.file().string();
    schemac::Runner runner(schemac::MigrationSet::from_directory(p.dir()), options);
    try {
        runner.status();
        FAIL("status of a missing file must throw");
    } catch (const schemac::RunnerError& e) {
        CHECK(e.kind == schemac::RunnerErrorKind::connection);
        CHECK(contains(e.what(), "does not exist"));
    }
    const schemac::RunResult r = runner.apply({});
    CHECK(r.database == p.file().string());
    CHECK(r.to_version == 1);
    const schemac::Status st = runner.status();
    CHECK(st.history_exists);
    CHECK(st.current_version == 1);
    REQUIRE(st.entries.size() == 1);
    CHECK(st.entries[0].state == schemac::MigrationState::applied);
    CHECK(st.entries[0].row->applied_by != "");
    const auto log = runner.log();
    REQUIRE(log.size() == 1);
    CHECK(log[0].client == "local");
    CHECK(log[0].outcome == "success");
}
