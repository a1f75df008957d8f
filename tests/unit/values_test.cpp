// The runtime's value types (schemac/postgres/values.hpp) and their PostgreSQL text
// forms: round trips, the edges of every range, and every rejection with its
// message. Time expectations come from std::chrono's own calendar
// (year_month_day), an oracle independent of values.cpp's arithmetic. DST
// plays no part: the DAO's session runs with TimeZone = UTC.
#include <doctest/doctest.h>

#include <limits>
#include <type_traits>

#include "schemac/postgres/pg_codec.hpp"
#include "schemac/postgres/values.hpp"

using namespace schemac;
using namespace std::chrono;

namespace {

struct Rejection {
    const char* text;
    const char* error;  // a part of the message
};

template <class T>
void check_rejections(std::initializer_list<Rejection> cases) {
    for (const Rejection& c : cases) {
        CAPTURE(c.text);
        std::string error;
        auto v = pg::try_from_text<T>(c.text, &error);
        CHECK_FALSE(v.has_value());
        CHECK_MESSAGE(error.find(c.error) != std::string::npos, "error was: " << error);
        CHECK_THROWS_AS(pg::from_text<T>(c.text), PgTextError);
        CHECK_FALSE(pg::try_from_text<T>(c.text).has_value());  // without an error string
    }
}

// Parses text (which must succeed) and checks it prints as `printed`.
template <class T>
T parse_ok(std::string_view text) {
    std::string error;
    auto v = pg::try_from_text<T>(text, &error);
    REQUIRE_MESSAGE(v.has_value(), std::string(text) << ": " << error);
    return *v;
}

constexpr std::int64_t kI64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kI64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int32_t kI32Max = std::numeric_limits<std::int32_t>::max();
constexpr std::int32_t kI32Min = std::numeric_limits<std::int32_t>::min();

sys_days ymd(int y, unsigned m, unsigned d) { return sys_days(year(y) / month(m) / day(d)); }

}  // namespace

// ---------------------------------------------------------------------------

TEST_CASE("values: numeric text is normalised as numeric_in does and printed back unchanged") {
    struct Case {
        const char* in;
        const char* canonical;
    };
    const Case cases[] = {
        {"0", "0"},
        {"-0", "0"},  // no negative zero in PostgreSQL
        {"-0.00", "0.00"},
        {"+0.0", "0.0"},
        {"1.50", "1.50"},  // trailing zeros are the scale: kept
        {"+1.5", "1.5"},
        {"007", "7"},
        {"000.5", "0.5"},
        {".5", "0.5"},
        {"-.5", "-0.5"},
        {"5.", "5"},
        {"12345678901234567890123456789012345678", "12345678901234567890123456789012345678"},
        {"-99999999999999999999999999999999999999.99999999999999999999",
         "-99999999999999999999999999999999999999.99999999999999999999"},
        {"0.000000000000000000000000000000000000001", "0.000000000000000000000000000000000000001"},
        {"1e-3", "0.001"},
        {"1E+2", "100"},
        {"1e3", "1000"},
        {"1.50e1", "15.0"},  // scale = max(0, 2 - 1)
        {"123.456e-1", "12.3456"},
        {"-1.5e-2", "-0.015"},
        {"0e5", "0"},
        {"-0e-2", "0.00"},
        {"1e1000", nullptr},  // checked below: "1" and 1000 zeros
        {"NaN", "NaN"},
        {"nan", "NaN"},
        {"NAN", "NaN"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.in);
        Decimal d = parse_ok<Decimal>(c.in);
        if (c.canonical == nullptr) {
            CHECK(d.text() == "1" + std::string(1000, '0'));
            continue;
        }
        CHECK(d.text() == c.canonical);
        CHECK(pg::to_text(d) == c.canonical);
        CHECK(parse_ok<Decimal>(d.text()).text() == d.text());  // canonical text is a fixed point
        CHECK(Decimal::parse(c.in)->text() == c.canonical);
    }
    CHECK(parse_ok<Decimal>("1e-1000").text() == "0." + std::string(999, '0') + "1");
    CHECK(Decimal().text() == "0");
}

TEST_CASE("values: numeric rejections") {
    check_rejections<Decimal>({
        {"", "empty text"},
        {" 1", "no digits"},
        {"1 ", "unexpected ' ' at offset 1"},
        {"+", "no digits"},
        {"-", "no digits"},
        {".", "no digits"},
        {"e5", "no digits"},
        {"--1", "no digits"},
        {"1e", "no digits in the exponent"},
        {"1e+", "no digits in the exponent"},
        {"1.2.3", "unexpected '.' at offset 3"},
        {"1,5", "unexpected ',' at offset 1"},
        {"1_000", "unexpected '_' at offset 1"},
        {"0x1F", "unexpected 'x' at offset 1"},
        {"abc", "no digits"},
        {"Infinity", "infinity is not supported"},
        {"-Infinity", "infinity is not supported"},
        {"inf", "infinity is not supported"},
        {"1e1001", "exponent out of range"},
        {"1e-1001", "exponent out of range"},
    });
}

TEST_CASE("values: numeric equality and order are by value, like PostgreSQL's") {
    auto d = [](const char* t) { return pg::from_text<Decimal>(t); };
    CHECK(d("1.50") == d("1.5"));
    CHECK(d("1.50").text() != d("1.5").text());
    CHECK(d("0") == d("-0.00"));
    CHECK(d("0.0") == d("0"));
    CHECK(d("1e-3") == d("0.001"));
    CHECK(d("007") == d("7"));
    CHECK(d("NaN") == d("nan"));
    CHECK(d("-1") < d("0"));
    CHECK(d("-2") < d("-1.5"));
    CHECK(d("-1.5") > d("-2"));
    CHECK(d("-0.51") < d("-0.5"));
    CHECK(d("10") > d("9.99"));
    CHECK(d("0.5") < d("0.51"));
    CHECK(d("0.6") > d("0.51"));
    CHECK(d("1") != d("1.000001"));
    CHECK(d("99999999999999999999999999999999999999") < d("100000000000000000000000000000000000000"));
    CHECK(d("12345678901234567890123456789012345678") < d("12345678901234567890123456789012345679"));
    CHECK(d("NaN") > d("99999999999999999999999999999999999999"));
    CHECK(d("NaN") > d("-1"));
    CHECK(d("1") < d("NaN"));
    CHECK((d("1.0") <=> d("1")) == std::strong_ordering::equal);
}

// ---------------------------------------------------------------------------

TEST_CASE("values: uuid accepts uuid_in's forms and prints lower-case 8-4-4-4-12") {
    const char* canonical = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
    const Uuid expected{{0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11}};
    // The input forms listed in PostgreSQL's documentation of uuid.
    for (const char* in : {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                           "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                           "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}"}) {
        CAPTURE(in);
        Uuid u = parse_ok<Uuid>(in);
        CHECK(u == expected);
        CHECK(pg::to_text(u) == canonical);
    }
    CHECK(pg::to_text(Uuid{}) == "00000000-0000-0000-0000-000000000000");
    CHECK(parse_ok<Uuid>("00000000-0000-0000-0000-000000000000") == Uuid{});
    Uuid max;
    max.bytes.fill(0xff);
    CHECK(pg::to_text(max) == "ffffffff-ffff-ffff-ffff-ffffffffffff");
    CHECK(parse_ok<Uuid>("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF") == max);
    CHECK(Uuid{} < max);
}

TEST_CASE("values: uuid rejections") {
    check_rejections<Uuid>({
        {"", "too few hex digits"},
        {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "too few hex digits"},
        {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-", "unexpected '-' at offset 36"},
        {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111", "unexpected '1' at offset 36"},
        {"{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "unexpected end, expected '}'"},
        {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "unexpected '}' at offset 36"},
        {"a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11", "unexpected '-' at offset 9"},
        {"a0e-ebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "unexpected '-' at offset 3"},
        {"-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "unexpected '-' at offset 0"},
        {"g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "unexpected 'g' at offset 0, expected a hex digit"},
        {" a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "unexpected ' ' at offset 0"},
        {"a0eebc99 9c0b 4ef8 bb6d 6bb9bd380a11", "unexpected ' ' at offset 8"},
    });
}

// ---------------------------------------------------------------------------

TEST_CASE("values: interval prints as PostgreSQL does with IntervalStyle iso_8601, and parses back") {
    struct Case {
        Interval value;
        const char* text;
    };
    const std::int64_t h = 3'600'000'000, m = 60'000'000, s = 1'000'000;
    const Case cases[] = {
        {{0, 0, 0}, "PT0S"},
        {{14, 3, 4 * h + 5 * m + 6'789'000}, "P1Y2M3DT4H5M6.789S"},
        {{-14, -3, -(4 * h + 5 * m + 6'789'000)}, "P-1Y-2M-3DT-4H-5M-6.789S"},
        {{-14, 3, -(4 * h + 5 * m + 6'789'000)}, "P-1Y-2M3DT-4H-5M-6.789S"},
        {{12, 0, 0}, "P1Y"},
        {{1, 0, 0}, "P1M"},
        {{-1, 0, 0}, "P-1M"},
        {{0, 1, 0}, "P1D"},
        {{0, 0, h}, "PT1H"},
        {{0, 0, m}, "PT1M"},
        {{0, 0, s}, "PT1S"},
        {{0, 0, 1}, "PT0.000001S"},
        {{0, 0, -1}, "PT-0.000001S"},
        {{0, 0, -500'000}, "PT-0.5S"},
        {{0, 0, 120'000}, "PT0.12S"},
        {{0, 0, 25 * h + m + s + 1}, "PT25H1M1.000001S"},  // hours are not folded into days
        {{0, 0, -h + 1}, "PT-59M-59.999999S"},
        {{1, 1, 1}, "P1M1DT0.000001S"},
        {{0, 0, kI64Max}, "PT2562047788H54.775807S"},
        {{0, 0, kI64Min}, "PT-2562047788H-54.775808S"},
        {{kI32Max, 0, 0}, "P178956970Y7M"},
        {{kI32Min, 0, 0}, "P-178956970Y-8M"},
        {{0, kI32Max, 0}, "P2147483647D"},
        {{0, kI32Min, 0}, "P-2147483648D"},
        {{kI32Max, kI32Max, kI64Max}, "P178956970Y7M2147483647DT2562047788H54.775807S"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(pg::to_text(c.value) == c.text);
        CHECK(parse_ok<Interval>(c.text) == c.value);
    }
}

TEST_CASE("values: interval accepts other spellings of the same ISO 8601 designator form") {
    struct Case {
        const char* text;
        Interval value;
        const char* canonical;
    };
    const Case cases[] = {
        {"P0D", {0, 0, 0}, "PT0S"},
        {"PT-0S", {0, 0, 0}, "PT0S"},
        {"PT1H0M", {0, 0, 3'600'000'000}, "PT1H"},
        {"P1Y-2M", {10, 0, 0}, "P10M"},
        {"P+1D", {0, 1, 0}, "P1D"},
        {"PT1.50S", {0, 0, 1'500'000}, "PT1.5S"},
        {"PT90M", {0, 0, 5'400'000'000}, "PT1H30M"},
        {"P13M", {13, 0, 0}, "P1Y1M"},
        {"PT-9223372036854775808S", {0, 0, 0}, nullptr},  // too large once in microseconds
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        if (c.canonical == nullptr) {
            CHECK_FALSE(pg::try_from_text<Interval>(c.text).has_value());
            continue;
        }
        Interval v = parse_ok<Interval>(c.text);
        CHECK(v == c.value);
        CHECK(pg::to_text(v) == c.canonical);
    }
}

TEST_CASE("values: interval rejections") {
    check_rejections<Interval>({
        {"", "expected ISO 8601 text starting with 'P'"},
        {"1 year 2 mons", "set IntervalStyle = iso_8601"},
        {"@ 1 year", "set IntervalStyle = iso_8601"},
        {"01:00:00", "set IntervalStyle = iso_8601"},
        {"+1-2 +3 +4:05:06", "set IntervalStyle = iso_8601"},
        {"p1y", "starting with 'P'"},
        {"infinity", "infinity is not supported"},
        {"-infinity", "-infinity is not supported"},
        {"P", "no parts"},
        {"PT", "no parts"},
        {"P1YT", "'T' without hours, minutes or seconds"},
        {"P1", "unexpected end, expected a designator"},
        {"P1X", "unexpected 'X' at offset 2, expected a designator"},
        {"P1H", "unexpected 'H' at offset 2, expected a designator"},
        {"PT1D", "unexpected 'D' at offset 3, expected a designator"},
        {"PT1Y", "unexpected 'Y' at offset 3"},
        {"P1M1Y", "designator 'Y' out of order or repeated"},
        {"P1Y1Y", "designator 'Y' out of order or repeated"},
        {"PT1S1H", "designator 'H' out of order or repeated"},
        {"PTT1S", "unexpected 'T' at offset 2"},
        {"P 1Y", "unexpected ' ' at offset 1, expected digits"},
        {"P1Y ", "unexpected ' ' at offset 3, expected digits"},
        {"P-Y", "unexpected 'Y' at offset 2, expected digits"},
        {"P1.5Y", "only seconds may have a fraction"},
        {"PT1.5H", "only seconds may have a fraction"},
        {"PT1.1234567S", "more than 6 fraction digits"},
        {"PT1.S", "expected fraction digits"},
        {"P0001-02-03T04:05:06", "unexpected '-' at offset 5, expected a designator"},
        {"P178956971Y", "years and months out of range"},
        {"P178956970Y8M", "years and months out of range"},
        {"P-178956970Y-9M", "years and months out of range"},
        {"P2147483648D", "days out of range"},
        {"P-2147483649D", "days out of range"},
        {"PT2562047789H", "time part out of range"},
        {"PT2562047788H54.775808S", "time part out of range"},
        {"PT-2562047788H-54.775809S", "time part out of range"},
        {"PT9223372036854775808S", "number out of range"},
        {"PT-9223372036854775809S", "number out of range"},
        {"P99999999999999999999Y", "number out of range"},
    });
}

// ---------------------------------------------------------------------------

TEST_CASE("values: bytea hex format") {
    auto bytes = [](std::initializer_list<int> v) {
        Bytes b;
        for (int x : v) b.push_back(static_cast<std::byte>(x));
        return b;
    };
    struct Case {
        const char* text;
        Bytes value;
        const char* canonical;
    };
    const Case cases[] = {
        {"\\x", {}, "\\x"},
        {"\\x0a0b", bytes({0x0a, 0x0b}), "\\x0a0b"},
        {"\\x00ff7f80", bytes({0x00, 0xff, 0x7f, 0x80}), "\\x00ff7f80"},
        {"\\x0A0B", bytes({0x0a, 0x0b}), "\\x0a0b"},
        {"\\x0a 0b\n\t0c\r", bytes({0x0a, 0x0b, 0x0c}), "\\x0a0b0c"},
        {"\\x ", {}, "\\x"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_ok<Bytes>(c.text) == c.value);
        CHECK(pg::to_text(c.value) == c.canonical);
    }
    Bytes all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<std::byte>(i));
    const std::string text = pg::to_text(all);
    CHECK(text.size() == 2 + 512);
    CHECK(text.substr(0, 10) == "\\x00010203");
    CHECK(text.substr(text.size() - 4) == "feff");
    CHECK(parse_ok<Bytes>(text) == all);
}

TEST_CASE("values: bytea rejections") {
    check_rejections<Bytes>({
        {"", "expected the hex format"},
        {"abc", "expected the hex format"},
        {"x0a", "expected the hex format"},
        {"\\X0a", "expected the hex format"},
        {"\\000", "expected the hex format"},  // bytea_output = escape
        {"\\x0", "odd number of hex digits"},
        {"\\x0a0", "odd number of hex digits"},
        {"\\x0g", "unexpected 'g' at offset 3, expected a hex digit"},
        {"\\xg0", "unexpected 'g' at offset 2, expected a hex digit"},
        {"\\x0 a", "unexpected ' ' at offset 3, expected a hex digit"},
    });
}

// ---------------------------------------------------------------------------

TEST_CASE("values: json keeps the server's text") {
    static_assert(!std::is_convertible_v<std::string, Json>, "the constructor is explicit");
    for (const char* t : {"{\"a\": 1, \"b\": [true, null]}", "[]", "\"x\"", "1.5e300", "null", ""}) {
        CAPTURE(t);
        Json j = parse_ok<Json>(t);
        CHECK(j.text() == t);
        CHECK(pg::to_text(j) == t);
        CHECK(j == Json(t));
    }
    CHECK(Json().text() == "null");
    CHECK(Json("{\"a\":1}") != Json("{\"a\": 1}"));  // textual equality
}

// ---------------------------------------------------------------------------

TEST_CASE("values: timestamptz prints as PostgreSQL does with DateStyle ISO, TimeZone UTC, and parses back") {
    struct Case {
        Timestamp value;
        const char* text;
    };
    const Case cases[] = {
        {Timestamp{}, "1970-01-01 00:00:00+00"},
        {ymd(2024, 3, 10) + 2h + 30min + 123456us, "2024-03-10 02:30:00.123456+00"},
        {ymd(2024, 3, 10) + 2h + 30min, "2024-03-10 02:30:00+00"},
        {ymd(2024, 2, 29) + 23h + 59min + 59s + 999999us, "2024-02-29 23:59:59.999999+00"},  // leap day
        {ymd(2000, 2, 29) + 12h, "2000-02-29 12:00:00+00"},
        {ymd(2000, 1, 1) + 500ms, "2000-01-01 00:00:00.5+00"},
        {ymd(2000, 1, 1) + 10ms, "2000-01-01 00:00:00.01+00"},
        {ymd(2000, 1, 1) + 1us, "2000-01-01 00:00:00.000001+00"},
        {Timestamp{} - 1us, "1969-12-31 23:59:59.999999+00"},
        {ymd(1, 1, 1), "0001-01-01 00:00:00+00"},
        {ymd(9999, 12, 31) + 23h + 59min + 59s + 999999us, "9999-12-31 23:59:59.999999+00"},
        {ymd(10000, 1, 1), "10000-01-01 00:00:00+00"},
        {ymd(1, 1, 1) - 1us, "0001-12-31 23:59:59.999999+00 BC"},  // astronomical year 0 is 1 BC
        {ymd(-43, 3, 15) + 12h, "0044-03-15 12:00:00+00 BC"},
        {ymd(-4713, 11, 24), "4714-11-24 00:00:00+00 BC"},  // PostgreSQL's earliest timestamp
        {Timestamp(microseconds(kI64Max)), "294247-01-10 04:00:54.775807+00"},
        {Timestamp(microseconds(kI64Min)), "290309-12-21 19:59:05.224192+00 BC"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(pg::to_text(c.value) == c.text);
        CHECK(parse_ok<Timestamp>(c.text) == c.value);
    }
}

TEST_CASE("values: timestamptz accepts other UTC offsets and a 'T'") {
    const Timestamp t = ymd(2024, 3, 10) + 2h + 30min;
    struct Case {
        const char* text;
        Timestamp value;
    };
    const Case cases[] = {
        {"2024-03-10T02:30:00+00", t},
        {"2024-03-10 08:00:00+05:30", t},
        {"2024-03-09 21:30:00-05", t},
        {"2024-03-10 02:30:00-00", t},
        {"2024-03-10 02:30:00+00:00:00", t},
        {"2024-03-10 03:23:28+00:53:28", t},  // local mean time offsets have seconds
        {"2024-03-10 00:00:00-15:59:59", ymd(2024, 3, 10) + 15h + 59min + 59s},
        {"0001-01-01 00:30:00+01 BC", ymd(0, 1, 1) - 30min},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_ok<Timestamp>(c.text) == c.value);
    }
}

TEST_CASE("values: timestamptz rejections") {
    check_rejections<Timestamp>({
        {"infinity", "infinity is not supported"},
        {"-infinity", "-infinity is not supported"},
        {"", "expected a year of 4 to 7 digits"},
        {"2024-03-10 02:30:00", "unexpected end, expected a UTC offset such as +00"},
        {"2024-03-10", "unexpected end, expected ' ' and a time"},
        {"2024-03-10 02:30:00Z", "unexpected 'Z' at offset 19, expected a UTC offset"},
        {"2024-03-10 02:30:00 +00", "unexpected ' ' at offset 19, expected a UTC offset"},
        {"0000-01-01 00:00:00+00", "year 0 does not exist"},
        {"2023-02-29 00:00:00+00", "day 29 out of range for 2023-02"},
        {"1900-02-29 00:00:00+00", "day 29 out of range for 1900-02"},
        {"2024-04-31 00:00:00+00", "day 31 out of range for 2024-04"},
        {"2024-01-00 00:00:00+00", "day 0 out of range"},
        {"2024-13-01 00:00:00+00", "month 13 out of range"},
        {"2024-00-01 00:00:00+00", "month 0 out of range"},
        {"2024-03-10 24:00:00+00", "hour 24 out of range"},
        {"2024-03-10 23:60:00+00", "minute 60 out of range"},
        {"2024-03-10 23:59:60+00", "second 60 out of range"},
        {"2024-03-10 02:30:00.1234567+00", "more than 6 fraction digits"},
        {"2024-03-10 02:30:00.+00", "expected fraction digits"},
        {"24-03-10 02:30:00+00", "expected a year of 4 to 7 digits"},
        {"12345678-01-01 00:00:00+00", "expected a year of 4 to 7 digits"},
        {"2024-3-10 02:30:00+00", "expected a 2-digit month"},
        {"2024-03-1 02:30:00+00", "expected a 2-digit day"},
        {"2024/03/10 02:30:00+00", "unexpected '/' at offset 4, expected '-'"},
        {"2024-03-10 2:30:00+00", "expected 2-digit hours"},
        {"2024-03-10 02:30+00", "unexpected '+' at offset 16, expected ':'"},
        {"2024-03-10 02:30:00+0", "expected 2-digit offset hours"},
        {"2024-03-10 02:30:00+05:3", "expected 2-digit offset minutes"},
        {"2024-03-10 02:30:00+16", "UTC offset out of range"},
        {"2024-03-10 02:30:00+05:60", "UTC offset out of range"},
        {"2024-03-10 02:30:00+00 AD", "unexpected ' ' at offset 22"},
        {"2024-03-10 02:30:00+00 bc", "unexpected ' ' at offset 22"},
        {"2024-03-10 02:30:00+00 BC ", "unexpected ' ' at offset 22"},
        {"294276-12-31 23:59:59.999999+00", "out of the range of sys_time<microseconds>"},  // PostgreSQL's last day
        {"294247-01-10 04:00:54.775808+00", "out of the range"},
        {"290309-12-21 19:59:05.224191+00 BC", "out of the range"},
    });
}

TEST_CASE("values: timestamp without time zone") {
    struct Case {
        LocalTimestamp value;
        const char* text;
    };
    auto local = [](sys_time<microseconds> t) { return LocalTimestamp(t.time_since_epoch()); };
    const Case cases[] = {
        {local(ymd(2024, 3, 10) + 2h + 30min), "2024-03-10 02:30:00"},
        {local(ymd(2024, 2, 29) + 12h + 1us), "2024-02-29 12:00:00.000001"},
        {local(ymd(1, 1, 1)), "0001-01-01 00:00:00"},
        {local(ymd(9999, 12, 31) + 23h + 59min + 59s + 999999us), "9999-12-31 23:59:59.999999"},
        {local(ymd(-43, 3, 15)), "0044-03-15 00:00:00 BC"},
        {LocalTimestamp(microseconds(kI64Max)), "294247-01-10 04:00:54.775807"},
        {LocalTimestamp(microseconds(kI64Min)), "290309-12-21 19:59:05.224192 BC"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(pg::to_text(c.value) == c.text);
        CHECK(parse_ok<LocalTimestamp>(c.text) == c.value);
    }
    CHECK(parse_ok<LocalTimestamp>("2024-03-10T02:30:00") == local(ymd(2024, 3, 10) + 2h + 30min));
    check_rejections<LocalTimestamp>({
        {"2024-03-10 02:30:00+00", "a timestamp without time zone has no UTC offset"},
        {"2024-03-10 02:30:00-05", "a timestamp without time zone has no UTC offset"},
        {"infinity", "infinity is not supported"},
        {"-infinity", "-infinity is not supported"},
        {"2024-03-10", "expected ' ' and a time"},
        {"2023-02-29 00:00:00", "day 29 out of range"},
        {"0000-12-31 00:00:00", "year 0 does not exist"},
        {"294247-01-10 04:00:54.775808", "out of the range of local_time<microseconds>"},
    });
}

TEST_CASE("values: date") {
    struct Case {
        Date value;
        const char* text;
    };
    const Case cases[] = {
        {ymd(1970, 1, 1), "1970-01-01"},
        {ymd(2024, 3, 10), "2024-03-10"},
        {ymd(2024, 2, 29), "2024-02-29"},
        {ymd(2000, 2, 29), "2000-02-29"},  // divisible by 400: leap
        {ymd(1969, 12, 31), "1969-12-31"},
        {ymd(1, 1, 1), "0001-01-01"},
        {ymd(9999, 12, 31), "9999-12-31"},
        {ymd(10000, 1, 1), "10000-01-01"},
        {ymd(0, 12, 31), "0001-12-31 BC"},
        {ymd(0, 2, 29), "0001-02-29 BC"},  // 1 BC is a leap year in the proleptic calendar
        {ymd(-43, 3, 15), "0044-03-15 BC"},
        {Date(days(-2440588)), "4714-11-24 BC"},  // Julian day 0, PostgreSQL's earliest date
        {Date(days(2147483493 - 2440588)), "5874897-12-31"},  // PostgreSQL's last date (Julian day 2147483494 is 5874898-01-01)
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(pg::to_text(c.value) == c.text);
        CHECK(parse_ok<Date>(c.text) == c.value);
    }
    check_rejections<Date>({
        {"infinity", "infinity is not supported"},
        {"-infinity", "-infinity is not supported"},
        {"", "expected a year of 4 to 7 digits"},
        {"1900-02-29", "day 29 out of range for 1900-02"},  // divisible by 100: not leap
        {"2100-02-29", "day 29 out of range for 2100-02"},
        {"2023-02-29", "day 29 out of range for 2023-02"},
        {"0002-02-29 BC", "day 29 out of range for 2-02 BC"},
        {"0000-01-01", "year 0 does not exist"},
        {"2024-03-10 00:00:00", "unexpected ' ' at offset 10"},
        {"20240310", "expected a year of 4 to 7 digits"},
        {"2024/03/10", "unexpected '/' at offset 4, expected '-'"},
        {"2024-03-10 BC ", "unexpected ' ' at offset 10"},
        {"2024-03-10 bc", "unexpected ' ' at offset 10"},
    });
}

TEST_CASE("values: pg::from_text throws with the type, the text and the reason") {
    CHECK_THROWS_WITH_AS(pg::from_text<Timestamp>("infinity"), "invalid timestamptz \"infinity\": infinity is not supported",
                         PgTextError);
    CHECK_THROWS_WITH_AS(pg::from_text<Decimal>("1,5"), "invalid numeric \"1,5\": unexpected ',' at offset 1", PgTextError);
    CHECK_THROWS_WITH_AS(pg::from_text<Date>("2023-02-29"), "invalid date \"2023-02-29\": day 29 out of range for 2023-02",
                         PgTextError);
    CHECK(pg::from_text<Interval>("P1D") == Interval{0, 1, 0});
    CHECK(pg::type_name<Uuid>() == "uuid");
    CHECK(pg::type_name<LocalTimestamp>() == "timestamp");
    CHECK(pg::type_name<Bytes>() == "bytea");
    CHECK(pg::type_name<Json>() == "json");
    CHECK(pg::type_name<Interval>() == "interval");
}
