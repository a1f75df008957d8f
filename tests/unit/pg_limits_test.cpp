// Rules check applies on PostgreSQL's behalf that need no server to state (the
// server agrees: tests/integration/pg_limits_test.cpp).
#include <doctest/doctest.h>

#include "load_helpers.hpp"
#include "sql/postgres/literal.hpp"

using namespace schemac;

TEST_CASE("text PostgreSQL stores must be valid UTF-8 without NUL bytes") {
    CHECK_FALSE(sql::postgres::check_text("café, 東京"));
    CHECK(sql::postgres::check_text(std::string("a\0b", 3)) == "contains a NUL byte, which PostgreSQL cannot store in text");
    CHECK(sql::postgres::check_text("caf\xe9") == "is not valid UTF-8");
    CHECK(sql::postgres::check_text("\xc3") == "is not valid UTF-8");
}

TEST_CASE("a NUL byte in a text value is refused and shown escaped") {
    const std::string out = test::diagnose(
        "tables:\n  t:\n    columns:\n      s:\n        type: text\n        default: \"a\\0b\"\n");
    CHECK(out.find("s.yaml:6:18: error: default 'a\\x00b' of column 's' (text) contains a NUL byte") != std::string::npos);
}
