// The text codecs of schemac/postgres/pg_codec.hpp without a server: exact texts for
// every type, the edges of every range, arrays (quoting, NULL, rejections) and
// COPY line escaping/splitting. What the server itself prints and accepts is
// checked in tests/integration/pg_codec_test.cpp.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "schemac/postgres/pg_codec.hpp"

using namespace schemac;
using namespace schemac::pg;
using namespace std::chrono;

namespace {

// The PgTextError message of f, or "(no error)".
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const PgTextError& e) {
        return e.what();
    }
    return "(no error)";
}

template <class T>
void check_read_rejects(std::initializer_list<std::pair<const char*, const char*>> cases) {
    for (const auto& [text, message] : cases) {
        CAPTURE(text);
        const std::string e = error_of([&] { Codec<T>::read(text); });
        CHECK_MESSAGE(e.find(message) != std::string::npos, "error was: " << e);
    }
}

using Texts = std::vector<std::optional<std::string>>;

// A generated enum and its codec, as code generation writes them.
enum class Mood { happy, sad, meh };

}  // namespace

template <> struct schemac::pg::Codec<Mood> {
    static void write(std::string& out, Mood m) { out += m == Mood::happy ? "happy" : m == Mood::sad ? "sad" : "so so"; }
    static Mood read(std::string_view t) {
        if (t == "happy") return Mood::happy;
        if (t == "sad") return Mood::sad;
        if (t == "so so") return Mood::meh;
        throw PgTextError("invalid mood \"" + std::string(t) + "\"");
    }
};

// ---------------------------------------------------------------------------
// Scalars

TEST_CASE("pg_codec: integers print as plain decimal and read back at their limits") {
    CHECK(to_text<std::int16_t>(std::numeric_limits<std::int16_t>::min()) == "-32768");
    CHECK(to_text<std::int16_t>(std::numeric_limits<std::int16_t>::max()) == "32767");
    CHECK(to_text<std::int32_t>(std::numeric_limits<std::int32_t>::min()) == "-2147483648");
    CHECK(to_text<std::int64_t>(std::numeric_limits<std::int64_t>::min()) == "-9223372036854775808");
    CHECK(to_text<std::int64_t>(std::numeric_limits<std::int64_t>::max()) == "9223372036854775807");
    CHECK(to_text<std::int32_t>(0) == "0");

    CHECK(from_text<std::int16_t>("-32768") == std::numeric_limits<std::int16_t>::min());
    CHECK(from_text<std::int32_t>("2147483647") == std::numeric_limits<std::int32_t>::max());
    CHECK(from_text<std::int64_t>("-9223372036854775808") == std::numeric_limits<std::int64_t>::min());
    CHECK(from_text<std::int64_t>("9223372036854775807") == std::numeric_limits<std::int64_t>::max());
    CHECK(from_text<std::int32_t>("-0") == 0);

    std::string out = "x=";
    Codec<std::int32_t>::write(out, 42);
    CHECK(out == "x=42");  // write appends
}

TEST_CASE("pg_codec: integer rejections name the type, the text and the reason") {
    CHECK(error_of([] { from_text<std::int32_t>("abc"); }) == "invalid integer \"abc\": not a number");
    CHECK(error_of([] { from_text<std::int16_t>("32768"); }) == "invalid smallint \"32768\": out of range -32768..32767");
    check_read_rejects<std::int16_t>({{"-32769", "out of range"}, {"", "empty text"}});
    check_read_rejects<std::int32_t>({{"2147483648", "out of range"}, {"-2147483649", "out of range"}});
    check_read_rejects<std::int64_t>({
        {"9223372036854775808", "invalid bigint \"9223372036854775808\": out of range"},
        {"-9223372036854775809", "out of range"},
        {"+1", "not a number"},
        {" 1", "not a number"},
        {"1 ", "not a number"},
        {"1.0", "not a number"},
        {"0x10", "not a number"},
        {"1e3", "not a number"},
        {"-", "not a number"},
    });
}

TEST_CASE("pg_codec: bool is t and f") {
    CHECK(to_text(true) == "t");
    CHECK(to_text(false) == "f");
    CHECK(from_text<bool>("t"));
    CHECK_FALSE(from_text<bool>("f"));
    check_read_rejects<bool>({{"true", "invalid boolean \"true\": expected t or f"}, {"", "expected t or f"}, {"T", "expected t or f"}});
}

TEST_CASE("pg_codec: doubles print the shortest exact text and read back bit for bit") {
    const double values[] = {0.0, 1.0, -1.5, 0.1, 1.0 / 3, 100000.0, 1e300, -1e-300, 123456789012345678.0,
                             std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                             std::numeric_limits<double>::min(), std::numeric_limits<double>::denorm_min(),
                             std::numeric_limits<double>::epsilon()};
    for (double v : values) {
        CAPTURE(v);
        const std::string t = to_text(v);
        CAPTURE(t);
        const double back = from_text<double>(t);
        CHECK(std::memcmp(&back, &v, sizeof v) == 0);
    }
    CHECK(to_text(0.1) == "0.1");
    CHECK(to_text(-0.0) == "-0");
    CHECK(std::signbit(from_text<double>("-0")));
    CHECK(to_text(std::numeric_limits<double>::denorm_min()) == "5e-324");
    CHECK(from_text<double>("4.9406564584124654e-324") == std::numeric_limits<double>::denorm_min());  // extra digits allowed
    CHECK(from_text<double>("1e+300") == 1e300);
    CHECK(to_text(std::numeric_limits<double>::quiet_NaN()) == "NaN");
    CHECK(to_text(-std::numeric_limits<double>::quiet_NaN()) == "NaN");
    CHECK(to_text(std::numeric_limits<double>::infinity()) == "Infinity");
    CHECK(to_text(-std::numeric_limits<double>::infinity()) == "-Infinity");
    CHECK(std::isnan(from_text<double>("NaN")));
    CHECK(from_text<double>("Infinity") == std::numeric_limits<double>::infinity());
    CHECK(from_text<double>("-Infinity") == -std::numeric_limits<double>::infinity());
    check_read_rejects<double>({
        {"", "empty text"},
        {"inf", "invalid double precision \"inf\": not a number"},
        {"nan", "not a number"},
        {"infinity", "not a number"},
        {"1e400", "out of range"},
        {"1e-400", "out of range"},  // PostgreSQL rejects underflow too
        {"1.5x", "not a number"},
        {" 1", "not a number"},
        {"+1", "not a number"},
        {"1,5", "not a number"},
    });
}

TEST_CASE("pg_codec: floats (real) round-trip with their own shortest text") {
    const float values[] = {0.0f, -0.0f, 0.1f, 1.0f / 3, 16777217.0f, std::numeric_limits<float>::max(),
                            std::numeric_limits<float>::min(), std::numeric_limits<float>::denorm_min()};
    for (float v : values) {
        const std::string t = to_text(v);
        CAPTURE(t);
        const float back = from_text<float>(t);
        CHECK(std::memcmp(&back, &v, sizeof v) == 0);
    }
    CHECK(to_text(0.1f) == "0.1");  // not 0.100000001490116: the float's own shortest text
    CHECK(to_text(std::numeric_limits<float>::denorm_min()) == "1e-45");
    CHECK(std::isnan(from_text<float>("NaN")));
    CHECK(from_text<float>("-Infinity") == -std::numeric_limits<float>::infinity());
    check_read_rejects<float>({{"1e39", "invalid real \"1e39\": out of range"}, {"1e-50", "out of range"}});
}

TEST_CASE("pg_codec: text is verbatim, bytes and all") {
    const std::string s = "naïve — 日本語 🎉 '; DROP TABLE x; -- \t\n\\ \"";
    CHECK(to_text(s) == s);
    CHECK(from_text<std::string>(s) == s);
    CHECK(from_text<std::string>("") == "");
}

TEST_CASE("pg_codec: the values.hpp types read and write through their codecs") {
    CHECK(to_text(from_text<Decimal>("1.50")) == "1.50");
    CHECK(from_text<Decimal>("NaN").is_nan());
    CHECK(to_text(from_text<Uuid>("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")) == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    CHECK(to_text(Interval{14, 3, 3723000001}) == "P1Y2M3DT1H2M3.000001S");
    CHECK(from_text<Interval>("P1Y2M3DT1H2M3.000001S") == Interval{14, 3, 3723000001});
    CHECK(to_text(Bytes{std::byte{0}, std::byte{0xff}}) == "\\x00ff");
    CHECK(from_text<Bytes>("\\x00ff") == Bytes{std::byte{0}, std::byte{0xff}});
    CHECK(to_text(Json("{\"a\": 1}")) == "{\"a\": 1}");
    const Timestamp ts = sys_days(2024y / March / 10) + 7h + 30min + 123456us;
    CHECK(to_text(ts) == "2024-03-10 07:30:00.123456+00");
    CHECK(from_text<Timestamp>("2024-03-10 02:30:00.123456-05") == ts);
    CHECK(to_text(LocalTimestamp(local_days(2024y / March / 10) + 2h + 30min)) == "2024-03-10 02:30:00");
    CHECK(to_text(Date(sys_days(year(-43) / March / 15))) == "0044-03-15 BC");
    CHECK(error_of([] { from_text<Timestamp>("infinity"); }).find("infinity is not supported") != std::string::npos);
}

TEST_CASE("pg_codec: time of day prints as PostgreSQL's time, 24:00:00 included") {
    struct Case {
        microseconds us;
        const char* text;
    };
    const Case cases[] = {
        {0us, "00:00:00"},
        {13h + 5min, "13:05:00"},
        {23h + 59min + 59s + 500000us, "23:59:59.5"},
        {23h + 59min + 59s + 999999us, "23:59:59.999999"},
        {1us, "00:00:00.000001"},
        {10h + 120us, "10:00:00.00012"},
        {24h, "24:00:00"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(to_text(TimeOfDay{c.us}) == c.text);
        CHECK(from_text<TimeOfDay>(c.text) == TimeOfDay{c.us});
    }
    CHECK(from_text<TimeOfDay>("12:00:00.1") == TimeOfDay{12h + 100ms});
    CHECK(TimeOfDay{1h} < TimeOfDay{2h});
    CHECK(type_name<TimeOfDay>() == "time");
    check_read_rejects<TimeOfDay>({
        {"24:00:00.000001", "invalid time \"24:00:00.000001\": after 24:00:00"},
        {"25:00:00", "hour 25 out of range 00-24"},
        {"12:60:00", "minute 60 out of range"},
        {"12:00:60", "second 60 out of range"},
        {"12:00", "expected ':' and seconds"},
        {"12:00:00.", "expected fraction digits"},
        {"12:00:00.1234567", "more than 6 fraction digits"},
        {"12:00:00+02", "no UTC offset (that is timetz)"},
        {"1:00:00", "expected 2-digit hours"},
        {"", "expected 2-digit hours"},
        {"12:00:00 ", "unexpected ' '"},
    });
    CHECK(error_of([] { to_text(TimeOfDay{-1us}); }).find("outside 00:00:00..24:00:00") != std::string::npos);
    CHECK(error_of([] { to_text(TimeOfDay{24h + 1us}); }).find("outside 00:00:00..24:00:00") != std::string::npos);
    std::string error;
    CHECK_FALSE(try_from_text<TimeOfDay>("x", &error).has_value());
    CHECK(error.find("expected 2-digit hours") != std::string::npos);
}

TEST_CASE("pg codec: timetz is the time and its UTC offset, as PostgreSQL prints them") {
    struct Case {
        microseconds us;
        seconds offset;
        const char* text;
    };
    const Case cases[] = {
        {13h + 5min, 7200s, "13:05:00+02"},
        {0us, 0s, "00:00:00+00"},
        {9h + 30min + 250000us, -(3h + 30min), "09:30:00.25-03:30"},
        {24h, -(15h + 59min + 59s), "24:00:00-15:59:59"},
        {23h + 59min + 59s + 999999us, 15h + 59min + 59s, "23:59:59.999999+15:59:59"},
        {12h, 5h + 45min, "12:00:00+05:45"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(to_text(TimeOfDayTz{c.us, c.offset}) == c.text);
        CHECK(from_text<TimeOfDayTz>(c.text) == TimeOfDayTz{c.us, c.offset});
    }
    // Two values, as they are to PostgreSQL's `=` on the stored parts.
    CHECK(TimeOfDayTz{12h, 3600s} != TimeOfDayTz{11h, 0s});
    CHECK(type_name<TimeOfDayTz>() == "timetz");
    check_read_rejects<TimeOfDayTz>({
        {"12:00:00", "expected a UTC offset such as +00"},
        {"12:00:00+16", "UTC offset out of range (at most 15:59:59)"},
        {"12:00:00+02:60", "UTC offset out of range"},
        {"12:00:00+2", "expected 2-digit offset hours"},
        {"24:00:00.000001+00", "after 24:00:00"},
        {"12:00:00+02 ", "unexpected ' '"},
        {"12:00+02", "expected ':' and seconds"},
    });
    CHECK(error_of([] { to_text(TimeOfDayTz{1h, 16h}); }).find("outside -15:59:59..+15:59:59") != std::string::npos);
    CHECK(error_of([] { to_text(TimeOfDayTz{-1us, 0s}); }).find("outside 00:00:00..24:00:00") != std::string::npos);
}

// ---------------------------------------------------------------------------
// Arrays

TEST_CASE("pg_codec: array elements are quoted exactly when array_in would misread them") {
    struct Case {
        std::optional<std::string> element;
        const char* text;  // the array of that one element
    };
    const Case cases[] = {
        {"abc", "{abc}"},
        {std::nullopt, "{NULL}"},
        {"", "{\"\"}"},
        {"NULL", "{\"NULL\"}"},
        {"null", "{\"null\"}"},
        {"nUlL", "{\"nUlL\"}"},
        {"NULLS", "{NULLS}"},
        {"a b", "{\"a b\"}"},
        {"a,b", "{\"a,b\"}"},
        {"{x}", "{\"{x}\"}"},
        {"say \"hi\"", "{\"say \\\"hi\\\"\"}"},
        {"a\\b", "{\"a\\\\b\"}"},
        {"tab\there", "{\"tab\there\"}"},
        {"line\nbreak", "{\"line\nbreak\"}"},
        {"日本語", "{日本語}"},  // UTF-8 bytes need no quotes
        {"'; DROP TABLE x; --", "{\"'; DROP TABLE x; --\"}"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const Texts one{c.element};
        CHECK(to_text(one) == c.text);
        CHECK(from_text<Texts>(c.text) == one);
    }
    const Texts many{"a", std::nullopt, "", "NULL", "a \"q\" \\ b"};
    CHECK(to_text(many) == R"({a,NULL,"","NULL","a \"q\" \\ b"})");
    CHECK(from_text<Texts>(to_text(many)) == many);
    CHECK(to_text(Texts{}) == "{}");
    CHECK(from_text<Texts>("{}").empty());
}

TEST_CASE("pg_codec: arrays of every element type round-trip through their text") {
    using I = std::vector<std::optional<std::int32_t>>;
    CHECK(to_text(I{1, std::nullopt, -3}) == "{1,NULL,-3}");
    CHECK(from_text<I>("{1,NULL,-3}") == I{1, std::nullopt, -3});
    CHECK(from_text<I>("{null}") == I{std::nullopt});  // NULL in any case

    using L = std::vector<std::optional<std::int64_t>>;
    const L limits{std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};
    CHECK(from_text<L>(to_text(limits)) == limits);

    using B = std::vector<std::optional<bool>>;
    CHECK(to_text(B{true, false, std::nullopt}) == "{t,f,NULL}");
    CHECK(from_text<B>("{t,f,NULL}") == B{true, false, std::nullopt});

    using D = std::vector<std::optional<double>>;
    const D d = from_text<D>("{NaN,Infinity,-Infinity,-0,1e+300}");
    REQUIRE(d.size() == 5);
    CHECK(std::isnan(*d[0]));
    CHECK(*d[2] == -std::numeric_limits<double>::infinity());
    CHECK(std::signbit(*d[3]));
    CHECK(to_text(d) == "{NaN,Infinity,-Infinity,-0,1e+300}");

    using N = std::vector<std::optional<Decimal>>;
    const N n{from_text<Decimal>("12345678901234567890123456789012345678"), std::nullopt, from_text<Decimal>("NaN"),
              from_text<Decimal>("-0.001")};
    CHECK(to_text(n) == "{12345678901234567890123456789012345678,NULL,NaN,-0.001}");
    CHECK(from_text<N>(to_text(n)) == n);

    // bytea elements contain a backslash, so they are quoted with it doubled,
    // exactly as the server prints bytea[].
    using Y = std::vector<std::optional<Bytes>>;
    const Y y{Bytes{std::byte{0}, std::byte{1}}, std::nullopt, Bytes{}};
    CHECK(to_text(y) == R"({"\\x0001",NULL,"\\x"})");
    CHECK(from_text<Y>(R"({"\\x0001",NULL,"\\x"})") == y);

    using T = std::vector<std::optional<Timestamp>>;
    const T t{Timestamp(sys_days(2024y / January / 1)), std::nullopt};
    CHECK(to_text(t) == R"({"2024-01-01 00:00:00+00",NULL})");
    CHECK(from_text<T>(to_text(t)) == t);

    using U = std::vector<std::optional<Uuid>>;
    const U u{from_text<Uuid>("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), std::nullopt};
    CHECK(to_text(u) == "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,NULL}");
    CHECK(from_text<U>(to_text(u)) == u);

    using J = std::vector<std::optional<Json>>;
    const J j{Json(R"({"a": [1, "x"]})"), Json("null")};
    CHECK(to_text(j) == R"({"{\"a\": [1, \"x\"]}","null"})");  // a JSON null is quoted: bare, it is an SQL NULL
    CHECK(from_text<J>(to_text(j)) == j);
    CHECK(from_text<J>("{null}") == J{std::nullopt});

    using M = std::vector<std::optional<Mood>>;
    CHECK(to_text(M{Mood::happy, std::nullopt, Mood::meh}) == R"({happy,NULL,"so so"})");
    CHECK(from_text<M>(R"({happy,NULL,"so so"})") == M{Mood::happy, std::nullopt, Mood::meh});

    using TD = std::vector<std::optional<TimeOfDay>>;
    CHECK(to_text(TD{TimeOfDay{24h}, TimeOfDay{1us}}) == "{24:00:00,00:00:00.000001}");
}

TEST_CASE("pg_codec: array text the server never prints, or that does not fit, is rejected clearly") {
    using I = std::vector<std::optional<std::int32_t>>;
    check_read_rejects<I>({
        {"{{1,2},{3,4}}", "multi-dimensional arrays are not supported"},
        {"[0:1]={1,2}", "dimension decoration \"[0:1]=\": arrays whose lower bound is not 1 are not supported"},
        {"{1,x}", "invalid array \"{1,x}\": element 2: invalid integer \"x\": not a number"},
        {"{1,2", "expected ',' or '}'"},
        {"{1,,2}", "expected an element"},
        {"1,2", "expected '{'"},
        {"", "expected '{'"},
        {"{1}x", "after the closing '}'"},
        {"{\"1}", "unterminated quoted element"},
        {"{a\"b}", "inside an unquoted element"},
        {"{1,2147483648}", "element 2: invalid integer \"2147483648\": out of range"},
    });
    check_read_rejects<Texts>({{"{\"a\"b}", "expected ',' or '}'"}, {"{a\\", "backslash at the end"}});
    // What array_in accepts beyond array_out's form: spaces around elements,
    // backslash escapes in bare elements (an escaped NULL is text).
    CHECK(from_text<Texts>("{ a , b }") == Texts{"a", "b"});
    CHECK(from_text<Texts>("{a\\ }") == Texts{"a "});
    CHECK(from_text<Texts>("{\\NULL}") == Texts{"NULL"});
    CHECK(from_text<Texts>("{NULL  }") == Texts{std::nullopt});
}

TEST_CASE("pg_codec: long texts are cut in messages") {
    const std::string big = "{" + std::string(10000, '1') + "}";
    const std::string e = error_of([&] { from_text<std::vector<std::optional<std::int64_t>>>(big); });
    CHECK(e.size() < 600);
    CHECK(e.find("(10002 bytes)") != std::string::npos);
}

// ---------------------------------------------------------------------------
// COPY

TEST_CASE("pg_codec: COPY fields escape what COPY TO escapes and nothing else") {
    struct Case {
        std::string field;
        const char* escaped;
    };
    const Case cases[] = {
        {"plain", "plain"},
        {"", ""},
        {"a\tb", "a\\tb"},
        {"a\nb\r", "a\\nb\\r"},
        {"back\\slash", "back\\\\slash"},
        {"\\N", "\\\\N"},  // the two characters backslash and N: text, not NULL
        {"\b\f\v", "\\b\\f\\v"},
        {std::string("\x01\x1f\x7f", 3), "\x01\x1f\x7f"},  // other control characters pass through
        {"日本語 🎉", "日本語 🎉"},
        {"'; DROP TABLE x; --", "'; DROP TABLE x; --"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.escaped);
        std::string line = "x\t";
        append_copy_field(line, c.field);
        CHECK(line == std::string("x\t") + c.escaped);
        Texts fields;
        split_copy_line(line, fields);
        CHECK(fields == Texts{"x", c.field});
    }
    std::string line;
    append_copy_null(line);
    CHECK(line == "\\N");
}

TEST_CASE("pg_codec: COPY lines split into fields, NULL apart from the text \\N") {
    struct Case {
        const char* line;
        Texts fields;
    };
    const Case cases[] = {
        {"", {""}},
        {"a", {"a"}},
        {"a\tb\tc", {"a", "b", "c"}},
        {"\t", {"", ""}},
        {"a\t", {"a", ""}},
        {"\\N", {std::nullopt}},
        {"\\N\t\\N", {std::nullopt, std::nullopt}},
        {"\\\\N", {"\\N"}},
        {"\\N\t\\\\N\t", {std::nullopt, "\\N", ""}},
        {"a\\tb\\nc\\\\d", {"a\tb\nc\\d"}},
        {"\\b\\f\\v\\r", {"\b\f\v\r"}},
        {"\\101\\7\\x41\\x4a\\xg", {"A\x07" "AJxg"}},  // octal, hex, "\x" without digits is x
        {"\\q\\.", {"q."}},                                // other escaped characters stand for themselves
        {"\\303\\274", {"ü"}},                            // escaped UTF-8 bytes
        {"\\777", {"\xff"}},                                // low byte, as COPY FROM
    };
    for (const Case& c : cases) {
        const std::string line = c.line;
        CAPTURE(line);
        Texts fields;
        split_copy_line(line, fields);
        CHECK(fields == c.fields);
    }
}

TEST_CASE("pg_codec: COPY splitting reuses the vector and rejects malformed lines") {
    Texts fields;
    split_copy_line("a\tb\tc\td", fields);
    CHECK(fields.size() == 4);
    split_copy_line("\\N\tx", fields);
    CHECK(fields == Texts{std::nullopt, "x"});
    split_copy_line("y", fields);
    CHECK(fields == Texts{"y"});

    struct Bad {
        const char* line;
        const char* message;
    };
    const Bad bad[] = {
        {"a\\", "backslash at the end of the line"},
        {"\\Nx", "\\N inside a longer field at offset 0"},
        {"x\\N", "\\N inside a longer field at offset 1"},
        {"\\0", "escape at offset 0 makes a zero byte"},
        {"a\\x00", "makes a zero byte"},
        {"a\nb", "raw newline or carriage return"},
        {"a\rb", "raw newline or carriage return"},
    };
    for (const Bad& b : bad) {
        const std::string line = b.line;
        CAPTURE(line);
        const std::string e = error_of([&] { split_copy_line(b.line, fields); });
        CHECK_MESSAGE(e.find(b.message) != std::string::npos, "error was: " << e);
        CHECK(e.rfind("invalid COPY line", 0) == 0);
    }
}

TEST_CASE("pg_codec: every byte survives COPY escaping and splitting") {
    std::string all;
    for (int c = 1; c < 256; ++c) all += static_cast<char>(c);
    std::string line;
    append_copy_field(line, all);
    append_copy_field(line += '\t', std::string_view(all).substr(100));
    line += '\t';
    append_copy_null(line);
    CHECK(line.find('\n') == std::string::npos);
    Texts fields;
    split_copy_line(line, fields);
    CHECK(fields == Texts{all, all.substr(100), std::nullopt});
}
