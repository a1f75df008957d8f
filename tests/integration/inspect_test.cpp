// Live databases as schemas (runtime/catalog/catalog.cpp, compiler/sql/postgres/) on a
// real PostgreSQL 15.
//
// The key property is the round trip: a database created from YAML by
// schemac's own plan, read back (read_catalog) and turned into a model
// (schema_from_catalog), diffs EMPTY against the YAML model, once the YAML is
// put into PostgreSQL's normal form through the server (normalize_through_server)
// and two things the catalog cannot know are left out of the YAML side:
// - seed rows (data, not catalog);
// - hypertables, on this server only: TimescaleDB is not installed, so the
//   plan's DO block skips create_hypertable (with a WARNING) and no hypertable
//   exists to be read back.
// Before normalisation the differences must all be spellings PostgreSQL
// rewrites (defaults, checks, index expressions and predicates, the implicit
// columns of `references: table`, a NULLS order that is the default); the
// test counts them by kind and fails on any other.
// And the inspected model is exact: a second database created from it has the
// same catalog (tests/integration/catalog_fingerprint) as the first.
//
//   SCHEMAC_INSPECT_SEEDS=N   random schemas from N seeds (default 100; A and B of each pair)
//   SCHEMAC_INSPECT_SEED=k    only seed k (replay a failure)
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catalog_fingerprint.hpp"
#include "diff/diff.hpp"
#include "error_of.hpp"
#include "load/loader.hpp"
#include "load/writer.hpp"
#include "migration_files.hpp"
#include "migrations/format.hpp"
#include "model/analyze.hpp"
#include "random_schema.hpp"
#include "schemac/catalog/catalog.hpp"
#include "schemac/migrate/runner.hpp"
#include "scratch_db.hpp"
#include "sql/dialect.hpp"
#include "sql/postgres/inspect.hpp"
#include "sql/postgres/normalize.hpp"
#include "sql/postgres/rules.hpp"

using namespace schemac;
using namespace schemac::test;
using schemac::sql::postgres::normalize_through_server;
using schemac::sql::postgres::normalize_to_fixed_point;
using schemac::sql::postgres::schema_from_catalog;

namespace {

// The plan from an empty database to `s`, run the way the migration files would.
void create(pqxx::connection& c, const Schema& s) {
    Diagnostics d;
    const MigrationScripts m = migration_scripts(Schema{}, s, d);
    REQUIRE_MESSAGE(m.errors.empty(), m.errors);
    run_scripts(c, m.up);
}

std::string plan_summary(const Schema& from, const Schema& to, std::vector<diff::Change>* out = nullptr) {
    Diagnostics d;
    const auto changes = diff::diff_schemas(from, to, schemac::sql::postgres::rules(), d);   // the changes themselves are asserted too
    const auto plan = sql::default_dialect().plan(changes, from, to);
    if (out) *out = changes;
    std::string s = render_text(d);
    if (!plan.empty()) s += migrations::format_summary(plan);
    return s;
}

// Changes that only say PostgreSQL spelled something its own way.
const char* spelling_kind(const diff::Change& c) {
    if (std::holds_alternative<diff::SetDefault>(c)) return "default";
    if (std::holds_alternative<diff::AddCheck>(c) || std::holds_alternative<diff::DropCheck>(c)) return "check";
    if (std::holds_alternative<diff::ValidateConstraint>(c)) return "validate";
    if (std::holds_alternative<diff::CreateIndex>(c) || std::holds_alternative<diff::DropIndex>(c)) return "index";
    if (std::holds_alternative<diff::AddForeignKey>(c) || std::holds_alternative<diff::DropForeignKey>(c)) return "foreign key";
    if (std::holds_alternative<diff::RenameConstraint>(c)) return "check";   // same text under another name: never expected
    // A generation expression spelled otherwise makes its column again.
    if (const auto* a = std::get_if<diff::AddColumn>(&c); a && a->c->is_generated()) return "generation";
    if (const auto* d = std::get_if<diff::DropColumn>(&c); d && d->c->is_generated()) return "generation";
    return nullptr;
}

struct RoundTrip {
    std::string failure;                       // "" = fine
    std::map<std::string, int> spellings;      // kind of difference before normalisation -> count
    int tables = 0;
    int respelled_checks = 0;                  // checks PostgreSQL prints in a form that parses to another tree
};

// YAML -> database -> catalog -> model, compared with the YAML model.
RoundTrip round_trip(ScratchDb& db, ScratchDb& again, const std::string& label, const Schema& yaml_in) {
    RoundTrip r;
    Schema yaml = yaml_in;
    for (auto& t : yaml.tables) {
        t.seed.reset();
        t.hypertable.reset();   // no TimescaleDB here (see the top of this file)
    }
    r.tables = static_cast<int>(yaml.tables.size());
    try {
        empty_database(db.conn());
        create(db.conn(), yaml_in);
    } catch (const std::exception& e) {
        r.failure = "creating the schema failed: " + std::string(e.what());
        return r;
    }
    const catalog::Snapshot snap = catalog::read_catalog(db.conninfo(), {});
    if (snap.timescaledb) {
        r.failure = "this test expects a server without TimescaleDB (see the top of the file)";
        return r;
    }
    Diagnostics d;
    Schema live = schema_from_catalog(snap, "db", d);
    if (!d.all().empty()) {
        r.failure = "inspecting reported:\n" + render_text(d);
        return r;
    }
    analyze(live, schemac::sql::postgres::rules(), d);
    if (!d.all().empty()) {
        r.failure = "the inspected model does not analyze cleanly:\n" + render_text(d);
        return r;
    }
    Schema normal;
    try {
        normal = normalize_through_server(yaml, db.conninfo(), d);
    } catch (const std::exception& e) {
        r.failure = "normalising through the server failed: " + std::string(e.what());
        return r;
    }
    if (!d.all().empty()) {
        r.failure = "normalising reported:\n" + render_text(d);
        return r;
    }
    // Normalising never changes a type: the inspected types are the YAML's.
    for (std::size_t i = 0; i < yaml.tables.size(); ++i)
        for (std::size_t k = 0; k < yaml.tables[i].columns.size(); ++k)
            if (!(yaml.tables[i].columns[k].type == normal.tables[i].columns[k].type))
                r.failure += "type of " + yaml.tables[i].name.display() + "." + yaml.tables[i].columns[k].name + ": YAML " +
                             yaml.tables[i].columns[k].type.display() + ", PostgreSQL " + normal.tables[i].columns[k].type.display() + "\n";
    if (const std::string p = plan_summary(normal, live); !p.empty()) r.failure += label + ": YAML (normalised) -> database is not empty:\n" + p;
    if (const std::string p = plan_summary(live, normal); !p.empty()) r.failure += label + ": database -> YAML (normalised) is not empty:\n" + p;
    // Before normalising: only spellings may differ.
    std::vector<diff::Change> raw;
    const std::string raw_plan = plan_summary(yaml, live, &raw);
    for (const auto& c : raw) {
        const char* k = spelling_kind(c);
        if (!k) {
            r.failure += label + ": YAML as written -> database has a change that is not a spelling:\n" + raw_plan;
            break;
        }
        ++r.spellings[k];
    }
    // A database created from the inspected model is the same database. Except
    // that PostgreSQL does not print every check in a form that parses back to
    // the same tree (`status IN ('a', 'b')` on a varchar column is stored as
    // (status)::text = ANY ((ARRAY['a'::character varying, ...])::text[]), which
    // parses back as ARRAY[('a'::character varying)::text, ...]): such checks
    // may differ once, and a third generation must then equal the second.
    // Constant defaults are compared by value: the model keeps a float as its
    // value (0), the first database as it was written (0.0).
    const FingerprintOptions by_value{.default_values = true};
    try {
        const std::string first = catalog_fingerprint(db.conn(), by_value);
        empty_database(again.conn());
        create(again.conn(), live);
        const std::string second = catalog_fingerprint(again.conn(), by_value);
        if (const std::string f = fingerprint_diff(first, second); !f.empty()) {
            std::istringstream lines{f};
            int respelled = 0;
            for (std::string line; std::getline(lines, line);) {
                if (line.find(" c CHECK (") != std::string::npos) ++respelled;
                else r.failure += label + ": a database created from the inspected model differs (- from YAML, + from the inspected model):\n" + f;
                if (!r.failure.empty()) break;
            }
            r.respelled_checks += respelled / 2;
            Diagnostics d2;
            const Schema live2 = schema_from_catalog(catalog::read_catalog(again.conninfo(), {}), "again", d2);
            empty_database(db.conn());
            create(db.conn(), live2);
            if (const std::string f3 = fingerprint_diff(second, catalog_fingerprint(db.conn(), by_value)); !f3.empty())
                r.failure += label + ": a third generation differs from the second:\n" + f3;
        }
    } catch (const std::exception& e) {
        r.failure += label + ": creating a database from the inspected model failed: " + e.what() + "\n";
    }
    // The inspected model survives YAML: written, loaded, analyzed, the same.
    Diagnostics wd;
    const std::string text = write_schema_yaml(live, "inspected");
    const Schema reread = load_text("inspected.yaml", text, wd);
    if (wd.has_errors()) r.failure += label + ": the inspected model written as YAML does not load:\n" + render_text(wd) + text;
    else if (const std::string p = plan_summary(live, reread); !p.empty())
        r.failure += label + ": the inspected model written as YAML and read back differs:\n" + p;
    return r;
}

bool has(const Diagnostics& d, Severity s, const std::string& code, const std::string& text) {
    for (const auto& x : d.all())
        if (x.severity == s && x.code == code && x.message.find(text) != std::string::npos) return true;
    return false;
}

void exec(ScratchDb& db, const std::string& sql) {
    pqxx::work tx{db.conn()};
    tx.exec(sql);
    tx.commit();
}

}  // namespace

TEST_CASE("inspect: the example schema round-trips through a database with an empty plan") {
    Diagnostics d;
    const Schema yaml = load_schema({SCHEMAC_SOURCE_DIR "/schema"}, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    ScratchDb db, again;
    const auto start = std::chrono::steady_clock::now();
    const RoundTrip r = round_trip(db, again, "schema/", yaml);
    CHECK_MESSAGE(r.failure.empty(), r.failure);
    std::string kinds;
    for (const auto& [k, n] : r.spellings) kinds += " " + k + "=" + std::to_string(n);
    MESSAGE((std::to_string(r.tables) + " tables in " +
             std::to_string(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()) +
             " s; spellings before normalising:" + kinds + "; checks respelled by a second generation: " +
             std::to_string(r.respelled_checks)));
}

TEST_CASE("inspect: random schemas round-trip through a database with an empty plan") {
    std::uint64_t first = 1, last = env_number("SCHEMAC_INSPECT_SEEDS", 100);
    if (const char* s = std::getenv("SCHEMAC_INSPECT_SEED"); s && *s) first = last = env_number("SCHEMAC_INSPECT_SEED", 1);
    ScratchDb db, again;
    const auto start = std::chrono::steady_clock::now();
    std::map<std::string, int> spellings;
    std::vector<std::uint64_t> failed;
    int schemas = 0, tables = 0, respelled = 0;
    for (std::uint64_t seed = first; seed <= last; ++seed) {
        const SchemaPair p = random_schema_pair(seed);
        for (const std::string* yaml_text : {&p.from_yaml, &p.to_yaml}) {
            Diagnostics d;
            const Schema yaml = load_text("random.yaml", *yaml_text, d);
            REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
            const std::string label = "seed " + std::to_string(seed) + (yaml_text == &p.from_yaml ? " A" : " B");
            const RoundTrip r = round_trip(db, again, label, yaml);
            ++schemas;
            tables += r.tables;
            for (const auto& [k, n] : r.spellings) spellings[k] += n;
            respelled += r.respelled_checks;
            if (r.failure.empty()) continue;
            if (failed.empty() || failed.back() != seed) failed.push_back(seed);
            if (failed.size() <= 3)
                FAIL_CHECK((label + " (replay: SCHEMAC_INSPECT_SEED=" + std::to_string(seed) + ")\n" + r.failure + "--- YAML:\n" + *yaml_text));
            else
                FAIL_CHECK((label + ": " + r.failure.substr(0, 1000)));
        }
    }
    std::string summary = std::to_string(schemas) + " random schemas (" + std::to_string(tables) + " tables) in " +
                          std::to_string(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()) +
                          " s; spellings before normalising:";
    for (const auto& [k, n] : spellings) summary += " " + k + "=" + std::to_string(n);
    summary += "; checks respelled by a second generation: " + std::to_string(respelled);
    if (!failed.empty()) {
        summary += "; failing seeds:";
        for (auto s : failed) summary += " " + std::to_string(s);
    }
    MESSAGE(summary);
    CHECK(failed.empty());
}

TEST_CASE("inspect: the number of catalog queries does not depend on the number of tables") {
    ScratchDb one, many;
    exec(one, "CREATE TABLE t0 (id serial PRIMARY KEY, name text NOT NULL, CHECK (name <> ''))");
    exec(many,
         "DO $$ BEGIN FOR i IN 0..299 LOOP"
         " EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY, name text NOT NULL UNIQUE, parent int REFERENCES t0,"
         " CHECK (name <> %L))', i, '');"
         " EXECUTE format('CREATE INDEX ON t%s (lower(name)) WHERE parent IS NOT NULL', i);"
         " EXECUTE format('COMMENT ON TABLE t%s IS %L', i, 'table ' || i);"
         " END LOOP; END $$");
    const auto start = std::chrono::steady_clock::now();
    const catalog::Snapshot a = catalog::read_catalog(one.conninfo(), {});
    const auto middle = std::chrono::steady_clock::now();
    const catalog::Snapshot b = catalog::read_catalog(many.conninfo(), {});
    const auto end = std::chrono::steady_clock::now();
    REQUIRE(a.tables.size() == 1);
    REQUIRE(b.tables.size() == 300);
    CHECK(a.queries == b.queries);
    CHECK(a.queries == 9);
    CHECK(b.tables[299].name == "t99");   // sorted bytewise
    CHECK(b.tables[5].indexes.size() == 3);
    CHECK(b.tables[5].comment.rfind("table ", 0) == 0);
    Diagnostics d;
    Schema s = schema_from_catalog(b, "db", d);
    analyze(s, schemac::sql::postgres::rules(), d);
    CHECK_MESSAGE(d.all().empty(), render_text(d));
    MESSAGE(("catalog queries: " + std::to_string(a.queries) + " for 1 table (" +
             std::to_string(std::chrono::duration<double>(middle - start).count()) + " s), " + std::to_string(b.queries) +
             " for 300 tables (" + std::to_string(std::chrono::duration<double>(end - middle).count()) + " s)"));
}

TEST_CASE("inspect: objects the schema language cannot express are listed as warnings") {
    ScratchDb db;
    exec(db,
         "CREATE TABLE t (id int PRIMARY KEY, owner text);"
         "CREATE VIEW v AS SELECT id FROM t;"
         "CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;"
         "CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS $$ SELECT a $$;"
         "CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
         "CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$;"
         "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();"
         "CREATE CONSTRAINT TRIGGER ctrg AFTER INSERT ON t DEFERRABLE FOR EACH ROW EXECUTE FUNCTION tf();"
         "ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
         "CREATE POLICY pol ON t USING (owner = current_user);"
         "CREATE RULE r AS ON UPDATE TO v DO INSTEAD NOTHING;"
         "CREATE SEQUENCE standalone;"
         "CREATE DOMAIN positive AS integer CHECK (VALUE > 0);"
         "CREATE TYPE pair AS (a int, b int);"
         "CREATE UNLOGGED TABLE scratch (x int);"
         "CREATE SCHEMA other; CREATE VIEW other.w AS SELECT 1 AS one;"
         "CREATE TABLE hidden (id int); CREATE TRIGGER trg2 BEFORE INSERT ON hidden FOR EACH ROW EXECUTE FUNCTION tf();");
    catalog::ReadOptions o;
    o.schemas = {"public"};
    o.exclude_tables = {"public.hidden"};
    const catalog::Snapshot snap = catalog::read_catalog(db.conninfo(), o);
    std::set<std::string> listed;
    for (const auto& u : snap.unsupported) listed.insert(u.kind + " " + u.name);
    const std::set<std::string> expected = {
        "view public.v", "materialized view public.mv", "function public.f(a integer)", "function public.tf()", "procedure public.p()",
        "trigger trg on public.t", "constraint trigger ctrg on public.t", "policy pol on public.t", "rule r on public.v",
        "sequence public.standalone", "domain public.positive", "composite type public.pair"};
    CHECK(listed == expected);
    std::vector<std::string> names;
    for (const auto& t : snap.tables) names.push_back(t.name);
    CHECK(names == std::vector<std::string>{"scratch", "t"});
    CHECK(snap.schemas == std::vector<std::string>{"public"});
    Diagnostics d;
    schema_from_catalog(snap, "db", d);
    CHECK(d.error_count() == 0);
    // Row level security and UNLOGGED are part of the language: no warning.
    CHECK(d.warning_count() == expected.size());
    CHECK(has(d, Severity::Warning, "unsupported-object",
              "view public.v is not part of the schema language: it is left out of the model, and plans never create, change or drop it"));
    CHECK(has(d, Severity::Warning, "unsupported-object", "trigger trg on public.t is not part of the schema language"));
    CHECK(has(d, Severity::Warning, "unsupported-object", "policy pol on public.t is not part of the schema language"));
    CHECK(has(d, Severity::Warning, "unsupported-object", "sequence public.standalone is not part of the schema language"));
    CHECK(has(d, Severity::Warning, "unsupported-object", "domain public.positive is not part of the schema language"));
    CHECK(has(d, Severity::Warning, "unsupported-object", "function public.f(a integer) is not part of the schema language"));
    // Without a filter, the other schema's view is there too.
    const catalog::Snapshot all = catalog::read_catalog(db.conninfo(), {});
    bool other = false;
    for (const auto& u : all.unsupported) other = other || (u.kind == "view" && u.name == "other.w");
    CHECK(other);
    CHECK(all.schemas == std::vector<std::string>{"other", "public"});
}

TEST_CASE("inspect: parts of tables the schema language cannot express are errors naming the table") {
    ScratchDb db;
    exec(db,
         "CREATE EXTENSION IF NOT EXISTS btree_gist;"   // an extension's objects are not listed, the extension is
         "CREATE TABLE a (id int PRIMARY KEY, doubled int GENERATED ALWAYS AS (id * 2) STORED, c text COLLATE \"C\","
         " tz time with time zone, small smallserial, during tsrange,"
         " EXCLUDE USING gist (during WITH &&), CONSTRAINT ni CHECK (id > 0) NO INHERIT);"
         "CREATE TABLE b (id int, a_id int, CONSTRAINT b_key UNIQUE (id) INCLUDE (a_id),"
         " CONSTRAINT fk_full FOREIGN KEY (a_id) REFERENCES a MATCH FULL,"
         " CONSTRAINT fk_def FOREIGN KEY (a_id) REFERENCES a DEFERRABLE INITIALLY DEFERRED);"
         "CREATE INDEX b_pattern ON b (CAST(id AS text) text_pattern_ops);"
         "CREATE INDEX b_spg ON b USING spgist (CAST(id AS text));"
         "CREATE TABLE parted (id int, at date) PARTITION BY RANGE (at);"
         "CREATE TABLE part1 PARTITION OF parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
         "CREATE TABLE child () INHERITS (b);"
         "ALTER TABLE b ADD CONSTRAINT later CHECK (id > 0) NOT VALID;"
         "CREATE TABLE c (id int UNIQUE NULLS NOT DISTINCT);"
         "CREATE TABLE d (id serial NOT NULL);"
         "ALTER SEQUENCE d_id_seq RENAME TO d_ids;");
    const catalog::Snapshot snap = catalog::read_catalog(db.conninfo(), {});
    Diagnostics d;
    const Schema s = schema_from_catalog(snap, "user@host/db", d);
    const std::string text = render_text(d);
    CAPTURE(text);
    for (const auto& x : d.all()) CHECK(x.pos.file_name() == "user@host/db");
    auto error = [&](const std::string& t) { CHECK_MESSAGE(has(d, Severity::Error, "unsupported-feature", t), t); };
    // A generated column is the language's, its expression as the server prints it.
    CHECK(s.find_table({"public", "a"})->find_column("doubled")->generated == "id * 2");
    CHECK(s.find_table({"public", "a"})->find_column("c")->collation == "C");   // a column's collation is the language's
    CHECK(s.find_table({"public", "a"})->find_column("tz")->type.kind == TypeKind::TimeTz);
    CHECK(s.find_table({"public", "a"})->find_column("small")->type.kind == TypeKind::SmallSerial);
    error("column public.a.during has type tsrange, which the schema language does not have");
    error("constraint a_during_excl of table public.a is an exclusion constraint");
    error("check ni of table public.a is NO INHERIT");
    error("unique constraint b_key of table public.b has INCLUDE columns");
    // A foreign key's MATCH FULL and DEFERRABLE are the language's.
    for (const auto& f : s.find_table({"public", "b"})->foreign_keys) {
        if (f.name == "fk_full") CHECK(f.match_full);
        if (f.name == "fk_def") CHECK(f.deferrable == Deferrable::InitiallyDeferred);
    }
    // An index's own operator class is the language's (unique constraints' are not).
    CHECK(s.find_table({"public", "b"})->indexes.at(0).elements.at(0).opclass == "text_pattern_ops");
    error("index public.b_spg on table public.b uses access method spgist");
    error("table public.parted is partitioned");
    error("table public.part1 inherits from (or is a partition of) public.parted");
    error("table public.child inherits from (or is a partition of) public.b");
    error("unique constraint c_id_key of table public.c is NULLS NOT DISTINCT");
    CHECK(has(d, Severity::Warning, "not-valid", "check later of table public.b is NOT VALID"));
    // An extension is the language's: its name, version and schema.
    REQUIRE(s.find_extension("btree_gist"));
    CHECK(s.find_extension("btree_gist")->schema == "public");
    CHECK(!s.find_extension("btree_gist")->version.empty());
    CHECK(has(d, Severity::Warning, "serial-sequence-name",
              "column public.d.id is serial with sequence public.d_ids, not public.d_id_seq as PostgreSQL names it"));
    CHECK(s.find_table({"public", "d"})->columns[0].type.kind == TypeKind::Serial);
    // Nothing of btree_gist (its functions, operators, types) is listed.
    for (const auto& u : snap.unsupported) CHECK_MESSAGE(false, (u.kind + " " + u.name));
}

TEST_CASE("inspect: read_catalog_after sees the statements' objects and leaves nothing behind") {
    ScratchDb db;
    const catalog::Snapshot s = catalog::read_catalog_after(
        db.conninfo(), {"CREATE SCHEMA x", "CREATE TABLE x.t (id int PRIMARY KEY, at timestamptz DEFAULT '2024-01-01 12:00+02')"}, {});
    REQUIRE(s.tables.size() == 1);
    CHECK(s.tables[0].schema == "x");
    // Read with TimeZone UTC and ISO dates whatever the session says.
    CHECK(s.tables[0].columns[1].default_expr == "'2024-01-01 10:00:00+00'::timestamp with time zone");
    CHECK(catalog::read_catalog(db.conninfo(), {}).tables.empty());
    const std::string e = error_of([&] {
        catalog::read_catalog_after(db.conninfo(), {"CREATE TABLE ok (id int)", "CREATE TABLE bad (id nosuchtype)\n-- more"}, {});
    });
    CHECK(e == "statement 2 of 2 failed: CREATE TABLE bad (id nosuchtype)...: type \"nosuchtype\" does not exist");
    CHECK(catalog::read_catalog(db.conninfo(), {}).tables.empty());
    const std::string c = error_of([&] { catalog::read_catalog("host=/nonexistent/dir dbname=x connect_timeout=1", {}); });
    CHECK(c.rfind("cannot connect: ", 0) == 0);
}

TEST_CASE("inspect: normalising through the server maps scratch schemas back, also inside expressions") {
    ScratchDb db;
    Diagnostics d;
    const Schema yaml = load_text("n.yaml",
                                  "schema: Market\n"
                                  "enums:\n  side: [buy, sell]\n"
                                  "tables:\n"
                                  "  orders:\n"
                                  "    columns:\n"
                                  "      id: serial\n"
                                  "      side: {type: side, default: buy}\n"
                                  "      price: {type: 'numeric(10,2)', default: 1.5}\n"
                                  "      wait: {type: interval, default: 5 minutes}\n"
                                  "      tags: {type: 'text[]', default: {sql: \"'{}'\"}}\n"
                                  "    primary_key: [id]\n"
                                  "    checks:\n"
                                  "      ck_side: side <> 'sell'::\"Market\".side OR price > 0\n"
                                  "    indexes:\n"
                                  "      - columns: [{expr: \"price * 2\"}, {column: side, nulls: last}]\n"
                                  "        where: side = 'buy'\n",
                                  d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    const Schema n = normalize_through_server(yaml, db.conninfo(), d);
    CHECK_MESSAGE(d.all().empty(), render_text(d));
    const Table& t = n.tables[0];
    CHECK(t.name == QualifiedName{"Market", "orders"});
    CHECK(t.columns[1].type.enum_name == QualifiedName{"Market", "side"});
    CHECK(t.columns[1].default_value->text == "buy");
    CHECK(t.columns[2].default_value->text == "1.5");
    CHECK(t.columns[3].default_value->text == "00:05:00");
    CHECK(t.columns[4].default_value->kind == Value::Kind::Array);
    CHECK(t.checks[0].expr == "side <> 'sell'::\"Market\".side OR price > 0::numeric");
    CHECK(t.indexes[0].elements[0].expr == "price * 2::numeric");
    CHECK(t.indexes[0].elements[1].nulls == NullsOrder::Default);
    CHECK(t.indexes[0].where == "side = 'buy'::\"Market\".side");
    CHECK(catalog::read_catalog(db.conninfo(), {}).tables.empty());
}

// Values, not spellings: a Scalar is written back as a quoted literal, so a
// default written as 0.1 comes back stored as '0.1'::double precision; what
// must not change is the value the model says.
TEST_CASE("inspect: defaults written by hand in SQL come back exactly (a database created from the model has the same model)") {
    ScratchDb db, again;
    exec(db,
         "CREATE SCHEMA \"Mixed\";"
         "CREATE TYPE \"Mixed\".\"Side\" AS ENUM ('buy', 'it''s', 'with space');"
         "CREATE TABLE \"Mixed\".zoo ("
         " i int DEFAULT -1, b bigint DEFAULT -5000000000, s smallint DEFAULT 7, bi bigint DEFAULT 3,"
         " n numeric(10,2) DEFAULT -1.5, nn numeric DEFAULT 'NaN', n0 numeric(5,0) DEFAULT 12,"
         " d double precision DEFAULT '-Infinity', d2 double precision DEFAULT 1e-7, d3 double precision DEFAULT 0.1,"
         " r real DEFAULT 0.1, r2 real DEFAULT '1e30',"
         " v varchar(20) DEFAULT 'it''s \\ a \"test\" ', t text DEFAULT E'line\\nbreak\\ttab', u text DEFAULT 'ünï ✓',"
         " e text DEFAULT '', c char(3) DEFAULT 'ab', vt varchar(10) DEFAULT 'x'::text,"
         " bo boolean DEFAULT false, da date DEFAULT '2024-02-29', ti time(3) DEFAULT '23:59:59.999',"
         " ts timestamp DEFAULT '2024-01-01 10:00:00.123456', tz timestamptz(2) DEFAULT '2024-06-01 12:00+05:30',"
         " iv interval DEFAULT '-1 year -2 mons +3 days -04:05:06.5', iv2 interval DEFAULT 'P1DT2H',"
         " uu uuid DEFAULT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', j json DEFAULT '{\"a\": [1, \"x''y\"]}',"
         " jb jsonb DEFAULT '{\"b\": {\"c\": null}, \"a\": 1}', by bytea DEFAULT '\\xDEADbeef',"
         " en \"Mixed\".\"Side\" DEFAULT 'it''s', ea \"Mixed\".\"Side\"[] DEFAULT '{with space,buy}',"
         " ta text[] DEFAULT '{\"a,b\",\"{c}\",\"NULL\",NULL,\"q\\\"uote\",\"back\\\\slash\",\"\"}',"
         " ia int[] DEFAULT ARRAY[1, -2, NULL], na numeric(4,1)[] DEFAULT '{1.5,-2}', va varchar(3)[] DEFAULT ARRAY['ab', 'c'],"
         " ba boolean[] DEFAULT '{t,f}', da2 date[] DEFAULT '{2024-01-01,infinity}', ja jsonb[] DEFAULT ARRAY['{\"k\": 1}'::jsonb],"
         " ex int DEFAULT (40 + 2), nowish timestamptz DEFAULT now(), g uuid DEFAULT gen_random_uuid(),"
         " id bigserial PRIMARY KEY, ident int GENERATED BY DEFAULT AS IDENTITY)");
    const catalog::Snapshot snap = catalog::read_catalog(db.conninfo(), {});
    Diagnostics d;
    Schema live = schema_from_catalog(snap, "db", d);
    analyze(live, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(d.all().empty(), render_text(d));
    std::map<std::string, std::string> shown;
    for (const auto& c : live.tables.at(0).columns) {
        if (!c.default_value) continue;
        const Value& v = *c.default_value;
        std::string s = v.kind == Value::Kind::Sql ? "{sql: " + v.text + "}" : v.kind == Value::Kind::Scalar ? "'" + v.text + "'" : "[";
        for (const auto& item : v.items) s += (s.size() > 1 ? ", " : "") + (item.kind == Value::Kind::Null ? "null" : "'" + item.text + "'");
        if (v.kind == Value::Kind::Array) s += "]";
        shown[c.name] = s;
    }
    const std::map<std::string, std::string> expected = {
        {"i", "'-1'"}, {"b", "'-5000000000'"}, {"s", "'7'"}, {"bi", "'3'"}, {"n", "'-1.5'"}, {"nn", "'NaN'"}, {"n0", "'12'"},
        {"d", "'-Infinity'"}, {"d2", "'1e-07'"}, {"d3", "'0.1'"}, {"r", "'0.1'"}, {"r2", "'1e+30'"},
        {"v", "'it's \\ a \"test\" '"}, {"t", "'line\nbreak\ttab'"}, {"u", "'ünï ✓'"}, {"e", "''"}, {"c", "'ab'"}, {"vt", "'x'"},
        {"bo", "'false'"}, {"da", "'2024-02-29'"}, {"ti", "'23:59:59.999'"}, {"ts", "'2024-01-01 10:00:00.123456'"},
        {"tz", "'2024-06-01 06:30:00+00'"}, {"iv", "'-1 years -2 mons +3 days -04:05:06.5'"}, {"iv2", "'1 day 02:00:00'"},
        {"uu", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'"}, {"j", "'{\"a\": [1, \"x'y\"]}'"}, {"jb", "'{\"a\": 1, \"b\": {\"c\": null}}'"},
        {"by", "'\\xdeadbeef'"}, {"en", "'it's'"}, {"ea", "['with space', 'buy']"},
        {"ta", "['a,b', '{c}', 'NULL', null, 'q\"uote', 'back\\slash', '']"}, {"ia", "['1', '-2', null]"},
        {"na", "['1.5', '-2']"}, {"va", "['ab', 'c']"}, {"ba", "['true', 'false']"}, {"da2", "['2024-01-01', 'infinity']"},
        {"ja", "['{\"k\": 1}']"}, {"ex", "{sql: 40 + 2}"}, {"nowish", "{sql: now()}"}, {"g", "{sql: gen_random_uuid()}"},
    };
    for (const auto& entry : expected) {   // not a structured binding: clang 14 cannot capture one (CAPTURE)
        const std::string& name = entry.first;
        CAPTURE(name);
        CHECK(shown[name] == entry.second);
    }
    CHECK(shown.size() == expected.size());
    create(again.conn(), live);
    Schema second = schema_from_catalog(catalog::read_catalog(again.conninfo(), {}), "again", d);
    analyze(second, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(d.all().empty(), render_text(d));
    CHECK(plan_summary(live, second) == "");
    CHECK(plan_summary(second, live) == "");
}

// PostgreSQL prints some checks in a form that parses back to another tree
// (see normalize.hpp): YAML imported from a database then disagrees with it
// after one round of normalising; both sides normalised to a fixed point agree,
// and so do the YAML as people wrote it and the database.
TEST_CASE("inspect: imported YAML and its database agree once both are normalised to a fixed point") {
    Diagnostics d;
    Schema yaml = load_schema({SCHEMAC_SOURCE_DIR "/schema"}, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    for (auto& t : yaml.tables) {
        t.seed.reset();
        t.hypertable.reset();   // no TimescaleDB here
    }
    ScratchDb db;
    create(db.conn(), yaml);
    Schema live = schema_from_catalog(catalog::read_catalog(db.conninfo(), {}), "db", d);
    analyze(live, schemac::sql::postgres::rules(), d);
    const Schema imported = load_text("imported.yaml", write_schema_yaml(live, "imported"), d);
    REQUIRE_MESSAGE(d.all().empty(), render_text(d));

    std::vector<diff::Change> one_round;
    plan_summary(normalize_through_server(imported, db.conninfo(), d), live, &one_round);
    int checks = 0;
    for (const auto& c : one_round) checks += std::holds_alternative<diff::AddCheck>(c);
    CHECK(checks == 5);   // the five `IN (...)` checks on varchar columns of schema/

    const Schema live_fixed = normalize_to_fixed_point(live, db.conninfo(), d);
    CHECK(plan_summary(normalize_to_fixed_point(imported, db.conninfo(), d), live_fixed) == "");
    CHECK(plan_summary(normalize_to_fixed_point(yaml, db.conninfo(), d), live_fixed) == "");
    CHECK(plan_summary(live_fixed, normalize_to_fixed_point(yaml, db.conninfo(), d)) == "");
    CHECK_MESSAGE(d.all().empty(), render_text(d));
}
