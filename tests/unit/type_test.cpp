#include <doctest/doctest.h>

#include "model/type.hpp"

using namespace schemac;

TEST_CASE("type spellings parse to their canonical form") {
    struct Case { const char* in; const char* canonical; };
    const Case cases[] = {
        {"smallint", "smallint"}, {"INT2", "smallint"}, {"integer", "integer"}, {"int", "integer"},
        {"int4", "integer"}, {"bigint", "bigint"}, {"int8", "bigint"}, {"serial", "serial"},
        {"serial8", "bigserial"}, {"real", "real"}, {"float4", "real"}, {"FLOAT", "double precision"},
        {"double precision", "double precision"}, {"double   precision", "double precision"}, {"float8", "double precision"},
        {"numeric", "numeric"}, {"numeric(10,2)", "numeric(10,2)"}, {"decimal(10, 2)", "numeric(10,2)"},
        {"numeric(5)", "numeric(5,0)"}, {"varchar(20)", "varchar(20)"}, {"character varying(20)", "varchar(20)"},
        {"varchar", "varchar"}, {"char", "char(1)"}, {"character(3)", "char(3)"}, {"text", "text"},
        {"bool", "boolean"}, {"date", "date"}, {"time", "time"}, {"time(3)", "time(3)"},
        {"timestamp", "timestamp"}, {"timestamp without time zone", "timestamp"},
        {"timestamptz", "timestamptz"}, {"timestamp with time zone", "timestamptz"},
        {"timestamp(3) with time zone", "timestamptz(3)"}, {"interval", "interval"}, {"uuid", "uuid"},
        {"json", "json"}, {"jsonb", "jsonb"}, {"bytea", "bytea"}, {"text[]", "text[]"},
        {"numeric(10,2)[]", "numeric(10,2)[]"}, {"order_side", "order_side"}, {"market.side", "market.side"},
        {"\"Order Side\"", "\"Order Side\""}, {"Side", "\"Side\""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.in);
        std::string err;
        auto t = parse_type(c.in, err);
        REQUIRE(t.has_value());
        CHECK(t->display() == c.canonical);
    }
}

TEST_CASE("bad type spellings are rejected with a reason") {
    struct Case { const char* in; const char* error; };
    const Case cases[] = {
        {"numeric(0)", "numeric precision 0 must be between 1 and 1000"},
        {"numeric(5,6)", "numeric scale 6 must be between 0 and the precision 5"},
        {"varchar(0)", "length of varchar must be between 1 and 10485760, not 0"},
        {"text(5)", "type 'text' takes no arguments"},
        {"varchar(1,2)", "type 'varchar' takes at most 1 argument"},
        {"timestamptz(7)", "precision of timestamptz must be between 0 and 6, not 7"},
        {"numeric(a)", "type arguments must be integers in 'numeric(a)'"},
        {"numeric(10", "missing ')' in type 'numeric(10'"},
        {"text[][]", "only one-dimensional arrays are supported (PostgreSQL does not enforce dimensions)"},
        {"", "empty type"},
        {"foo(3)", "unknown type 'foo'"},
        {"a.b.c", "'a.b.c' is not a type name"},
        {"two words", "'two words' is not a type name"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.in);
        std::string err;
        CHECK_FALSE(parse_type(c.in, err).has_value());
        CHECK(err == c.error);
    }
}

TEST_CASE("qualified names") {
    CHECK(parse_qualified_name("a") == QualifiedName{"", "a"});
    CHECK(parse_qualified_name("s.t") == QualifiedName{"s", "t"});
    CHECK(parse_qualified_name("\"My Schema\".\"a\"\"b\"") == QualifiedName{"My Schema", "a\"b"});
    CHECK_FALSE(parse_qualified_name("").has_value());
    CHECK_FALSE(parse_qualified_name("a.").has_value());
    CHECK_FALSE(parse_qualified_name("\"unterminated").has_value());
    CHECK(display_ident("prices") == "prices");
    CHECK(display_ident("Prices") == "\"Prices\"");
    CHECK(display_ident("a\"b") == "\"a\"\"b\"");
}
