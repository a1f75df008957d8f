#include "sql/postgres/literal.hpp"

#include <schemac/core/ascii.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <string_view>

#include "model/interval.hpp"
#include "model/rules.hpp"

namespace schemac::sql::postgres {

namespace {

unsigned hex_digit(char c) { return is_ascii_digit(c) ? unsigned(c - '0') : unsigned(ascii_lower(c) - 'a' + 10); }

bool parse_integer(const std::string& s, std::int64_t lo, std::int64_t hi) {
    std::string_view v = s;
    if (!v.empty() && v[0] == '+') v.remove_prefix(1);
    std::int64_t x = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    return ec == std::errc() && p == v.data() + v.size() && !v.empty() && x >= lo && x <= hi;
}

// [+-]digits[.digits] — returns integer and fraction digit counts.
bool parse_decimal(const std::string& s, std::size_t& int_digits, std::size_t& frac_digits) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < s.size() && is_ascii_digit(s[i])) ++i;
    std::size_t ints = i - start;
    std::size_t fracs = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const std::size_t f = i;
        while (i < s.size() && is_ascii_digit(s[i])) ++i;
        fracs = i - f;
    }
    if (i != s.size() || ints + fracs == 0) return false;
    // leading zeros do not count toward precision
    std::size_t z = start;
    while (ints > 0 && s[z] == '0') { ++z; --ints; }
    int_digits = ints;
    frac_digits = fracs;
    return true;
}

bool parse_float(const std::string& s) {
    const std::string l = ascii_lower(s);
    if (l == "nan" || l == "infinity" || l == "-infinity" || l == "+infinity") return true;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < s.size() && is_ascii_digit(s[i])) { ++i; ++digits; }
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_ascii_digit(s[i])) { ++i; ++digits; }
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t e = 0;
        while (i < s.size() && is_ascii_digit(s[i])) { ++i; ++e; }
        if (e == 0) return false;
    }
    return i == s.size();
}

// As PostgreSQL's float4in/float8in: strtof/strtod reporting ERANGE is an error
// when the result is zero or infinite; a subnormal result is kept. Only called
// on text parse_float accepted, so the C locale's '.' is the decimal point.
bool float_in_range(const std::string& s, bool single) {
    errno = 0;
    const double v = single ? static_cast<double>(std::strtof(s.c_str(), nullptr)) : std::strtod(s.c_str(), nullptr);
    return errno != ERANGE || (v != 0.0 && !std::isinf(v));
}

bool parse_fixed_digits(std::string_view s, std::size_t& i, std::size_t n, int& out) {
    if (i + n > s.size()) return false;
    out = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (!is_ascii_digit(s[i + k])) return false;
        out = out * 10 + (s[i + k] - '0');
    }
    i += n;
    return true;
}

bool date_part(std::string_view s, std::size_t& i) {
    int y, m, d;
    if (!parse_fixed_digits(s, i, 4, y) || i >= s.size() || s[i++] != '-') return false;
    if (!parse_fixed_digits(s, i, 2, m) || i >= s.size() || s[i++] != '-') return false;
    if (!parse_fixed_digits(s, i, 2, d)) return false;
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + ((m == 2 && leap) ? 1 : 0);
}

// hh:mm[:ss[.ffffff]]. As PostgreSQL: a leap second (:60) is accepted, but a
// time of day is at most 24:00:00 (24:00:01 and 23:59:60.5 are refused).
// Intervals have their own reader (model/interval.hpp).
bool time_part(std::string_view s, std::size_t& i, bool* past_end_of_day = nullptr) {
    int h, mi, se = 0;
    bool fraction = false;
    if (!parse_fixed_digits(s, i, 2, h) || i >= s.size() || s[i++] != ':') return false;
    if (!parse_fixed_digits(s, i, 2, mi)) return false;
    if (h > 24 || mi > 59) return false;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!parse_fixed_digits(s, i, 2, se) || se > 60) return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            std::size_t f = 0;
            while (i < s.size() && is_ascii_digit(s[i])) {
                fraction = fraction || s[i] != '0';
                ++i;
                ++f;
            }
            if (f == 0 || f > 6) return false;
        }
    }
    const long seconds = h * 3600L + mi * 60L + se;
    const bool within = seconds < 86400 || (seconds == 86400 && !fraction);
    if (!within && past_end_of_day) *past_end_of_day = true;
    return within;
}

// A time (or the time of a timestamp) refused only for being past 24:00:00.
bool is_past_end_of_day(const std::string& s, bool has_date) {
    std::size_t i = 0;
    if (has_date && (!date_part(s, i) || i >= s.size() || (s[i] != ' ' && s[i] != 'T'))) return false;
    if (has_date) ++i;
    bool past = false;
    time_part(s, i, &past);
    return past;
}

bool zone_part(std::string_view s, std::size_t& i) {
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) { ++i; return true; }
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        ++i;
        int h, m;
        if (!parse_fixed_digits(s, i, 2, h) || h > 15) return false;
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (!parse_fixed_digits(s, i, 2, m) || m > 59) return false;
        }
        return true;
    }
    return true;   // no zone: the server's time zone applies
}

bool is_infinity_word(const std::string& s) {
    const std::string l = ascii_lower(s);
    return l == "infinity" || l == "-infinity";
}

// Values PostgreSQL evaluates once at CREATE time: almost always a mistake as a default.
bool is_frozen_time_word(const std::string& s) {
    static const char* words[] = {"now", "today", "tomorrow", "yesterday", "current_timestamp",
                                  "current_date", "current_time", "localtimestamp", "localtime", "now()"};
    const std::string l = ascii_lower(s);
    return std::any_of(std::begin(words), std::end(words), [&](const char* w) { return l == w; });
}

// --- JSON syntax (RFC 8259), iterative on depth to stay safe on hostile input.
struct JsonParser {
    std::string_view s;
    // jsonb de-escapes its strings, so it refuses \u0000 (text cannot hold it)
    // and a surrogate not in a high-then-low pair; json checks only the syntax.
    bool decodes_escapes = false;
    std::size_t i = 0;
    int depth = 0;
    bool too_deep = false;
    void ws() { while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i; }
    bool lit(std::string_view w) {
        if (s.substr(i, w.size()) != w) return false;
        i += w.size();
        return true;
    }
    bool string() {
        if (i >= s.size() || s[i] != '"') return false;
        ++i;
        bool high_surrogate_open = false;   // a \uD800-\uDBFF waiting for its low half
        while (i < s.size()) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (high_surrogate_open && !(c == '\\' && i + 1 < s.size() && s[i + 1] == 'u')) return false;
            if (c == '"') { ++i; return true; }
            if (c < 0x20) return false;
            if (c == '\\') {
                ++i;
                if (i >= s.size()) return false;
                const char e = s[i];
                if (e == 'u') {
                    unsigned code = 0;
                    for (int k = 0; k < 4; ++k) {
                        if (++i >= s.size() || !is_ascii_xdigit(s[i])) return false;
                        code = code * 16 + hex_digit(s[i]);
                    }
                    if (decodes_escapes && !decodable(code, high_surrogate_open)) return false;
                } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    return false;
                }
            }
            ++i;
        }
        return false;
    }
    // PostgreSQL's rule when it de-escapes \uXXXX (src/common/jsonapi.c).
    static bool decodable(unsigned code, bool& high_surrogate_open) {
        if (code >= 0xD800 && code <= 0xDBFF) {
            if (high_surrogate_open) return false;
            high_surrogate_open = true;
            return true;
        }
        if (code >= 0xDC00 && code <= 0xDFFF) {
            if (!high_surrogate_open) return false;
            high_surrogate_open = false;
            return true;
        }
        return !high_surrogate_open && code != 0;
    }
    bool number() {
        const std::size_t st = i;
        if (i < s.size() && s[i] == '-') ++i;
        if (i >= s.size()) return false;
        if (s[i] == '0') ++i;
        else if (is_ascii_digit(s[i])) while (i < s.size() && is_ascii_digit(s[i])) ++i;
        else return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            if (i >= s.size() || !is_ascii_digit(s[i])) return false;
            while (i < s.size() && is_ascii_digit(s[i])) ++i;
        }
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            ++i;
            if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
            if (i >= s.size() || !is_ascii_digit(s[i])) return false;
            while (i < s.size() && is_ascii_digit(s[i])) ++i;
        }
        return i > st;
    }
    bool value() {
        if (++depth > kMaxJsonDepth) {
            too_deep = true;
            return false;
        }
        ws();
        if (i >= s.size()) return false;
        bool ok;
        const char c = s[i];
        if (c == '{') {
            ++i;
            ws();
            ok = true;
            if (i < s.size() && s[i] == '}') { ++i; }
            else {
                while (true) {
                    ws();
                    if (!string()) { ok = false; break; }
                    ws();
                    if (i >= s.size() || s[i] != ':') { ok = false; break; }
                    ++i;
                    if (!value()) { ok = false; break; }
                    ws();
                    if (i < s.size() && s[i] == ',') { ++i; continue; }
                    if (i < s.size() && s[i] == '}') { ++i; break; }
                    ok = false;
                    break;
                }
            }
        } else if (c == '[') {
            ++i;
            ws();
            ok = true;
            if (i < s.size() && s[i] == ']') { ++i; }
            else {
                while (true) {
                    if (!value()) { ok = false; break; }
                    ws();
                    if (i < s.size() && s[i] == ',') { ++i; continue; }
                    if (i < s.size() && s[i] == ']') { ++i; break; }
                    ok = false;
                    break;
                }
            }
        } else if (c == '"') {
            ok = string();
        } else if (c == 't') {
            ok = lit("true");
        } else if (c == 'f') {
            ok = lit("false");
        } else if (c == 'n') {
            ok = lit("null");
        } else {
            ok = number();
        }
        --depth;
        return ok;
    }
};

}  // namespace

bool is_valid_json(const std::string& s, bool* too_deep, JsonKind kind) {
    JsonParser p{s, kind == JsonKind::Jsonb};
    const bool ok = p.value();
    if (too_deep) *too_deep = p.too_deep;
    if (!ok) return false;
    p.ws();
    return p.i == s.size();
}

bool is_valid_date(const std::string& s) {
    if (is_infinity_word(s)) return true;
    std::size_t i = 0;
    return date_part(s, i) && i == s.size();
}

bool is_valid_time(const std::string& s) {
    std::size_t i = 0;
    return time_part(s, i) && i == s.size();
}

// A time of day with its offset: the offset must be written, or the value
// would take the time zone of whichever session creates the table.
bool is_valid_timetz(const std::string& s) {
    std::size_t i = 0;
    if (!time_part(s, i) || i == s.size()) return false;
    return zone_part(s, i) && i == s.size();
}

bool is_valid_timestamp(const std::string& s, bool with_zone) {
    if (is_infinity_word(s)) return true;
    std::size_t i = 0;
    if (!date_part(s, i)) return false;
    if (i == s.size()) return true;   // a date alone means midnight
    if (s[i] != ' ' && s[i] != 'T') return false;
    ++i;
    if (!time_part(s, i)) return false;
    if (with_zone && !zone_part(s, i)) return false;
    return i == s.size();
}

std::optional<std::string> check_text(const std::string& s) {
    if (s.find('\0') != std::string::npos) return "contains a NUL byte, which PostgreSQL cannot store in text";
    if (utf8_length(s) < 0) return "is not valid UTF-8";
    return std::nullopt;
}

std::optional<std::string> check_literal(const Type& t, const Value& v, const Enum* e) {
    if (v.kind == Value::Kind::Sql || v.kind == Value::Kind::Null) return std::nullopt;
    if (t.is_array) {
        if (v.kind != Value::Kind::Array) return std::string("is not a list; a value of type ") + t.display() + " is written as a YAML sequence";
        const Type el = t.element();
        for (const auto& item : v.items) {
            if (item.kind == Value::Kind::Array) return std::string("has a nested list; only one-dimensional arrays are supported");
            if (auto why = check_literal(el, item, e)) return "has an element '" + item.text + "' that " + *why;
        }
        return std::nullopt;
    }
    if (v.kind == Value::Kind::Array) return "is a list, but the type " + t.display() + " is not an array";
    const std::string& s = v.text;
    if (auto why = check_text(s)) return why;
    const std::string tn = t.display();
    auto not_a = [&](const std::string& what) { return "is not " + what; };
    switch (t.kind) {
        case TypeKind::SmallInt:
            return parse_integer(s, -32768, 32767) ? std::nullopt : std::optional(not_a("a smallint (-32768 to 32767)"));
        case TypeKind::SmallSerial:
            return parse_integer(s, -32768, 32767) ? std::nullopt : std::optional(not_a("a smallint (-32768 to 32767)"));
        case TypeKind::Integer:
        case TypeKind::Serial:
            return parse_integer(s, INT32_MIN, INT32_MAX) ? std::nullopt : std::optional(not_a("an integer (-2147483648 to 2147483647)"));
        case TypeKind::BigInt:
        case TypeKind::BigSerial:
            return parse_integer(s, INT64_MIN, INT64_MAX) ? std::nullopt : std::optional(not_a("a bigint (64-bit integer)"));
        case TypeKind::Real:
        case TypeKind::Double:
            if (!parse_float(s)) return std::optional(not_a("a number"));
            if (!float_in_range(s, t.kind == TypeKind::Real))
                return "is out of range for " + tn + " (PostgreSQL refuses values that overflow to infinity or underflow to zero)";
            return std::nullopt;
        case TypeKind::Numeric: {
            std::size_t ints = 0, fracs = 0;
            if (ascii_lower(s) == "nan") return std::nullopt;
            if (!parse_decimal(s, ints, fracs)) return std::optional(not_a("a decimal number"));
            if (t.precision >= 0) {
                const std::size_t max_int = static_cast<std::size_t>(t.precision - t.scale);
                if (ints > max_int)
                    return "has " + std::to_string(ints) + " digits before the decimal point; " + tn + " allows " + std::to_string(max_int);
                if (fracs > static_cast<std::size_t>(t.scale))
                    return "has " + std::to_string(fracs) + " decimal places; " + tn + " keeps " + std::to_string(t.scale) + " (PostgreSQL would round it)";
            }
            return std::nullopt;
        }
        case TypeKind::Varchar:
        case TypeKind::Char: {
            const long len = utf8_length(s);
            if (len < 0) return std::string("is not valid UTF-8");
            if (t.length >= 0 && len > t.length)
                return "is " + std::to_string(len) + " characters long; " + tn + " allows " + std::to_string(t.length);
            return std::nullopt;
        }
        case TypeKind::Text:
        case TypeKind::Citext:
            return std::nullopt;   // any text: check_text above
        case TypeKind::Bit:
        case TypeKind::VarBit: {
            // Only the binary digits the catalog prints back (bit_in also takes x-hex).
            if (s.find_first_not_of("01") != std::string::npos) return std::optional(not_a("a string of binary digits (0 and 1)"));
            const long len = static_cast<long>(s.size());
            if (t.kind == TypeKind::Bit && len != t.length)
                return "is " + std::to_string(len) + " bits long; " + tn + " holds exactly " + std::to_string(t.length);
            if (t.length >= 0 && len > t.length) return "is " + std::to_string(len) + " bits long; " + tn + " allows " + std::to_string(t.length);
            return std::nullopt;
        }
        case TypeKind::Boolean: {
            const std::string l = ascii_lower(s);
            return l == "true" || l == "false" ? std::nullopt : std::optional<std::string>("is not a boolean (true or false)");
        }
        case TypeKind::TimeTz:
            if (is_frozen_time_word(s)) return "would be evaluated once, when the table is created, and frozen; write {sql: CURRENT_TIME}";
            if (is_valid_timetz(s)) return std::nullopt;
            if (is_past_end_of_day(s, false)) return std::string("is out of range: PostgreSQL allows times of day up to 24:00:00");
            return not_a("a time with its offset (HH:MM[:SS[.ffffff]]+HH[:MM]); without one it would take the session's time zone");
        case TypeKind::Date:
        case TypeKind::Time:
        case TypeKind::Timestamp:
        case TypeKind::TimestampTz: {
            if (is_frozen_time_word(s))
                return "would be evaluated once, when the table is created, and frozen; write {sql: " +
                       std::string(t.kind == TypeKind::Date ? "CURRENT_DATE" : "now()") + "} for the time of each insert";
            bool ok = t.kind == TypeKind::Date ? is_valid_date(s)
                    : t.kind == TypeKind::Time ? is_valid_time(s)
                    : is_valid_timestamp(s, t.kind == TypeKind::TimestampTz);
            if (ok) return std::nullopt;
            if (t.kind != TypeKind::Date && is_past_end_of_day(s, t.kind != TypeKind::Time))
                return std::string("is out of range: PostgreSQL allows times of day up to 24:00:00");
            const char* shape = t.kind == TypeKind::Date ? "a date (YYYY-MM-DD)"
                              : t.kind == TypeKind::Time ? "a time (HH:MM[:SS[.ffffff]])"
                              : t.kind == TypeKind::Timestamp ? "a timestamp (YYYY-MM-DD HH:MM[:SS[.ffffff]])"
                              : "a timestamptz (YYYY-MM-DD HH:MM[:SS[.ffffff]][+HH:MM])";
            return not_a(shape);
        }
        case TypeKind::Interval: {
            const auto v = read_interval(s);
            if (v && !v->in_range())
                return std::string("is out of range: PostgreSQL stores an interval as 32-bit months and days and 64-bit microseconds");
            return v ? std::nullopt : std::optional(not_a("an interval (such as '1 day' or '02:30:00')"));
        }
        case TypeKind::Uuid: {
            bool ok = s.size() == 36;
            for (std::size_t i = 0; ok && i < s.size(); ++i)
                ok = (i == 8 || i == 13 || i == 18 || i == 23) ? s[i] == '-' : is_ascii_xdigit(s[i]);
            return ok ? std::nullopt : std::optional(not_a("a uuid (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"));
        }
        case TypeKind::Json:
        case TypeKind::Jsonb:
        {
            bool too_deep = false;
            if (is_valid_json(s, &too_deep, t.kind == TypeKind::Jsonb ? JsonKind::Jsonb : JsonKind::Json)) return std::nullopt;
            if (too_deep) return "is JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels, the most schemac accepts";
            if (t.kind == TypeKind::Jsonb && is_valid_json(s)) return std::string("is not valid jsonb: PostgreSQL refuses \\u0000 and unpaired UTF-16 surrogates (\\uD800-\\uDFFF) in jsonb");
            return not_a("valid JSON");
        }
        case TypeKind::Bytea: {
            // Lower-case x only: PostgreSQL rejects '\X..' (found by the random pairs).
            bool ok = s.size() >= 2 && s[0] == '\\' && s[1] == 'x' && s.size() % 2 == 0;
            for (std::size_t i = 2; ok && i < s.size(); ++i) ok = is_ascii_xdigit(s[i]);
            return ok ? std::nullopt : std::optional(not_a("bytea hex ('\\x' followed by pairs of hex digits)"));
        }
        case TypeKind::Enum: {
            if (!e) return std::nullopt;   // unknown enum is reported elsewhere
            for (const auto& val : e->values)
                if (val.name == s) return std::nullopt;
            std::vector<std::string> names;
            for (const auto& val : e->values) names.push_back(val.name);
            std::string msg = "is not a value of enum " + e->name.display();
            return msg + did_you_mean(closest_match(s, names));
        }
    }
    return std::nullopt;
}

}  // namespace schemac::sql::postgres
