// Does PostgreSQL 15 agree with the rules schemac applies before any SQL runs?
// Literal values, type spellings and default constraint names, each asked of
// the real server.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "sql/postgres/literal.hpp"
#include "sql/postgres/naming.hpp"
#include "sql/postgres/rules.hpp"
#include "../unit/model_builder.hpp"
#include "scratch_db.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {
struct Case {
    const char* type;
    const char* value;
    bool ok;
};
#include "../unit/literal_cases.inc"

// Values PostgreSQL accepts that schemac refuses on purpose, and why.
const std::map<std::pair<std::string, std::string>, const char*> kStricter = {
    {{"numeric(10,2)", "1.123"}, "PostgreSQL rounds the extra decimals away silently"},
    {{"boolean", "yes"}, "one spelling for booleans keeps reviews unambiguous"},
    {{"boolean", "1"}, "one spelling for booleans keeps reviews unambiguous"},
    {{"date", "today"}, "frozen at CREATE time"},
    {{"timestamp", "now"}, "frozen at CREATE time"},
    {{"timestamp", "2024-01-02 03:04:05+02"}, "PostgreSQL drops the zone of a timestamp without time zone silently"},
    {{"timestamptz", "2024-01-02 03:04:05-0530"}, "schemac wants +HH:MM, the ISO 8601 form"},
    {{"bytea", "hello"}, "schemac takes only the unambiguous hex form, not the escape form"},
    {{"bit(8)", "x0F"}, "schemac takes only the binary digits the catalog prints back"},
};

// Assignment, not a cast: a default or a seed row is assigned to its column,
// and an explicit cast to varchar(n) would truncate silently instead of failing.
bool pg_accepts(pqxx::connection& c, const std::string& type, const std::string& value) {
    try {
        pqxx::work tx{c};
        tx.exec0("CREATE TEMP TABLE probe (c " + type + ")");
        tx.exec_params("INSERT INTO probe VALUES ($1)", value);
        return true;
    } catch (const pqxx::data_exception&) {
        return false;
    }
}
}  // namespace

TEST_CASE("PostgreSQL agrees with every literal verdict (or schemac is stricter on purpose)") {
    ScratchDb db;
    int stricter_seen = 0;
    for (const auto& c : kLiteralCases) {
        CAPTURE(std::string(c.type));
        CAPTURE(std::string(c.value));
        const bool pg = pg_accepts(db.conn(), c.type, c.value);
        const auto reason = kStricter.find({c.type, c.value});
        if (c.ok) {
            CHECK(pg);
        } else if (reason != kStricter.end()) {
            ++stricter_seen;
            // If PostgreSQL started rejecting it, the exception list is stale.
            CHECK_MESSAGE(pg, "listed as stricter-on-purpose but PostgreSQL rejects it too");
        } else {
            CHECK_FALSE(pg);
        }
    }
    CHECK(stricter_seen >= 6);
}

TEST_CASE("every canonical type spelling is a PostgreSQL type, and means the same one") {
    ScratchDb db;
    struct T { const char* spelling; const char* pg_format; };
    const T types[] = {
        {"smallint", "smallint"}, {"integer", "integer"}, {"bigint", "bigint"}, {"real", "real"},
        {"double precision", "double precision"}, {"numeric(10,2)", "numeric(10,2)"}, {"numeric", "numeric"},
        {"varchar(20)", "character varying(20)"}, {"varchar", "character varying"}, {"char(1)", "character(1)"},
        {"text", "text"}, {"boolean", "boolean"}, {"date", "date"}, {"time", "time without time zone"},
        {"time(3)", "time(3) without time zone"}, {"timestamp", "timestamp without time zone"},
        {"timestamptz", "timestamp with time zone"}, {"timestamptz(3)", "timestamp(3) with time zone"},
        {"interval", "interval"}, {"uuid", "uuid"}, {"json", "json"}, {"jsonb", "jsonb"}, {"bytea", "bytea"},
        {"text[]", "text[]"}, {"numeric(10,2)[]", "numeric(10,2)[]"}, {"bit(4)", "bit(4)"}, {"varbit(8)", "bit varying(8)"},
        {"varbit", "bit varying"},
    };
    pqxx::work tx{db.conn()};
    for (const auto& t : types) {
        CAPTURE(std::string(t.spelling));
        std::string err;
        auto parsed = parse_type(t.spelling, err);
        REQUIRE(parsed);
        const std::string canonical = parsed->display();
        CHECK(canonical == t.spelling);
        tx.exec0("CREATE TEMP TABLE probe (c " + canonical + ")");
        const auto r = tx.exec1("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'probe'::regclass AND attname = 'c'");
        CHECK(r[0].as<std::string>() == t.pg_format);
        tx.exec0("DROP TABLE probe");
    }
}

TEST_CASE("default constraint and index names match what PostgreSQL chooses") {
    ScratchDb db;
    const std::string long_name = "a_table_name_that_is_quite_long_for_checking_truncation_rules";   // 61 bytes
    Schema s = SchemaBuilder()
                   .table(TableBuilder("accounts").col("id", "bigint").col("email", "text").pk({"id"}).unique({"email"}))
                   .table(TableBuilder(long_name)
                              .col("id", "bigint").col("account_id_with_a_long_column_name", "bigint").col("code", "text")
                              .pk({"id"}).unique({"code", "account_id_with_a_long_column_name"})
                              .fk({"account_id_with_a_long_column_name"}, "accounts")
                              .index({"code"}).index({"code"}).index({"expr:lower(code)"}))
                   .build();
    sql::postgres::assign_default_names(s);
    pqxx::work tx{db.conn()};
    tx.exec0("CREATE TABLE accounts (id bigint PRIMARY KEY, email text UNIQUE)");
    tx.exec0("CREATE TABLE " + long_name +
             " (id bigint PRIMARY KEY, account_id_with_a_long_column_name bigint REFERENCES accounts, code text,"
             " UNIQUE (code, account_id_with_a_long_column_name))");
    tx.exec0("CREATE INDEX ON " + long_name + " (code)");
    tx.exec0("CREATE INDEX ON " + long_name + " (code)");
    tx.exec0("CREATE INDEX ON " + long_name + " (lower(code))");
    std::set<std::string> pg_names;
    for (const auto& row : tx.exec("SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace"))
        pg_names.insert(row[0].as<std::string>());
    for (const auto& row : tx.exec("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
        pg_names.insert(row[0].as<std::string>());
    std::set<std::string> ours;
    for (const auto& t : s.tables) {
        ours.insert(t.primary_key->name);
        for (const auto& u : t.uniques) ours.insert(u.name);
        for (const auto& f : t.foreign_keys) ours.insert(f.name);
        for (const auto& i : t.indexes) ours.insert(i.name);
    }
    CHECK(ours == pg_names);
}

TEST_CASE("PostgreSQL agrees with every verdict on a table's storage parameters (or schemac is stricter on purpose)") {
    // Every parameter against every probe value, written as a plan writes them
    // (unquoted); the verdicts come from the server, none is written here.
    const char* const names[] = {
        "fillfactor", "toast_tuple_target", "parallel_workers", "autovacuum_enabled", "vacuum_index_cleanup", "vacuum_truncate",
        "autovacuum_vacuum_threshold", "autovacuum_vacuum_scale_factor", "autovacuum_vacuum_insert_threshold",
        "autovacuum_vacuum_insert_scale_factor", "autovacuum_analyze_threshold", "autovacuum_analyze_scale_factor",
        "autovacuum_vacuum_cost_delay", "autovacuum_vacuum_cost_limit", "autovacuum_freeze_min_age", "autovacuum_freeze_max_age",
        "autovacuum_freeze_table_age", "autovacuum_multixact_freeze_min_age", "autovacuum_multixact_freeze_max_age",
        "autovacuum_multixact_freeze_table_age", "log_autovacuum_min_duration", "user_catalog_table", "nosuch"};
    const char* const values[] = {"-2", "-1", "0", "1", "9", "10", "100", "101", "127", "128", "8160", "8161", "1024", "1025",
                                  "10000", "10001", "9999", "99999", "100000", "999999999", "1000000000", "1000000001",
                                  "2000000000", "2000000001", "2147483647", "0.5", "100.5", "0.05", ".050", "on", "off",
                                  "true", "false", "yes", "no", "auto", "maybe", "1e3", "t"};
    // Accepted by PostgreSQL, refused by schemac, and why.
    const auto stricter = [](const std::string& name, const std::string& value) -> const char* {
        if (value == "1e3") return "numbers are written out, as the catalog keeps them";
        if (value == "t") return "one spelling for booleans keeps reviews unambiguous";
        const bool real = name.find("scale_factor") != std::string::npos || name.find("cost_delay") != std::string::npos;
        if (!real && value.find('.') != std::string::npos) return "PostgreSQL rounds a fraction of an integer parameter away silently";
        if (name == "user_catalog_table") return "a setting for logical decoding plugins, left to inspect's warning";
        if (name == "vacuum_index_cleanup" && (value == "1" || value == "0")) return "on, off or auto (true, false) only";
        return nullptr;
    };
    ScratchDb db;
    int stricter_seen = 0;
    for (const char* name : names) {
        for (const char* value : values) {
            CAPTURE(std::string(name));
            CAPTURE(std::string(value));
            Table t = TableBuilder("t").col("c", "integer").build();
            t.with = {{name, value}};
            Diagnostics d;
            sql::postgres::rules().check_table(t, d);
            const bool ours = !d.has_errors();
            bool pg = true;
            try {
                pqxx::work tx{db.conn()};
                tx.exec0(std::string("CREATE TEMP TABLE probe (c integer) WITH (") + name + " = " + value + ")");
            } catch (const pqxx::sql_error&) {
                pg = false;
            }
            if (ours) CHECK(pg);
            else if (pg) {
                const char* why = stricter(name, value);
                CHECK_MESSAGE(why != nullptr, "PostgreSQL accepts what schemac refuses");
                ++stricter_seen;
            }
        }
    }
    CHECK(stricter_seen > 0);
}
