// Reading migration files (runtime/core/migration_set.cpp) and hiding passwords
// in connection strings (runtime/migrate/postgres/connection.cpp): no database needed.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "schemac/core/migration_set.hpp"
#include "schemac/migrate/runner.hpp"

using namespace schemac;

namespace {
std::string set_error(const std::vector<MigrationFile>& files) {
    try {
        MigrationSet::from_files(files);
    } catch (const MigrationSetError& e) {
        return e.what();
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("migration set: pairs by version, reads directives and data-loss notes") {
    const auto set = MigrationSet::from_files({
        {"0002_idx.up.sql", "-- schemac migration 0002 up: idx\n-- schemac:no-transaction\n\nCREATE INDEX CONCURRENTLY i ON t (a);\n"},
        {"0001_init.up.sql", "CREATE TABLE t (a int);\n"},
        {"0001_init.down.sql", "-- undo + table t\n--   data-loss: drops table t with every row\nDROP TABLE t;\n"},
        {"0002_idx.down.sql", "DROP INDEX i;\n"},
        {"schemac.sum", "ignored"},
        {"schema.snapshot.yaml", "ignored"},
    });
    REQUIRE(set.migrations().size() == 2);
    const Migration& m1 = set.migrations()[0];
    CHECK(m1.version == 1);
    CHECK(m1.name == "init");
    CHECK(m1.up.transactional);
    CHECK(m1.down_destructive);
    CHECK(m1.checksum == migration_checksum("CREATE TABLE t (a int);\n"));
    const Migration& m2 = set.migrations()[1];
    CHECK_FALSE(m2.up.transactional);
    CHECK(m2.down->transactional);
    CHECK_FALSE(m2.down_destructive);
    CHECK(set.find(2) == &m2);
    CHECK(set.find(3) == nullptr);
    CHECK(set.last_version() == 2);
}

TEST_CASE("migration set: a directive counts only in the header, and CRLF hashes like LF") {
    const auto set = MigrationSet::from_files({
        {"0001_a.up.sql", "CREATE TABLE t (a int);\n-- schemac:no-transaction\n"},
        {"0001_a.down.sql", "-- schemac:destructive\nDROP TABLE t;\n"},
        {"0002_b.up.sql", "-- x\r\n-- schemac:no-transaction\r\nSELECT 1;\r\n"},
    });
    CHECK(set.migrations()[0].up.transactional);
    CHECK(set.migrations()[0].down_destructive);
    CHECK_FALSE(set.migrations()[1].up.transactional);
    CHECK(migration_checksum("a\r\nb\rc\n") == migration_checksum("a\nb\nc\n"));
    CHECK(migration_checksum("").size() == 7 + 64);
}

TEST_CASE("migration set: malformed sets are refused with the file named") {
    struct Case {
        std::vector<MigrationFile> files;
        std::string error;
    };
    const std::vector<Case> cases = {
        {{{"1_a.txt.sql", ""}}, "1_a.txt.sql: not a migration file name (expected NNNN_name.up.sql, NNNN_name.down.sql or NNNN_name.sql)"},
        {{{"0001_a.sql", ""}, {"0001_a.down.sql", ""}},
         "0001_a.down.sql: 0001_a.sql is an up-only file (NNNN_name.sql); name it 0001_a.up.sql to pair it with a down file"},
        {{{"0001_a-b.up.sql", ""}}, "0001_a-b.up.sql: not a migration file name (expected NNNN_name.up.sql, NNNN_name.down.sql or NNNN_name.sql)"},
        {{{"0000_zero.up.sql", ""}}, "0000_zero.up.sql: not a migration file name (expected NNNN_name.up.sql, NNNN_name.down.sql or NNNN_name.sql)"},
        {{{"0001_.up.sql", ""}}, "0001_.up.sql: not a migration file name (expected NNNN_name.up.sql, NNNN_name.down.sql or NNNN_name.sql)"},
        {{{"0001_a.up.sql", ""}, {"0001_b.up.sql", ""}},
         "0001_b.up.sql: version 1 is also 0001_a.up.sql (two branches each added a migration: renumber one with schemac diff)"},
        {{{"0001_a.down.sql", ""}}, "0001_a.down.sql: has no matching .up.sql file"},
        {{{"0001_a.up.sql", ""}, {"0001_b.down.sql", ""}}, "0001_b.down.sql: does not match 0001_a.up.sql (same version, other name)"},
        {{{"0001_a.up.sql", "-- schemac: no-transaction\nSELECT 1;\n"}},
         "0001_a.up.sql:1: unknown or misspelt directive '-- schemac: no-transaction': the directives are exactly "
         "'-- schemac:no-transaction', '-- schemac:destructive', '-- schemac:foreign-keys-off' and '-- schemac:approved <who, when>'"},
        {{{"0001_a.up.sql", "-- schemac:approvedby ops\nSELECT 1;\n"}},
         "0001_a.up.sql:1: unknown or misspelt directive '-- schemac:approvedby ops': the directives are exactly "
         "'-- schemac:no-transaction', '-- schemac:destructive', '-- schemac:foreign-keys-off' and '-- schemac:approved <who, when>'"},
        {{{"0001_a.up.sql", "-- schemac:foreign-keys-of\nSELECT 1;\n"}},
         "0001_a.up.sql:1: unknown or misspelt directive '-- schemac:foreign-keys-of': the directives are exactly "
         "'-- schemac:no-transaction', '-- schemac:destructive', '-- schemac:foreign-keys-off' and '-- schemac:approved <who, when>'"},
        {{{"0001_a.up.sql", ""}, {"0001_a.down.sql", "DROP TABLE t;\n--SCHEMAC:DESTRUCTIVE\n"}},
         "0001_a.down.sql:2: unknown or misspelt directive '--SCHEMAC:DESTRUCTIVE': the directives are exactly "
         "'-- schemac:no-transaction', '-- schemac:destructive', '-- schemac:foreign-keys-off' and '-- schemac:approved <who, when>'"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.error);
        CHECK(set_error(c.files) == c.error);
    }
}

TEST_CASE("migration set: NNNN_name.sql, as wrangler writes D1 migrations, is an up file without a down file") {
    const auto set = MigrationSet::from_files({{"0001_initial_schema.sql", "-- Migration number: 0001 \xe2\x8f\xb1\xef\xb8\x8f 2025-12-14T05:30:00Z\n"
                                                                        "CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY);\n"},
                                               {"0002_more.up.sql", "CREATE TABLE u (id int);\n"},
                                               {"0002_more.down.sql", "DROP TABLE u;\n"}});
    REQUIRE(set.migrations().size() == 2);
    CHECK(set.migrations()[0].version == 1);
    CHECK(set.migrations()[0].name == "initial_schema");
    CHECK(set.migrations()[0].up.file == "0001_initial_schema.sql");
    CHECK_FALSE(set.migrations()[0].down.has_value());
    CHECK(set.migrations()[1].down.has_value());
}

TEST_CASE("migration set: from a directory, the same as from memory") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("schemac_set_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "0001_a.up.sql") << "CREATE TABLE a (id int);\n";
    std::ofstream(dir / "0001_a.down.sql") << "DROP TABLE a;\n";
    std::ofstream(dir / "README.md") << "not a migration";
    const auto set = MigrationSet::from_directory(dir.string());
    REQUIRE(set.migrations().size() == 1);
    CHECK(set.migrations()[0].up.sql == "CREATE TABLE a (id int);\n");
    fs::remove_all(dir);
    CHECK_THROWS_WITH_AS(MigrationSet::from_directory(dir.string()), (dir.string() + ": no such migrations directory").c_str(),
                         MigrationSetError);
}

TEST_CASE("conninfo: passwords are hidden in every form libpq accepts") {
    struct Case {
        std::string conninfo, redacted;
    };
    const std::vector<Case> cases = {
        {"postgresql://app:s3cret@db.example:5432/trading", "postgresql://app:***@db.example:5432/trading"},
        {"postgres://app:p%40ss@db/x?sslmode=require", "postgres://app:***@db/x?sslmode=require"},
        {"postgresql://app@db/x?password=s3cret&sslmode=require", "postgresql://app@db/x?password=***&sslmode=require"},
        {"postgresql:///trading?host=/tmp", "postgresql:///trading?host=/tmp"},
        {"host=db user=app password=s3cret dbname=x", "host=db user=app password=*** dbname=x"},
        {"host=db password = 'a b\\'c' dbname=x", "host=db password = *** dbname=x"},
        {"host=/tmp dbname=x", "host=/tmp dbname=x"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.conninfo);
        CHECK(redact_conninfo(c.conninfo) == c.redacted);
    }
    CHECK(scrub_passwords("missing \"=\" after \"s3cret\" in connection info string", "password=s3cret host") ==
          "missing \"=\" after \"***\" in connection info string");
    CHECK(scrub_passwords("bad: p@ss and p%40ss", "postgresql://u:p%40ss@h/d") == "bad: *** and ***");
    CHECK(scrub_passwords("bad: a b'c", "password='a b\\'c'") == "bad: ***");
}

TEST_CASE("version_text: at least 4 digits, as file names write versions") {
    CHECK(schemac::version_text(0) == "0000");
    CHECK(schemac::version_text(3) == "0003");
    CHECK(schemac::version_text(42) == "0042");
    CHECK(schemac::version_text(9999) == "9999");
    CHECK(schemac::version_text(12345) == "12345");
}
