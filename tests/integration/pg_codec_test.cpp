// The codecs (schemac/postgres/pg_codec.hpp) and the DAO plumbing (schemac/dao/dao.hpp)
// against a real PostgreSQL 15. For every type: a value written by its codec
// is sent as a parameter and printed back by the server (the texts must be the
// same, except floats, which compare by value), then goes through a table by
// COPY FROM STDIN (CopyWriter) and comes back by SELECT and by COPY TO STDOUT
// (CopyReader), equal. Also: session settings inside and outside a
// transaction, libpqxx 6.4 behaviours the DAO relies on, and failures.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "schemac/dao/dao.hpp"
#include "scratch_db.hpp"

using namespace schemac;
using namespace schemac::pg;
using namespace std::chrono;
using schemac::test::ScratchDb;

namespace {

std::string name_for(const std::string& sql) { return "codec_" + std::to_string(std::hash<std::string>{}(sql)); }

// Equality, with floats compared bit for bit in spirit: NaN is NaN, -0 is not 0.
template <class T> bool same(const T& a, const T& b) {
    if constexpr (std::is_floating_point_v<T>) {
        if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
        return a == b && std::signbit(a) == std::signbit(b);
    } else {
        return a == b;
    }
}
template <class E> bool same(const std::vector<std::optional<E>>& a, const std::vector<std::optional<E>>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].has_value() != b[i].has_value()) return false;
        if (a[i] && !same(*a[i], *b[i])) return false;
    }
    return true;
}

enum class TextCheck { exact, value_only };

// The whole round trip of one type; see the file comment.
template <class T>
void check_type(pqxx::connection& conn, const std::string& type, const std::vector<T>& values, TextCheck text = TextCheck::exact) {
    CAPTURE(type);
    pqxx::work tx{conn};
    const std::string echo = "SELECT $1::" + type + " AS v";
    for (const T& v : values) {
        const std::string mine = to_text(v);
        CAPTURE(mine);
        Params p;
        p.add(v);
        const pqxx::result r = exec(tx, name_for(echo), echo, p);
        if (text == TextCheck::exact) CHECK(std::string(r[0][0].c_str()) == mine);
        T back{};
        read(r[0][0], back);
        CHECK(same(back, v));
    }

    tx.exec0("CREATE TEMP TABLE codec_rt (id int PRIMARY KEY, v " + type + ")");
    {
        // Small chunks: several rows per COPY data message, and a NULL row.
        CopyWriter w(tx, "codec_rt (id, v)", 100);
        for (std::size_t i = 0; i < values.size(); ++i) {
            w.field(static_cast<std::int32_t>(i));
            w.field(values[i]);
            w.end_line();
        }
        w.field(static_cast<std::int32_t>(values.size()));
        w.field(std::optional<T>());
        w.end_line();
        w.complete();
        CHECK(w.rows() == values.size() + 1);
    }
    const pqxx::result rows = tx.exec("SELECT id, v FROM codec_rt ORDER BY id");
    REQUIRE(rows.size() == values.size() + 1);
    for (std::size_t i = 0; i < values.size(); ++i) {
        CAPTURE(i);
        std::optional<T> back;
        read(rows[i][1], back);
        REQUIRE(back.has_value());
        CHECK(same(*back, values[i]));
    }
    std::optional<T> last = values.front();
    read(rows[values.size()][1], last);
    CHECK_FALSE(last.has_value());

    {
        CopyReader reader(tx, "(SELECT id, v FROM codec_rt ORDER BY id)");
        std::size_t n = 0;
        while (const auto* f = reader.next()) {
            CAPTURE(n);
            REQUIRE(f->size() == 2);
            std::int32_t id = -1;
            read((*f)[0], id, "id");
            CHECK(id == static_cast<std::int32_t>(n));
            std::optional<T> back;
            read((*f)[1], back, "v");
            if (n < values.size()) {
                REQUIRE(back.has_value());
                CHECK(same(*back, values[n]));
                if (text == TextCheck::exact) CHECK(*(*f)[1] == to_text(values[n]));
            } else {
                CHECK_FALSE(back.has_value());
            }
            ++n;
        }
        CHECK(n == values.size() + 1);
        CHECK(reader.next() == nullptr);  // stays at the end
    }
    tx.exec0("DROP TABLE codec_rt");
    tx.commit();
}

struct Db {
    ScratchDb db;
    Db() {
        pqxx::nontransaction n{db.conn()};
        prepare_session(n);
    }
    pqxx::connection& conn() { return db.conn(); }
};

template <class T> std::vector<std::optional<T>> some(std::initializer_list<std::optional<T>> v) { return v; }

Decimal dec(const char* t) { return from_text<Decimal>(t); }
Timestamp tstz(const char* t) { return from_text<Timestamp>(t); }

std::string pg_error(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

// ---------------------------------------------------------------------------

TEST_CASE("pg_codec: booleans, integers at their limits, and text of every kind") {
    Db d;
    check_type<bool>(d.conn(), "boolean", {true, false});
    check_type<std::int16_t>(d.conn(), "smallint", {0, -1, std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int16_t>::max()});
    check_type<std::int32_t>(d.conn(), "integer", {42, std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()});
    check_type<std::int64_t>(d.conn(), "bigint", {0, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()});
    check_type<std::string>(d.conn(), "text",
                            {"", "NULL", "\\N", "naïve — 日本語 🎉", "'; DROP TABLE x; --", "tab\there\nnew line\r\\back\\slash",
                             "\"quoted\"", "{a,b}", std::string("\x01\x7f\b\f\v", 5), std::string(100000, 'x')});
    check_type<std::string>(d.conn(), "varchar(20)", {"short", ""});
}

TEST_CASE("pg_codec: floats round-trip exactly through the server (extra_float_digits = 1)") {
    Db d;
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    check_type<double>(d.conn(), "double precision",
                       {0.1, 1.0 / 3, -0.0, 100000.0, 1e300, 1e-7, 123456789012345678.0, std::numeric_limits<double>::max(),
                        std::numeric_limits<double>::lowest(), std::numeric_limits<double>::min(),
                        std::numeric_limits<double>::denorm_min(), nan, inf, -inf},
                       TextCheck::value_only);
    check_type<float>(d.conn(), "real",
                      {0.1f, 1.0f / 3, -0.0f, 16777216.0f, std::numeric_limits<float>::max(), std::numeric_limits<float>::min(),
                       std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::quiet_NaN(),
                       -std::numeric_limits<float>::infinity()},
                      TextCheck::value_only);

    // The texts differ only in notation: the server picks fixed notation for
    // 100000 where std::to_chars picks the shorter 1e+05; both read back exact.
    pqxx::work tx{d.conn()};
    const pqxx::row r = tx.exec1("SELECT 100000::float8, 0.1::float8, 1e-7::float8, 'NaN'::float8, '-Infinity'::float8, '-0'::float8");
    CHECK(std::string(r[0].c_str()) == "100000");
    CHECK(to_text(100000.0) == "1e+05");
    CHECK(std::string(r[1].c_str()) == "0.1");
    CHECK(std::string(r[2].c_str()) == to_text(1e-7));
    CHECK(std::string(r[3].c_str()) == "NaN");
    CHECK(std::string(r[4].c_str()) == "-Infinity");
    CHECK(std::string(r[5].c_str()) == "-0");
}

TEST_CASE("pg_codec: numeric with 38 digits, tiny scales and NaN") {
    Db d;
    check_type<Decimal>(d.conn(), "numeric",
                        {dec("12345678901234567890123456789012345678"), dec("-0.00000000000000000001"), dec("NaN"), dec("1.50"),
                         dec("0"), dec("-99999999999999999999999999999999999999.99999999999999999999"), dec("0.000")});
    check_type<Decimal>(d.conn(), "numeric(38,2)", {dec("123456789012345678901234567890123456.78"), dec("-1.00")});
}

TEST_CASE("pg_codec: uuid, interval, bytea, json and jsonb") {
    Db d;
    check_type<Uuid>(d.conn(), "uuid",
                     {from_text<Uuid>("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), Uuid{}, from_text<Uuid>("ffffffff-ffff-ffff-ffff-ffffffffffff")});
    check_type<Interval>(d.conn(), "interval",
                         {Interval{14, 3, 3723000001}, Interval{-1, -2, -3}, Interval{}, Interval{0, 0, 3 * 86400000000LL},
                          Interval{1, -30, 1}, Interval{std::numeric_limits<std::int32_t>::max(), std::numeric_limits<std::int32_t>::min(), -999999},
                          Interval{0, 0, 9223372036854775807LL}});
    std::mt19937 rng(7);
    Bytes random(5000);
    for (auto& b : random) b = static_cast<std::byte>(rng());
    check_type<Bytes>(d.conn(), "bytea", {Bytes{}, Bytes(3, std::byte{0}), Bytes{std::byte{0xff}, std::byte{0}, std::byte{0x5c}}, random});
    check_type<Json>(d.conn(), "json", {Json(R"({"a": [1, 2, {"b": null}],  "c": "日本"})"), Json("null"), Json("[]"), Json(R"("x\ty")")});
    check_type<Json>(d.conn(), "jsonb", {Json(R"({"a": 1, "b": [true, null]})"), Json("null"), Json(R"("tab\there")")});
}

TEST_CASE("pg_codec: timestamps with microseconds, BC dates, the ends of the ranges, time up to 24:00:00") {
    Db d;
    check_type<Timestamp>(d.conn(), "timestamptz",
                          {tstz("2024-03-10 06:59:59.999999+00"), tstz("2024-03-10 07:00:00+00"), tstz("2024-03-10 07:30:00.123456+00"),
                           tstz("1970-01-01 00:00:00+00"), tstz("0001-12-31 23:00:00+00 BC"), tstz("4713-11-24 00:00:00+00 BC"),
                           Timestamp(microseconds(std::numeric_limits<std::int64_t>::max()))});  // 294247-01-10 04:00:54.775807+00
    {
        // The server as an independent oracle of the calendar arithmetic at PostgreSQL's first instant.
        pqxx::work tx{d.conn()};
        const auto epoch = tx.exec1("SELECT extract(epoch FROM '4713-11-24 00:00:00+00 BC'::timestamptz)::int8")[0].as<long long>();
        CHECK(tstz("4713-11-24 00:00:00+00 BC") == Timestamp(seconds(epoch)));
    }
    check_type<LocalTimestamp>(d.conn(), "timestamp",
                               {from_text<LocalTimestamp>("2024-03-10 02:30:00.000001"),
                                from_text<LocalTimestamp>("0044-03-15 12:00:00 BC"),
                                from_text<LocalTimestamp>("2000-02-29 23:59:59.5"),
                                LocalTimestamp(microseconds(std::numeric_limits<std::int64_t>::max()))});
    check_type<Date>(d.conn(), "date",
                     {from_text<Date>("0044-03-15 BC"), from_text<Date>("2024-02-29"), from_text<Date>("4713-11-24 BC"),
                      from_text<Date>("5874897-12-31"), from_text<Date>("0001-01-01")});
    check_type<TimeOfDay>(d.conn(), "time",
                          {TimeOfDay{}, TimeOfDay{24h}, TimeOfDay{23h + 59min + 59s + 999999us}, TimeOfDay{12h + 500ms}, TimeOfDay{1us}});
}

TEST_CASE("pg_codec: a local time that does not exist (DST) arrives as the instant the server chose, in UTC") {
    Db d;
    pqxx::work tx{d.conn()};
    // 2024-03-10 02:30 does not exist in New York (02:00 -> 03:00); PostgreSQL reads it as EST.
    const pqxx::row r = tx.exec1("SELECT '2024-03-10 02:30:00.123456 America/New_York'::timestamptz AS t");
    CHECK(std::string(r[0].c_str()) == "2024-03-10 07:30:00.123456+00");
    Timestamp t;
    read(r[0], t);
    CHECK(t == sys_days(2024y / March / 10) + 7h + 30min + 123456us);

    // Offsets given as text: one microsecond apart across the change.
    Params p;
    p.add(tstz("2024-03-10 01:59:59.999999-05"));
    p.add(tstz("2024-03-10 03:00:00-04"));
    const std::string sql = "SELECT $2::timestamptz - $1::timestamptz, $1::timestamptz AT TIME ZONE 'America/New_York'";
    const pqxx::row q = exec(tx, name_for(sql), sql, p)[0];
    Interval gap;
    read(q[0], gap);
    CHECK(gap == Interval{0, 0, 1});
    LocalTimestamp local;
    read(q[1], local);
    CHECK(to_text(local) == "2024-03-10 01:59:59.999999");
}

TEST_CASE("pg_codec: arrays with NULL elements for many element types") {
    Db d;
    check_type<std::vector<std::optional<std::string>>>(
        d.conn(), "text[]",
        {some<std::string>({"a", std::nullopt, "", "NULL", "null", "a \"q\" \\ b", "日本語", "x,y", "{}", "'; DROP TABLE x; --", "tab\tnl\n"}),
         {}, some<std::string>({std::nullopt}), some<std::string>({std::nullopt, std::nullopt})});
    check_type<std::vector<std::optional<std::int32_t>>>(
        d.conn(), "int4[]", {some<std::int32_t>({1, std::nullopt, std::numeric_limits<std::int32_t>::min()}), {}});
    check_type<std::vector<std::optional<std::int64_t>>>(
        d.conn(), "int8[]", {some<std::int64_t>({std::numeric_limits<std::int64_t>::max(), std::nullopt})});
    check_type<std::vector<std::optional<Decimal>>>(
        d.conn(), "numeric[]", {some<Decimal>({dec("12345678901234567890123456789012345678"), std::nullopt, dec("NaN"), dec("-0.001")})});
    check_type<std::vector<std::optional<Bytes>>>(
        d.conn(), "bytea[]", {some<Bytes>({Bytes{std::byte{0}, std::byte{0x5c}}, std::nullopt, Bytes{}})});
    check_type<std::vector<std::optional<Timestamp>>>(
        d.conn(), "timestamptz[]", {some<Timestamp>({tstz("2024-03-10 07:30:00.123456+00"), std::nullopt, tstz("0001-01-01 00:00:00+00 BC")})});
    check_type<std::vector<std::optional<Uuid>>>(
        d.conn(), "uuid[]", {some<Uuid>({from_text<Uuid>("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), std::nullopt})});
    check_type<std::vector<std::optional<bool>>>(d.conn(), "bool[]", {some<bool>({true, std::nullopt, false})});
    check_type<std::vector<std::optional<double>>>(
        d.conn(), "float8[]",
        {some<double>({0.1, std::nullopt, std::numeric_limits<double>::quiet_NaN(), -0.0, std::numeric_limits<double>::infinity()})},
        TextCheck::value_only);
    check_type<std::vector<std::optional<Json>>>(d.conn(), "jsonb[]", {some<Json>({Json(R"({"a": "b c"})"), Json("null"), std::nullopt})});
    check_type<std::vector<std::optional<TimeOfDay>>>(d.conn(), "time[]", {some<TimeOfDay>({TimeOfDay{24h}, std::nullopt})});
    check_type<std::vector<std::optional<Interval>>>(d.conn(), "interval[]", {some<Interval>({Interval{1, 2, 3}, std::nullopt})});
    check_type<std::vector<std::optional<Date>>>(d.conn(), "date[]", {some<Date>({from_text<Date>("0044-03-15 BC"), std::nullopt})});
}

TEST_CASE("pg_codec: what the server prints that the codecs refuse, with the column named") {
    Db d;
    pqxx::work tx{d.conn()};
    const pqxx::row r = tx.exec1(
        "SELECT 'infinity'::timestamptz AS t, NULL::int AS n, '[0:1]={1,2}'::int[] AS lb, '{{1,2},{3,4}}'::int[] AS md, "
        "'Infinity'::numeric AS inf, 'abc' AS s, '294276-12-31 23:59:59.999999+00'::timestamptz AS late");
    Timestamp t;
    CHECK(pg_error([&] { read(r[0], t); }) == "column \"t\": invalid timestamptz \"infinity\": infinity is not supported");
    std::int32_t n = 0;
    CHECK(pg_error([&] { read(r[1], n); }) == "column \"n\" is NULL, read into a type that is not std::optional");
    std::optional<std::int32_t> on = 5;
    read(r[1], on);
    CHECK_FALSE(on.has_value());
    std::vector<std::optional<std::int32_t>> a;
    CHECK(pg_error([&] { read(r[2], a); }).find("column \"lb\": invalid array \"[0:1]={1,2}\": dimension decoration") == 0);
    CHECK(pg_error([&] { read(r[3], a); }).find("multi-dimensional arrays are not supported") != std::string::npos);
    Decimal inf;
    CHECK(pg_error([&] { read(r[4], inf); }).find("column \"inf\": invalid numeric \"Infinity\"") == 0);
    std::int64_t i = 0;
    CHECK(pg_error([&] { read(r[5], i); }) == "column \"s\": invalid bigint \"abc\": not a number");
    CHECK_THROWS_AS(read(r[5], i), PgTextError);
    // PostgreSQL's last 30 years of timestamps lie beyond sys_time<microseconds> (int64 since 1970).
    CHECK(pg_error([&] { read(r[6], t); }).find("out of the range of sys_time<microseconds>") != std::string::npos);

    std::optional<std::string> copy_null;
    CHECK(pg_error([&] { read(copy_null, i, "qty"); }) == "column \"qty\" is NULL, read into a type that is not std::optional");
}

TEST_CASE("pg_codec: a bytea parameter is sent in binary form, zero bytes and all, and read back the same") {
    Params p;
    const Bytes all = [] {
        Bytes b;
        for (int i = 0; i < 256; ++i) b.push_back(std::byte(i));
        return b;
    }();
    p.add(all);
    p.add(std::optional<Bytes>());
    p.add(std::optional<Bytes>(Bytes{}));
    REQUIRE(p.size() == 3);
    CHECK(p.is_binary(0));
    CHECK(p.is_null(1));
    CHECK(p.is_binary(2));
    ScratchDb db;
    pqxx::work tx{db.conn()};
    const pqxx::row r = tx.exec_params1("SELECT $1::bytea, $2::bytea IS NULL, length($3::bytea)", p.libpqxx());
    CHECK(from_text<Bytes>(r[0].c_str()) == all);
    CHECK(std::string(r[1].c_str()) == "t");
    CHECK(std::string(r[2].c_str()) == "0");
}

TEST_CASE("pg_codec: a zero byte in a parameter is refused instead of cut off") {
    Params p;
    CHECK_THROWS_AS(p.add(std::string("a\0b", 3)), PgTextError);
    CHECK(p.size() == 0);
    p.add(std::optional<std::string>());
    p.add(std::string("x"));
    REQUIRE(p.size() == 2);
    CHECK(p.is_null(0));
    CHECK_FALSE(p.is_null(1));
    REQUIRE(p.libpqxx().strings.size() == 1);
    CHECK(p.libpqxx().strings[0] == "x");
    p.clear();
    CHECK(p.size() == 0);
}

// ---------------------------------------------------------------------------
// Session settings

namespace {
std::string show(pqxx::transaction_base& tx, const char* var) { return tx.exec1(std::string("SHOW ") + var)[0].c_str(); }

// prepare_session spells UTC 'UTC' or 'Etc/UTC', whichever a reset would not restore.
bool is_utc(const std::string& time_zone) { return time_zone == "UTC" || time_zone == "Etc/UTC"; }

void check_settings(pqxx::connection& c) {
    pqxx::work tx{c};
    CHECK(show(tx, "DateStyle").rfind("ISO,", 0) == 0);
    CHECK(is_utc(show(tx, "TimeZone")));
    CHECK(show(tx, "IntervalStyle") == "iso_8601");
    CHECK(show(tx, "bytea_output") == "hex");
    CHECK(show(tx, "extra_float_digits") == "1");
    CHECK(std::string(tx.exec1("SELECT '2024-01-02 03:04:05+02'::timestamptz, '1 day'::interval")[0].c_str()) ==
          "2024-01-02 01:04:05+00");
}

void unset_settings(pqxx::connection& c) {
    pqxx::nontransaction tx{c};
    tx.exec0("SET TimeZone = 'America/New_York'; SET IntervalStyle = postgres; SET extra_float_digits = 0; SET DateStyle = 'SQL, DMY'");
}
}  // namespace

TEST_CASE("pg_codec: prepare_session outside a transaction lasts for the session") {
    ScratchDb db;
    unset_settings(db.conn());
    {
        pqxx::nontransaction n{db.conn()};
        prepare_session(n);
    }
    check_settings(db.conn());
    check_settings(db.conn());  // still, in a later transaction
}

TEST_CASE("pg_codec: prepare_session inside a transaction lasts once it commits, and is redone after a rollback") {
    ScratchDb db;
    unset_settings(db.conn());
    {
        pqxx::work tx{db.conn()};
        prepare_session(tx);
        CHECK(is_utc(show(tx, "TimeZone")));
        // rolled back: the server forgets, and reports TimeZone's old value
    }
    {
        pqxx::work tx{db.conn()};
        CHECK(show(tx, "TimeZone") == "America/New_York");
        prepare_session(tx);  // sets everything again
        CHECK(is_utc(show(tx, "TimeZone")));
        CHECK(show(tx, "extra_float_digits") == "1");
        tx.commit();
    }
    check_settings(db.conn());
    {
        pqxx::nontransaction tx{db.conn()};
        prepare_session(tx);
        tx.commit();
    }
    check_settings(db.conn());
}

TEST_CASE("pg_codec: in a transaction a second prepare_session sends nothing, and sees a reported setting changed behind its back") {
    ScratchDb db;
    pqxx::work tx{db.conn()};
    prepare_session(tx);
    // Unreported and by hand (dao.hpp: not seen): had the second call sent
    // anything that sets or checks, the value would be 1 again.
    tx.exec0("SET LOCAL extra_float_digits = 0");
    prepare_session(tx);
    CHECK(show(tx, "extra_float_digits") == "0");
    // TimeZone is reported to libpq: the next call sets everything again.
    tx.exec0("SET TimeZone = 'Europe/Berlin'");
    prepare_session(tx);
    CHECK(is_utc(show(tx, "TimeZone")));
    CHECK(show(tx, "extra_float_digits") == "1");
}

// ---------------------------------------------------------------------------
// Statements

TEST_CASE("pg_codec: prepared statements are registered once and survive a rolled-back first use") {
    Db d;
    static constexpr Statement kAdd{"codec_add", "SELECT $1::int8 + $2::int8 AS sum"};
    {
        pqxx::work tx{d.conn()};
        Params p;
        p.add(std::int64_t{1});
        p.add(std::int64_t{2});
        std::int64_t sum = 0;
        read(exec(tx, kAdd, p)[0][0], sum);
        CHECK(sum == 3);
    }  // rolled back; the prepared statement stays (it is not transactional)
    pqxx::work tx{d.conn()};
    Params p;
    p.add(std::int64_t{40});
    p.add(std::optional<std::int64_t>());
    std::optional<std::int64_t> sum = 0;
    read(exec(tx, kAdd, p)[0][0], sum);
    CHECK_FALSE(sum.has_value());
    CHECK(tx.exec1("SELECT count(*) FROM pg_prepared_statements WHERE name = 'codec_add'")[0].as<int>() == 1);
    // The same name with other SQL is a programming error libpqxx reports.
    const Statement other{"codec_add", "SELECT 1"};
    CHECK_THROWS_AS(exec(tx, other, Params{}), pqxx::argument_error);
}

TEST_CASE("pg_codec: stream_query fetches through a cursor in batches") {
    Db d;
    static constexpr Statement kSeries{"codec_series", "SELECT g, g::text || $3 AS label FROM generate_series($1::int, $2::int) g"};
    pqxx::work tx{d.conn()};
    Params p;
    p.add(std::int32_t{1});
    p.add(std::int32_t{1000});
    p.add(std::string("'; DROP TABLE x; --"));
    std::int32_t expected = 1;
    std::size_t rows = 0;
    stream_query(tx, kSeries, p, 64, [&](const pqxx::row& row) {
        std::int32_t g = 0;
        std::string label;
        read(row[0], g);
        read(row[1], label);
        CHECK(g == expected);
        CHECK(label == std::to_string(expected) + "'; DROP TABLE x; --");
        ++expected;
        ++rows;
    });
    CHECK(rows == 1000);
    // Exactly a multiple of the batch, and nothing at all.
    rows = 0;
    Params q;
    q.add(std::int32_t{1});
    q.add(std::int32_t{128});
    q.add(std::string());
    stream_query(tx, kSeries, q, 64, [&](const pqxx::row&) { ++rows; });
    CHECK(rows == 128);
    Params none;
    none.add(std::int32_t{1});
    none.add(std::int32_t{0});
    none.add(std::string());
    stream_query(tx, kSeries, none, 64, [&](const pqxx::row&) { ++rows; });
    CHECK(rows == 128);
    CHECK_THROWS_AS(stream_query(tx, kSeries, none, 0, [](const pqxx::row&) {}), std::invalid_argument);
    // The cursors are closed: the transaction goes on.
    CHECK(tx.exec1("SELECT count(*) FROM pg_cursors")[0].as<int>() == 0);
    tx.commit();
}

// ---------------------------------------------------------------------------
// COPY

TEST_CASE("pg_codec: CopyWriter sends several rows per chunk, and empty rows at chunk ends survive") {
    // A one-column text table: an empty line is a row holding ''. libpqxx's
    // write_raw_line drops one trailing newline of a chunk and adds one, so a
    // chunk ending in an empty row must keep it. Checked with one row per
    // chunk (flush at 1 byte), a few per chunk, and everything in one chunk.
    for (std::size_t flush : {std::size_t{1}, std::size_t{5}, CopyWriter::kDefaultFlushBytes}) {
        CAPTURE(flush);
        Db d;
        pqxx::work tx{d.conn()};
        tx.exec0("CREATE TABLE one (id int GENERATED ALWAYS AS IDENTITY, v text)");
        const std::vector<std::optional<std::string>> rows{"", "a", "", std::nullopt, "b\nc", "", ""};
        CopyWriter w(tx, "one (v)", flush);
        for (const auto& v : rows) {
            w.field(v);
            w.end_line();
        }
        w.complete();
        std::vector<std::optional<std::string>> back;
        for (const auto& row : tx.exec("SELECT v FROM one ORDER BY id")) {
            std::optional<std::string> v;
            read(row[0], v);
            back.push_back(v);
        }
        CHECK(back == rows);
        tx.commit();
    }
}

TEST_CASE("pg_codec: CopyWriter loads many rows in chunks, and line() builds rows by hand") {
    Db d;
    pqxx::work tx{d.conn()};
    tx.exec0("CREATE TABLE many (id int8 PRIMARY KEY, label text, note text)");
    CopyWriter w(tx, R"("public"."many" ("id", "label", "note"))", 4096);
    for (std::int64_t i = 0; i < 20000; ++i) {
        w.field(i);
        w.field("row\t" + std::to_string(i));
        w.field(i % 3 == 0 ? std::optional<std::string>() : std::optional<std::string>("\\N"));
        w.end_line();
    }
    std::string& line = w.line();  // by hand: the caller writes the tabs
    append_copy_field(line, "-1");
    line += '\t';
    append_copy_field(line, "by hand");
    line += '\t';
    append_copy_null(line);
    w.end_line();
    w.complete();
    CHECK(w.rows() == 20001);
    const pqxx::row r = tx.exec1(
        "SELECT count(*), sum(id), count(note), count(*) FILTER (WHERE note = '\\N'), "
        "(SELECT label FROM many WHERE id = 7), (SELECT label FROM many WHERE id = -1) FROM many");
    CHECK(r[0].as<long long>() == 20001);
    CHECK(r[1].as<long long>() == 19999LL * 20000 / 2 - 1);
    CHECK(r[2].as<long long>() == 13333);
    CHECK(r[3].as<long long>() == 13333);
    CHECK(r[4].as<std::string>() == "row\t7");
    CHECK(r[5].as<std::string>() == "by hand");
    tx.commit();
}

TEST_CASE("pg_codec: CopyWriter reports the server's error from complete(), and refuses an unfinished row") {
    Db d;
    {
        pqxx::work tx{d.conn()};
        tx.exec0("CREATE TABLE uniq (id int PRIMARY KEY)");
        CopyWriter w(tx, "uniq (id)");
        for (int i : {1, 2, 1}) {
            w.field(std::int32_t{i});
            w.end_line();
        }
        CHECK_THROWS_AS(w.complete(), pqxx::unique_violation);
    }
    {
        pqxx::work tx{d.conn()};
        tx.exec0("CREATE TABLE uniq (id int PRIMARY KEY)");
        CopyWriter w(tx, "uniq (id)");
        w.field(std::int32_t{1});
        CHECK_THROWS_AS(w.complete(), std::logic_error);
        w.end_line();
        w.complete();
        tx.commit();
    }
    pqxx::work tx{d.conn()};
    CHECK(tx.exec1("SELECT count(*) FROM uniq")[0].as<int>() == 1);
}

TEST_CASE("pg_codec: a CopyWriter destroyed without complete() inserts nothing and the transaction cannot commit") {
    for (std::size_t flush : {std::size_t{1}, CopyWriter::kDefaultFlushBytes}) {  // rows already sent, or all still buffered
        CAPTURE(flush);
        Db d;
        {
            pqxx::work tx{d.conn()};
            tx.exec0("CREATE TABLE kept (id int)");
            tx.commit();
        }
        {
            pqxx::work tx{d.conn()};
            try {
                CopyWriter w(tx, "kept (id)", flush);
                for (std::int32_t i = 0; i < 100; ++i) {
                    w.field(i);
                    w.end_line();
                }
                w.field(std::int32_t{100});  // half a row
                throw std::runtime_error("producer failed");
            } catch (const std::runtime_error& e) {
                CHECK(std::string(e.what()) == "producer failed");  // the destructor did not throw over it
            }
            const std::string e = pg_error([&] { tx.commit(); });
            CHECK_MESSAGE(e.find("destroyed without complete()") != std::string::npos, e);
        }
        pqxx::work tx{d.conn()};
        CHECK(tx.exec1("SELECT count(*) FROM kept")[0].as<int>() == 0);
    }
}

// A dbtransaction runs the COPY on libpq's connection (dao.hpp); a
// nontransaction goes through libpqxx's stream_from. Both read the same rows,
// and a COPY the server refuses is its error with its SQLSTATE.
TEST_CASE("pg_codec: CopyReader in a nontransaction reads the same, and a refused COPY throws the server's error") {
    Db d;
    {
        pqxx::work tx{d.conn()};
        tx.exec0(R"(CREATE TABLE copied (a int, b text))");
        tx.exec0(R"(INSERT INTO copied SELECT g, E'tab\there ' || g FROM generate_series(1, 300) g)");
        tx.commit();
    }
    for (bool in_work : {true, false}) {
        INFO(std::string(in_work ? "work" : "nontransaction"));
        std::unique_ptr<pqxx::transaction_base> tx;
        if (in_work) tx = std::make_unique<pqxx::work>(d.conn());
        else tx = std::make_unique<pqxx::nontransaction>(d.conn());
        std::size_t n = 0;
        {
            CopyReader r(*tx, "(SELECT a, b FROM copied ORDER BY a)");
            while (const auto* f = r.next()) {
                ++n;
                std::int64_t a = 0;
                std::string b;
                read((*f)[0], a, "a");
                read((*f)[1], b, "b");
                CHECK(a == static_cast<std::int64_t>(n));
                CHECK(b == "tab\there " + std::to_string(n));
            }
        }
        CHECK(n == 300);
        CHECK(tx->exec1("SELECT count(*) FROM copied")[0].as<int>() == 300);
        try {
            CopyReader r(*tx, "no_such_table");
            FAIL("a COPY of a missing table started");
        } catch (const pqxx::sql_error& e) {
            CHECK(e.sqlstate() == "42P01");
            CHECK_MESSAGE(std::string(e.what()).find("no_such_table") != std::string::npos, e.what());
        }
    }
}

TEST_CASE("pg_codec: CopyReader reads a quoted table name, and a reader left early leaves the transaction usable") {
    Db d;
    pqxx::work tx{d.conn()};
    tx.exec0(R"(CREATE TABLE "Odd Table" ("a b" int, "c""d" text))");
    tx.exec0(R"(INSERT INTO "Odd Table" SELECT g, CASE WHEN g % 2 = 0 THEN NULL ELSE E'x\ty\\' END FROM generate_series(1, 1000) g)");
    {
        CopyReader r(tx, R"("public"."Odd Table" ("a b", "c""d"))");
        std::size_t n = 0, nulls = 0;
        while (const auto* f = r.next()) {
            ++n;
            std::optional<std::string> v;
            read((*f)[1], v, "c\"d");
            if (!v) ++nulls;
            else CHECK(*v == "x\ty\\");
        }
        CHECK(n == 1000);
        CHECK(nulls == 500);
    }
    {
        CopyReader r(tx, "(SELECT * FROM \"Odd Table\" ORDER BY 1)");
        const auto* f = r.next();
        REQUIRE(f != nullptr);
        CHECK((*f)[0] == std::optional<std::string_view>("1"));
    }  // 999 rows unread
    CHECK(tx.exec1("SELECT count(*) FROM \"Odd Table\"")[0].as<int>() == 1000);
    tx.commit();
}
