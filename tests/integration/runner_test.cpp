// The runtime's Runner against a real PostgreSQL 15, through its library API
// (the CLI and separate processes are in runner_process_test.cpp). Each case
// builds its migrations in memory, as an application embedding them would.
#include <doctest/doctest.h>

#include <string>
#include <tuple>
#include <vector>

#include "error_of.hpp"
#include "schemac/migrate/runner.hpp"
#include "scratch_db.hpp"

using namespace schemac;
using schemac::test::error_of;
using schemac::test::ScratchDb;

namespace {

std::string up(int v, const std::string& name) { return (v < 10 ? "000" : "00") + std::to_string(v) + "_" + name + ".up.sql"; }
std::string down(int v, const std::string& name) { return (v < 10 ? "000" : "00") + std::to_string(v) + "_" + name + ".down.sql"; }

Runner runner_for(ScratchDb& db, const std::vector<MigrationFile>& files) {
    RunnerOptions o;
    o.conninfo = db.conninfo();
    o.lock_timeout = std::chrono::milliseconds(5000);
    return Runner(MigrationSet::from_files(files), o);
}

long long count(ScratchDb& db, const std::string& sql) {
    pqxx::work tx{db.conn()};
    return tx.exec1(sql)[0].as<long long>();
}

bool table_exists(ScratchDb& db, const std::string& name) {
    pqxx::work tx{db.conn()};
    return !tx.exec1("SELECT to_regclass(" + tx.quote(name) + ")")[0].is_null();
}

std::vector<MigrationFile> three() {
    return {
        {up(1, "a"), "CREATE TABLE a (id int);\n"},
        {down(1, "a"), "DROP TABLE a;\n"},
        {up(2, "b"), "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\n"},
        {down(2, "b"), "-- undo + table b\n--   data-loss: drops table b with its rows\nDROP TABLE b;\n"},
        {up(3, "c"), "CREATE TABLE c (id int);\n"},
        {down(3, "c"), "DROP TABLE c;\n"},
    };
}

}  // namespace

TEST_CASE("runner: apply records each migration with checksum, time and user, and status reads it back") {
    ScratchDb db;
    auto files = three();
    files[4].contents = "CREATE TABLE c (id int);\r\n";   // CRLF: hashed as LF
    Runner r = runner_for(db, files);
    CHECK(r.status().current_version == 0);
    CHECK_FALSE(r.status().history_exists);

    const RunResult res = r.apply({});
    CHECK(res.from_version == 0);
    CHECK(res.to_version == 3);
    REQUIRE(res.steps.size() == 3);

    pqxx::work tx{db.conn()};
    const auto rows = tx.exec(
        "SELECT version, name, checksum, execution_time_ms >= 0, applied_by = current_user, success, statements_done IS NULL, "
        "applied_at <= now() FROM public.schemac_migrations ORDER BY version");
    tx.commit();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][1].as<std::string>() == "a");
    CHECK(rows[2][2].as<std::string>() == migration_checksum("CREATE TABLE c (id int);\n"));
    for (const auto& row : rows)
        for (int i = 3; i < 8; ++i) CHECK(row[i].as<bool>());

    const Status st = r.status();
    CHECK(st.current_version == 3);
    for (const auto& e : st.entries) CHECK(e.state == MigrationState::applied);
    CHECK(r.apply({}).steps.empty());   // nothing left
}

TEST_CASE("runner: a migration and its history row commit together, or neither does") {
    ScratchDb db;
    auto files = three();
    // Migration 2 makes its own history row impossible: its statements ran, but
    // the insert of the row fails in the same transaction, so nothing of 2 stays.
    files[2].contents = "CREATE TABLE b (id int);\nALTER TABLE public.schemac_migrations ADD CONSTRAINT not_two CHECK (version <> 2);\n";
    Runner r = runner_for(db, files);
    const std::string err = error_of([&] { r.apply({}); });
    CHECK(err.find("0002_b.up.sql: could not record it in public.schemac_migrations: new row for relation \"schemac_migrations\" "
                   "violates check constraint \"not_two\" (DETAIL: Failing row contains (2, b, sha256:") == 0);
    CHECK(err.ends_with("\n  0002 was rolled back as a whole; the database stays at version 0001"));
    CHECK(table_exists(db, "a"));
    CHECK_FALSE(table_exists(db, "b"));
    CHECK(count(db, "SELECT count(*) FROM public.schemac_migrations") == 1);
    CHECK(count(db, "SELECT count(*) FROM pg_constraint WHERE conname = 'not_two'") == 0);
}

TEST_CASE("runner: a failing statement names the file, the line, the statement and PostgreSQL's error") {
    ScratchDb db;
    auto files = three();
    files[4].contents = "-- header\nCREATE TABLE c (id int);\n\nINSERT INTO c VALUES ('not a number');\n";
    Runner r = runner_for(db, files);
    const std::string err = error_of([&] { r.apply({}); });
    CHECK(err ==
          "0003_c.up.sql:4: statement 2 of 2 failed: INSERT INTO c VALUES ('not a number')\n"
          "  PostgreSQL: invalid input syntax for type integer: \"not a number\"\n"
          "  0003 was rolled back as a whole; the database stays at version 0002");
    CHECK_FALSE(table_exists(db, "c"));
    CHECK(r.status().current_version == 2);
}

TEST_CASE("runner: a non-transactional file records its progress, refuses to go on, and resumes at the failed statement") {
    ScratchDb db;
    {
        pqxx::work tx{db.conn()};
        tx.exec0("CREATE TABLE counter (n int)");
        tx.commit();
    }
    std::vector<MigrationFile> files = {
        {up(1, "a"), "CREATE TABLE a (id int);\n"},
        {up(2, "idx"),
         "-- schemac migration 0002 up: idx\n-- schemac:no-transaction\n\nINSERT INTO counter VALUES (1);\n"
         "CREATE INDEX CONCURRENTLY must_exist_n ON must_exist (n);\n"
         "INSERT INTO counter VALUES (2);\n"},
        {up(3, "c"), "CREATE TABLE c (id int);\n"},
    };
    Runner r = runner_for(db, files);
    const std::string err = error_of([&] { r.apply({}); });
    CHECK(err.find("0002_idx.up.sql:5: statement 2 of 3 failed: CREATE INDEX CONCURRENTLY") == 0);
    CHECK(err.find("`schemac apply --resume` continues at statement 2") != std::string::npos);

    Status st = r.status();
    REQUIRE(st.entries.size() == 3);
    CHECK(st.entries[1].state == MigrationState::failed);
    CHECK(st.entries[1].row->statements_done == 1);
    CHECK(st.entries[1].row->statements_total == 3);
    CHECK(st.entries[1].row->error.find("statement 2 (line 5)") == 0);
    CHECK(st.current_version == 1);

    // Without --resume: refused, saying how to go on; nothing runs.
    const std::string refused = error_of([&] { r.apply({}); });
    CHECK(refused.find("0002_idx.up.sql stopped at statement 2 of 3: statement 2 (line 5): ") == 0);
    CHECK(refused.find("`schemac apply --resume` to continue at statement 2") != std::string::npos);
    CHECK_FALSE(table_exists(db, "c"));

    // An edited file is not resumed until repair records the edit.
    ApplyOptions resume;
    resume.resume = true;
    auto edited = files;
    edited[1].contents += "-- reviewed\n";
    CHECK(error_of([&] { runner_for(db, edited).apply(resume); }).find("0002_idx.up.sql changed since it stopped") == 0);
    CHECK(runner_for(db, edited).repair({}).changes.size() == 1);
    CHECK(runner_for(db, edited).status().entries[1].row->statements_done == 1);   // progress kept
    CHECK(runner_for(db, files).repair({}).changes.size() == 1);                   // and back

    // The operator fixes the cause; --resume continues at statement 2, not 1.
    {
        pqxx::work tx{db.conn()};
        tx.exec0("CREATE TABLE must_exist (n int)");
        tx.commit();
    }
    const RunResult res = r.apply(resume);
    REQUIRE(res.steps.size() == 2);
    CHECK(res.steps[0].first_statement == 2);
    CHECK(count(db, "SELECT count(*) FROM counter WHERE n = 1") == 1);
    CHECK(count(db, "SELECT count(*) FROM counter WHERE n = 2") == 1);
    st = r.status();
    CHECK(st.current_version == 3);
    CHECK(st.entries[1].state == MigrationState::applied);
    CHECK(st.entries[1].row->statements_done == 3);
    CHECK(st.entries[1].row->error.empty());
}

TEST_CASE("runner: repair resolves a failed non-transactional file only as told") {
    ScratchDb db;
    std::vector<MigrationFile> files = {
        {up(1, "nt"), "-- schemac:no-transaction\nCREATE TABLE x (id int);\nSELECT 1/0;\n"},
        {down(1, "nt"), "DROP TABLE x;\n"},
    };
    Runner r = runner_for(db, files);
    error_of([&] { r.apply({}); });
    RepairResult rep = r.repair({});
    CHECK(rep.changes.empty());
    REQUIRE(rep.unresolved.size() == 1);
    CHECK(rep.unresolved[0].detail.find("--mark-applied 1") != std::string::npos);

    RepairOptions dry;
    dry.dry_run = true;
    dry.forget = {1};
    CHECK(r.repair(dry).changes.size() == 1);
    CHECK(r.status().entries[0].state == MigrationState::failed);   // dry run changed nothing

    RepairOptions forget;
    forget.forget = {1};
    rep = r.repair(forget);
    REQUIRE(rep.changes.size() == 1);
    CHECK(rep.changes[0].action == "remove row");
    CHECK(r.status().entries[0].state == MigrationState::pending);

    error_of([&] { r.apply({}); });   // fails again at 1/0 (x already exists: statement 1 fails first)
    RepairOptions mark;
    mark.mark_applied = {1};
    rep = r.repair(mark);
    REQUIRE(rep.changes.size() == 1);
    CHECK(rep.changes[0].action == "mark applied");
    CHECK(r.status().entries[0].state == MigrationState::applied);
    CHECK(error_of([&] { r.repair(mark); }) == "0001 is not a failed migration: --mark-applied and --forget only resolve failed ones");
}

TEST_CASE("runner: an applied file that changed is shown, refused by apply, and accepted by repair") {
    ScratchDb db;
    auto files = three();
    runner_for(db, {files[0], files[1], files[2], files[3]}).apply({});
    auto edited = files;
    edited[0].contents = "CREATE TABLE a (id int, note text);\n";
    Runner r = runner_for(db, edited);
    const Status st = r.status();
    CHECK(st.entries[0].state == MigrationState::modified);
    const std::string err = error_of([&] { r.apply({}); });
    CHECK(err.find("0001_a.up.sql was changed after it was applied (recorded sha256:") == 0);
    CHECK(err.find("`schemac repair`") != std::string::npos);
    CHECK_FALSE(table_exists(db, "c"));

    // Line endings alone are not a change.
    auto crlf = files;
    crlf[2].contents = "CREATE TABLE b (id int);\r\nINSERT INTO b VALUES (1);\r\n";
    CHECK(runner_for(db, crlf).status().entries[1].state == MigrationState::applied);

    const RepairResult rep = r.repair({});
    REQUIRE(rep.changes.size() == 1);
    CHECK(rep.changes[0].action == "update checksum");
    CHECK(rep.changes[0].detail == migration_checksum(files[0].contents) + " -> " + migration_checksum(edited[0].contents));
    CHECK(r.apply({}).steps.size() == 1);
}

TEST_CASE("runner: a pending version below the highest applied one is refused unless allowed") {
    ScratchDb db;
    auto files = three();
    runner_for(db, {files[0], files[1], files[4], files[5]}).apply({});   // 1 and 3: 2 came with a merge
    Runner r = runner_for(db, files);
    const Status st = r.status();
    CHECK(st.entries[1].state == MigrationState::pending);
    CHECK(st.entries[1].out_of_order);
    const std::string err = error_of([&] { r.apply({}); });
    CHECK(err.find("0002_b.up.sql is older than the newest applied migration 0003") == 0);
    CHECK(err.find("--allow-out-of-order") != std::string::npos);
    CHECK_FALSE(table_exists(db, "b"));
    ApplyOptions o;
    o.allow_out_of_order = true;
    CHECK(r.apply(o).steps.size() == 1);
    CHECK(table_exists(db, "b"));
}

TEST_CASE("runner: rollback runs down files newest first, and one that loses data needs allow_destructive") {
    ScratchDb db;
    Runner r = runner_for(db, three());
    r.apply({});
    RollbackOptions one;
    RunResult res = r.rollback(one);
    REQUIRE(res.steps.size() == 1);
    CHECK(res.steps[0].version == 3);
    CHECK(res.to_version == 2);
    CHECK_FALSE(table_exists(db, "c"));

    RollbackOptions to0;
    to0.target = 0;
    const std::string err = error_of([&] { r.rollback(to0); });
    CHECK(err ==
          "refusing to roll back: a down file loses data; rerun with --allow-destructive if that is intended\n"
          "  0002_b.down.sql loses data:\n"
          "    drops table b with its rows");
    CHECK(table_exists(db, "b"));   // nothing ran, not even 0002's neighbours

    to0.dry_run = true;
    to0.allow_destructive = true;
    CHECK(r.rollback(to0).steps.size() == 2);
    CHECK(table_exists(db, "b"));
    to0.dry_run = false;
    res = r.rollback(to0);
    CHECK(res.to_version == 0);
    CHECK_FALSE(table_exists(db, "a"));
    CHECK(count(db, "SELECT count(*) FROM public.schemac_migrations") == 0);

    ApplyOptions to2;
    to2.target = 2;
    CHECK(r.apply(to2).to_version == 2);
    RollbackOptions too_many;
    too_many.steps = 3;
    CHECK(error_of([&] { r.rollback(too_many); }) == "--steps 3: only 2 migrations are applied");
}

TEST_CASE("runner: baseline marks an existing database without running anything, and rollback stops at it") {
    ScratchDb db;
    {
        pqxx::work tx{db.conn()};
        tx.exec0("CREATE TABLE a (id int); CREATE TABLE b (id int)");   // built before schemac
        tx.commit();
    }
    Runner r = runner_for(db, three());
    RepairResult b = r.baseline(2, true);
    CHECK(b.changes.size() == 2);
    CHECK_FALSE(r.status().history_exists);
    b = r.baseline(2, false);
    CHECK(b.changes.size() == 2);
    Status st = r.status();
    CHECK(st.current_version == 2);
    CHECK(st.entries[0].state == MigrationState::baseline);
    CHECK(st.entries[2].state == MigrationState::pending);
    CHECK(r.apply({}).steps.size() == 1);   // only 3 runs: a and b were not created again
    CHECK(error_of([&] { r.baseline(3, false); }).find("the history already has 3 rows") == 0);

    CHECK(r.rollback({}).steps.size() == 1);
    const std::string err = error_of([&] { r.rollback({}); });
    CHECK(err.find("0002 b was marked applied by `schemac baseline`") == 0);
}

TEST_CASE("runner: dry runs change nothing, not even the history table") {
    ScratchDb db;
    Runner r = runner_for(db, three());
    ApplyOptions o;
    o.dry_run = true;
    const RunResult res = r.apply(o);
    CHECK(res.steps.size() == 3);
    CHECK(res.elapsed_ms.empty());
    CHECK_FALSE(table_exists(db, "a"));
    CHECK_FALSE(table_exists(db, "public.schemac_migrations"));
}

TEST_CASE("runner: the history table can live in a schema of its own, and each history has its own lock") {
    ScratchDb db;
    RunnerOptions o;
    o.conninfo = db.conninfo();
    o.history_schema = "App Meta";
    o.history_table = "applied";
    Runner r(MigrationSet::from_files(three()), o);
    r.apply({});
    CHECK(count(db, "SELECT count(*) FROM \"App Meta\".applied") == 3);
    CHECK_FALSE(table_exists(db, "public.schemac_migrations"));
}

TEST_CASE("runner: errors outside a migration say what went wrong") {
    ScratchDb db;
    Runner r = runner_for(db, three());
    ApplyOptions o;
    o.target = 7;
    CHECK(error_of([&] { r.apply(o); }) == "--target 7: there is no migration 0007");
    r.apply({});
    o.target = 1;
    CHECK(error_of([&] { r.apply(o); }) == "--target 0001 is below the current version 0003: use `schemac rollback --target 1`");
    auto no_down = three();
    no_down.pop_back();
    CHECK(error_of([&] { runner_for(db, no_down).rollback({}); }) ==
          "0003_c.up.sql has no .down.sql file: it cannot be rolled back (`schemac rollback --forget` removes only its history row: "
          "nothing runs, its changes stay, the next apply runs it again)");
    // A file that disappeared: a warning for apply, an error for rollback.
    auto gone = three();
    gone.resize(4);
    Runner g = runner_for(db, gone);
    CHECK(g.status().entries[2].state == MigrationState::missing);
    const RunResult res = g.apply({});
    REQUIRE(res.warnings.size() == 1);
    CHECK(res.warnings[0] == "0003 c is applied but its file is not in the migrations directory");
    CHECK(error_of([&] { g.rollback({}); }) == "0003 c cannot be rolled back: its files are not in the migrations directory");
}

TEST_CASE("runner: a file's own BEGIN, COMMIT or ROLLBACK is refused before anything runs") {
    for (const std::string& control : std::vector<std::string>{"BEGIN", "COMMIT", "ROLLBACK", "end", "START TRANSACTION", "SAVEPOINT s", "PREPARE TRANSACTION 'x'"}) {
        CAPTURE(control);
        ScratchDb db;
        auto files = three();
        files[2].contents = "CREATE TABLE b (id int);\n" + control + ";\nCREATE TABLE b2 (id int);\n";
        Runner r = runner_for(db, files);
        const std::string err = error_of([&] { r.apply({}); });
        CHECK(err.find("0002_b.up.sql:2: statement 2 (") == 0);
        CHECK(err.find("controls the transaction, which the runner owns") != std::string::npos);
        CHECK_FALSE(table_exists(db, "a"));   // refused while planning: not even 0001 ran
    }
}

TEST_CASE("runner: a failed row is failed also when its file is missing, and apply refuses") {
    ScratchDb db;
    std::vector<MigrationFile> files = {
        {up(1, "a"), "CREATE TABLE a (id int);\n"},
        {up(2, "nt"), "-- schemac:no-transaction\nSELECT 1/0;\n"},
        {up(3, "c"), "CREATE TABLE c (id int);\n"},
    };
    error_of([&] { runner_for(db, files).apply({}); });
    Runner other_branch = runner_for(db, {files[0], files[2]});
    const Status st = other_branch.status();
    REQUIRE(st.entries.size() == 3);
    CHECK(st.entries[1].state == MigrationState::failed);
    CHECK(error_of([&] { other_branch.apply({}); }).find("stopped at statement 1 of 1") != std::string::npos);
    CHECK_FALSE(table_exists(db, "c"));
}

TEST_CASE("runner: a dry run of a rollback that loses data shows it with a warning") {
    ScratchDb db;
    Runner r = runner_for(db, three());
    r.apply({});
    RollbackOptions o;
    o.target = 1;
    o.dry_run = true;
    const RunResult res = r.rollback(o);
    CHECK(res.steps.size() == 2);
    REQUIRE(res.warnings.size() == 1);
    CHECK(res.warnings[0].find("a down file loses data: the rollback needs --allow-destructive") == 0);
    CHECK(table_exists(db, "b"));
}

TEST_CASE("runner: the audit log keeps every apply and rollback, failed ones too, after rollback removed the history rows") {
    ScratchDb db;
    auto files = three();
    files.push_back({up(4, "bad"), "CREATE TABLE d (id int);\nINSERT INTO d VALUES ('x');\n"});   // no down file
    Runner r = runner_for(db, files);
    ApplyOptions to3;
    to3.target = 3;
    r.apply(to3);
    RollbackOptions back;
    back.steps = 2;
    back.allow_destructive = true;
    r.rollback(back);
    CHECK(r.status().current_version == 1);
    CHECK_FALSE(error_of([&] { r.apply({}); }).empty());   // 0002, 0003 again, then 0004 fails

    const std::vector<LogEntry> log = r.log();
    REQUIRE(log.size() == 8);
    const std::vector<std::tuple<int, std::string, std::string>> expected = {
        {1, "apply", "success"},    {2, "apply", "success"}, {3, "apply", "success"}, {3, "rollback", "success"},
        {2, "rollback", "success"}, {2, "apply", "success"}, {3, "apply", "success"}, {4, "apply", "failed"},
    };
    for (std::size_t i = 0; i < log.size(); ++i) {
        CAPTURE(i);
        CHECK(log[i].version == std::get<0>(expected[i]));
        CHECK(log[i].action == std::get<1>(expected[i]));
        CHECK(log[i].outcome == std::get<2>(expected[i]));
        CHECK(log[i].performed_by == "postgres");
        CHECK(log[i].client == "local");
        CHECK(log[i].finished_at.size() == 20);
        CHECK(log[i].execution_time_ms >= 0);
        CHECK(log[i].rollback_available == (log[i].version != 4));
        if (i > 0) CHECK(log[i].id > log[i - 1].id);
    }
    CHECK(log[0].checksum == migration_checksum("CREATE TABLE a (id int);\n"));
    CHECK(log[7].error.find("0004_bad.up.sql:2: statement 2 of 2 failed") != std::string::npos);
    CHECK(log[0].error.empty());
    // Nothing of the failed 0004 was committed but its log entry.
    CHECK_FALSE(table_exists(db, "d"));
}

TEST_CASE("runner: a server WARNING reaches the result with the file that caused it (a hypertable where TimescaleDB is missing)") {
    ScratchDb db;
    {
        pqxx::work tx{db.conn()};
        REQUIRE(tx.exec1("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'")[0].as<int>() == 0);
        // A database that silences warnings does not silence schemac's: the session pins the level.
        tx.exec0("ALTER DATABASE " + tx.quote_name(db.name()) + " SET client_min_messages = error");
        tx.commit();
    }
    // The DO block schemac writes for a hypertable (sql/postgres/render.cpp), and a NOTICE, which is not reported.
    Runner r = runner_for(db, {{up(1, "ticks"), "CREATE TABLE ticks (at timestamptz NOT NULL);\n"
                                               "DROP TABLE IF EXISTS no_such_table;\n"
                                               "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN "
                                               "RAISE WARNING 'schemac: TimescaleDB is not installed: % stays a plain table (hypertable skipped)', "
                                               "'public.ticks'; END IF; END $$;\n"},
                               {up(2, "quiet"), "CREATE TABLE quiet (id int);\n"}});
    const RunResult res = r.apply({});
    REQUIRE(res.warnings.size() == 1);
    CHECK(res.warnings[0] == "0001_ticks.up.sql: WARNING: schemac: TimescaleDB is not installed: public.ticks stays a plain table "
                             "(hypertable skipped)");
}
