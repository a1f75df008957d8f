// The limits `check` enforces on PostgreSQL's behalf, asked of the real server:
// for each rule, schemac reports it, and the SQL schemac would generate without
// the rule is refused by PostgreSQL with the expected error class. Also the
// default operator class table against the server, and the serial sequence
// name PostgreSQL picks on a clash.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "load/loader.hpp"
#include "migration_files.hpp"
#include "model/analyze.hpp"
#include "sql/postgres/operator_class.hpp"
#include "scratch_db.hpp"
#include "sql/postgres/rules.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {

std::string columns(int from, int to, const std::string& type) {
    std::string out;
    for (int i = from; i <= to; ++i) out += "      c" + std::to_string(i) + ": " + type + "\n";
    return out;
}

std::string column_list(int n) {
    std::string out;
    for (int i = 1; i <= n; ++i) out += (i > 1 ? ", c" : "c") + std::to_string(i);
    return out;
}

struct LimitCase {
    const char* name;
    std::string yaml;
    const char* code;       // the diagnostic schemac reports
    const char* sqlstate;   // the class (2 characters) or the code PostgreSQL answers with
    // SQL run after the migration: a numeric default is cast to the column
    // type at each insert, so PostgreSQL refuses it only then (every insert fails).
    const char* then = "";
};

std::vector<LimitCase> limit_cases() {
    const std::string t = "tables:\n  t:\n    columns:\n";
    return {
        {"1,601 columns", t + "      id: integer\n" + columns(1, 1600, "integer?"), "too-many-columns", "54011"},
        {"an index of 33 columns", t + columns(1, 33, "integer") + "    indexes:\n      - columns: [" + column_list(33) + "]\n",
         "too-many-columns", "54011"},
        {"a primary key of 33 columns", t + columns(1, 33, "integer") + "    primary_key: [" + column_list(33) + "]\n",
         "too-many-columns", "54011"},
        {"a column named ctid", t + "      ctid: integer\n", "reserved-column", "42701"},
        {"a column named xmin", t + "      xmin: integer\n", "reserved-column", "42701"},
        {"a column named tableoid", t + "      tableoid: integer\n", "reserved-column", "42701"},
        {"json in a primary key", t + "      j: json\n    primary_key: [j]\n", "no-operator-class", "42704"},
        {"json in a unique constraint", t + "      j: json\n    unique:\n      - [j]\n", "no-operator-class", "42704"},
        {"json in a btree index", t + "      j: json\n    indexes:\n      - columns: [j]\n", "no-operator-class", "42704"},
        {"gin on an integer", t + "      i: integer\n    indexes:\n      - columns: [i]\n        method: gin\n", "no-operator-class", "42704"},
        {"gist on text", t + "      s: text\n    indexes:\n      - columns: [s]\n        method: gist\n", "no-operator-class", "42704"},
        {"brin on boolean", t + "      b: boolean\n    indexes:\n      - columns: [b]\n        method: brin\n", "no-operator-class", "42704"},
        {"gin on json[]", t + "      j: json[]\n    indexes:\n      - columns: [j]\n        method: gin\n", "no-operator-class", "42883"},
        {"1e400 as a double precision default", t + "      f: {type: double precision, default: 1e400}\n", "bad-value", "22003", "INSERT INTO t DEFAULT VALUES"},
        {"1e-50 as a real default", t + "      f: {type: real, default: 1e-50}\n", "bad-value", "22003", "INSERT INTO t DEFAULT VALUES"},
        {"1e39 as a real default", t + "      f: {type: real, default: 1e39}\n", "bad-value", "22003", "INSERT INTO t DEFAULT VALUES"},
        {"time 24:00:01", t + "      at: {type: time, default: \"24:00:01\"}\n", "bad-value", "22008"},
        {"interval 999999999999 years", t + "      d: {type: interval, default: 999999999999 years}\n", "bad-value", "22015"},
        {"schema information_schema", "schema: information_schema\n" + t + "      id: integer\n", "bad-identifier", "42P06"},
        {"schema pg_toast", "schema: pg_toast\n" + t + "      id: integer\n", "bad-identifier", "42939"},
        {"schema pg_mine", "schema: pg_mine\n" + t + "      id: integer\n", "bad-identifier", "42939"},
        {"invalid UTF-8 in a comment", t + "      id: integer\n    comment: \"caf\xe9\"\n", "bad-text", "22021"},
        {"invalid UTF-8 in a check", t + "      s: text\n    checks:\n      ck: \"s <> '\xff'\"\n", "bad-text", "22021"},
        {"an identity column whose sequence name is a table", t + "      id: {type: bigint, identity: always}\n  t_id_seq:\n    columns:\n      x: integer?\n",
         "duplicate-name", "42P07"},
        {"an enum label of 64 bytes", "enums:\n  e:\n    values: [" + std::string(64, 'a') + "]\n" + t + "      id: integer\n",
         "bad-enum-value", "42602"},
    };
}

// The model as loaded and analysed, whatever analysis said (names are filled in).
Schema load_unchecked(const std::string& yaml, Diagnostics& d) {
    Schema s;
    load_yaml_text("s.yaml", yaml, s, d);
    analyze(s, schemac::sql::postgres::rules(), d);
    return s;
}

// The SQLSTATE PostgreSQL answers the migration to `s` (then `then`) with, or "" when all runs.
std::string sqlstate_of_applying(const Schema& s, const std::string& then = "") {
    Diagnostics d;
    const MigrationScripts m = migration_scripts(Schema{}, s, d);
    REQUIRE_MESSAGE(m.errors.empty(), m.errors);
    ScratchDb db;
    try {
        for (const auto& script : m.up) {
            REQUIRE(script.transactional);   // every case here is plain DDL: one transaction per file
            pqxx::work tx{db.conn()};
            tx.exec(script.sql);
            tx.commit();
        }
        if (!then.empty()) {
            pqxx::work tx{db.conn()};
            tx.exec(then);
        }
    } catch (const pqxx::sql_error& e) {
        return e.sqlstate();
    }
    return "";
}

}  // namespace

TEST_CASE("check refuses what PostgreSQL refuses, and PostgreSQL does refuse the SQL schemac would write") {
    for (const auto& c : limit_cases()) {
        CAPTURE(std::string(c.name));
        Diagnostics d;
        const Schema s = load_unchecked(c.yaml, d);
        bool reported = false;
        for (const auto& x : d.all()) reported = reported || (x.severity == Severity::Error && x.code == c.code);
        CHECK_MESSAGE(reported, render_text(d));
        const std::string state = sqlstate_of_applying(s, c.then);
        CAPTURE(state);
        CHECK(state.rfind(c.sqlstate, 0) == 0);
    }
}

TEST_CASE("the default operator class table agrees with PostgreSQL for every type the language has") {
    ScratchDb db;
    {
        pqxx::work tx{db.conn()};
        tx.exec0("CREATE TYPE mood AS ENUM ('ok', 'bad')");
        tx.commit();
    }
    const char* spellings[] = {"smallint", "integer", "bigint", "serial", "bigserial", "real", "double precision", "numeric(10,2)",
                               "varchar(10)", "char(2)", "text", "boolean", "date", "time", "timestamp", "timestamptz",
                               "interval", "uuid", "json", "jsonb", "bytea", "mood", "integer[]", "text[]", "json[]",
                               "jsonb[]", "mood[]", "boolean[]", "uuid[]"};
    const char* methods[] = {"btree", "hash", "gin", "gist", "brin"};
    int refused = 0;
    for (const char* spelling : spellings) {
        std::string error;
        const auto type = parse_type(spelling, error);
        REQUIRE_MESSAGE(type, error);
        for (const char* method : methods) {
            CAPTURE(std::string(spelling));
            CAPTURE(std::string(method));
            const bool ours = sql::postgres::has_default_opclass(*type, method);
            std::string pg_error;
            try {
                pqxx::work tx{db.conn()};
                const std::string column_type = std::string(spelling) == "serial" ? "integer" : std::string(spelling) == "bigserial" ? "bigint" : spelling;
                tx.exec0("CREATE TEMP TABLE probe (c " + column_type + ")");
                tx.exec0(std::string("CREATE INDEX ON probe USING ") + method + " (c)");
                // json[] gets btree/hash array_ops, which fail only when two values are compared.
                if (std::string(spelling) == "json[]")
                    tx.exec0("INSERT INTO probe VALUES (ARRAY['{}'::json]), (ARRAY['[]'::json])");
            } catch (const pqxx::sql_error& e) {
                pg_error = e.what();
            }
            CAPTURE(pg_error);
            CHECK(ours == pg_error.empty());
            refused += !ours;
        }
    }
    CHECK(refused > 40);   // the table is not trivially "everything is allowed"
}

TEST_CASE("a serial sequence name that is taken: PostgreSQL fails or picks another name, so check refuses it") {
    const std::string yaml =
        "tables:\n  orders:\n    columns:\n      id: serial\n  orders_id_seq:\n    columns:\n      x: integer?\n";
    Diagnostics d;
    const Schema s = load_unchecked(yaml, d);
    CHECK(render_text(d).find("needs a sequence named 'orders_id_seq'") != std::string::npos);
    // The migration schemac would write creates orders first: its sequence
    // then takes the name the table needs.
    CHECK(sqlstate_of_applying(s) == "42P07");
    // With the other relation there first, PostgreSQL quietly names the
    // sequence orders_id_seq1, a name the model (diff, inspect) cannot predict.
    ScratchDb db;
    pqxx::work tx{db.conn()};
    tx.exec0("CREATE TABLE orders_id_seq (x integer)");
    tx.exec0("CREATE TABLE orders (id serial)");
    CHECK(tx.exec1("SELECT pg_get_serial_sequence('orders', 'id')")[0].as<std::string>() == "public.orders_id_seq1");
}
