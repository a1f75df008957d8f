// A database whose settings contradict what generated SQL assumes
// (standard_conforming_strings off, day-first dates, a far time zone, SQL
// standard intervals, a search_path that shadows pg_catalog, escape bytea,
// LATIN1 client encoding): `schemac diff`, `apply`, `verify` and `plan` as
// child processes store exactly what the YAML says, run nothing it does not,
// and see no drift afterwards. Also with standard_conforming_strings on.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "catalog_fingerprint.hpp"
#include "child_process.hpp"
#include "schemac/dao/dao.hpp"
#include "scratch_db.hpp"

namespace fs = std::filesystem;
using schemac::test::catalog_fingerprint;
using schemac::test::fingerprint_diff;
using schemac::test::Outcome;
using schemac::test::ScratchDb;
using schemac::test::Workdir;
using schemac::test::write_text;

namespace {

// Seeds and comments that close a '...' literal early when backslashes are escapes.
const std::string kInjection = "\\'); CREATE TABLE pwned (x int); --";
const std::string kComment = "it's \"quoted\" and ends in C:\\";

const std::string kSchema = R"yaml(enums:
  path_kind: ['plain', 'back\slash', 'it''s']
tables:
  notes:
    comment: 'it''s "quoted" and ends in C:\'
    columns:
      id: integer
      body: text
      path: {type: text, default: 'C:\dir\'}
      kind: {type: path_kind, default: 'back\slash'}
      raw: bytea?
      day: date?
      at: timestamptz?
      span: interval?
      lowered: {type: text, default: {sql: "lower('ABC')"}}
      tags: text[]?
      ratio: {type: double precision, default: 0.1}
    primary_key: [id]
    seed:
      - {id: 1, body: '\''); CREATE TABLE pwned (x int); --'}
      - {id: 2, body: 'C:\dir\', raw: '\x0102ff', day: '2024-02-03', at: '2024-01-02 03:04:05', span: '1 day 02:00:00', tags: ['a\b', null]}
      - {id: 3, body: "caf\u00e9 \u20ac"}
)yaml";

// Every setting a database may carry that changes what a statement means.
void make_hostile(ScratchDb& db, bool standard_conforming_strings) {
    pqxx::nontransaction tx{db.conn()};
    const std::string name = tx.quote_name(db.name());
    tx.exec0("CREATE SCHEMA odd");
    // Earlier in the path than pg_catalog: lower() would be this one.
    tx.exec0("CREATE FUNCTION odd.lower(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT 'shadowed'::text$$");
    // Where an extension's functions may live: still found.
    tx.exec0("CREATE SCHEMA ext");
    tx.exec0("CREATE FUNCTION ext.ext_answer() RETURNS int LANGUAGE sql IMMUTABLE AS $$SELECT 42$$");
    for (const std::string& setting : {std::string("standard_conforming_strings = ") + (standard_conforming_strings ? "on" : "off"),
                                      std::string("DateStyle = 'SQL, DMY'"), std::string("TimeZone = 'Asia/Kathmandu'"),
                                      std::string("IntervalStyle = sql_standard"), std::string("search_path = odd, pg_catalog, public, ext"),
                                      std::string("bytea_output = escape"), std::string("client_encoding = 'LATIN1'"),
                                      std::string("extra_float_digits = -15"), std::string("array_nulls = off")})
        tx.exec0("ALTER DATABASE " + name + " SET " + setting);
}

std::string text_of(pqxx::nontransaction& tx, const std::string& sql) {
    const auto r = tx.exec(sql);
    return r.empty() || r[0][0].is_null() ? "<null>" : r[0][0].as<std::string>();
}

// The seeded rows, as text the connection's settings do not change.
std::string rows_of(pqxx::nontransaction& tx) {
    return "\nrows " + text_of(tx, "SELECT string_agg(encode(convert_to(row_to_json(n)::text, 'UTF8'), 'hex'), ',' ORDER BY id) "
                                   "FROM public.notes n");
}

void run_ok(Workdir& w, const std::vector<std::string>& args, const std::string& what) {
    const Outcome o = w.run(args);
    CAPTURE(what);
    CAPTURE(o.out);
    CAPTURE(o.err);
    CHECK(o.code == 0);
}

}  // namespace

TEST_CASE("hostile settings: apply stores what the YAML says and runs nothing else, whatever the database sets") {
    for (bool scs : {false, true}) {
        CAPTURE(scs);
        ScratchDb db;
        make_hostile(db, scs);
        Workdir w("schemac-hostile");
        write_text(w.root() / "schema" / "notes.yaml", kSchema);
        const std::string dir = (w.root() / "migrations").string();
        run_ok(w, {"diff", "-m", "notes", "schema", "--dir", dir}, "diff");
        run_ok(w, {"apply", "--db", db.conninfo(), "--dir", dir}, "apply");

        // The checking session was opened before ALTER DATABASE: server defaults.
        pqxx::nontransaction tx{db.conn()};
        CHECK(text_of(tx, "SELECT count(*) FROM pg_class WHERE relname = 'pwned'") == "0");
        CHECK(text_of(tx, "SELECT body FROM public.notes WHERE id = 1") == kInjection);
        CHECK(text_of(tx, "SELECT body FROM public.notes WHERE id = 2") == "C:\\dir\\");
        CHECK(text_of(tx, "SELECT encode(convert_to(body, 'UTF8'), 'hex') FROM public.notes WHERE id = 3") == "636166c3a920e282ac");
        CHECK(text_of(tx, "SELECT string_agg(DISTINCT path, ',') FROM public.notes") == "C:\\dir\\");
        CHECK(text_of(tx, "SELECT string_agg(DISTINCT kind::text, ',') FROM public.notes") == "back\\slash");
        CHECK(text_of(tx, "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum "
                          "WHERE enumtypid = 'public.path_kind'::regtype") == "plain,back\\slash,it's");
        CHECK(text_of(tx, "SELECT obj_description('public.notes'::regclass, 'pg_class')") == kComment);
        CHECK(text_of(tx, "SELECT encode(raw, 'hex') FROM public.notes WHERE id = 2") == "0102ff");
        CHECK(text_of(tx, "SELECT to_char(day, 'YYYY-MM-DD') FROM public.notes WHERE id = 2") == "2024-02-03");
        CHECK(text_of(tx, "SELECT extract(epoch FROM at)::bigint FROM public.notes WHERE id = 2") == "1704164645");
        CHECK(text_of(tx, "SELECT extract(epoch FROM span)::bigint FROM public.notes WHERE id = 2") == "93600");
        CHECK(text_of(tx, "SELECT string_agg(DISTINCT lowered, ',') FROM public.notes") == "abc");
        CHECK(text_of(tx, "SELECT tags[1] || ',' || (tags[2] IS NULL)::text FROM public.notes WHERE id = 2") == "a\\b,true");

        // Reading the catalog under the same settings finds what was written,
        // and the commands that only read change nothing.
        pqxx::connection reader{db.conninfo() + " client_encoding=UTF8"};
        const std::string before = catalog_fingerprint(reader) + rows_of(tx);
        run_ok(w, {"verify", "--db", db.conninfo(), "--dir", dir}, "verify");
        const Outcome plan = w.run({"plan", "--from", db.conninfo(), "--to", "schema"});
        CAPTURE(plan.err);
        CHECK(plan.code == 0);
        CHECK(plan.out == "");
        run_ok(w, {"status", "--db", db.conninfo(), "--dir", dir}, "status");
        run_ok(w, {"inspect", "--db", db.conninfo()}, "inspect");
        run_ok(w, {"import", "--db", db.conninfo(), "--out", (w.root() / "imported").string()}, "import");
        run_ok(w, {"apply", "--db", db.conninfo(), "--dir", dir}, "apply again (nothing to do)");
        CHECK(fingerprint_diff(before, catalog_fingerprint(reader) + rows_of(tx)) == "");

        // And the way back removes exactly what the way there created.
        run_ok(w, {"rollback", "--db", db.conninfo(), "--dir", dir, "--allow-destructive"}, "rollback");
        CHECK(text_of(tx, "SELECT count(*) FROM pg_class WHERE relname IN ('notes', 'pwned')") == "0");
        CHECK(text_of(tx, "SELECT count(*) FROM pg_type WHERE typname = 'path_kind'") == "0");
    }
}

// A migration is the user's SQL and may SET what schemac's SQL does not rely
// on (search_path: generated SQL qualifies names): the next file starts from
// the pinned settings again, as it would in a run of its own. (Changing a
// setting the SQL's text depends on is refused: settings_in_file_test.cpp.)
TEST_CASE("hostile settings: each migration file starts from the pinned settings whatever an earlier file SET") {
    ScratchDb db;
    make_hostile(db, false);
    Workdir w("schemac-hostile-set");
    const fs::path dir = w.root() / "migrations";
    write_text(dir / "0001_sets.up.sql",
               "SET search_path = odd, pg_catalog;\nSET lock_timeout = '7s';\n");
    write_text(dir / "0002_later.up.sql",
               "CREATE TABLE later AS SELECT '2024-01-02 03:04:05'::timestamptz AS at, 'a\\b'::text AS body,\n"
               "    lower('ABC') AS lowered, '\xc3\xa9' AS accent, ext_answer() AS answer;\n");
    const Outcome o = w.run({"apply", "--db", db.conninfo(), "--dir", dir.string()});
    CAPTURE(o.out);
    CAPTURE(o.err);
    REQUIRE(o.code == 0);
    pqxx::nontransaction tx{db.conn()};
    CHECK(text_of(tx, "SELECT extract(epoch FROM at)::bigint FROM public.later") == "1704164645");
    CHECK(text_of(tx, "SELECT body FROM public.later") == "a\\b");
    CHECK(text_of(tx, "SELECT lowered FROM public.later") == "abc");
    CHECK(text_of(tx, "SELECT encode(convert_to(accent, 'UTF8'), 'hex') FROM public.later") == "c3a9");
    CHECK(text_of(tx, "SELECT answer FROM public.later") == "42");
}

// The DAOs' own session setup pins what their codecs and named queries assume.
TEST_CASE("hostile settings: pg::prepare_session pins client_encoding and standard_conforming_strings") {
    ScratchDb db;
    make_hostile(db, false);
    pqxx::connection c{db.conninfo()};
    {
        pqxx::nontransaction before{c};
        REQUIRE(text_of(before, "SHOW client_encoding") == "LATIN1");
    }
    {
        pqxx::nontransaction n{c};
        schemac::pg::prepare_session(n);
    }
    pqxx::nontransaction tx{c};
    CHECK(text_of(tx, "SHOW client_encoding") == "UTF8");
    CHECK(text_of(tx, "SHOW standard_conforming_strings") == "on");
    CHECK(text_of(tx, "SELECT 'a\\b'::text") == "a\\b");
    CHECK(text_of(tx, "SELECT encode(convert_to('\xe2\x82\xac', 'UTF8'), 'hex')") == "e282ac");
}
