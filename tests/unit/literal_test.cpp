#include <doctest/doctest.h>

#include "sql/postgres/literal.hpp"
#include "model_builder.hpp"

using namespace schemac;
using schemac::test::scalar;
using schemac::test::type_of;

namespace {
struct Case {
    const char* type;
    const char* value;
    bool ok;
};

// The same table drives tests/integration/literal_agreement_test.cpp, which asks
// a real PostgreSQL whether it agrees with every verdict.
}  // namespace

#include "literal_cases.inc"
#include "sql/postgres/rules.hpp"

TEST_CASE("literal values are checked against their column type") {
    for (const auto& c : kLiteralCases) {
        const std::string type = c.type, value = c.value;   // shown as text when a check fails
        CAPTURE(type);
        CAPTURE(value);
        const auto why = sql::postgres::check_literal(type_of(c.type), scalar(c.value), nullptr);
        CHECK(!why.has_value() == c.ok);
    }
}

TEST_CASE("literal errors explain themselves") {
    CHECK(*sql::postgres::check_literal(type_of("varchar(3)"), scalar("abcd"), nullptr) == "is 4 characters long; varchar(3) allows 3");
    CHECK(*sql::postgres::check_literal(type_of("numeric(5,2)"), scalar("1234.5"), nullptr) ==
          "has 4 digits before the decimal point; numeric(5,2) allows 3");
    CHECK(*sql::postgres::check_literal(type_of("numeric(5,2)"), scalar("1.234"), nullptr) ==
          "has 3 decimal places; numeric(5,2) keeps 2 (PostgreSQL would round it)");
    CHECK(*sql::postgres::check_literal(type_of("timestamptz"), scalar("now"), nullptr) ==
          "would be evaluated once, when the table is created, and frozen; write {sql: now()} for the time of each insert");
    CHECK(*sql::postgres::check_literal(type_of("smallint"), scalar("40000"), nullptr) == "is not a smallint (-32768 to 32767)");
    CHECK(*sql::postgres::check_literal(type_of("jsonb"), scalar("{\"a\": \"\\u0000\"}"), nullptr) ==
          "is not valid jsonb: PostgreSQL refuses \\u0000 and unpaired UTF-16 surrogates (\\uD800-\\uDFFF) in jsonb");
    CHECK(*sql::postgres::check_literal(type_of("jsonb"), scalar("{\"a\": 1,}"), nullptr) == "is not valid JSON");
}

TEST_CASE("arrays and enums") {
    Value arr{Value::Kind::Array, "", {scalar("1"), scalar("x")}, {}};
    CHECK(*sql::postgres::check_literal(type_of("integer[]"), arr, nullptr) ==
          "has an element 'x' that is not an integer (-2147483648 to 2147483647)");
    CHECK(*sql::postgres::check_literal(type_of("integer"), arr, nullptr) == "is a list, but the type integer is not an array");
    CHECK(*sql::postgres::check_literal(type_of("integer[]"), scalar("{1}"), nullptr) ==
          "is not a list; a value of type integer[] is written as a YAML sequence");
    Value nulls{Value::Kind::Array, "", {scalar("1"), Value{}}, {}};
    CHECK_FALSE(sql::postgres::check_literal(type_of("integer[]"), nulls, nullptr).has_value());

    Enum side{{"public", "side"}, {}, {}, {{"buy", {}}, {"sell", {}}}, ""};
    CHECK_FALSE(sql::postgres::check_literal(type_of("side"), scalar("buy"), &side).has_value());
    CHECK(*sql::postgres::check_literal(type_of("side"), scalar("sel"), &side) == "is not a value of enum side; did you mean 'sell'?");
}

TEST_CASE("identifiers") {
    CHECK_FALSE(sql::postgres::rules().check_identifier("prices").has_value());
    CHECK_FALSE(sql::postgres::rules().check_identifier("Mixed Case and spaces").has_value());
    CHECK_FALSE(sql::postgres::rules().check_identifier(std::string(63, 'a')).has_value());
    CHECK(*sql::postgres::rules().check_identifier(std::string(64, 'a')) == "is 64 bytes long; PostgreSQL allows at most 63");
    CHECK(*sql::postgres::rules().check_identifier("") == "is empty");
    CHECK(*sql::postgres::rules().check_identifier("a\tb") == "contains a control character");
    CHECK(*sql::postgres::rules().check_identifier("\xff") == "is not valid UTF-8");
    // 21 three-byte characters = 63 bytes: allowed; 22 = 66 bytes: not.
    std::string euro;
    for (int i = 0; i < 21; ++i) euro += "\xe2\x82\xac";
    CHECK_FALSE(sql::postgres::rules().check_identifier(euro).has_value());
    CHECK(sql::postgres::rules().check_identifier(euro + "\xe2\x82\xac").has_value());
}
