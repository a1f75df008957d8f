// The generated DAOs of tests/codegen/roundtrip/schema.yaml (committed C++ in
// tests/codegen/roundtrip/cpp, library generated_roundtrip) against a real
// PostgreSQL 15: every DAO operation on every mapped type, with edge values,
// read back through every read path (RETURNING, find_by_*, list_by_*, COPY
// out in for_each).
//
// Test case names hold no ";" (doctest_discover_tests would split them).
// Each test case gets its own database (scratch_db.hpp). The schema is created
// by the up migration of the empty schema -> schema.yaml, planned in-process by
// the same pipeline `schemac plan --to schema.yaml` runs (load -> analyze ->
// diff -> render -> split into files, tests/integration/migration_files.hpp)
// and run the way the migration runner runs files: so the tables are always
// those of the YAML the C++ was generated from, with no SQL fixture to keep in
// sync and no child process.
//
// Rows are compared twice: as text (describe(): every field through its codec,
// so -0 vs 0, NaN, numeric scale "1.50" vs "1.5" and JSON text all count) and
// with the row structs' defaulted operator== where no field is NaN.
//
// Server behaviour the expectations encode (PostgreSQL's, not the DAO's):
//   - char(5) pads with spaces to 5 characters: 'ab' is stored and read back
//     as "ab   ", '' as five spaces, '日本' as "日本   " (5 characters, 9 bytes);
//   - numeric(p,s) rounds to its scale: numeric(12,2) '1.5' -> "1.50",
//     '0.005' -> "0.01"; numeric(38,0) '12345.5' -> "12346"; plain numeric
//     keeps the scale it was given ("1.50" stays "1.50"); "-0.00" is "0.00";
//   - json keeps its text byte for byte; jsonb is normalised (keys sorted by
//     length then bytes, the last duplicate key wins, one space after ':' and
//     ',', \u escapes decoded, 1e3 -> 1000);
//   - serial/bigserial/identity values come from sequences, which an aborted
//     transaction does not roll back.
#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <schemac/dao/dao_rows.hpp>

#include "rt/arrays.hpp"
#include "rt/enums.hpp"
#include "rt/keyed.hpp"
#include "rt/required.hpp"
#include "rt/scalars.hpp"
#include "rt_db.hpp"

using namespace std::chrono;
using db::rt::Mood;
using schemac::Bytes;
using schemac::Decimal;
using schemac::Interval;
using schemac::Json;
using schemac::TimeOfDay;
using schemac::TimeOfDayTz;
using schemac::Uuid;

namespace {

using schemac::test::RtDb;

// Runs one table-driven case; an exception fails the case (named) and the
// test goes on with the next one.
template <class F>
void run_case(const std::string& name, F&& body) {
    INFO("case: " << name);
    try {
        body();
    } catch (const std::exception& e) {
        FAIL_CHECK("case \"" << name << "\" threw: " << e.what());
    }
}

// ---------------------------------------------------------------------------
// Values.

Decimal dec(std::string_view s) {
    std::string error;
    auto d = Decimal::parse(s, &error);
    if (!d) throw std::runtime_error("test bug: bad decimal " + std::string(s) + ": " + error);
    return *d;
}
Uuid uuid(std::string_view s) { return schemac::pg::from_text<Uuid>(s); }
schemac::Date date(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }
schemac::Timestamp utc(int y, unsigned mo, unsigned d, int h, int mi, int s, int us) {
    return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} + microseconds{us};
}
schemac::LocalTimestamp local(int y, unsigned mo, unsigned d, int h, int mi, int s, int us) {
    return local_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} + microseconds{us};
}
TimeOfDay tod(int h, int m, int s, int us) { return TimeOfDay{hours{h} + minutes{m} + seconds{s} + microseconds{us}}; }
TimeOfDayTz todtz(int h, int m, int s, int us, int offset_seconds) {
    return TimeOfDayTz{tod(h, m, s, us).since_midnight, seconds{offset_seconds}};
}
Interval interval(std::int32_t months, std::int32_t days, std::int64_t us) { return Interval{months, days, us}; }
constexpr std::int64_t kUsPerSecond = 1'000'000;
constexpr std::int64_t kUsPerHour = 3600 * kUsPerSecond;

Bytes bytes(std::initializer_list<int> v) {
    Bytes b;
    for (int x : v) b.push_back(static_cast<std::byte>(x));
    return b;
}
Bytes all_bytes() {
    Bytes b(256);
    for (int i = 0; i < 256; ++i) b[i] = static_cast<std::byte>(i);
    return b;
}

const std::string kUtf8 = "Grüße 日本語 🚀";
const std::string kInjection = "'; DROP TABLE rt.scalars; --";
const std::string kNasty = "it's \"quoted\" \\ back\\slash \ttab\nnewline\r\ncrlf \\N \\x00 \\\\ " + kInjection;

template <class T> constexpr T lo() { return std::numeric_limits<T>::lowest(); }
template <class T> constexpr T hi() { return std::numeric_limits<T>::max(); }
template <class T> constexpr T qnan() { return std::numeric_limits<T>::quiet_NaN(); }
template <class T> constexpr T inf() { return std::numeric_limits<T>::infinity(); }

// ---------------------------------------------------------------------------
// Rows as text, for exact comparison and readable failures.

std::string escaped(std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

template <class T> struct is_opt : std::false_type {};
template <class T> struct is_opt<std::optional<T>> : std::true_type {};

template <class T> std::string show(const T& v) {
    if constexpr (is_opt<T>::value) {
        return v ? show(*v) : std::string("NULL");
    } else if constexpr (std::is_same_v<T, std::string>) {
        return "'" + escaped(v) + "'";
    } else {
        return escaped(schemac::pg::to_text(v));
    }
}

template <class F> bool any_nan(const F& v) {
    if constexpr (is_opt<F>::value) {
        return v && any_nan(*v);
    } else if constexpr (std::is_floating_point_v<F>) {
        return std::isnan(v);
    } else if constexpr (std::is_same_v<F, std::vector<std::optional<double>>>) {
        for (const auto& e : v)
            if (e && std::isnan(*e)) return true;
        return false;
    } else {
        return false;
    }
}

#define SCALARS_FIELDS(X) \
    X(small) X(int_) X(big) X(r) X(d) X(num) X(num38) X(money2) X(vc) X(ch) X(txt) X(flag) X(day) X(tod) X(todtz) X(ts) X(tstz) X(iv) X(u) X(j) X(jb) X(bin) X(m) X(bits) X(bits4)
#define REQUIRED_FIELDS(X) \
    X(small) X(int_) X(big) X(r) X(d) X(num) X(vc) X(txt) X(flag) X(day) X(tod) X(todtz) X(ts) X(tstz) X(iv) X(u) X(j) X(jb) X(bin) X(m)
#define ARRAYS_FIELDS(X) \
    X(ints) X(bigs) X(texts) X(nums) X(bins) X(tstzs) X(uuids) X(flags) X(moods) X(dates) X(floats) X(required_texts)
#define KEYED_FIELDS(X) X(tenant) X(seq) X(code) X(Order) X(class_) X(status) X(note) X(created) X(hits) X(label)

#define SHOW_FIELD(f) s += " " #f "=" + show(r.f);
#define NAN_FIELD(f) nan = nan || any_nan(r.f);
#define COPY_FIELD(f) r.f = n.f;

std::string describe(const db::rt::ScalarsRow& r) {
    std::string s = "id=" + show(r.id);
    SCALARS_FIELDS(SHOW_FIELD)
    return s;
}
std::string describe(const db::rt::RequiredRow& r) {
    std::string s = "id=" + show(r.id);
    REQUIRED_FIELDS(SHOW_FIELD)
    return s;
}
std::string describe(const db::rt::ArraysRow& r) {
    std::string s = "id=" + show(r.id);
    ARRAYS_FIELDS(SHOW_FIELD)
    return s;
}
std::string describe(const db::rt::KeyedRow& r) {
    std::string s;
    KEYED_FIELDS(SHOW_FIELD)
    return s;
}
bool has_nan(const db::rt::ScalarsRow& r) {
    bool nan = false;
    SCALARS_FIELDS(NAN_FIELD)
    return nan;
}
bool has_nan(const db::rt::RequiredRow& r) {
    bool nan = false;
    REQUIRED_FIELDS(NAN_FIELD)
    return nan;
}
bool has_nan(const db::rt::ArraysRow& r) {
    bool nan = false;
    ARRAYS_FIELDS(NAN_FIELD)
    return nan;
}

template <class Row> void check_row(const Row& actual, const Row& expected) {
    CHECK(describe(actual) == describe(expected));
    if (!has_nan(expected)) CHECK(actual == expected);
}
// keyed.label is generated (tenant || '/' || code): the server computes it on
// every insert and update, whatever the expected row says.
void check_row(const db::rt::KeyedRow& actual, db::rt::KeyedRow expected) {
    expected.label = expected.tenant + "/" + expected.code;
    CHECK(describe(actual) == describe(expected));
    CHECK(actual == expected);
}
void check_row(const std::optional<db::rt::KeyedRow>& actual, const db::rt::KeyedRow& expected) {
    REQUIRE_MESSAGE(actual.has_value(), "no row; expected " << describe(expected));
    check_row(*actual, expected);
}
template <class Row> void check_row(const std::optional<Row>& actual, const Row& expected) {
    REQUIRE_MESSAGE(actual.has_value(), "no row; expected " << describe(expected));
    check_row(*actual, expected);
}

// ---------------------------------------------------------------------------
// rt.scalars cases: what is inserted, and what the server makes of it.

using db::rt::ScalarsNew;
using db::rt::ScalarsRow;

struct ScalarCase {
    std::string name;
    ScalarsNew in;
    std::function<void(ScalarsRow&)> server = {};  // the server's coercions (char padding, typmods, jsonb)
};

ScalarsRow as_row(const ScalarsNew& n, std::int64_t id) {
    ScalarsRow r;
    r.id = id;
    SCALARS_FIELDS(COPY_FIELD)
    return r;
}
ScalarsRow stored(const ScalarCase& c, std::int64_t id) {
    ScalarsRow r = as_row(c.in, id);
    if (c.server) c.server(r);
    return r;
}

const std::string kJsonIn = R"({"b": 1,   "a": [1, 2, {"x": null}], "s": "Gr\u00fc\u00dfe \"q\" \\", "b": 2, "longer": 1.50, "e": 1e3})";
const std::string kJsonbOut = R"({"a": [1, 2, {"x": null}], "b": 2, "e": 1000, "s": "Grüße \"q\" \\", "longer": 1.50})";

std::vector<ScalarCase> scalar_cases() {
    std::vector<ScalarCase> c;
    c.push_back({"every column NULL", {}});
    c.push_back({"minimums, empty strings, earliest dates",
                 {.small = lo<std::int16_t>(),
                  .int_ = lo<std::int32_t>(),
                  .big = lo<std::int64_t>(),
                  .r = lo<float>(),
                  .d = lo<double>(),
                  .num = dec("-12345678901234567890123456789012345678.123456789012345678901234567890"),
                  .num38 = dec("-99999999999999999999999999999999999999"),
                  .money2 = dec("-9999999999.99"),
                  .vc = "",
                  .ch = "",
                  .txt = "",
                  .flag = false,
                  .day = date(-4713, 11, 24),                   // 4714-11-24 BC: PostgreSQL's first day
                  .tod = tod(0, 0, 0, 0),
                  .todtz = todtz(0, 0, 0, 0, -(15 * 3600 + 59 * 60 + 59)),   // PostgreSQL's furthest offsets
                  .ts = local(-4713, 11, 24, 0, 0, 0, 0),
                  .tstz = utc(-4713, 11, 24, 0, 0, 0, 0),
                  .iv = interval(-14, -3, -(4 * kUsPerHour + 5 * 60 * kUsPerSecond + 6 * kUsPerSecond + 500000)),
                  .u = uuid("00000000-0000-0000-0000-000000000000"),
                  .j = Json("[]"),
                  .jb = Json("{}"),
                  .bin = Bytes{},
                  .m = Mood::happy,
                  .bits = "",
                  .bits4 = "0000"},
                 [](ScalarsRow& r) { r.ch = "     "; }});
    c.push_back({"maximums, year 9999, all 256 bytes",
                 {.small = hi<std::int16_t>(),
                  .int_ = hi<std::int32_t>(),
                  .big = hi<std::int64_t>(),
                  .r = hi<float>(),
                  .d = hi<double>(),
                  .num = dec("99999999999999999999999999999999999999"),
                  .num38 = dec("99999999999999999999999999999999999999"),
                  .money2 = dec("9999999999.99"),
                  .vc = [] { std::string s; for (int i = 0; i < 50; ++i) s += "ü"; return s; }(),   // 50 characters, 100 bytes
                  .ch = "abcde",
                  .txt = std::string(100000, 'x') + kUtf8,
                  .flag = true,
                  .day = date(9999, 12, 31),
                  .tod = tod(23, 59, 59, 999999),
                  .todtz = todtz(23, 59, 59, 999999, 15 * 3600 + 59 * 60 + 59),
                  .ts = local(9999, 12, 31, 23, 59, 59, 999999),
                  .tstz = utc(9999, 12, 31, 23, 59, 59, 999999),
                  .iv = interval(178956970 * 12 + 7, hi<std::int32_t>(), hi<std::int64_t>()),
                  .u = uuid("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                  .j = Json(R"({"k": [true, false, null, 1.5e300, "x"]})"),
                  .jb = Json(R"([1, "a", null, true, [], {}])"),
                  .bin = all_bytes(),
                  .m = Mood::delete_,
                  .bits = "1000000000000001",
                  .bits4 = "1111"}});
    c.push_back({"NaN everywhere it exists",
                 {.r = qnan<float>(), .d = qnan<double>(), .num = dec("NaN"), .num38 = dec("NaN"), .money2 = dec("NaN"), .m = Mood::so_so}});
    c.push_back({"+Infinity", {.r = inf<float>(), .d = inf<double>(), .m = Mood::sad}});
    c.push_back({"-Infinity", {.r = -inf<float>(), .d = -inf<double>(), .m = Mood::with_space}});
    c.push_back({"negative zero", {.r = -0.0f, .d = -0.0, .num = dec("-0.00"), .money2 = dec("-0"), .m = Mood::quote_d},
                 [](ScalarsRow& r) { r.money2 = dec("0.00"); }});
    c.push_back({"denormal minimum",
                 {.r = std::numeric_limits<float>::denorm_min(), .d = std::numeric_limits<double>::denorm_min(),
                  .num = dec("0.000000000000000000000000000000000000000000000000000000000001")}});
    c.push_back({"smallest normal, 1/3, 0.1",
                 {.small = -1, .int_ = -1, .big = -1, .r = std::numeric_limits<float>::min(), .d = std::numeric_limits<double>::min(),
                  .num = dec("0.1")}});
    c.push_back({"thirds and tenths", {.r = 1.0f / 3, .d = 0.1 + 0.2, .num = dec("-0.000001")}});
    c.push_back({"multi-byte UTF-8",
                 {.vc = kUtf8, .ch = "日本", .txt = kUtf8, .j = Json(R"({"s": ")" + kUtf8 + R"("})"), .jb = Json(R"({"s": ")" + kUtf8 + R"("})")},
                 [](ScalarsRow& r) { r.ch = "日本   "; }});
    c.push_back({"quotes, backslashes, control characters, SQL injection",
                 {.vc = "it's \"q\" \\ " + kInjection.substr(0, 20),
                  .ch = "'\"\\\t\n",
                  .txt = kNasty + "\x01\x02\x7f\b\f\v",
                  .j = Json(R"({"q": "it's \"x\" \\ \n \t", "i": "'; DROP TABLE rt.scalars; --"})"),
                  .jb = Json(R"({"q": "it's \"x\" \\ \n \t", "i": "'; DROP TABLE rt.scalars; --"})"),
                  .m = Mood::quote_d},
                 [](ScalarsRow& r) { r.jb = Json(R"({"i": "'; DROP TABLE rt.scalars; --", "q": "it's \"x\" \\ \n \t"})"); }});
    c.push_back({"char(5) padding", {.vc = "ab   ", .ch = "ab", .txt = "  "}, [](ScalarsRow& r) { r.ch = "ab   "; }});
    c.push_back({"numeric scale and typmods",
                 {.num = dec("1.50"), .num38 = dec("12345.5"), .money2 = dec("1.5")},
                 [](ScalarsRow& r) {
                     r.num38 = dec("12346");
                     r.money2 = dec("1.50");
                 }});
    c.push_back({"numeric rounding and 38 digits",
                 {.num = dec("12345678901234567890123456789012345678"),
                  .num38 = dec("-12345678901234567890123456789012345678"),
                  .money2 = dec("0.005")},
                 [](ScalarsRow& r) { r.money2 = dec("0.01"); }});
    c.push_back({"DST spring forward (America/New_York 2024-03-10)",
                 {.day = date(2024, 2, 29),
                  .tod = tod(2, 30, 0, 123456),
                  .todtz = todtz(2, 30, 0, 123456, 5 * 3600 + 30 * 60),   // kept at +05:30 whatever the session's zone
                  .ts = local(2024, 3, 10, 2, 30, 0, 123456),   // does not exist in New York
                  .tstz = utc(2024, 3, 10, 7, 30, 0, 123456),
                  .iv = interval(0, 1, 0)}});
    c.push_back({"DST fall back (America/New_York 2024-11-03)",
                 {.tod = TimeOfDay{hours{24}},
                  .todtz = TimeOfDayTz{hours{24}, seconds{-3 * 3600}},
                  .ts = local(2024, 11, 3, 1, 30, 0, 0),   // happens twice in New York
                  .tstz = utc(2024, 11, 3, 5, 59, 59, 999999),
                  .iv = interval(1, 0, 0)}});
    c.push_back({"BC dates and microsecond interval",
                 {.day = date(-43, 3, 15),                             // 44 BC
                  .ts = local(0, 12, 31, 23, 59, 59, 999999),         // 0001-12-31 BC
                  .tstz = utc(-43, 3, 15, 12, 0, 0, 500000),
                  .iv = interval(0, 0, 1)}});
    c.push_back({"interval parts with mixed signs",
                 {.iv = interval(14, -3, 4 * kUsPerHour + 5 * 60 * kUsPerSecond + 6 * kUsPerSecond + 500000),
                  .u = uuid("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")}});
    c.push_back({"json kept, jsonb normalised", {.j = Json(kJsonIn), .jb = Json(kJsonIn)},
                 [](ScalarsRow& r) { r.jb = Json(kJsonbOut); }});
    c.push_back({"bytea with zero bytes", {.bin = bytes({0, 0, 0, 1, 0, 0x5c, 0x0a, 0x09, 0xff, 0})}});
    c.push_back({"interval minimum, years beyond 9999",
                 {.day = date(32767, 12, 31),
                  .ts = local(32767, 12, 31, 23, 59, 59, 999999),
                  .tstz = utc(10000, 1, 1, 0, 0, 0, 0),
                  .iv = interval(lo<std::int32_t>(), lo<std::int32_t>(), lo<std::int64_t>())}});
    c.push_back({"COPY markers as whole values", {.vc = "\\N", .ch = "\\.", .txt = "\\."}, [](ScalarsRow& r) { r.ch = "\\.   "; }});
    c.push_back({"explicit id", {.id = 1000000, .small = 7, .m = Mood::delete_}});   // keep last (ids of the others: index + 1)
    return c;
}

// Every case, each with the server-filled id left to the server.
std::vector<ScalarsNew> scalar_inputs_without_id() {
    std::vector<ScalarsNew> rows;
    for (const auto& c : scalar_cases()) {
        rows.push_back(c.in);
        rows.back().id = schemac::use_default;
    }
    return rows;
}

// ---------------------------------------------------------------------------
// rt.required cases (NOT NULL columns; the identity is GENERATED ALWAYS).

using db::rt::RequiredNew;
using db::rt::RequiredRow;

struct RequiredCase {
    std::string name;
    RequiredNew in;
};

RequiredRow as_row(const RequiredNew& n, std::int32_t id) {
    RequiredRow r;
    r.id = id;
    REQUIRED_FIELDS(COPY_FIELD)
    return r;
}

std::vector<RequiredCase> required_cases() {
    const RequiredNew base{.num = dec("0"),
                           .vc = "v",
                           .txt = "t",
                           .day = date(2000, 1, 1),
                           .ts = local(2000, 1, 1, 0, 0, 0, 0),
                           .tstz = utc(2000, 1, 1, 0, 0, 0, 0),
                           .u = uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                           .j = Json("null"),
                           .jb = Json("null"),
                           .m = Mood::happy};
    std::vector<RequiredCase> c;
    c.push_back({"zero values", base});
    {
        RequiredNew n{.small = lo<std::int16_t>(), .int_ = lo<std::int32_t>(), .big = lo<std::int64_t>(), .r = lo<float>(),
                      .d = lo<double>(), .num = dec("-99999999999999999999999999999999999999.000000"), .vc = "", .txt = "",
                      .flag = false, .day = date(-4713, 11, 24), .tod = tod(0, 0, 0, 0), .ts = local(-4713, 11, 24, 0, 0, 0, 0),
                      .tstz = utc(-4713, 11, 24, 0, 0, 0, 0), .iv = interval(-14, 3, -6 * kUsPerSecond - 500000),
                      .u = uuid("00000000-0000-0000-0000-000000000000"), .j = Json("[]"), .jb = Json("[]"), .bin = Bytes{},
                      .m = Mood::so_so};
        c.push_back({"minimums", n});
    }
    {
        RequiredNew n{.small = hi<std::int16_t>(), .int_ = hi<std::int32_t>(), .big = hi<std::int64_t>(), .r = hi<float>(),
                      .d = hi<double>(), .num = dec("1.50"), .vc = kUtf8, .txt = kNasty, .flag = true, .day = date(9999, 12, 31),
                      .tod = tod(23, 59, 59, 999999), .ts = local(9999, 12, 31, 23, 59, 59, 999999),
                      .tstz = utc(9999, 12, 31, 23, 59, 59, 999999), .iv = interval(0, 0, 1), .u = uuid("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                      .j = Json(kJsonIn), .jb = Json(kJsonbOut), .bin = all_bytes(), .m = Mood::with_space};
        c.push_back({"maximums, nasty strings", n});
    }
    {
        RequiredNew n = base;
        n.r = qnan<float>();
        n.d = qnan<double>();
        n.num = dec("NaN");
        n.m = Mood::quote_d;
        c.push_back({"NaN", n});
    }
    {
        RequiredNew n = base;
        n.r = -inf<float>();
        n.d = inf<double>();
        n.m = Mood::delete_;
        c.push_back({"infinities", n});
    }
    {
        RequiredNew n = base;
        n.r = -0.0f;
        n.d = std::numeric_limits<double>::denorm_min();
        n.tstz = utc(2024, 3, 10, 7, 30, 0, 123456);
        n.ts = local(2024, 11, 3, 1, 30, 0, 0);
        n.day = date(-43, 3, 15);
        n.bin = bytes({0, 0});
        n.m = Mood::sad;
        c.push_back({"-0, denormal, DST, BC, zero bytes", n});
    }
    return c;
}

// ---------------------------------------------------------------------------
// rt.arrays cases.

using db::rt::ArraysNew;
using db::rt::ArraysRow;

struct ArrayCase {
    std::string name;
    ArraysNew in;
};

ArraysRow as_row(const ArraysNew& n, std::int32_t id) {
    ArraysRow r;
    r.id = id;
    ARRAYS_FIELDS(COPY_FIELD)
    return r;
}

template <class T> using Arr = std::vector<std::optional<T>>;

std::vector<ArrayCase> array_cases() {
    std::vector<ArrayCase> c;
    c.push_back({"NULL arrays (required_texts empty)", {}});
    c.push_back({"empty arrays",
                 {.ints = Arr<std::int32_t>{}, .bigs = Arr<std::int64_t>{}, .texts = Arr<std::string>{}, .nums = Arr<Decimal>{},
                  .bins = Arr<Bytes>{}, .tstzs = Arr<schemac::Timestamp>{}, .uuids = Arr<Uuid>{}, .flags = Arr<bool>{},
                  .moods = Arr<Mood>{}, .dates = Arr<schemac::Date>{}, .floats = Arr<double>{}, .required_texts = {}}});
    c.push_back({"one NULL element each",
                 {.ints = Arr<std::int32_t>{std::nullopt}, .bigs = Arr<std::int64_t>{std::nullopt}, .texts = Arr<std::string>{std::nullopt},
                  .nums = Arr<Decimal>{std::nullopt}, .bins = Arr<Bytes>{std::nullopt}, .tstzs = Arr<schemac::Timestamp>{std::nullopt},
                  .uuids = Arr<Uuid>{std::nullopt}, .flags = Arr<bool>{std::nullopt}, .moods = Arr<Mood>{std::nullopt},
                  .dates = Arr<schemac::Date>{std::nullopt}, .floats = Arr<double>{std::nullopt}, .required_texts = {std::nullopt}}});
    c.push_back({"edge elements with NULLs between",
                 {.ints = Arr<std::int32_t>{1, std::nullopt, lo<std::int32_t>(), hi<std::int32_t>(), 0},
                  .bigs = Arr<std::int64_t>{lo<std::int64_t>(), std::nullopt, hi<std::int64_t>()},
                  .texts = Arr<std::string>{"plain", std::nullopt, kUtf8},
                  .nums = Arr<Decimal>{dec("1.50"), dec("NaN"), std::nullopt, dec("-12345678901234567890123456789012345678"), dec("0.000")},
                  .bins = Arr<Bytes>{Bytes{}, bytes({0, 0}), std::nullopt, all_bytes(), bytes({0x5c, 0x22, 0x2c, 0x7b, 0x7d})},
                  .tstzs = Arr<schemac::Timestamp>{utc(2024, 3, 10, 7, 30, 0, 123456), std::nullopt, utc(2024, 11, 3, 5, 59, 59, 999999),
                                                   utc(-43, 3, 15, 12, 0, 0, 0), utc(9999, 12, 31, 23, 59, 59, 999999)},
                  .uuids = Arr<Uuid>{uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), std::nullopt, uuid("00000000-0000-0000-0000-000000000000")},
                  .flags = Arr<bool>{true, false, std::nullopt},
                  .moods = Arr<Mood>{Mood::happy, Mood::sad, Mood::so_so, Mood::with_space, std::nullopt, Mood::quote_d, Mood::delete_},
                  .dates = Arr<schemac::Date>{date(-4713, 11, 24), std::nullopt, date(9999, 12, 31), date(2024, 2, 29)},
                  .floats = Arr<double>{qnan<double>(), inf<double>(), -inf<double>(), -0.0, std::numeric_limits<double>::denorm_min(),
                                        std::nullopt, hi<double>(), lo<double>()},
                  .required_texts = {std::nullopt, std::nullopt}}});
    c.push_back({"strings that need quoting",
                 {.texts = Arr<std::string>{"NULL", "null", "Null", "a,b", "{x}", "", "\"q\"", "back\\slash", "\\", "\"", " lead",
                                            "trail ", " ", "tab\there", "nl\nhere", "cr\rhere", "'", kInjection, "{", "}", ",", "x y",
                                            "\\N", "\\x00", "NULL ", std::nullopt},
                  .required_texts = {"NULL", "", std::nullopt, "a,b", "{\"x\"}", kUtf8}}});
    return c;
}

// ---------------------------------------------------------------------------
// rt.keyed.

using db::rt::KeyedNew;
using db::rt::KeyedRow;

schemac::Timestamp server_now(pqxx::transaction_base& tx) {
    schemac::Timestamp now{};
    schemac::pg::read(tx.exec("SELECT now()")[0][0], now);
    return now;
}

std::vector<int> seqs(const std::vector<KeyedRow>& rows) {
    std::vector<int> out;
    for (const auto& r : rows) out.push_back(r.seq);
    return out;
}

}  // namespace

// ===========================================================================
// rt.scalars

TEST_CASE("scalars: insert returns every edge value as stored, find_by_id and for_each read the same") {
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    const auto cases = scalar_cases();
    std::map<std::int64_t, ScalarsRow> expected;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& c = cases[i];
        run_case(c.name, [&] {
            pqxx::work tx(f.conn());
            const ScalarsRow got = dao.insert(tx, c.in);
            // bigserial in a fresh database: case i gets i + 1 (the explicit-id case is the last one)
            CHECK(got.id == (c.in.id.is_default() ? static_cast<std::int64_t>(i + 1) : c.in.id.value()));
            check_row(got, stored(c, got.id));
            check_row(dao.find_by_id(tx, got.id), stored(c, got.id));
            tx.commit();
            expected[got.id] = stored(c, got.id);
        });
    }
    pqxx::work tx(f.conn());
    CHECK(dao.count(tx) == static_cast<std::int64_t>(cases.size()));
    CHECK_FALSE(dao.find_by_id(tx, 424242).has_value());
    std::size_t seen = 0;
    dao.for_each(tx, [&](const ScalarsRow& r) {
        ++seen;
        INFO("for_each row id " << r.id);
        const auto it = expected.find(r.id);
        REQUIRE(it != expected.end());
        check_row(r, it->second);
    });
    CHECK(seen == expected.size());
}

TEST_CASE("scalars: insert_many (COPY) round-trips the same edge values, ids left to the server or given") {
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    const auto cases = scalar_cases();
    pqxx::work tx(f.conn());
    CHECK(dao.insert_many(tx, {}) == 0);

    // Server-filled ids: COPY takes nextval row by row, so case i gets id i + 1.
    CHECK(dao.insert_many(tx, scalar_inputs_without_id()) == cases.size());
    // Explicit ids on every row.
    std::vector<ScalarsNew> given = scalar_inputs_without_id();
    for (std::size_t i = 0; i < given.size(); ++i) given[i].id = static_cast<std::int64_t>(5000 + i);
    CHECK(dao.insert_many(tx, given) == cases.size());

    std::map<std::int64_t, ScalarsRow> expected;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        expected[static_cast<std::int64_t>(i + 1)] = stored(cases[i], static_cast<std::int64_t>(i + 1));
        expected[static_cast<std::int64_t>(5000 + i)] = stored(cases[i], static_cast<std::int64_t>(5000 + i));
    }
    for (const auto& [id, row] : expected) {
        INFO("find_by_id " << id);
        check_row(dao.find_by_id(tx, id), row);
    }
    std::size_t seen = 0;
    dao.for_each(tx, [&](const ScalarsRow& r) {
        ++seen;
        INFO("for_each row id " << r.id);
        const auto it = expected.find(r.id);
        REQUIRE(it != expected.end());
        check_row(r, it->second);
    });
    CHECK(seen == expected.size());
    CHECK(dao.count(tx) == static_cast<std::int64_t>(expected.size()));
    tx.commit();
}

TEST_CASE("for_each: a DAO call on the streaming connection inside the callback is refused clearly, and a second connection works") {
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    pqxx::work tx(f.conn());
    const std::int64_t first = dao.insert(tx, ScalarsNew{}).id;
    dao.insert(tx, ScalarsNew{});
    // Before the check, the nested find ended the COPY and the loop then threw "no COPY in progress".
    std::size_t calls = 0;
    CHECK_THROWS_WITH_AS(dao.for_each(tx, [&](const ScalarsRow& r) {
                             ++calls;
                             (void)dao.find_by_id(tx, r.id);
                         }),
                         doctest::Contains("a DAO call on a connection that is streaming rows to a for_each() callback"),
                         std::logic_error);
    CHECK(calls == 1);
    // The refused call sent nothing: the transaction goes on, and the stream was drained.
    CHECK(dao.count(tx) == 2);
    std::size_t seen = 0;
    dao.for_each(tx, [&](const ScalarsRow&) { ++seen; });
    CHECK(seen == 2);
    tx.commit();
    // What the message advises: a second connection inside the callback.
    pqxx::connection other(f.db.conninfo());
    db::rt::ScalarsDao other_dao(other);
    pqxx::work tx2(f.conn());
    pqxx::work other_tx(other);
    std::size_t found = 0;
    dao.for_each(tx2, [&](const ScalarsRow& r) { found += other_dao.find_by_id(other_tx, r.id).has_value() ? 1 : 0; });
    CHECK(found == 2);
    CHECK(other_dao.find_by_id(other_tx, first).has_value());
}

// CopyWriter sends its buffer mid-row once it is full, and hex-encodes a
// bytea piece by piece (dao.hpp): values many times the 8 KB piece size, in
// rows with small ones around them, must arrive whole and in place, in a
// dbtransaction (libpq directly) and a nontransaction (libpqxx, whole lines).
TEST_CASE("insert_many: values far larger than a COPY piece arrive whole, in a work and in a nontransaction") {
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    Bytes big(3 * 1024 * 1024 + 7);
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = std::byte(static_cast<unsigned char>(i * 131 + 7));
    std::string text(1024 * 1024 + 3, 'x');
    for (std::size_t i = 0; i < text.size(); i += 97) text[i] = '\\';   // a backslash: escaped as two in COPY text
    for (bool in_work : {true, false}) {
        INFO(std::string(in_work ? "work" : "nontransaction"));
        std::vector<ScalarsNew> rows(3);
        rows[0].small = 1;
        rows[1].bin = big;
        rows[1].txt = text;
        rows[1].small = 2;
        rows[2].bin = Bytes{std::byte{1}};
        rows[2].small = 3;
        std::unique_ptr<pqxx::transaction_base> tx;
        if (in_work) tx = std::make_unique<pqxx::work>(f.conn());
        else tx = std::make_unique<pqxx::nontransaction>(f.conn());
        CHECK(dao.insert_many(*tx, rows) == 3);
        std::vector<ScalarsRow> got;
        dao.for_each(*tx, [&](const ScalarsRow& r) { got.push_back(r); });
        std::sort(got.begin(), got.end(), [](const ScalarsRow& a, const ScalarsRow& b) { return a.small < b.small; });
        REQUIRE(got.size() == 3);
        CHECK_FALSE(got[0].bin.has_value());
        CHECK(got[1].bin == big);
        CHECK(got[1].txt == text);
        CHECK(got[2].bin == Bytes{std::byte{1}});
        tx->exec0("DELETE FROM rt.scalars");
        if (in_work) tx->commit();
    }
}

TEST_CASE("insert_many: a zero byte in a text value is refused naming its row and column, before the server sees it") {
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    pqxx::work tx(f.conn());
    ScalarsNew fine;
    fine.txt = "fine";
    ScalarsNew zero;
    zero.txt = std::string("a\0b", 3);
    // Before, only the server's "invalid byte sequence for encoding UTF8: 0x00" came back, naming nothing.
    CHECK_THROWS_WITH_AS(dao.insert_many(tx, {fine, zero}),
                         doctest::Contains("insert_many: row 1, column txt: the value contains a zero byte"), schemac::PgTextError);
}

TEST_CASE("scalars: update writes every column (to each edge value and back to NULL), false for a missing row") {
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    std::int64_t id = 0;
    {
        pqxx::work tx(f.conn());
        id = dao.insert(tx, ScalarsNew{}).id;
        tx.commit();
    }
    for (const auto& c : scalar_cases()) {
        run_case(c.name, [&] {
            pqxx::work tx(f.conn());
            CHECK(dao.update(tx, as_row(c.in, id)));
            check_row(dao.find_by_id(tx, id), stored(c, id));
            tx.commit();
        });
    }
    pqxx::work tx(f.conn());
    CHECK(dao.update(tx, as_row(ScalarsNew{}, id)));
    check_row(dao.find_by_id(tx, id), as_row(ScalarsNew{}, id));
    CHECK_FALSE(dao.update(tx, as_row(ScalarsNew{.small = 1}, id + 1)));
    CHECK(dao.count(tx) == 1);
    CHECK_FALSE(dao.find_by_id(tx, id + 1).has_value());
}

TEST_CASE("scalars: upsert inserts, then overwrites on conflict, delete_by_id deletes once") {
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    const auto cases = scalar_cases();
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& c = cases[i];
        const auto& other = cases[(i + 1) % cases.size()];
        run_case(c.name, [&] {
            pqxx::work tx(f.conn());
            const std::int64_t id = 700 + static_cast<std::int64_t>(i);
            check_row(dao.upsert(tx, as_row(c.in, id)), stored(c, id));          // insert path
            check_row(dao.find_by_id(tx, id), stored(c, id));
            check_row(dao.upsert(tx, as_row(other.in, id)), stored(other, id));  // conflict path
            check_row(dao.find_by_id(tx, id), stored(other, id));
            check_row(dao.upsert(tx, as_row(c.in, id)), stored(c, id));          // and back
            CHECK(dao.count(tx) == 1);
            CHECK(dao.delete_by_id(tx, id));
            CHECK_FALSE(dao.delete_by_id(tx, id));
            CHECK_FALSE(dao.find_by_id(tx, id).has_value());
            CHECK(dao.count(tx) == 0);
            tx.commit();
        });
    }
}

TEST_CASE("scalars: a text with a zero byte is rejected, never cut (insert, update, insert_many)") {
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    const ScalarsNew bad{.txt = std::string("before\0after", 12)};
    {
        pqxx::work tx(f.conn());
        CHECK_THROWS_AS(dao.insert(tx, bad), schemac::PgTextError);
    }
    {
        pqxx::work tx(f.conn());
        const auto id = dao.insert(tx, ScalarsNew{}).id;
        CHECK_THROWS_AS(dao.update(tx, as_row(bad, id)), schemac::PgTextError);
    }
    {
        pqxx::work tx(f.conn());
        bool threw = false;
        try {
            dao.insert_many(tx, {ScalarsNew{.txt = "fine"}, bad});
        } catch (const std::exception&) {
            threw = true;   // the server rejects the zero byte in the COPY data
        }
        CHECK(threw);
    }
    pqxx::work tx(f.conn());
    CHECK(dao.count(tx) == 0);
}

TEST_CASE("scalars: count and for_each stream 50 000 rows") {
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    constexpr std::int64_t n = 50000;
    std::uint64_t want_sum = 0, want_hash = 0;
    {
        std::vector<ScalarsNew> rows;
        rows.reserve(n);
        for (std::int64_t i = 0; i < n; ++i) {
            ScalarsNew r{.small = static_cast<std::int16_t>(i % 30000),
                         .big = i * 1000003 - 7,
                         .d = static_cast<double>(i) / 8,
                         .txt = "row\t" + std::to_string(i) + "\\\n",
                         .m = static_cast<Mood>(i % 6)};
            if (i % 7 == 0) r.txt.reset();
            rows.push_back(std::move(r));
        }
        for (std::int64_t i = 0; i < n; ++i) {
            const std::int64_t id = i + 1;
            want_sum += static_cast<std::uint64_t>(id) * 31 + static_cast<std::uint64_t>(rows[i].big.value());
            want_hash = want_hash * 1099511628211ULL ^ std::hash<std::string>{}(rows[i].txt.value_or("<null>")) ^
                        static_cast<std::uint64_t>(rows[i].m.value()) ^ static_cast<std::uint64_t>(rows[i].d.value() * 8);
        }
        pqxx::work tx(f.conn());
        CHECK(dao.insert_many(tx, rows) == static_cast<std::size_t>(n));
        tx.commit();
    }
    pqxx::work tx(f.conn());
    CHECK(dao.count(tx) == n);
    std::int64_t seen = 0, last_id = 0;
    bool in_order = true;
    std::uint64_t sum = 0, hash = 0;
    dao.for_each(tx, [&](const ScalarsRow& r) {
        ++seen;
        in_order = in_order && r.id == last_id + 1;   // a fresh heap streams in insertion order
        last_id = r.id;
        sum += static_cast<std::uint64_t>(r.id) * 31 + static_cast<std::uint64_t>(r.big.value());
        hash = hash * 1099511628211ULL ^ std::hash<std::string>{}(r.txt.value_or("<null>")) ^ static_cast<std::uint64_t>(r.m.value()) ^
               static_cast<std::uint64_t>(r.d.value() * 8);
    });
    CHECK(seen == n);
    CHECK(in_order);
    CHECK(sum == want_sum);
    CHECK(hash == want_hash);

    // A callback that throws ends for_each early; the rest of the COPY is
    // drained and the transaction goes on.
    struct Stop {};
    std::int64_t before_stop = 0;
    CHECK_THROWS_AS(dao.for_each(tx, [&](const ScalarsRow&) {
        if (++before_stop == 3) throw Stop{};
    }), Stop);
    CHECK(before_stop == 3);
    CHECK(dao.count(tx) == n);
    check_row(dao.find_by_id(tx, 7), ScalarsRow{.id = 7, .small = 6, .big = 6 * 1000003 - 7, .d = 6.0 / 8, .txt = "row\t6\\\n", .m = Mood::happy});
    check_row(dao.find_by_id(tx, 8), ScalarsRow{.id = 8, .small = 7, .big = 7 * 1000003 - 7, .d = 7.0 / 8, .txt = std::nullopt, .m = Mood::sad});
    tx.commit();
}

TEST_CASE("scalars: values C++ holds but the columns cannot are refused by the server, never changed") {
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    const auto refused = [&](const std::string& what, const ScalarsNew& row) {
        INFO(what);
        {
            pqxx::work tx(f.conn());
            CHECK_THROWS_AS(dao.insert(tx, row), pqxx::data_exception);
        }
        {
            pqxx::work tx(f.conn());
            CHECK_THROWS_AS(dao.insert_many(tx, {row}), pqxx::data_exception);
        }
    };
    refused("char(5) with 6 characters", ScalarsNew{.ch = "abcdef"});
    refused("varchar(50) with 51 characters", ScalarsNew{.vc = std::string(51, 'v')});
    refused("numeric(38,0) with 39 digits", ScalarsNew{.num38 = dec("123456789012345678901234567890123456789")});
    refused("numeric(12,2) with 11 integer digits", ScalarsNew{.money2 = dec("12345678901")});
    refused("a date before 4714-11-24 BC", ScalarsNew{.day = date(-4713, 11, 23)});
    refused("a timestamptz before 4714-11-24 BC", ScalarsNew{.tstz = utc(-4713, 11, 23, 23, 59, 59, 999999)});
    refused("invalid JSON", ScalarsNew{.j = Json("{not json")});
    refused("invalid jsonb", ScalarsNew{.jb = Json("")});
    // SQL's char(n) rule: spaces beyond n are cut silently, other characters are an error.
    pqxx::work tx(f.conn());
    CHECK(dao.insert(tx, ScalarsNew{.ch = "abcde   "}).ch == "abcde");
    CHECK(dao.insert(tx, ScalarsNew{.ch = "ab "}).ch == "ab   ");
    CHECK(dao.count(tx) == 2);
}

TEST_CASE("InsertBuilder: a row that gives no column inserts DEFAULT VALUES") {
    // No generated insert reaches it for these tables (every plain column is
    // always given), so the runtime path is driven directly.
    RtDb f;
    db::rt::ScalarsDao dao(f.conn());
    pqxx::work tx(f.conn());
    for (std::int64_t want = 1; want <= 2; ++want) {
        schemac::pg::InsertBuilder b;
        b.add("id", schemac::OrDefault<std::int64_t>{});
        const auto r = b.exec(tx, "INSERT INTO rt.scalars ", " RETURNING *");
        REQUIRE(r.size() == 1);
        const auto positions = db::rt::ScalarsDao::positions_of_columns(r);
        check_row(db::rt::ScalarsDao::read_row(r[0], positions.data()), ScalarsRow{.id = want});
    }
    CHECK(dao.count(tx) == 2);
}

// ===========================================================================
// rt.required

TEST_CASE("required: every operation with NOT NULL edge values, the identity (ALWAYS) fills the id") {
    RtDb f;
    db::rt::RequiredDao dao(f.conn());
    const auto cases = required_cases();
    std::map<std::int32_t, RequiredRow> expected;
    std::int32_t next_id = 1;

    // insert: ids 1..n from the identity.
    for (const auto& c : cases) {
        run_case("insert: " + c.name, [&] {
            pqxx::work tx(f.conn());
            const RequiredRow got = dao.insert(tx, c.in);
            CHECK(got.id == next_id);
            check_row(got, as_row(c.in, got.id));
            check_row(dao.find_by_id(tx, got.id), as_row(c.in, got.id));
            tx.commit();
            expected[got.id] = as_row(c.in, got.id);
            next_id = got.id + 1;
        });
    }
    // insert_many: the identity keeps counting.
    run_case("insert_many", [&] {
        std::vector<RequiredNew> rows;
        for (const auto& c : cases) rows.push_back(c.in);
        pqxx::work tx(f.conn());
        CHECK(dao.insert_many(tx, rows) == rows.size());
        for (const auto& c : cases) {
            check_row(dao.find_by_id(tx, next_id), as_row(c.in, next_id));
            expected[next_id] = as_row(c.in, next_id);
            ++next_id;
        }
        tx.commit();
    });
    run_case("for_each and count", [&] {
        pqxx::work tx(f.conn());
        CHECK(dao.count(tx) == static_cast<std::int64_t>(expected.size()));
        std::size_t seen = 0;
        dao.for_each(tx, [&](const RequiredRow& r) {
            ++seen;
            INFO("for_each row id " << r.id);
            REQUIRE(expected.count(r.id) == 1);
            check_row(r, expected.at(r.id));
        });
        CHECK(seen == expected.size());
    });
    // update: row 1 through every case.
    for (const auto& c : cases) {
        run_case("update: " + c.name, [&] {
            pqxx::work tx(f.conn());
            CHECK(dao.update(tx, as_row(c.in, 1)));
            check_row(dao.find_by_id(tx, 1), as_row(c.in, 1));
            tx.commit();
        });
    }
    // upsert with an explicit id (OVERRIDING SYSTEM VALUE), delete.
    run_case("upsert, update of a missing row, delete", [&] {
        pqxx::work tx(f.conn());
        CHECK_FALSE(dao.update(tx, as_row(cases[0].in, 9999)));
        CHECK_FALSE(dao.find_by_id(tx, 9999).has_value());
        check_row(dao.upsert(tx, as_row(cases[1].in, 9999)), as_row(cases[1].in, 9999));   // insert path
        check_row(dao.upsert(tx, as_row(cases[2].in, 9999)), as_row(cases[2].in, 9999));   // conflict path
        check_row(dao.find_by_id(tx, 9999), as_row(cases[2].in, 9999));
        check_row(dao.upsert(tx, as_row(cases[3].in, 1)), as_row(cases[3].in, 1));         // conflict on an identity row
        CHECK(dao.count(tx) == static_cast<std::int64_t>(expected.size()) + 1);
        CHECK(dao.delete_by_id(tx, 9999));
        CHECK_FALSE(dao.delete_by_id(tx, 9999));
        CHECK(dao.count(tx) == static_cast<std::int64_t>(expected.size()));
        // The identity was not moved by the explicit id: the next insert takes the next number.
        CHECK(dao.insert(tx, cases[0].in).id == next_id);
        tx.commit();
    });
}

// ===========================================================================
// rt.arrays

TEST_CASE("arrays: NULL elements, empty arrays, quoting, bytea and enum arrays through every operation") {
    RtDb f;
    db::rt::ArraysDao dao(f.conn());
    const auto cases = array_cases();
    std::map<std::int32_t, ArraysRow> expected;
    std::int32_t next_id = 1;
    for (const auto& c : cases) {
        run_case("insert: " + c.name, [&] {
            pqxx::work tx(f.conn());
            const ArraysRow got = dao.insert(tx, c.in);
            CHECK(got.id == next_id);
            check_row(got, as_row(c.in, got.id));
            check_row(dao.find_by_id(tx, got.id), as_row(c.in, got.id));
            tx.commit();
            expected[got.id] = as_row(c.in, got.id);
            next_id = got.id + 1;
        });
    }
    run_case("insert_many with server ids, then with given ids", [&] {
        std::vector<ArraysNew> rows, given;
        for (const auto& c : cases) rows.push_back(c.in);
        for (std::size_t i = 0; i < cases.size(); ++i) {
            given.push_back(cases[i].in);
            given.back().id = static_cast<std::int32_t>(3000 + i);
        }
        pqxx::work tx(f.conn());
        CHECK(dao.insert_many(tx, rows) == rows.size());
        CHECK(dao.insert_many(tx, given) == given.size());
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const auto id = static_cast<std::int32_t>(3000 + i);
            check_row(dao.find_by_id(tx, next_id), as_row(cases[i].in, next_id));
            check_row(dao.find_by_id(tx, id), as_row(cases[i].in, id));
            expected[next_id] = as_row(cases[i].in, next_id);
            expected[id] = as_row(cases[i].in, id);
            ++next_id;
        }
        tx.commit();
    });
    run_case("for_each and count", [&] {
        pqxx::work tx(f.conn());
        CHECK(dao.count(tx) == static_cast<std::int64_t>(expected.size()));
        std::size_t seen = 0;
        dao.for_each(tx, [&](const ArraysRow& r) {
            ++seen;
            INFO("for_each row id " << r.id);
            REQUIRE(expected.count(r.id) == 1);
            check_row(r, expected.at(r.id));
        });
        CHECK(seen == expected.size());
    });
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& c = cases[i];
        const auto& other = cases[(i + 1) % cases.size()];
        run_case("update, upsert, delete: " + c.name, [&] {
            pqxx::work tx(f.conn());
            CHECK(dao.update(tx, as_row(c.in, 1)));
            check_row(dao.find_by_id(tx, 1), as_row(c.in, 1));
            check_row(dao.upsert(tx, as_row(c.in, 9000)), as_row(c.in, 9000));
            check_row(dao.upsert(tx, as_row(other.in, 9000)), as_row(other.in, 9000));
            check_row(dao.find_by_id(tx, 9000), as_row(other.in, 9000));
            CHECK(dao.delete_by_id(tx, 9000));
            CHECK_FALSE(dao.delete_by_id(tx, 9000));
            CHECK_FALSE(dao.update(tx, as_row(c.in, 9000)));
            tx.commit();
        });
    }
}

// ===========================================================================
// rt.keyed: defaults, keys, lists, upserts

TEST_CASE("keyed: insert fills the defaults it is not given and takes the ones it is, incl. an explicit NULL") {
    RtDb f;
    db::rt::KeyedDao dao(f.conn());
    pqxx::work tx(f.conn());
    const auto now = server_now(tx);   // now() is the transaction's start: the default of created

    const KeyedRow defaults = dao.insert(tx, KeyedNew{.tenant = "t1", .seq = 1, .code = "c1"});
    check_row(defaults, KeyedRow{.tenant = "t1", .seq = 1, .code = "c1", .Order = std::nullopt, .class_ = std::nullopt,
                                 .status = Mood::happy, .note = "none given", .created = now, .hits = 0});

    const KeyedNew given{.tenant = kUtf8,
                         .seq = lo<std::int32_t>(),
                         .code = "'; DROP TABLE x; --",
                         .Order = hi<std::int32_t>(),
                         .class_ = kNasty,
                         .status = Mood::delete_,
                         .note = std::optional<std::string>{},   // an explicit NULL, not the default
                         .created = utc(2024, 3, 10, 7, 30, 0, 123456),
                         .hits = lo<std::int64_t>()};
    const KeyedRow want_given{.tenant = kUtf8, .seq = lo<std::int32_t>(), .code = "'; DROP TABLE x; --", .Order = hi<std::int32_t>(),
                              .class_ = kNasty, .status = Mood::delete_, .note = std::nullopt,
                              .created = utc(2024, 3, 10, 7, 30, 0, 123456), .hits = lo<std::int64_t>()};
    check_row(dao.insert(tx, given), want_given);

    KeyedNew mixed{.tenant = "t1", .seq = 2, .code = "c2", .note = std::nullopt, .hits = hi<std::int64_t>()};
    mixed.status = schemac::use_default;   // back to the server default after all
    check_row(dao.insert(tx, mixed), KeyedRow{.tenant = "t1", .seq = 2, .code = "c2", .status = Mood::happy, .note = std::nullopt,
                                              .created = now, .hits = hi<std::int64_t>()});

    check_row(dao.insert(tx, KeyedNew{.tenant = "t1", .seq = 3, .code = "c3", .status = Mood::quote_d, .note = "Grüße"}),
              KeyedRow{.tenant = "t1", .seq = 3, .code = "c3", .status = Mood::quote_d, .note = "Grüße", .created = now, .hits = 0});

    // Every enum label through the DEFAULT-able enum column.
    for (int m = 0; m < 6; ++m) {
        const KeyedRow r = dao.insert(tx, KeyedNew{.tenant = "moods", .seq = m, .code = "m" + std::to_string(m), .status = static_cast<Mood>(m)});
        CHECK(r.status == static_cast<Mood>(m));
        check_row(dao.find_by_tenant_and_seq(tx, "moods", m), r);
    }

    check_row(dao.find_by_tenant_and_seq(tx, "t1", 1), defaults);
    check_row(dao.find_by_tenant_and_seq(tx, kUtf8, lo<std::int32_t>()), want_given);
    check_row(dao.find_by_tenant_and_code(tx, kUtf8, "'; DROP TABLE x; --"), want_given);
    CHECK(dao.count(tx) == 10);
    tx.commit();
}

TEST_CASE("keyed: insert_many with defaults left and given, rows giving different OrDefault columns are refused") {
    RtDb f;
    db::rt::KeyedDao dao(f.conn());
    {
        pqxx::work tx(f.conn());
        const auto now = server_now(tx);
        CHECK(dao.insert_many(tx, {KeyedNew{.tenant = "a", .seq = 1, .code = "x"}, KeyedNew{.tenant = "a", .seq = 2, .code = "y", .Order = 5}}) == 2);
        check_row(dao.find_by_tenant_and_seq(tx, "a", 1),
                  KeyedRow{.tenant = "a", .seq = 1, .code = "x", .status = Mood::happy, .note = "none given", .created = now, .hits = 0});
        check_row(dao.find_by_tenant_and_seq(tx, "a", 2), KeyedRow{.tenant = "a", .seq = 2, .code = "y", .Order = 5, .status = Mood::happy,
                                                                   .note = "none given", .created = now, .hits = 0});
        const auto t = utc(-43, 3, 15, 12, 0, 0, 1);
        CHECK(dao.insert_many(tx, {KeyedNew{.tenant = "b", .seq = 1, .code = "x", .class_ = kNasty, .status = Mood::with_space,
                                            .note = std::nullopt, .created = t, .hits = -1},
                                   KeyedNew{.tenant = "b", .seq = 2, .code = "y", .status = Mood::so_so, .note = kUtf8, .created = t, .hits = 2}}) == 2);
        check_row(dao.find_by_tenant_and_code(tx, "b", "x"), KeyedRow{.tenant = "b", .seq = 1, .code = "x", .class_ = kNasty,
                                                                      .status = Mood::with_space, .note = std::nullopt, .created = t, .hits = -1});
        check_row(dao.find_by_tenant_and_code(tx, "b", "y"),
                  KeyedRow{.tenant = "b", .seq = 2, .code = "y", .status = Mood::so_so, .note = kUtf8, .created = t, .hits = 2});
        tx.commit();
    }
    const auto refused = [&](const std::vector<KeyedNew>& rows, const std::string& message) {
        INFO("expected message: " << message);
        pqxx::work tx(f.conn());
        bool threw = false;
        try {
            dao.insert_many(tx, rows);
        } catch (const std::invalid_argument& e) {
            threw = true;
            CHECK(std::string(e.what()) == message);
        }
        CHECK(threw);
        // The half-sent COPY is made to fail: the transaction cannot go on.
        CHECK_THROWS(dao.count(tx));
    };
    refused({KeyedNew{.tenant = "c", .seq = 1, .code = "x", .status = Mood::sad}, KeyedNew{.tenant = "c", .seq = 2, .code = "y"}},
            "insert_many: row 1 leaves status to its default but row 0 gives it "
            "(COPY takes one column list for all rows: insert such rows in separate calls)");
    refused({KeyedNew{.tenant = "c", .seq = 1, .code = "x"}, KeyedNew{.tenant = "c", .seq = 2, .code = "y"},
             KeyedNew{.tenant = "c", .seq = 3, .code = "z", .note = std::nullopt}},
            "insert_many: row 2 gives note but row 0 leaves it to its default "
            "(COPY takes one column list for all rows: insert such rows in separate calls)");
    {
        // The mismatch after more than a flush (256 kB) of rows has been sent: still nothing is inserted.
        std::vector<KeyedNew> rows;
        for (int i = 0; i < 5000; ++i)
            rows.push_back(KeyedNew{.tenant = "d", .seq = i, .code = std::to_string(i), .note = std::string(100, 'n')});
        rows.push_back(KeyedNew{.tenant = "d", .seq = 5000, .code = "last"});
        refused(rows, "insert_many: row 5000 leaves note to its default but row 0 gives it "
                      "(COPY takes one column list for all rows: insert such rows in separate calls)");
    }
    pqxx::work tx(f.conn());
    CHECK(dao.count(tx) == 4);   // nothing of the refused calls
    CHECK(dao.list_by_tenant(tx, "d").empty());
    CHECK(dao.list_by_tenant(tx, "c").empty());
}

TEST_CASE("keyed: find_by_* on the primary and the unique key, list_by_* in index order") {
    RtDb f;
    db::rt::KeyedDao dao(f.conn());
    pqxx::work tx(f.conn());
    const auto jan = utc(2024, 1, 1, 0, 0, 0, 0), feb = utc(2024, 2, 1, 0, 0, 0, 0), mar = utc(2024, 3, 1, 0, 0, 0, 1);
    // Inserted out of order on purpose.
    dao.insert(tx, KeyedNew{.tenant = "t", .seq = 5, .code = "e", .class_ = "k", .status = Mood::happy, .created = mar});
    dao.insert(tx, KeyedNew{.tenant = "t", .seq = 3, .code = "c", .class_ = "K", .status = Mood::happy, .created = feb});
    dao.insert(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "a", .status = Mood::happy, .created = jan});
    dao.insert(tx, KeyedNew{.tenant = "t", .seq = 4, .code = "d", .status = Mood::sad, .created = mar});
    dao.insert(tx, KeyedNew{.tenant = "t", .seq = 2, .code = "b", .status = Mood::happy, .created = mar});
    dao.insert(tx, KeyedNew{.tenant = "other", .seq = 1, .code = "a", .class_ = "k", .status = Mood::happy, .created = mar});
    dao.insert(tx, KeyedNew{.tenant = "T", .seq = 9, .code = "z", .class_ = "k'; --", .status = Mood::happy, .created = mar});

    CHECK(seqs(dao.list_by_tenant(tx, "t")) == std::vector<int>{1, 2, 3, 4, 5});
    // (tenant, status, created DESC): newest first, ties by seq.
    CHECK(seqs(dao.list_by_tenant_and_status(tx, "t", Mood::happy)) == std::vector<int>{2, 5, 3, 1});
    CHECK(seqs(dao.list_by_tenant_and_status(tx, "t", Mood::sad)) == std::vector<int>{4});
    CHECK(dao.list_by_tenant_and_status(tx, "t", Mood::delete_).empty());
    CHECK(seqs(dao.list_by_tenant_and_status_and_created(tx, "t", Mood::happy, mar)) == std::vector<int>{2, 5});
    CHECK(dao.list_by_tenant_and_status_and_created(tx, "t", Mood::happy, mar - microseconds(1)).empty());
    // class is citext: "K" and "k" are one class, and the parameter is compared
    // as citext (a text parameter would compare case by case).
    const auto by_class = dao.list_by_class(tx, "k");
    REQUIRE(by_class.size() == 3);
    CHECK(by_class[0].tenant == "other");
    CHECK(by_class[1].tenant == "t");
    CHECK(by_class[1].seq == 3);
    CHECK(by_class[1].class_ == "K");   // stored as written
    CHECK(by_class[2].seq == 5);
    CHECK(seqs(dao.list_by_class(tx, "K")) == seqs(by_class));
    CHECK(seqs(dao.list_by_class(tx, "k'; --")) == std::vector<int>{9});
    CHECK(dao.list_by_tenant(tx, "nobody").empty());

    const auto row = dao.find_by_tenant_and_seq(tx, "t", 3);
    REQUIRE(row);
    CHECK(row->code == "c");
    check_row(dao.find_by_tenant_and_code(tx, "t", "c"), *row);
    CHECK(row->created == feb);
    CHECK_FALSE(dao.find_by_tenant_and_seq(tx, "t", 6).has_value());
    CHECK_FALSE(dao.find_by_tenant_and_code(tx, "t", "C").has_value());
    CHECK_FALSE(dao.find_by_tenant_and_code(tx, "T", "c").has_value());
}

TEST_CASE("keyed: update, delete_by_tenant_and_seq and upsert (insert and conflict paths)") {
    RtDb f;
    db::rt::KeyedDao dao(f.conn());
    pqxx::work tx(f.conn());
    KeyedRow r = dao.insert(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "a"});
    r.code = "b";
    r.Order = -1;
    r.class_ = kUtf8;
    r.status = Mood::with_space;
    r.note = std::nullopt;
    r.created = utc(-43, 3, 15, 0, 0, 0, 0);
    r.hits = 12;
    CHECK(dao.update(tx, r));
    check_row(dao.find_by_tenant_and_seq(tx, "t", 1), r);
    CHECK_FALSE(dao.find_by_tenant_and_code(tx, "t", "a").has_value());
    KeyedRow missing = r;
    missing.seq = 2;
    CHECK_FALSE(dao.update(tx, missing));
    CHECK(dao.count(tx) == 1);

    // upsert: insert path, then conflict on (tenant, seq) overwriting every other column.
    const KeyedRow fresh{.tenant = "t", .seq = 2, .code = "c", .Order = 3, .class_ = "k", .status = Mood::quote_d, .note = "n",
                         .created = utc(2024, 11, 3, 5, 59, 59, 999999), .hits = 1};
    check_row(dao.upsert(tx, fresh), fresh);
    KeyedRow overwrite{.tenant = "t", .seq = 2, .code = "d", .status = Mood::sad, .created = utc(9999, 12, 31, 0, 0, 0, 0), .hits = 0};
    check_row(dao.upsert(tx, overwrite), overwrite);
    check_row(dao.find_by_tenant_and_seq(tx, "t", 2), overwrite);
    CHECK(dao.count(tx) == 2);

    CHECK(dao.delete_by_tenant_and_seq(tx, "t", 2));
    CHECK_FALSE(dao.delete_by_tenant_and_seq(tx, "t", 2));
    CHECK_FALSE(dao.delete_by_tenant_and_seq(tx, "T", 1));
    CHECK_FALSE(dao.find_by_tenant_and_seq(tx, "t", 2).has_value());
    CHECK(dao.count(tx) == 1);
}

TEST_CASE("keyed: upsert_by_tenant_and_code inserts, and on a conflict updates only the columns given") {
    RtDb f;
    db::rt::KeyedDao dao(f.conn());
    pqxx::work tx(f.conn());
    const auto now = server_now(tx);
    const auto created = utc(2020, 2, 29, 12, 0, 0, 0);

    // Insert path: the defaults are filled.
    const KeyedRow inserted = dao.upsert_by_tenant_and_code(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "u", .Order = 7, .class_ = "k"});
    check_row(inserted, KeyedRow{.tenant = "t", .seq = 1, .code = "u", .Order = 7, .class_ = "k", .status = Mood::happy,
                                 .note = "none given", .created = now, .hits = 0});
    // Give created and note so that a kept value is distinguishable from the default.
    CHECK(dao.update(tx, KeyedRow{.tenant = "t", .seq = 1, .code = "u", .Order = 7, .class_ = "k", .status = Mood::happy,
                                  .note = "kept", .created = created, .hits = 5}));

    // Conflict: status and hits given, note and created left to their defaults: those keep the stored values.
    // Order and class are plain columns, always given (class_ nullopt -> NULL).
    const KeyedRow updated =
        dao.upsert_by_tenant_and_code(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "u", .Order = 8, .status = Mood::so_so, .hits = 6});
    const KeyedRow want{.tenant = "t", .seq = 1, .code = "u", .Order = 8, .class_ = std::nullopt, .status = Mood::so_so,
                        .note = "kept", .created = created, .hits = 6};
    check_row(updated, want);
    check_row(dao.find_by_tenant_and_code(tx, "t", "u"), want);

    // An explicit NULL is a given value.
    check_row(dao.upsert_by_tenant_and_code(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "u", .Order = 8, .note = std::nullopt}),
              KeyedRow{.tenant = "t", .seq = 1, .code = "u", .Order = 8, .status = Mood::so_so, .note = std::nullopt, .created = created, .hits = 6});
    CHECK(dao.count(tx) == 1);

    // Another (tenant, code): inserted, not merged.
    dao.upsert_by_tenant_and_code(tx, KeyedNew{.tenant = "t", .seq = 2, .code = "v"});
    dao.upsert_by_tenant_and_code(tx, KeyedNew{.tenant = "T", .seq = 1, .code = "u"});
    CHECK(dao.count(tx) == 3);
}

// The generated method marks every column updatable; compiler/codegen/view_model.cpp
// A conflict on (tenant, code) updates the other given columns, never the
// conflict key nor the primary key (an early version ran seq = EXCLUDED.seq
// and moved the stored row to another primary key).
TEST_CASE("keyed: upsert_by_tenant_and_code never changes the stored row's primary key") {
    RtDb f;
    db::rt::KeyedDao dao(f.conn());
    pqxx::work tx(f.conn());
    dao.insert(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "u"});
    const KeyedRow r = dao.upsert_by_tenant_and_code(tx, KeyedNew{.tenant = "t", .seq = 2, .code = "u", .hits = 9});
    CHECK(r.seq == 1);   // the key of the row that is there
    CHECK(r.hits == 9);
    CHECK(dao.find_by_tenant_and_seq(tx, "t", 1).has_value());
    CHECK_FALSE(dao.find_by_tenant_and_seq(tx, "t", 2).has_value());
}

TEST_CASE("keyed: an upsert on (tenant, code) that updates no column still returns the stored row (InsertBuilder noop_set)") {
    // The generated upsert_by_tenant_and_code always gives Order and class (plain
    // columns), so its no-update path is only reachable through the runtime
    // builder it uses: the same calls with every column not updatable.
    RtDb f;
    db::rt::KeyedDao dao(f.conn());
    pqxx::work tx(f.conn());
    const KeyedRow stored_row = dao.insert(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "u", .Order = 1, .class_ = "k", .note = "n", .hits = 3});
    schemac::pg::InsertBuilder b;
    b.add("tenant", std::string("t"), false);
    b.add("seq", std::int32_t{1}, false);
    b.add("code", std::string("u"), false);
    b.add("\"Order\"", std::optional<std::int32_t>{2}, false);
    b.add("hits", schemac::OrDefault<std::int64_t>{4}, false);
    b.add("note", schemac::OrDefault<std::optional<std::string>>{}, false);   // default: not even in the INSERT
    const auto r = b.exec(tx, "INSERT INTO rt.keyed ", " RETURNING tenant, seq, code, \"Order\", class, status, note, created, hits, label",
                          " ON CONFLICT (tenant, code) DO UPDATE SET ", "tenant = EXCLUDED.tenant");
    REQUIRE(r.size() == 1);
    const auto positions = db::rt::KeyedDao::positions_of_columns(r);
    check_row(db::rt::KeyedDao::read_row(r[0], positions.data()), stored_row);
    check_row(dao.find_by_tenant_and_seq(tx, "t", 1), stored_row);
}

// ===========================================================================
// Transactions and sessions

TEST_CASE("transactions: the DAOs run in the caller's transaction, an aborted one leaves nothing, a committed one is seen") {
    RtDb f;
    db::rt::ScalarsDao scalars(f.conn());
    db::rt::RequiredDao required(f.conn());
    db::rt::ArraysDao arrays(f.conn());
    db::rt::KeyedDao keyed(f.conn());
    const auto everything_empty = [&](pqxx::transaction_base& tx) {
        CHECK(scalars.count(tx) == 0);
        CHECK(required.count(tx) == 0);
        CHECK(arrays.count(tx) == 0);
        CHECK(keyed.count(tx) == 0);
    };
    pqxx::connection other{f.db.conninfo()};
    db::rt::ScalarsDao other_scalars(other);
    {
        pqxx::work tx(f.conn());
        const auto s = scalars.insert(tx, scalar_cases()[2].in);
        scalars.insert_many(tx, scalar_inputs_without_id());
        required.insert(tx, required_cases()[1].in);
        arrays.insert_many(tx, {array_cases()[3].in, array_cases()[4].in});
        keyed.insert(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "c"});
        keyed.upsert_by_tenant_and_code(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "c", .hits = 2});
        CHECK(scalars.update(tx, as_row(ScalarsNew{}, s.id)));
        CHECK(scalars.count(tx) == 1 + static_cast<std::int64_t>(scalar_cases().size()));
        CHECK(keyed.count(tx) == 1);
        // Not committed: invisible elsewhere.
        pqxx::work o(other);
        CHECK(other_scalars.count(o) == 0);
        CHECK_FALSE(other_scalars.find_by_id(o, s.id).has_value());
        o.commit();
        tx.abort();
    }
    {
        pqxx::work tx(f.conn());
        everything_empty(tx);
        CHECK_FALSE(scalars.find_by_id(tx, 1).has_value());
        CHECK_FALSE(keyed.find_by_tenant_and_seq(tx, "t", 1).has_value());
        tx.commit();
    }
    {
        // Destroyed without commit: the same as an abort.
        pqxx::work tx(f.conn());
        keyed.insert(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "c"});
        arrays.insert(tx, array_cases()[3].in);
    }
    {
        pqxx::work tx(f.conn());
        everything_empty(tx);
    }
    {
        // A statement error aborts the caller's transaction with everything in it.
        pqxx::work tx(f.conn());
        keyed.insert(tx, KeyedNew{.tenant = "t", .seq = 1, .code = "c"});
        CHECK_THROWS_AS(keyed.insert(tx, KeyedNew{.tenant = "t", .seq = 2, .code = "c"}), pqxx::unique_violation);
    }
    {
        pqxx::work tx(f.conn());
        everything_empty(tx);
    }
    {
        // In a pqxx::nontransaction every DAO call commits by itself.
        pqxx::nontransaction n(f.conn());
        keyed.insert(n, KeyedNew{.tenant = "auto", .seq = 1, .code = "c"});
        pqxx::work o(other);
        CHECK(o.exec("SELECT count(*) FROM rt.keyed WHERE tenant = 'auto'")[0][0].as<int>() == 1);
        o.commit();
        CHECK(keyed.delete_by_tenant_and_seq(n, "auto", 1));
    }
    // Committed: seen by another connection, values intact.
    std::int64_t id = 0;
    {
        pqxx::work tx(f.conn());
        id = scalars.insert(tx, scalar_cases()[2].in).id;
        tx.commit();
    }
    pqxx::work o(other);
    check_row(other_scalars.find_by_id(o, id), stored(scalar_cases()[2], id));
}

namespace {

// Inserts the time, interval, bytea, float and numeric cases through DAOs on
// `c` and checks they read back equal, through the DAO and, as the server
// sees them, through a fresh connection.
void check_values_survive(pqxx::connection& c, RtDb& f) {
    db::rt::ScalarsDao dao(c);
    db::rt::ArraysDao arrays(c);
    db::rt::KeyedDao keyed(c);
    const auto cases = scalar_cases();
    std::vector<std::pair<std::int64_t, ScalarsRow>> written;
    for (const auto& sc : cases) {
        run_case(sc.name, [&] {
            pqxx::work tx(c);
            const ScalarsRow got = dao.insert(tx, sc.in);
            check_row(got, stored(sc, got.id));
            check_row(dao.find_by_id(tx, got.id), stored(sc, got.id));
            tx.commit();
            written.emplace_back(got.id, stored(sc, got.id));
        });
    }
    run_case("insert_many and for_each", [&] {
        pqxx::work tx(c);
        CHECK(dao.delete_by_id(tx, 1000000));   // the explicit id of the last case
        dao.insert_many(tx, scalar_inputs_without_id());
        std::size_t seen = 0;
        dao.for_each(tx, [&](const ScalarsRow& r) {
            ++seen;
            INFO("for_each row id " << r.id);
            // ids 1..n-1: the single inserts (the last case had an explicit id); n..2n-1: the COPY
            const auto singles = static_cast<std::int64_t>(cases.size()) - 1;
            const auto k = static_cast<std::size_t>(r.id <= singles ? r.id - 1 : r.id - singles - 1);
            REQUIRE(k < cases.size());
            check_row(r, stored(cases[k], r.id));
        });
        CHECK(seen == 2 * cases.size() - 1);
        tx.commit();
    });
    run_case("arrays", [&] {
        pqxx::work tx(c);
        for (const auto& ac : array_cases()) {
            const ArraysRow got = arrays.insert(tx, ac.in);
            check_row(got, as_row(ac.in, got.id));
            check_row(arrays.find_by_id(tx, got.id), as_row(ac.in, got.id));
        }
        tx.commit();
    });
    run_case("keyed lists by timestamptz", [&] {
        pqxx::work tx(c);
        const auto t = utc(2024, 11, 3, 5, 59, 59, 999999);
        keyed.insert(tx, KeyedNew{.tenant = "s", .seq = 1, .code = "a", .created = t});
        CHECK(seqs(keyed.list_by_tenant_and_status_and_created(tx, "s", Mood::happy, t)) == std::vector<int>{1});
        tx.commit();
    });
    // What the server stored, seen from a connection with the server's defaults and UTC.
    pqxx::connection plain{f.db.conninfo()};
    pqxx::nontransaction n(plain);
    n.exec("SET TimeZone = 'UTC'");
    n.exec("SET IntervalStyle = 'iso_8601'");
    const auto text = [&](const std::string& sql) { return n.exec(sql)[0][0].as<std::string>(); };
    CHECK(text("SELECT tstz::text FROM rt.scalars WHERE id = 16") == "2024-03-10 07:30:00.123456+00");
    CHECK(text("SELECT ts::text FROM rt.scalars WHERE id = 16") == "2024-03-10 02:30:00.123456");
    CHECK(text("SELECT day::text FROM rt.scalars WHERE id = 16") == "2024-02-29");
    CHECK(text("SELECT tstz::text FROM rt.scalars WHERE id = 17") == "2024-11-03 05:59:59.999999+00");
    CHECK(text("SELECT day::text FROM rt.scalars WHERE id = 18") == "0044-03-15 BC");
    CHECK(text("SELECT iv::text FROM rt.scalars WHERE id = 19") == "P1Y2M-3DT4H5M6.5S");
    CHECK(text("SELECT encode(bin, 'hex') FROM rt.scalars WHERE id = 21") == "00000001005c0a09ff00");
    CHECK(text("SELECT iv::text FROM rt.scalars WHERE id = 22") == "P-178956970Y-8M-2147483648DT-2562047788H-54.775808S");
    CHECK(text("SELECT tstz::text FROM rt.scalars WHERE id = 22") == "10000-01-01 00:00:00+00");
}

}  // namespace

TEST_CASE("session: a DAO made on a session with DateStyle 'SQL, DMY', TimeZone America/New_York, IntervalStyle postgres still round-trips") {
    RtDb f;
    pqxx::connection c{f.db.conninfo()};
    {
        // Plain SET: libpqxx does not know these, the DAO must ask the server.
        pqxx::nontransaction n(c);
        n.exec("SET DateStyle = 'SQL, DMY'");
        n.exec("SET TimeZone = 'America/New_York'");
        n.exec("SET IntervalStyle = 'postgres'");
        n.exec("SET extra_float_digits = 0");
        n.exec("SET bytea_output = 'escape'");
        CHECK(n.exec("SHOW DateStyle")[0][0].as<std::string>() == "SQL, DMY");
        CHECK(n.exec("SHOW TimeZone")[0][0].as<std::string>() == "America/New_York");
    }
    check_values_survive(c, f);
    pqxx::nontransaction n(c);
    const std::string tz = n.exec("SHOW TimeZone")[0][0].as<std::string>();
    CHECK_MESSAGE((tz == "UTC" || tz == "Etc/UTC"), tz);
    CHECK(n.exec("SHOW IntervalStyle")[0][0].as<std::string>() == "iso_8601");
    CHECK(n.exec("SHOW DateStyle")[0][0].as<std::string>().rfind("ISO", 0) == 0);
}

TEST_CASE("session: the same settings made through libpqxx's set_variable are overridden too") {
    RtDb f;
    pqxx::connection c{f.db.conninfo()};
    c.set_variable("DateStyle", "'SQL, DMY'");
    c.set_variable("TimeZone", "'America/New_York'");
    c.set_variable("IntervalStyle", "postgres");
    c.set_variable("extra_float_digits", "0");
    c.set_variable("bytea_output", "escape");
    check_values_survive(c, f);
}

// Made while a transaction is open, prepare_session sets the variables in that
// transaction (dao.hpp); when it aborts, the server and libpqxx forget them.
// Every DAO method calls prepare_session again, so the next call restores them.
TEST_CASE("session: a DAO made inside a transaction that is then aborted still round-trips") {
    RtDb f;
    pqxx::connection c{f.db.conninfo()};
    {
        pqxx::nontransaction n(c);
        n.exec("SET DateStyle = 'SQL, DMY'");
        n.exec("SET TimeZone = 'America/New_York'");
        n.exec("SET IntervalStyle = 'postgres'");
    }
    std::optional<db::rt::ScalarsDao> dao;
    {
        pqxx::work tx(c);
        dao.emplace(c);
        tx.abort();
    }
    const ScalarCase dst = scalar_cases()[15];   // DST spring forward: date, time, timestamps, interval '1 day'
    REQUIRE(dst.name.rfind("DST spring", 0) == 0);
    pqxx::work tx(c);
    const ScalarsRow got = dao->insert(tx, dst.in);
    check_row(got, stored(dst, got.id));
    check_row(dao->find_by_id(tx, got.id), stored(dst, got.id));
}
