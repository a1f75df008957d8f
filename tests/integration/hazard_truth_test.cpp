// Hazard labels checked against what PostgreSQL 15 does: a migration's up file
// says `table-rewrite` exactly when applying it (through the Runner, which pins
// the session as in production, TimeZone = UTC included) gives the table a new
// relfilenode, i.e. rewrites it.
#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include <unistd.h>

#include <string>
#include <vector>

#include "migration_files.hpp"
#include "schemac/migrate/runner.hpp"
#include "scratch_db.hpp"

using namespace schemac;
using schemac::test::ScratchDb;

namespace {

// One nullable column of `at_type`; a citext one needs its extension, which
// both sides list (so the change is the type alone).
std::string table_yaml(const std::string& at_type, bool citext = false) {
    return std::string(citext ? "extensions: [citext]\n" : "") + "tables:\n  t:\n    columns:\n      id: {type: integer, primary_key: true}\n      at: '" +
           at_type + "?'\n";
}

long long relfilenode(ScratchDb& db) {
    pqxx::work tx{db.conn()};
    return tx.exec1("SELECT relfilenode FROM pg_class WHERE oid = 'public.t'::regclass")[0].as<long long>();
}

}  // namespace

TEST_CASE("hazard truth: table-rewrite is labelled exactly when PostgreSQL rewrites the table under the runner's session") {
    struct Case {
        std::string from, to;
    };
    const std::vector<Case> cases = {
        {"timestamp", "timestamptz"}, {"timestamptz", "timestamp"}, {"timestamp(3)", "timestamptz(6)"},
        {"timestamptz(6)", "timestamp(3)"}, {"integer", "bigint"},  {"varchar(10)", "varchar(20)"},
        {"varchar(20)", "text"},        {"numeric(10,2)", "numeric(12,2)"}, {"text", "varchar(5)"},
        {"text", "citext"},             {"citext", "text"},                 {"varchar(10)", "citext"},
        {"citext", "varchar(5)"},       {"citext", "varchar"},
        {"bit(4)", "varbit(8)"},        {"varbit(4)", "varbit(8)"},         {"varbit(8)", "varbit"},
        {"bit(4)", "bit(8)"},           {"varbit", "bit(4)"},               {"varbit(8)", "varbit(4)"},
        {"bit(4)", "varbit"},
    };
    for (const Case& c : cases) {
        INFO(c.from << " -> " << c.to);
        const bool citext = c.from == "citext" || c.to == "citext";
        ScratchDb db;
        const auto create = schemac::test::migration_scripts("", table_yaml(c.from, citext));
        REQUIRE_MESSAGE(create.errors.empty(), create.errors);
        schemac::test::run_scripts(db.conn(), create.up);
        {
            pqxx::work tx{db.conn()};
            tx.exec0("INSERT INTO t SELECT g, NULL FROM generate_series(1, 10) g");
            tx.commit();
        }
        const auto change = schemac::test::migration_scripts(table_yaml(c.from, citext), table_yaml(c.to, citext));
        REQUIRE_MESSAGE(change.errors.empty(), change.errors);
        REQUIRE(change.up.size() == 1);
        const bool labelled = change.up[0].sql.find("table-rewrite:") != std::string::npos;
        const long long before = relfilenode(db);
        RunnerOptions o;
        o.conninfo = db.conninfo();
        Runner(MigrationSet::from_files({{"0001_change.up.sql", change.up[0].sql}}), o).apply({});
        const bool rewritten = relfilenode(db) != before;
        CHECK_MESSAGE(labelled == rewritten, "labelled table-rewrite: " << labelled << ", rewritten: " << rewritten << "\n"
                                                                        << change.up[0].sql);
    }
}

TEST_CASE("hazard truth: an enum made again rewrites the tables it converts, and a row holding a removed value rolls it all back") {
    const std::string table = "tables:\n  t:\n    columns:\n      id: {type: integer, primary_key: true}\n      s: {type: status, default: a}\n";
    const std::string from = "enums:\n  status: [a, b, c]\n" + table, to = "enums:\n  status: [c, a]\n" + table;
    ScratchDb db;
    const auto create = schemac::test::migration_scripts("", from);
    REQUIRE_MESSAGE(create.errors.empty(), create.errors);
    schemac::test::run_scripts(db.conn(), create.up);
    {
        pqxx::work tx{db.conn()};
        tx.exec0("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        tx.commit();
    }
    const auto change = schemac::test::migration_scripts(from, to);
    REQUIRE_MESSAGE(change.errors.empty(), change.errors);
    REQUIRE(change.up.size() == 1);
    CHECK(change.up[0].sql.find("table-rewrite:") != std::string::npos);
    CHECK(change.up[0].sql.find("may-fail: fails (and rolls back) if a row of t.s holds 'b'") != std::string::npos);
    const auto labels = [&] {
        pqxx::work tx{db.conn()};
        return tx.exec1("SELECT string_agg(enumlabel::text, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'status'::regtype")[0]
            .as<std::string>();
    };
    RunnerOptions o;
    o.conninfo = db.conninfo();
    const MigrationSet set = MigrationSet::from_files({{"0001_change.up.sql", change.up[0].sql}});
    const long long before = relfilenode(db);
    // Row 2 holds 'b': the cast fails, and nothing of the file stays.
    CHECK_THROWS_WITH_AS(Runner(set, o).apply({}), doctest::Contains("invalid input value for enum status: \"b\""), RunnerError);
    CHECK(labels() == "a,b,c");
    CHECK(relfilenode(db) == before);
    {
        pqxx::work tx{db.conn()};
        tx.exec0("DELETE FROM t WHERE id = 2");
        tx.commit();
    }
    Runner(set, o).apply({});
    CHECK(labels() == "c,a");
    CHECK(relfilenode(db) != before);
    pqxx::work tx{db.conn()};
    CHECK(tx.exec1("SELECT string_agg(s::text, ',' ORDER BY s) || ' ' || pg_get_expr(d.adbin, d.adrelid) FROM t, pg_attrdef d "
                   "WHERE d.adrelid = 't'::regclass GROUP BY d.adbin, d.adrelid")[0]
              .as<std::string>() == "c,a 'a'::status");
}

TEST_CASE("hazard truth: an identity added to a column with rows numbers the next row after the largest, and its down drops it") {
    const std::string from = "tables:\n  t:\n    columns:\n      id: {type: integer, primary_key: true}\n      v: text?\n";
    const std::string to = "tables:\n  t:\n    columns:\n      id: {type: integer, primary_key: true, identity: by_default}\n      v: text?\n";
    ScratchDb db;
    schemac::test::run_scripts(db.conn(), schemac::test::migration_scripts("", from).up);
    {
        pqxx::work tx{db.conn()};
        tx.exec0("INSERT INTO t VALUES (7, 'a'), (41, 'b')");
        tx.commit();
    }
    const auto change = schemac::test::migration_scripts(from, to);
    REQUIRE_MESSAGE(change.errors.empty(), change.errors);
    REQUIRE(change.up.size() == 1);
    RunnerOptions o;
    o.conninfo = db.conninfo();
    const MigrationSet set =
        MigrationSet::from_files({{"0001_identity.up.sql", change.up[0].sql}, {"0001_identity.down.sql", change.down[0].sql}});
    Runner(set, o).apply({});
    const auto next_id = [&] {
        pqxx::work tx{db.conn()};
        const int id = tx.exec1("INSERT INTO t (v) VALUES ('new') RETURNING id")[0].as<int>();
        tx.abort();
        return id;
    };
    CHECK(next_id() == 42);
    Runner(set, o).rollback({});
    pqxx::work tx{db.conn()};
    CHECK(tx.exec1("SELECT attidentity FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'id'")[0].as<std::string>().empty());
    CHECK(tx.exec1("SELECT count(*) FROM pg_class WHERE relname = 't_id_seq'")[0].as<int>() == 0);
}

TEST_CASE("hazard truth: a generated column added rewrites the table and a row its expression fails on rolls it back, "
          "removing generated keeps the values and its down computes them again") {
    const std::string base = "tables:\n  t:\n    columns:\n      id: {type: integer, primary_key: true}\n      a: integer\n      b: integer\n";
    const std::string with = base + "      q: {type: integer, generated: a / b}\n";
    const std::string plain = base + "      q: integer\n";
    ScratchDb db;
    schemac::test::run_scripts(db.conn(), schemac::test::migration_scripts("", base).up);
    {
        pqxx::work tx{db.conn()};
        tx.exec0("INSERT INTO t VALUES (1, 6, 3), (2, 1, 0)");
        tx.commit();
    }
    const auto add = schemac::test::migration_scripts(base, with);
    REQUIRE_MESSAGE(add.errors.empty(), add.errors);
    REQUIRE(add.up.size() == 1);
    CHECK(add.up[0].sql.find("table-rewrite: computing q for every row rewrites t") != std::string::npos);
    CHECK(add.up[0].sql.find("may-fail: fails if the expression fails on an existing row") != std::string::npos);
    RunnerOptions o;
    o.conninfo = db.conninfo();
    const MigrationSet add_set = MigrationSet::from_files({{"0001_add.up.sql", add.up[0].sql}, {"0001_add.down.sql", add.down[0].sql}});
    const long long before = relfilenode(db);
    // Row 2 divides by zero: nothing of the file stays.
    CHECK_THROWS_WITH_AS(Runner(add_set, o).apply({}), doctest::Contains("division by zero"), RunnerError);
    CHECK(relfilenode(db) == before);
    {
        pqxx::work tx{db.conn()};
        tx.exec0("UPDATE t SET b = 1 WHERE id = 2");
        tx.commit();
    }
    Runner(add_set, o).apply({});
    CHECK(relfilenode(db) != before);
    const auto q_values = [&] {
        pqxx::work tx{db.conn()};
        return tx.exec1("SELECT string_agg(q::text, ',' ORDER BY id) FROM t")[0].as<std::string>();
    };
    CHECK(q_values() == "2,1");

    // Made plain: DROP EXPRESSION keeps the values and lets the application write them.
    const auto drop = schemac::test::migration_scripts(with, plain);
    REQUIRE_MESSAGE(drop.errors.empty(), drop.errors);
    REQUIRE(drop.up.size() == 1);
    CHECK(drop.up[0].sql.find("DROP EXPRESSION") != std::string::npos);
    const MigrationSet both = MigrationSet::from_files({{"0001_add.up.sql", add.up[0].sql}, {"0001_add.down.sql", add.down[0].sql},
                                                        {"0002_plain.up.sql", drop.up[0].sql}, {"0002_plain.down.sql", drop.down[0].sql}});
    const long long generated_file = relfilenode(db);
    Runner(both, o).apply({});
    CHECK(relfilenode(db) == generated_file);   // no rewrite
    {
        pqxx::work tx{db.conn()};
        tx.exec0("UPDATE t SET q = 99 WHERE id = 1");
        tx.commit();
    }
    CHECK(q_values() == "99,1");
    // Its down makes the column generated again: 99 is computed away.
    RollbackOptions back;
    back.allow_destructive = true;
    Runner(both, o).rollback(back);
    CHECK(q_values() == "2,1");
    pqxx::work tx{db.conn()};
    CHECK(tx.exec1("SELECT attgenerated FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'q'")[0].as<std::string>() == "s");
}

TEST_CASE("hazard truth: an extension's version update runs, and a down without the extension's script back fails whole") {
    const std::string table = "tables:\n  t:\n    columns:\n      id: {type: integer, primary_key: true}\n";
    const std::string from = "extensions:\n  - {name: citext, version: '1.4'}\n" + table;
    const std::string to = "extensions:\n  - {name: citext, version: '1.6'}\n  - pgcrypto\n" + table;
    ScratchDb db;
    const auto create = schemac::test::migration_scripts("", from);
    REQUIRE_MESSAGE(create.errors.empty(), create.errors);
    const auto change = schemac::test::migration_scripts(from, to);
    REQUIRE_MESSAGE(change.errors.empty(), change.errors);
    REQUIRE(change.up.size() == 1);
    CHECK(change.up[0].sql.find("may-fail: fails unless the server has the extension's update script from 1.4 to 1.6") !=
          std::string::npos);
    RunnerOptions o;
    o.conninfo = db.conninfo();
    const MigrationSet set = MigrationSet::from_files({{"0001_create.up.sql", create.up[0].sql}, {"0001_create.down.sql", create.down[0].sql},
                                                       {"0002_update.up.sql", change.up[0].sql}, {"0002_update.down.sql", change.down[0].sql}});
    const auto installed = [&] {
        pqxx::work tx{db.conn()};
        std::string s;
        for (const auto& r : tx.exec("SELECT extname || ' ' || extversion FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1"))
            s += r[0].as<std::string>() + ";";
        return s;
    };
    Runner(set, o).apply({});
    CHECK(installed() == "citext 1.6;pgcrypto 1.3;");
    // PostgreSQL ships no script from citext 1.6 back to 1.4: the down fails and
    // leaves everything of 0002 in place (pgcrypto too, which it drops first).
    RollbackOptions back;
    back.allow_destructive = true;
    CHECK_THROWS_WITH_AS(Runner(set, o).rollback(back), doctest::Contains("no update path"), RunnerError);
    CHECK(installed() == "citext 1.6;pgcrypto 1.3;");
}

TEST_CASE("hazard truth: storage parameters change in place, SET LOGGED and SET UNLOGGED rewrite the table, and each down undoes it") {
    // Table-level settings before `columns:`; the rows must survive every step.
    const auto yaml = [](const std::string& settings) {
        return "tables:\n  t:\n" + settings + "    columns:\n      id: {type: integer, primary_key: true}\n      v: text?\n";
    };
    struct Case {
        std::string from, to;
    };
    const std::vector<Case> cases = {
        {"", "    with: {fillfactor: 70}\n"},
        {"    with: {fillfactor: 70, parallel_workers: 2}\n", "    with: {autovacuum_enabled: off, parallel_workers: 4}\n"},
        {"", "    unlogged: true\n"},
        {"    unlogged: true\n    with: {fillfactor: 60}\n", "    with: {fillfactor: 60}\n"},
        {"    unlogged: true\n", "    unlogged: true\n    with: {autovacuum_vacuum_scale_factor: 0.05}\n"},
    };
    const auto state = [](ScratchDb& db) {
        pqxx::work tx{db.conn()};
        return tx.exec1("SELECT relpersistence::text || ' ' || coalesce(array_to_string(reloptions, ','), '') || ' ' || "
                        "(SELECT count(*) FROM t) FROM pg_class WHERE oid = 'public.t'::regclass")[0]
            .as<std::string>();
    };
    for (const Case& c : cases) {
        INFO(c.from << " -> " << c.to);
        ScratchDb db;
        schemac::test::run_scripts(db.conn(), schemac::test::migration_scripts("", yaml(c.from)).up);
        {
            pqxx::work tx{db.conn()};
            tx.exec0("INSERT INTO t SELECT g, 'x' FROM generate_series(1, 10) g");
            tx.commit();
        }
        const std::string before = state(db);
        const auto change = schemac::test::migration_scripts(yaml(c.from), yaml(c.to));
        REQUIRE_MESSAGE(change.errors.empty(), change.errors);
        REQUIRE(change.up.size() == 1);
        const bool labelled = change.up[0].sql.find("table-rewrite:") != std::string::npos;
        const long long node = relfilenode(db);
        RunnerOptions o;
        o.conninfo = db.conninfo();
        const MigrationSet set = MigrationSet::from_files({{"0001_t.up.sql", change.up[0].sql}, {"0001_t.down.sql", change.down[0].sql}});
        Runner(set, o).apply({});
        CHECK_MESSAGE(labelled == (relfilenode(db) != node), change.up[0].sql);
        const std::string after = state(db);
        CHECK(after != before);
        CHECK(after.ends_with(" 10"));
        Runner(set, o).rollback({});
        CHECK(state(db) == before);
    }
}

TEST_CASE("hazard truth: row level security enabled hides every row from another role, as its breaks-running-app says, and its down shows them again") {
    const std::string from = "tables:\n  t:\n    columns:\n      id: {type: integer, primary_key: true}\n";
    const std::string to = "tables:\n  t:\n    row_level_security: true\n    columns:\n      id: {type: integer, primary_key: true}\n";
    ScratchDb db;
    schemac::test::run_scripts(db.conn(), schemac::test::migration_scripts("", from).up);
    const std::string role = "schemac_rls_reader_" + std::to_string(::getpid());
    {
        pqxx::nontransaction tx{db.conn()};
        tx.exec0("DROP ROLE IF EXISTS " + role);
        tx.exec0("CREATE ROLE " + role);
        tx.exec0("GRANT SELECT ON t TO " + role);
        tx.exec0("INSERT INTO t SELECT generate_series(1, 5)");
    }
    const auto seen_by_role = [&] {
        pqxx::work tx{db.conn()};
        tx.exec0("SET LOCAL ROLE " + role);
        const int n = tx.exec1("SELECT count(*) FROM t")[0].as<int>();
        tx.abort();
        return n;
    };
    CHECK(seen_by_role() == 5);
    const auto change = schemac::test::migration_scripts(from, to);
    REQUIRE_MESSAGE(change.errors.empty(), change.errors);
    REQUIRE(change.up.size() == 1);
    CHECK(change.up[0].sql.find("breaks-running-app: roles other than the owner now see and write no row of t") != std::string::npos);
    RunnerOptions o;
    o.conninfo = db.conninfo();
    const MigrationSet set = MigrationSet::from_files({{"0001_rls.up.sql", change.up[0].sql}, {"0001_rls.down.sql", change.down[0].sql}});
    Runner(set, o).apply({});
    CHECK(seen_by_role() == 0);
    Runner(set, o).rollback({});
    CHECK(seen_by_role() == 5);
    pqxx::nontransaction tx{db.conn()};
    tx.exec0("DROP OWNED BY " + role);
    tx.exec0("DROP ROLE " + role);
}
