#include "sql/sqlite/literal.hpp"

#include <schemac/core/ascii.hpp>

#include <cstdint>

namespace schemac::sql::sqlite {

namespace {

// [+-]digits, within [lo, hi].
bool integer_in(const std::string& s, std::int64_t lo, std::int64_t hi) {
    std::size_t i = (s.size() > 0 && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    if (i == s.size()) return false;
    const bool negative = s[0] == '-';
    // Accumulate as a negative number: its range holds INT64_MIN.
    std::int64_t v = 0;
    for (; i < s.size(); ++i) {
        if (!is_ascii_digit(s[i])) return false;
        const int d = s[i] - '0';
        if (v < (INT64_MIN + d) / 10) return false;
        v = v * 10 - d;
    }
    if (!negative) {
        if (v == INT64_MIN) return false;
        v = -v;
    }
    return v >= lo && v <= hi;
}

}  // namespace

bool is_number(const std::string& s, bool plus) {
    std::size_t i = !s.empty() && (s[0] == '-' || (plus && s[0] == '+')) ? 1 : 0;
    std::size_t digits = 0;
    while (i < s.size() && is_ascii_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_ascii_digit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        const std::size_t at = i;
        while (i < s.size() && is_ascii_digit(s[i])) ++i;
        if (i == at) return false;
    }
    return i == s.size();
}

std::optional<std::string> check_literal(const Type& t, const Value& v) {
    if (v.kind != Value::Kind::Scalar) return std::nullopt;
    const std::string& s = v.text;
    switch (t.kind) {
        case TypeKind::SmallInt:
            if (!integer_in(s, -32768, 32767)) return "is not a smallint (-32768 to 32767)";
            break;
        case TypeKind::Integer:
            if (!integer_in(s, INT32_MIN, INT32_MAX)) return "is not an integer (-2147483648 to 2147483647; bigint is 64 bits)";
            break;
        case TypeKind::BigInt:
            if (!integer_in(s, INT64_MIN, INT64_MAX)) return "is not a bigint (a 64-bit integer)";
            break;
        case TypeKind::Real:
        case TypeKind::Double:
        case TypeKind::Numeric:
            if (!is_number(s, true)) return "is not a number SQLite reads (digits, an optional fraction and exponent)";
            break;
        case TypeKind::Boolean: {
            const std::string l = ascii_lower(s);
            if (l != "true" && l != "false" && l != "1" && l != "0") return "is not a boolean (true, false, 1 or 0)";
            break;
        }
        case TypeKind::Bytea: {
            if (s.size() < 2 || s[0] != '\\' || (s[1] != 'x' && s[1] != 'X') || s.size() % 2 != 0)
                return "is not bytes written as \\x followed by pairs of hex digits";
            for (std::size_t i = 2; i < s.size(); ++i)
                if (!is_ascii_xdigit(s[i])) return "is not bytes written as \\x followed by pairs of hex digits";
            break;
        }
        default: break;
    }
    if (s.find('\0') != std::string::npos) return "contains a NUL byte";
    return std::nullopt;
}

}  // namespace schemac::sql::sqlite
