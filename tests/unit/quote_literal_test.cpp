// Literals mean the same whatever standard_conforming_strings is: a backslash
// makes the literal E'...' with the backslash doubled (tests/integration/
// hostile_settings_test.cpp runs them on a server with the setting off).
#include <doctest/doctest.h>

#include "sql/postgres/quote.hpp"

using namespace schemac;
using sql::postgres::quote_literal;

TEST_CASE("quote_literal: backslashes make an E'' literal, quotes are always doubled") {
    CHECK(quote_literal("plain") == "'plain'");
    CHECK(quote_literal("it's") == "'it''s'");
    CHECK(quote_literal("") == "''");
    CHECK(quote_literal("C:\\dir\\") == "E'C:\\\\dir\\\\'");
    // The seed value that created a table with the setting off.
    CHECK(quote_literal("\\'); CREATE TABLE pwned (x int); --") == "E'\\\\''); CREATE TABLE pwned (x int); --'");
    CHECK(quote_literal("\\x0102") == "E'\\\\x0102'");
}

TEST_CASE("quote_literal: values rendered for columns go through it, arrays too") {
    Type text;
    text.kind = TypeKind::Text;
    Value v;
    v.kind = Value::Kind::Scalar;
    v.text = "a\\'b";
    CHECK(sql::postgres::render_value(text, v) == "E'a\\\\''b'");
    Type arr = text;
    arr.is_array = true;
    Value a;
    a.kind = Value::Kind::Array;
    a.items.push_back({Value::Kind::Scalar, "x\\y", {}, {}});
    a.items.push_back({Value::Kind::Null, "", {}, {}});
    CHECK(sql::postgres::render_value(arr, a) == "E'{\"x\\\\\\\\y\",NULL}'");
}
