// Every injection string (tests/support/adversarial.hpp) through every raw SQL
// field, as a user would write it in YAML. Each must either be refused by the
// checks (what `schemac check`, `diff`, `plan` and `verify` run first) with a
// file:line:col error, or, when accepted, be written as exactly the statements
// the plan has, and neither normalizing it through the server (what `plan
// --from DATABASE` and `verify` do) nor applying the migration may create or
// drop anything beyond what the schema declares.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "adversarial.hpp"
#include "load/loader.hpp"
#include "migrations/format.hpp"
#include "model/analyze.hpp"
#include "pg_grammar.hpp"
#include "run_sql.hpp"
#include "schemac/postgres/sql_split.hpp"
#include "schemac/migrate/runner.hpp"
#include "scratch_db.hpp"
#include "sql/dialect.hpp"
#include "sql/postgres/grammar.hpp"
#include "sql/postgres/normalize.hpp"
#include "sql/postgres/rules.hpp"

namespace schemac::test {
namespace {

using sql::postgres::RawSqlKind;
using sql::postgres::normalize_to_fixed_point;

// JSON's string escapes are YAML's double-quoted ones (\u0000 included).
std::string yaml_quoted(const std::string& s) { return "\"" + json_escape(s) + "\""; }

const char* kBefore = "tables:\n  t:\n    columns:\n      id: {type: int, primary_key: true}\n      c: text?\n";

// The table after the change, with `x` (YAML-quoted) in the field of `kind`.
std::string after_yaml(RawSqlKind kind, const std::string& x) {
    std::string y = "tables:\n  t:\n    columns:\n      id: {type: int, primary_key: true}\n";
    y += kind == RawSqlKind::Using ? "      c: {type: int?, using: " + x + "}\n" : "      c: text?\n";
    if (kind == RawSqlKind::Default) y += "      b: {type: int?, default: {sql: " + x + "}}\n";
    if (kind == RawSqlKind::Backfill) y += "      b: {type: int?, backfill: " + x + "}\n";
    if (kind == RawSqlKind::Generated) y += "      b: {type: text?, generated: " + x + "}\n";
    if (kind == RawSqlKind::Check) y += "    checks:\n      k: " + x + "\n";
    if (kind == RawSqlKind::IndexWhere) y += "    indexes:\n      - name: i\n        columns: [id]\n        where: " + x + "\n";
    if (kind == RawSqlKind::IndexExpression) y += "    indexes:\n      - name: i\n        columns: [{expr: " + x + "}]\n";
    if (kind == RawSqlKind::Query) y += "queries:\n  q:\n    returns: none\n    sql: " + x + "\n";
    return y;
}

Schema load(const std::string& file, const std::string& text, Diagnostics& diags) {
    Schema s;
    load_yaml_text(file, text, s, diags);
    if (!diags.has_errors()) analyze(s, schemac::sql::postgres::rules(), diags);
    return s;
}

// Schemas, relations (tables, indexes, sequences, ...), routines and types of
// the user's schemas: what an injected statement would create or drop.
std::vector<std::string> objects(pqxx::connection& c) {
    pqxx::nontransaction tx{c};
    std::vector<std::string> out;
    for (const auto& r : tx.exec(
             "SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' "
             "UNION ALL SELECT 'relation ' || c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
             "  WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' "
             "UNION ALL SELECT 'routine ' || p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
             "  WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' "
             "UNION ALL SELECT 'type ' || t.oid::regtype::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
             "  WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND t.typrelid = 0 AND t.typelem = 0 "
             "ORDER BY 1"))
        out.push_back(r[0].as<std::string>());
    return out;
}

std::vector<std::string> statements_of(const sql::Plan& plan, bool up) {
    std::vector<std::string> out;
    for (const auto& step : plan.steps)
        for (const auto& s : up ? step.up : step.down) out.push_back(s);
    return out;
}

// Each statement one statement for PostgreSQL (both readings of '\'), and the
// file exactly the plan's statements for PostgreSQL's splitter and the runner's.
void check_rendered(const std::vector<std::string>& stmts, const std::string& file) {
    for (const auto& s : stmts) {
        CAPTURE(s);
        CHECK(sql::postgres::count_statements(s + ";") == 1u);
        CHECK(sql::postgres::count_statements(s + ";", false) == 1u);
    }
    CHECK(split_statements(file).size() == stmts.size());
    CHECK(split_sql(file).size() == stmts.size());
}

}  // namespace

TEST_CASE("raw SQL corpus: every injection string in every field is refused with a position or stays one expression") {
    ScratchDb db;
    Diagnostics none;
    const Schema before = load("before.yaml", kBefore, none);
    REQUIRE(!none.has_errors());
    const std::string create_before = migrations::format_up(sql::plan_migration(sql::default_dialect(), Schema{}, before, none));
    int refused = 0, accepted = 0;
    for (const auto kind : {RawSqlKind::Check, RawSqlKind::Default, RawSqlKind::IndexWhere, RawSqlKind::IndexExpression,
                            RawSqlKind::Backfill, RawSqlKind::Using, RawSqlKind::Generated, RawSqlKind::Query}) {
        for (const auto& text : injection_strings()) {
            CAPTURE(sql::postgres::raw_sql_field_name(kind));
            CAPTURE(text);
            Diagnostics diags;
            const Schema after = load("after.yaml", after_yaml(kind, yaml_quoted(text)), diags);
            if (diags.has_errors()) {
                ++refused;
                for (const auto& d : diags.all()) {
                    CHECK(d.pos.file_name() == "after.yaml");
                    CHECK(d.pos.line > 0);
                    CHECK(d.pos.column > 0);
                }
                continue;
            }
            ++accepted;
            if (kind == RawSqlKind::Query) {
                CHECK(sql::postgres::count_statements(text) == 1u);
                continue;
            }
            const sql::Plan plan = sql::plan_migration(sql::default_dialect(), before, after, diags);
            check_rendered(statements_of(plan, true), migrations::format_up(plan));
            check_rendered(statements_of(plan, false), migrations::format_down(plan));

            empty_database(db.conn());
            run_migration_file(db.conn(), create_before);
            { pqxx::nontransaction tx{db.conn()}; tx.exec0("CREATE TABLE public.important (id int)"); }
            const auto start = objects(db.conn());
            try {
                Diagnostics nd;
                (void)normalize_to_fixed_point(after, db.conninfo(), nd);
            } catch (const RunnerError&) {
            }
            CHECK(objects(db.conn()) == start);   // plan --from DATABASE and verify wrote nothing
            try {
                run_migration_file(db.conn(), migrations::format_up(plan));
            } catch (const std::exception&) {
                // An accepted text may still fail at run time (types, names); the file then rolls back.
            }
            auto end = objects(db.conn());
            std::erase(end, "relation i");   // the one object the index fields declare
            CHECK(end == start);
        }
    }
    MESSAGE("refused " << refused << ", accepted " << accepted);
    CHECK(refused > accepted);
}

}  // namespace schemac::test
