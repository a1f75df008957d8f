// A raw SQL expression may call set_config(): a check evaluated by a seed row,
// a backfill, a default. Changing client_encoding (to SJIS, where a backslash
// can be the second byte of a character) moves where a later string literal of
// the same file ends; changing TimeZone or IntervalStyle changes what a later
// literal means. The runner sends each statement alone through the extended
// protocol, checks client_encoding after each and every pinned setting before
// a file commits: such a file is rolled back, and nothing its literals hid runs.
#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <filesystem>
#include <fstream>
#include <string>

#include "child_process.hpp"
#include "scratch_db.hpp"

namespace fs = std::filesystem;
using schemac::test::Outcome;
using schemac::test::ScratchDb;
using schemac::test::Workdir;
using schemac::test::write_text;

namespace {

std::string tables_of(ScratchDb& db) {
    pqxx::nontransaction tx{db.conn()};
    return tx.exec1("SELECT coalesce(string_agg(tablename, ' ' ORDER BY tablename), '') FROM pg_tables"
                    " WHERE schemaname = 'public'")[0]
        .as<std::string>();
}

struct Case {
    const char* name;
    const char* yaml;      // schema/s.yaml, diffed into one migration
    const char* changed;   // the phrase the runner must print
};

// Both kinds, each as the statement that changes the setting and a later
// literal that the change would subvert.
const Case kCases[] = {
    {"client_encoding SJIS and backslash_quote through a check, then a seed string that would end early",
     R"yaml(tables:
  a_first:
    columns:
      id: integer
    primary_key: [id]
    checks:
      ck_enc: "set_config('client_encoding', 'SJIS', true) || set_config('backslash_quote', 'on', true) <> ''"
    seed:
      - {id: 1}
  b_second:
    columns:
      id: integer
      v: text
    primary_key: [id]
    seed:
      - {id: 1, v: "\u00c1\\'); CREATE TABLE public.pwned_enc(x int); --"}
)yaml",
     "client_encoding is 'SJIS', not 'UTF8'"},
    {"TimeZone and IntervalStyle through a check, then timestamp and interval literals",
     R"yaml(tables:
  a_first:
    columns:
      id: integer
    primary_key: [id]
    checks:
      ck_tz: "set_config('TimeZone', 'Pacific/Kiritimati', true) || set_config('IntervalStyle', 'sql_standard', true) <> ''"
    seed:
      - {id: 1}
  b_second:
    columns:
      id: integer
      ts: timestamptz
      iv: interval
    primary_key: [id]
    seed:
      - {id: 1, ts: "2020-01-01 00:00:00+00", iv: "-1 days 02:00:00"}
)yaml",
     "IntervalStyle is 'sql_standard', not 'postgres', TimeZone is 'Pacific/Kiritimati', not 'UTC'"},
};

}  // namespace

TEST_CASE("settings changed inside a migration file: the file is rolled back and nothing its literals hid runs") {
    for (const Case& c : kCases) {
        CAPTURE(c.name);
        ScratchDb db;
        Workdir w("schemac-set-in-file");
        write_text(w.root() / "schema" / "s.yaml", c.yaml);
        const fs::path dir = w.root() / "migrations";
        const Outcome diff = w.run({"diff", "-m", "setting", "--dir", dir.string(), (w.root() / "schema").string()});
        REQUIRE_MESSAGE(diff.code == 0, diff.err);
        const Outcome apply = w.run({"apply", "--db", db.conninfo(), "--dir", dir.string()});
        CAPTURE(apply.err);
        CHECK(apply.code == 1);
        CHECK(apply.err.find("it changed settings schemac pins for the SQL it writes (" + std::string(c.changed) + ")") !=
              std::string::npos);
        CHECK(apply.err.find("0001 was rolled back as a whole; the database stays at version 0000") != std::string::npos);
        CHECK(tables_of(db) == "schemac_migrations schemac_migrations_log");   // no pwned_enc, no a_first
    }
}

TEST_CASE("settings changed inside a migration file: a hand-written SET of a pinned setting is refused, other SETs are not") {
    ScratchDb db;
    Workdir w("schemac-set-in-file");
    const fs::path dir = w.root() / "migrations";
    write_text(dir / "0001_ok.up.sql", "SET LOCAL lock_timeout = '5s';\nCREATE TABLE fine (x int);\n");
    write_text(dir / "0002_zone.up.sql",
               "SET TimeZone = 'Pacific/Kiritimati';\nCREATE TABLE zoned AS SELECT '2020-01-01 00:00:00'::timestamptz AS at;\n");
    const Outcome apply = w.run({"apply", "--db", db.conninfo(), "--dir", dir.string()});
    CAPTURE(apply.err);
    CHECK(apply.code == 1);
    CHECK(apply.err.find("0002_zone.up.sql:2: statement 2 of 2 (or one before it) failed: ") != std::string::npos);
    CHECK(apply.err.find("(TimeZone is 'Pacific/Kiritimati', not 'UTC')") != std::string::npos);
    CHECK(tables_of(db) == "fine schemac_migrations schemac_migrations_log");
}

TEST_CASE("settings changed inside a migration file: a non-transactional file stops at the statement that changed one") {
    ScratchDb db;
    Workdir w("schemac-set-in-file");
    const fs::path dir = w.root() / "migrations";
    write_text(dir / "0001_nt.up.sql",
               "-- schemac:no-transaction\nCREATE TABLE first_one (x int);\nSET client_encoding = 'SJIS';\nCREATE TABLE never (x int);\n");
    const Outcome apply = w.run({"apply", "--db", db.conninfo(), "--dir", dir.string()});
    CAPTURE(apply.err);
    CHECK(apply.code == 1);
    CHECK(apply.err.find("0001_nt.up.sql:3: statement 2 of 3 failed: SET client_encoding = 'SJIS'") != std::string::npos);
    CHECK(apply.err.find("(client_encoding is 'SJIS', not 'UTF8')") != std::string::npos);
    CHECK(apply.err.find("statements 1-1 are applied and recorded") != std::string::npos);
    CHECK(tables_of(db) == "first_one schemac_migrations schemac_migrations_log");
}
