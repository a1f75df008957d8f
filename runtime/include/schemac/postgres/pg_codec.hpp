// Text-format codecs between C++ values and PostgreSQL's text forms: the one
// conversion that generated row structs and DAOs use, for query parameters,
// result fields, array literals and COPY lines. Standard library only
// (schemac_runtime_core); the libpqxx side is schemac/dao/dao.hpp.
//
//     template <> struct Codec<T> {
//         static void write(std::string& out, const T& v);   // APPENDS v's text input form
//         static T read(std::string_view text);              // parses the server's text OUTPUT form
//     };
//
// read throws schemac::PgTextError ("invalid integer \"abc\": not a number").
// Called through pg::to_text(v), pg::from_text<T>(text) and, where a bad text
// is expected rather than a bug, pg::try_from_text<T>(text, &error): the one
// way, for every type, to turn a C++ value into PostgreSQL text and back.
// The forms read are the ones the server prints under the session settings
// that schemac::pg::prepare_session (dao.hpp) sets: DateStyle = ISO,
// TimeZone = UTC, IntervalStyle = iso_8601, bytea_output = hex,
// extra_float_digits = 1.
//
// PostgreSQL type           C++ type                              text
//   boolean                 bool                                  t / f
//   smallint/integer/bigint std::int16_t / std::int32_t / std::int64_t   -42
//   real / double precision float / double                        shortest round trip, NaN, Infinity, -Infinity
//   text, varchar, char(n)  std::string                           verbatim
//   numeric                 Decimal                               see values.hpp (for every type of values.hpp)
//   uuid, interval, bytea, json/jsonb, timestamptz, timestamp, date, time:
//                           Uuid, Interval, Bytes, Json, Timestamp, LocalTimestamp, Date, TimeOfDay
//   T[] (one dimension)     std::vector<std::optional<E>>         {1,NULL,"a b"}
//
// Array elements are std::optional because any PostgreSQL array can hold NULL
// elements (a column's NOT NULL says nothing about its elements).
//
// Generated code specializes Codec for its enums (write the label, read it
// back); arrays of those enums then work through the same vector codec.
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "schemac/postgres/values.hpp"

namespace schemac::pg {

// Undefined: a type without a codec is a compile error, never a guess.
template <class T> struct Codec;

template <> struct Codec<bool> {
    static void write(std::string& out, bool v);  // "t" / "f"
    static bool read(std::string_view text);       // "t" / "f" only (what boolout prints)
};

// Integers: plain decimal, range-checked on read ("32768" is not a smallint).
template <> struct Codec<std::int16_t> {
    static void write(std::string& out, std::int16_t v);
    static std::int16_t read(std::string_view text);
};
template <> struct Codec<std::int32_t> {
    static void write(std::string& out, std::int32_t v);
    static std::int32_t read(std::string_view text);
};
template <> struct Codec<std::int64_t> {
    static void write(std::string& out, std::int64_t v);
    static std::int64_t read(std::string_view text);
};

// Floats: write prints the shortest text that reads back to the same value
// (std::to_chars), "NaN", "Infinity", "-Infinity", and "-0" for negative
// zero. read accepts those words and numbers as float4out/float8out print
// them with extra_float_digits = 1 (shortest exact, e.g. "1e+300", "5e-324").
// Out of range for the type ("1e39" as real) is rejected, not rounded to inf.
template <> struct Codec<float> {
    static void write(std::string& out, float v);
    static float read(std::string_view text);
};
template <> struct Codec<double> {
    static void write(std::string& out, double v);
    static double read(std::string_view text);
};

// Text: verbatim both ways (encoding is the connection's, UTF-8 by default).
template <> struct Codec<std::string> {
    static void write(std::string& out, const std::string& v) { out += v; }
    static std::string read(std::string_view text) { return std::string(text); }
};

namespace detail {
// The types of values.hpp, whose header says what their text forms are. Defined
// in values.cpp for exactly those types. read's message: "invalid timestamptz
// \"infinity\": infinity is not supported"; TimeOfDay's write throws outside 0..24h.
template <class T> struct ValueCodec {
    static void write(std::string& out, const T& v);
    static T read(std::string_view text);
};
extern template struct ValueCodec<Decimal>;
extern template struct ValueCodec<Uuid>;
extern template struct ValueCodec<Interval>;
extern template struct ValueCodec<Bytes>;
extern template struct ValueCodec<Json>;
extern template struct ValueCodec<Timestamp>;
extern template struct ValueCodec<LocalTimestamp>;
extern template struct ValueCodec<Date>;
extern template struct ValueCodec<TimeOfDay>;
extern template struct ValueCodec<TimeOfDayTz>;
}  // namespace detail

template <> struct Codec<Decimal> : detail::ValueCodec<Decimal> {};
template <> struct Codec<Uuid> : detail::ValueCodec<Uuid> {};
template <> struct Codec<Interval> : detail::ValueCodec<Interval> {};
template <> struct Codec<Bytes> : detail::ValueCodec<Bytes> {};
template <> struct Codec<Json> : detail::ValueCodec<Json> {};
template <> struct Codec<Timestamp> : detail::ValueCodec<Timestamp> {};
template <> struct Codec<LocalTimestamp> : detail::ValueCodec<LocalTimestamp> {};
template <> struct Codec<Date> : detail::ValueCodec<Date> {};
template <> struct Codec<TimeOfDay> : detail::ValueCodec<TimeOfDay> {};
template <> struct Codec<TimeOfDayTz> : detail::ValueCodec<TimeOfDayTz> {};

// The PostgreSQL type a values.hpp type stands for, as messages name it
// ("numeric", "uuid", "timestamptz", ...).
template <class T> std::string_view type_name();
template <> std::string_view type_name<Decimal>();
template <> std::string_view type_name<Uuid>();
template <> std::string_view type_name<Interval>();
template <> std::string_view type_name<Bytes>();
template <> std::string_view type_name<Json>();
template <> std::string_view type_name<Timestamp>();
template <> std::string_view type_name<LocalTimestamp>();
template <> std::string_view type_name<Date>();
template <> std::string_view type_name<TimeOfDay>();
template <> std::string_view type_name<TimeOfDayTz>();

// ---------------------------------------------------------------------------
// One-dimensional arrays, lower bound 1 (PostgreSQL's default).
//
// write: "{" elements "," "}" with NULL for an empty optional; an element is
// double-quoted (with \" and \\ inside) when array_in would misread it bare:
// empty, "NULL" in any letter case, or containing whitespace , { } " \.
// So bytea elements travel as "\\x0102" and round-trip.
//
// read: what array_out prints. Rejected with PgTextError: multi-dimensional
// arrays ("{{1,2},{3,4}}"), a dimension decoration ("[0:1]={1,2}", printed for
// lower bounds other than 1), malformed text, and any element its codec rejects
// (the message names the element's position, counting from 1).

namespace detail {
template <class T> struct is_array_codec_type : std::false_type {};
template <class E> struct is_array_codec_type<std::vector<std::optional<E>>> : std::true_type {};

// Appends one element's text, quoted only when needed (see above).
void append_array_element(std::string& out, std::string_view element_text);

// Splits array text into element texts (dequoted, unescaped; nullopt = NULL).
void split_array(std::string_view text, std::vector<std::optional<std::string>>& elements);

// Throws PgTextError for element `index` (0-based) of `text` rejected with `cause`.
[[noreturn]] void throw_array_element_error(std::string_view text, std::size_t index, const std::exception& cause);
}  // namespace detail

template <class E> struct Codec<std::vector<std::optional<E>>> {
    static_assert(!detail::is_array_codec_type<E>::value,
                  "PostgreSQL arrays are rectangular, not nested: an array of arrays has no codec");

    static void write(std::string& out, const std::vector<std::optional<E>>& v) {
        out += '{';
        std::string element;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i > 0) out += ',';
            if (!v[i]) {
                out += "NULL";
                continue;
            }
            element.clear();
            Codec<E>::write(element, *v[i]);
            detail::append_array_element(out, element);
        }
        out += '}';
    }

    static std::vector<std::optional<E>> read(std::string_view text) {
        std::vector<std::optional<std::string>> parts;
        detail::split_array(text, parts);
        std::vector<std::optional<E>> out;
        out.reserve(parts.size());
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (!parts[i]) {
                out.emplace_back();
                continue;
            }
            try {
                out.emplace_back(Codec<E>::read(*parts[i]));
            } catch (const PgTextError& e) {
                detail::throw_array_element_error(text, i, e);
            }
        }
        return out;
    }
};

// ---------------------------------------------------------------------------
// Conveniences.

template <class T> std::string to_text(const T& v) {
    std::string out;
    Codec<T>::write(out, v);
    return out;
}

template <class T> T from_text(std::string_view s) { return Codec<T>::read(s); }   // throws PgTextError

// from_text without the exception: std::nullopt, and the message in `error` when given.
template <class T> std::optional<T> try_from_text(std::string_view s, std::string* error = nullptr) {
    try {
        return Codec<T>::read(s);
    } catch (const PgTextError& e) {
        if (error) *error = e.what();
        return std::nullopt;
    }
}

// ---------------------------------------------------------------------------
// COPY text format (COPY ... FROM STDIN / TO STDOUT without options): fields
// separated by a tab, rows by a newline, NULL as \N.

// Appends `text` as one field: backslash, tab, newline, carriage return,
// backspace, form feed and vertical tab become \\ \t \n \r \b \f \v, as
// PostgreSQL's COPY TO writes them; other bytes (other control characters,
// UTF-8) pass through, as COPY FROM reads them.
void append_copy_field(std::string& line, std::string_view text);

// Appends the NULL marker \N (the text "\N" itself goes through append_copy_field as "\\N").
void append_copy_null(std::string& line);

// Splits one COPY text line (without its newline) into fields, unescaping;
// nullopt for \N. Reuses `fields` (and the capacity of its strings) across
// calls. Understands every escape COPY FROM does (\b \f \n \r \t \v \\,
// octal \NNN, hex \xHH, any other escaped character stands for itself).
// Throws PgTextError for a backslash at the end of the line, \N inside a
// longer field, an escape that makes a zero byte, or a raw newline or carriage
// return (the server always escapes those).
void split_copy_line(std::string_view line, std::vector<std::optional<std::string>>& fields);

// The same over a line held in `data` (size bytes, without its newline),
// unescaping in place (unescaping only shortens a field): the fields are
// views into `data`, valid while it is. An error shows `shown` (the line as
// received) if given, else `data` as far as it was unescaped.
void split_copy_line_in_place(char* data, std::size_t size, std::vector<std::optional<std::string_view>>& fields,
                              std::string_view shown = {});

}  // namespace schemac::pg
