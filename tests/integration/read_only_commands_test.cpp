// Commands documented as writing nothing (`plan --from DATABASE`, `verify`)
// build the YAML in scratch schemas inside a transaction that is rolled back.
// Whatever SQL text reaches that transaction, nothing may be committed: these
// tests send hostile text straight to the mechanism (models built in code, so
// the loader's and analyzer's own refusal is not what holds), and through the
// CLI, and assert the database is exactly as before.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "schemac/catalog/catalog.hpp"
#include "schemac/migrate/runner.hpp"
#include "scratch_db.hpp"
#include "sql/postgres/normalize.hpp"

namespace schemac::test {
namespace {

using sql::postgres::normalize_through_server;

const std::string kAttack = "true)); COMMIT; DROP TABLE public.important; CREATE TABLE public.zz (y int CHECK (true";

void create_important(pqxx::connection& c) {
    pqxx::nontransaction tx{c};
    tx.exec0("CREATE TABLE public.important (id int)");
}

// Tables and schemas of the database, for a before/after comparison.
std::vector<std::string> objects(pqxx::connection& c) {
    pqxx::nontransaction tx{c};
    std::vector<std::string> out;
    for (const auto& r : tx.exec("SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                                 "UNION ALL SELECT 'table ' || n.nspname || '.' || c.relname FROM pg_class c "
                                 "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT LIKE 'pg\\_%' "
                                 "AND n.nspname <> 'information_schema' ORDER BY 1"))
        out.push_back(r[0].as<std::string>());
    return out;
}

Schema attack_model() {
    Schema s;
    Table t;
    t.name = {"public", "t"};
    Column id;
    id.name = "id";
    id.type.kind = TypeKind::Integer;
    t.columns.push_back(id);
    t.checks.push_back({"t_check", kAttack, {}});
    s.tables.push_back(t);
    return s;
}

void write(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

}  // namespace

TEST_CASE("read-only: read_catalog_after sends one command per statement so a COMMIT inside a string cannot run") {
    ScratchDb db;
    create_important(db.conn());
    const auto before = objects(db.conn());
    CHECK_THROWS_AS(catalog::read_catalog_after(db.conninfo(), {"CREATE TABLE a (x int); COMMIT; DROP TABLE public.important"}, {}),
                    RunnerError);
    CHECK(objects(db.conn()) == before);
}

TEST_CASE("read-only: read_catalog_after refuses transaction control in any spelling") {
    ScratchDb db;
    create_important(db.conn());
    const auto before = objects(db.conn());
    for (const std::string stmt : {"COMMIT", "commit and chain", "  /* a /* nested */ comment */ -- line\n END", "ROLLBACK",
                                   "abort", "PREPARE TRANSACTION 'x'", "START TRANSACTION", "BEGIN", "SAVEPOINT s", "RELEASE s"}) {
        CAPTURE(stmt);
        try {
            catalog::read_catalog_after(db.conninfo(), {"CREATE TABLE leaked (x int)", stmt, "DROP TABLE public.important"}, {});
            FAIL("not refused");
        } catch (const RunnerError& e) {
            CHECK(std::string(e.what()).find("statement 2 of 3 is transaction control") != std::string::npos);
        }
        CHECK(objects(db.conn()) == before);
    }
}

TEST_CASE("read-only: normalizing a model whose check closes the statement commits nothing") {
    // Built in code: the analyzer, which refuses this check, never sees it.
    ScratchDb db;
    create_important(db.conn());
    const auto before = objects(db.conn());
    Diagnostics diags;
    try {
        (void)normalize_through_server(attack_model(), db.conninfo(), diags);
    } catch (const RunnerError&) {
        // Failing is fine; changing the database is not.
    }
    CHECK(objects(db.conn()) == before);   // public.important still there, no public.zz, no schemac_norm_* schema
}

TEST_CASE("read-only: plan --from DATABASE and check and diff refuse a schema whose check smuggles statements") {
    ScratchDb db;
    create_important(db.conn());
    const auto before = objects(db.conn());
    Workdir w{"schemac-readonly"};
    write(w.root() / "schema" / "main.yaml", "tables:\n  t:\n    columns:\n      id: {type: int, primary_key: true}\n"
                                             "    checks:\n      evil: \"" + kAttack + "\"\n");
    const Outcome plan = w.run({"plan", "--from", db.conninfo(), "--to", "schema"});
    CHECK(plan.code == 1);
    CHECK(plan.err.find("check expression must be a single SQL expression") != std::string::npos);
    const Outcome plan_back = w.run({"plan", "--from", "schema", "--to", db.conninfo()});
    CHECK(plan_back.code == 1);
    CHECK(objects(db.conn()) == before);

    // So no migration carrying it can be written, and `apply` has nothing to run.
    const Outcome check = w.run({"check", "schema"});
    CHECK(check.code == 1);
    CHECK((check.out + check.err).find("main.yaml:6:7: error: check expression must be a single SQL expression") != std::string::npos);
    const Outcome diff = w.run({"diff", "-m", "evil", "schema"});
    CHECK(diff.code == 1);
    CHECK(!std::filesystem::exists(w.root() / "generated" / "migrations"));
}

}  // namespace schemac::test
