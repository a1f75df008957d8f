// Codecs of the standard C++ types and one-dimensional array text (array_in /
// array_out). COPY lines are in pg_copy.cpp; the values.hpp types in values.cpp.
#include "schemac/postgres/pg_codec.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace schemac::pg {
namespace {

// Long texts (a bytea array) are cut in messages: the message must stay readable.
std::string quoted_for_message(std::string_view text) {
    constexpr std::size_t kMax = 120;
    std::string out = "\"";
    if (text.size() <= kMax) {
        out += text;
        out += '"';
    } else {
        out += text.substr(0, kMax);
        out += "\"... (" + std::to_string(text.size()) + " bytes)";
    }
    return out;
}

[[noreturn]] void fail(std::string_view type, std::string_view text, std::string_view reason) {
    throw PgTextError("invalid " + std::string(type) + " " + quoted_for_message(text) + ": " + std::string(reason));
}

template <class Int>
void write_integer(std::string& out, Int v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// Exactly what int2out/int4out/int8out print: optional '-', digits. No '+',
// no whitespace: text from the server never has them, so they mean a bug.
template <class Int>
Int read_integer(std::string_view text, std::string_view type) {
    if (text.empty()) fail(type, text, "empty text");
    Int v{};
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec == std::errc::result_out_of_range) {
        fail(type, text, "out of range " + std::to_string(std::numeric_limits<Int>::min()) + ".." +
                             std::to_string(std::numeric_limits<Int>::max()));
    }
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) fail(type, text, "not a number");
    return v;
}

template <class Float>
void write_float(std::string& out, Float v) {
    if (std::isnan(v)) {
        out += "NaN";
        return;
    }
    if (std::isinf(v)) {
        out += v < 0 ? "-Infinity" : "Infinity";
        return;
    }
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back exactly
    out.append(buf, r.ptr);
}

template <class Float>
Float read_float(std::string_view text, std::string_view type) {
    if (text == "NaN") return std::numeric_limits<Float>::quiet_NaN();
    if (text == "Infinity") return std::numeric_limits<Float>::infinity();
    if (text == "-Infinity") return -std::numeric_limits<Float>::infinity();
    if (text.empty()) fail(type, text, "empty text");
    // from_chars would also take "inf" and "nan(...)": PostgreSQL never
    // prints those, so anything with letters other than an exponent is refused.
    for (char c : text) {
        if ((c >= 'a' && c <= 'z' && c != 'e') || (c >= 'A' && c <= 'Z' && c != 'E')) {
            fail(type, text, "not a number (expected digits, NaN, Infinity or -Infinity)");
        }
    }
    Float v{};
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec == std::errc::result_out_of_range) fail(type, text, "out of range");
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) fail(type, text, "not a number");
    return v;
}

bool array_needs_quotes(std::string_view s) {
    if (s.empty()) return true;
    if (s.size() == 4) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(s[0]) == 'n' && lower(s[1]) == 'u' && lower(s[2]) == 'l' && lower(s[3]) == 'l') return true;
    }
    for (char c : s) {
        switch (c) {
            case '{': case '}': case ',': case '"': case '\\':
            case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
                return true;
            default:
                break;
        }
    }
    return false;
}

// array_in's notion of whitespace (array_isspace).
bool array_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

// ---------------------------------------------------------------------------

void Codec<bool>::write(std::string& out, bool v) { out += v ? 't' : 'f'; }
bool Codec<bool>::read(std::string_view text) {
    if (text == "t") return true;
    if (text == "f") return false;
    fail("boolean", text, "expected t or f");
}

void Codec<std::int16_t>::write(std::string& out, std::int16_t v) { write_integer(out, v); }
std::int16_t Codec<std::int16_t>::read(std::string_view text) { return read_integer<std::int16_t>(text, "smallint"); }
void Codec<std::int32_t>::write(std::string& out, std::int32_t v) { write_integer(out, v); }
std::int32_t Codec<std::int32_t>::read(std::string_view text) { return read_integer<std::int32_t>(text, "integer"); }
void Codec<std::int64_t>::write(std::string& out, std::int64_t v) { write_integer(out, v); }
std::int64_t Codec<std::int64_t>::read(std::string_view text) { return read_integer<std::int64_t>(text, "bigint"); }

void Codec<float>::write(std::string& out, float v) { write_float(out, v); }
float Codec<float>::read(std::string_view text) { return read_float<float>(text, "real"); }
void Codec<double>::write(std::string& out, double v) { write_float(out, v); }
double Codec<double>::read(std::string_view text) { return read_float<double>(text, "double precision"); }

// ---------------------------------------------------------------------------
// Arrays

namespace detail {

void append_array_element(std::string& out, std::string_view s) {
    if (!array_needs_quotes(s)) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
}

void split_array(std::string_view text, std::vector<std::optional<std::string>>& elements) {
    elements.clear();
    const auto bad = [text](const std::string& reason) { fail("array", text, reason); };
    const auto at = [text](std::size_t i) {
        return i < text.size() ? "unexpected '" + std::string(1, text[i]) + "' at offset " + std::to_string(i)
                               : std::string("unexpected end");
    };
    std::size_t i = 0;
    const auto skip_space = [&] {
        while (i < text.size() && array_space(text[i])) ++i;
    };
    skip_space();
    if (i < text.size() && text[i] == '[') {
        const std::size_t eq = text.find('=', i);
        bad("dimension decoration " + quoted_for_message(text.substr(i, eq == std::string_view::npos ? eq : eq + 1 - i)) +
            ": arrays whose lower bound is not 1 are not supported");
    }
    if (i >= text.size() || text[i] != '{') bad(at(i) + ", expected '{'");
    ++i;
    skip_space();
    if (i < text.size() && text[i] == '}') {
        ++i;
    } else {
        for (;;) {
            skip_space();
            if (i < text.size() && text[i] == '{') bad("multi-dimensional arrays are not supported (one dimension only)");
            std::string value;
            bool is_null = false;
            if (i < text.size() && text[i] == '"') {
                ++i;
                while (i < text.size() && text[i] != '"') {
                    if (text[i] == '\\') {
                        ++i;
                        if (i >= text.size()) break;
                    }
                    value += text[i++];
                }
                if (i >= text.size()) bad("unterminated quoted element");
                ++i;  // closing quote
            } else {
                // Bare element: ends at ',' or '}'; trailing unescaped whitespace is
                // not part of it (array_in); a backslash escapes the next character.
                std::size_t kept = 0;  // length of value up to its last escaped or non-space char
                bool escaped_any = false;
                while (i < text.size() && text[i] != ',' && text[i] != '}') {
                    char c = text[i];
                    if (c == '"' || c == '{') bad(at(i) + " inside an unquoted element");
                    if (c == '\\') {
                        if (++i >= text.size()) bad("backslash at the end");
                        value += text[i++];
                        kept = value.size();
                        escaped_any = true;
                        continue;
                    }
                    value += c;
                    ++i;
                    if (!array_space(c)) kept = value.size();
                }
                value.resize(kept);
                if (value.empty()) bad(at(i) + ", expected an element (an empty string is written \"\")");
                is_null = !escaped_any && value.size() == 4 && (value[0] | 0x20) == 'n' && (value[1] | 0x20) == 'u' &&
                          (value[2] | 0x20) == 'l' && (value[3] | 0x20) == 'l';
            }
            if (is_null) elements.emplace_back();
            else elements.emplace_back(std::move(value));
            skip_space();
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            if (i < text.size() && text[i] == '}') {
                ++i;
                break;
            }
            bad(at(i) + ", expected ',' or '}'");
        }
    }
    skip_space();
    if (i != text.size()) bad(at(i) + " after the closing '}'");
}

void throw_array_element_error(std::string_view text, std::size_t index, const std::exception& cause) {
    fail("array", text, "element " + std::to_string(index + 1) + ": " + cause.what());
}

}  // namespace detail
}  // namespace schemac::pg
