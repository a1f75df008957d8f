// The raw SQL check on models built in code (no YAML): analyze() runs it, so
// a model that never went through the loader cannot carry smuggled statements.
#include <doctest/doctest.h>

#include "model/analyze.hpp"
#include "model_builder.hpp"
#include "plan_text.hpp"
#include "sql/postgres/grammar.hpp"
#include "sql/postgres/rules.hpp"

using namespace schemac;
using schemac::sql::postgres::RawSqlKind;

TEST_CASE("raw SQL: analyze refuses a check built in code that closes its statement, at the check's position") {
    Schema s = test::SchemaBuilder{}
                   .table(test::TableBuilder("t").col("id", "int").pk({"id"}).check(
                       "k", "true)); COMMIT; DROP TABLE public.important; CREATE TABLE public.zz (y int CHECK (true"))
                   .build();
    Diagnostics d;
    analyze(s, schemac::sql::postgres::rules(), d);
    REQUIRE(d.error_count() == 1);
    CHECK(d.all()[0].code == "bad-sql");
    CHECK(d.all()[0].pos.line == s.tables[0].checks[0].pos.line);
    CHECK(d.all()[0].message ==
          "check expression must be a single SQL expression: syntax error at or near \")\" (check 'k' of table t, at character 6 of the expression)");
}

TEST_CASE("raw SQL: every field kind accepts one expression and refuses a second statement") {
    for (const auto kind : {RawSqlKind::Check, RawSqlKind::Default, RawSqlKind::IndexWhere, RawSqlKind::IndexExpression,
                            RawSqlKind::Backfill, RawSqlKind::Using, RawSqlKind::Generated}) {
        CAPTURE(sql::postgres::raw_sql_field_name(kind));
        CHECK(!sql::postgres::check_raw_sql(kind, "a > 0 /* ok */ AND b = 'x;y'"));
        CHECK(sql::postgres::check_raw_sql(kind, "a > 0; DROP TABLE t"));
        CHECK(sql::postgres::check_raw_sql(kind, "a > 0 -- swallows what follows"));
        CHECK(sql::postgres::check_raw_sql(kind, std::string("true\0; DROP TABLE t", 18)));
        CHECK(sql::postgres::count_statements(sql::postgres::embed_raw_sql(kind, "a > 0")) == 1u);
    }
    CHECK(!sql::postgres::check_raw_sql(RawSqlKind::Query, "UPDATE t SET a = $1 RETURNING a"));
    CHECK(sql::postgres::check_raw_sql(RawSqlKind::Query, "ROLLBACK"));
    CHECK(sql::postgres::check_raw_sql(RawSqlKind::Query, "CREATE TABLE x (a int)"));
}

TEST_CASE("raw SQL: the error offset counts characters inside the value") {
    const auto e = sql::postgres::check_raw_sql(RawSqlKind::Check, "é > 0 ; x");
    REQUIRE(e);
    REQUIRE(e->offset);
    CHECK(*e->offset == 7);   // bytes: 'é' is two
}

TEST_CASE("raw SQL: a text past the size limit is refused before parsing, so deep nesting cannot overflow the stack") {
    std::string deep = "1";
    for (int i = 0; i < 200000; ++i) deep += "+1";   // crashed PostgreSQL's parser (stack overflow) when parsed
    const auto e = sql::postgres::check_raw_sql(RawSqlKind::Check, deep);
    REQUIRE(e);
    CHECK(e->message == "check expression is 400001 bytes long; the limit is 16384");
    std::string nested_ok = std::string(2000, '(') + "1" + std::string(2000, ')') + " > 0";
    CHECK(!sql::postgres::check_raw_sql(RawSqlKind::Check, nested_ok));
}

TEST_CASE("raw SQL: PostgreSQL's message is cut when it quotes the rest of a long text") {
    const auto e = sql::postgres::check_raw_sql(RawSqlKind::Check, "a > 0 /* " + std::string(5000, 'x'));
    REQUIRE(e);
    CHECK(e->message.size() < 250);
    CHECK(e->message.find("unterminated /* comment") != std::string::npos);
}

TEST_CASE("raw SQL: extension names, versions and schemas and collation names are quoted, never SQL") {
    // Each is a name or a literal, not an expression: whatever it holds, the
    // plan writes it quoted, so both files have exactly the statements the plan has.
    const std::string evil = "x\\\"; DROP TABLE t; --";   // YAML-escaped: x"; DROP TABLE t; --
    const std::string from = "tables:\n  t:\n    columns:\n      id: integer\n      c: text?\n    primary_key: [id]\n";
    const std::string to = "extensions:\n  - {name: \"" + evil + "\", version: \"1'); DROP TABLE t; --\", schema: \"" + evil +
                           "\"}\n" + "tables:\n  t:\n    columns:\n      id: integer\n      c: {type: 'text?', collate: \"" + evil +
                           "\"}\n    primary_key: [id]\n";
    const auto p = schemac::test::plan_text(from, to);
    REQUIRE_MESSAGE(p.errors.empty(), p.errors);
    for (const std::string* file : {&p.up, &p.down}) {
        CAPTURE(*file);
        const auto n = sql::postgres::count_statements(*file);
        REQUIRE(n.has_value());
        std::size_t expected = 0;   // one statement per line that ends one (the plan writes each on its own lines ending in ';')
        for (std::size_t at = file->find(";\n"); at != std::string::npos; at = file->find(";\n", at + 1)) ++expected;
        if (!file->empty() && file->back() == ';') ++expected;
        CHECK(*n == expected);
        CHECK(sql::postgres::count_statements(*file, false) == n);
        CHECK(file->find("\"x\"\"; DROP TABLE t; --\"") != std::string::npos);   // quoted as one name
    }
    CHECK(p.up.find("VERSION '1''); DROP TABLE t; --'") != std::string::npos);
}
