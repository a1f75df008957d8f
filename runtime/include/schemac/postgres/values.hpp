// C++ value types for PostgreSQL values that have no exact standard C++ type.
// Standard library only (schemac_runtime_core). Their PostgreSQL text forms are
// read and written by the one codec API of schemac/postgres/pg_codec.hpp, like
// every other mapped type:
//
//     std::string       schemac::pg::to_text(const T& value);
//     T                 schemac::pg::from_text<T>(std::string_view text);   // throws PgTextError
//     std::optional<T>  schemac::pg::try_from_text<T>(std::string_view text, std::string* error = nullptr);
//
// This header says what each type's text form is. The session settings the
// DAO sets so the server prints what is parsed here:
//     DateStyle = ISO, TimeZone = 'UTC', IntervalStyle = iso_8601,
//     bytea_output = hex (the default), extra_float_digits = 1 (floats: see pg_codec.hpp).
// Formatting produces exactly what PostgreSQL prints under those settings, so
// a value read and written back compares equal as text.
//
// Column type -> C++ type:
//     numeric/decimal          Decimal
//     uuid                     Uuid
//     interval                 Interval
//     bytea                    Bytes (std::vector<std::byte>)
//     json, jsonb              Json
//     timestamptz              Timestamp      = sys_time<microseconds>
//     timestamp                LocalTimestamp = local_time<microseconds>
//     date                     Date           = sys_days
//     time                     TimeOfDay      (microseconds since midnight)
//     timetz                   TimeOfDayTz    (the same, and its UTC offset)
#pragma once

#include <array>
#include <chrono>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace schemac {

// Thrown by pg::from_text (pg_codec.hpp); what() names the type, the text and the reason.
class PgTextError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// ---------------------------------------------------------------------------
// numeric: an exact decimal, never a double.
//
// text() is the canonical text, which is what numeric_out prints for the value
// with the scale it was given: optional '-', digits, optional '.' and digits,
// or "NaN". Parsing accepts any number of digits and normalises:
//   - a leading '+' is dropped, leading integer zeros are dropped ("007" -> "7",
//     ".5" -> "0.5"), a trailing '.' is dropped ("5." -> "5");
//   - trailing fraction zeros are KEPT: they are the scale ("1.50" stays "1.50");
//   - negative zero becomes zero with its scale ("-0.00" -> "0.00"), as in PostgreSQL;
//   - exponent forms are expanded to plain digits the way numeric_in does
//     (scale = max(0, fraction digits - exponent)): "1e-3" -> "0.001",
//     "1.50e1" -> "15.0", "1e3" -> "1000"; |exponent| > 1000 is rejected;
//   - "NaN" in any letter case is NaN.
// Rejected: empty text, whitespace, a sign without digits, "Infinity"/"-Infinity"
// (PostgreSQL 14+ numeric infinities: not representable, on purpose), underscores,
// hexadecimal, anything else.
//
// Equality and ordering are numeric, like PostgreSQL's: 1.50 == 1.5, while
// text() still distinguishes them. NaN equals NaN and sorts above every number
// (PostgreSQL's rule, so that sorting agrees with ORDER BY).
class Decimal {
public:
    Decimal() : text_("0") {}  // zero, scale 0

    static std::optional<Decimal> parse(std::string_view text, std::string* error = nullptr);

    const std::string& text() const { return text_; }
    bool is_nan() const { return text_ == "NaN"; }

    friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

private:
    explicit Decimal(std::string canonical) : text_(std::move(canonical)) {}
    std::string text_;
};

// ---------------------------------------------------------------------------
// uuid: 16 bytes. Parsing accepts what uuid_in accepts: hex digits in either
// case, optionally in braces, a hyphen allowed after any group of four hex
// digits (so both 8-4-4-4-12 and 32 plain digits). Formatting is lower-case
// 8-4-4-4-12, as uuid_out prints.
struct Uuid {
    std::array<std::uint8_t, 16> bytes{};
    friend auto operator<=>(const Uuid&, const Uuid&) = default;
};

// ---------------------------------------------------------------------------
// interval: exactly PostgreSQL's representation (months, days, microseconds
// kept apart, since a month has no fixed number of days and a day no fixed
// number of microseconds under DST).
//
// The text form is IntervalStyle = iso_8601, which the DAO sets for its
// session: "P1Y2M3DT4H5M6.789S", "P-1Y-2M3DT-4H-5M-6.5S", "PT0S" for zero.
// Formatting reproduces PostgreSQL's output byte for byte (years = months/12,
// hours/minutes/seconds from the microseconds, all truncating toward zero, so
// each part carries its own sign). Parsing accepts that form: designators in
// the order Y M D T H M S, each at most once, integer parts with an optional
// sign, seconds with up to 6 fraction digits. Rejected: the other
// IntervalStyles, fractional Y/M/D/H/M, more than 6 second digits, the
// alternative format "P0001-02-03T04:05:06", "infinity"/"-infinity"
// (PostgreSQL 17), and values that overflow the three fields.
// Equality is field by field (1 month != 30 days here, unlike PostgreSQL's
// interval '=', which compares a normalised total).
struct Interval {
    std::int32_t months = 0;
    std::int32_t days = 0;
    std::int64_t microseconds = 0;
    friend bool operator==(const Interval&, const Interval&) = default;
};

// ---------------------------------------------------------------------------
// bytea: raw bytes. Text form is the hex format "\x0a0bff" (bytea_output = hex,
// the default; formatting is lower-case). Parsing accepts upper- or lower-case
// digits and whitespace between byte pairs, as byteain does. Rejected: the
// escape format, an odd number of digits, a missing "\x".
using Bytes = std::vector<std::byte>;

// Appends the hex digits of `size` bytes (two per byte, lower-case, no "\x"):
// the hex format in pieces, for writers that stream a large value.
void append_bytea_hex(std::string& out, const std::byte* data, std::size_t size);

// ---------------------------------------------------------------------------
// json and jsonb: the JSON text as the server sends it, not parsed or checked
// here (the server has validated it; jsonb arrives normalised). Equality is
// textual.
class Json {
public:
    Json() : text_("null") {}
    explicit Json(std::string text) : text_(std::move(text)) {}
    const std::string& text() const { return text_; }
    friend bool operator==(const Json&, const Json&) = default;

private:
    std::string text_;
};

// ---------------------------------------------------------------------------
// Time. All in the proleptic Gregorian calendar, microsecond precision like
// PostgreSQL. With TimeZone = UTC there is no DST and no ambiguous or missing
// local time: every timestamptz prints with "+00".
//
//   Timestamp      "2024-03-10 02:30:00.123456+00"   (timestamptz)
//   LocalTimestamp "2024-03-10 02:30:00"             (timestamp without time zone)
//   Date           "2024-03-10"                      (date)
//
// Formatting: year with at least 4 digits, fraction only if non-zero and
// without trailing zeros (as PostgreSQL prints), BC years as PostgreSQL prints
// them ("0044-03-15 BC", "0001-12-31 23:00:00+00 BC"; year 1 BC is astronomical
// year 0). Years above 9999 print with more digits ("10000-01-01").
// Parsing accepts that form, 'T' instead of the space, and for timestamptz any
// offset PostgreSQL prints ("+00", "-05", "+05:30", "+00:53:28"), converted to
// UTC. Rejected with a message: "infinity" and "-infinity" (no finite C++
// value stands for them; make the column reject them with a CHECK or map them
// yourself), year 0, invalid dates (2023-02-29), hour 24 and second 60 (which
// PostgreSQL's input would roll over; it never prints them), more than 6
// fraction digits, an offset on a timestamp without time zone, a missing offset
// on a timestamptz, anything outside sys_time<microseconds> (about 290 000
// years either side of 1970; PostgreSQL's own range is smaller except for the
// last years before 294277 AD).
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;
using LocalTimestamp = std::chrono::local_time<std::chrono::microseconds>;
using Date = std::chrono::sys_days;

// ---------------------------------------------------------------------------
// time (without time zone): microseconds since midnight, 00:00:00 to 24:00:00
// inclusive (PostgreSQL accepts and stores 24:00:00 as a distinct value).
//
// A struct, not an alias of std::chrono::microseconds: as an alias, every
// duration would convert to it implicitly (pg::to_text(5s) would print
// "00:00:05"), and Codec<std::chrono::microseconds> would claim all
// microsecond durations for the `time` type. Build one with
// TimeOfDay{std::chrono::hours(13) + std::chrono::minutes(5)}.
//
// Text "HH:MM:SS" with ".ffffff" only if non-zero, trailing zeros trimmed, as
// PostgreSQL prints it ("13:05:00", "23:59:59.5", "24:00:00"). Parsing accepts
// that form (1 to 6 fraction digits). Rejected: a missing seconds field, hour
// > 24, minute or second > 59, more than 6 fraction digits, anything after 24:00:00,
// time zones ("13:05:00+02": that is timetz). pg::to_text throws PgTextError
// for a value outside 0..24h, which PostgreSQL could not store either.
struct TimeOfDay {
    std::chrono::microseconds since_midnight{0};
    friend auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;
};

// ---------------------------------------------------------------------------
// time with time zone: a time of day and the UTC offset it was written with,
// which PostgreSQL keeps as given (13:05:00+02 stays +02; it is never
// converted to the session's zone). Equal when both parts are: 12:00:00+01
// and 11:00:00+00 are two values here, as they are to PostgreSQL's `=`.
//
// Text as PostgreSQL prints it: the time as TimeOfDay's, then "+HH", with
// ":MM" when the offset has minutes and ":SS" when it has seconds
// ("13:05:00+02", "09:30:00.25-03:30"). Parsing needs the offset; it accepts
// 1 to 6 fraction digits and offsets up to 15:59:59 either way, which is
// PostgreSQL's limit (pg::to_text throws PgTextError beyond it).
struct TimeOfDayTz {
    std::chrono::microseconds since_midnight{0};
    std::chrono::seconds utc_offset{0};   // east of UTC: +02 is 7200 s
    friend auto operator<=>(const TimeOfDayTz&, const TimeOfDayTz&) = default;
};

}  // namespace schemac
