// Untrusted text (names, values, comments from a schema) shown to people or
// printed into generated code: UTF-8 checking and the length bound of echoed
// values. Depends on nothing.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace schemac {

// The length in bytes of the well-formed UTF-8 character at s[i] (1-4), and
// its code point; length 0 when the bytes there are not UTF-8 (a stray
// continuation byte, a truncated or overlong sequence, a surrogate, a value
// above U+10FFFF).
struct Utf8Char {
    std::size_t length = 0;
    char32_t code_point = 0;
};
Utf8Char utf8_at(std::string_view s, std::size_t i);

// Characters that make text display in another order than it is stored
// (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069): a "Trojan source" in a
// terminal or in code, and rejected by GCC's -Wbidi-chars.
bool is_bidi_control(char32_t c);
// Not to be printed as it is: C0 and C1 control characters, DEL, bidirectional controls.
bool is_unprintable(char32_t c);

// How a value is echoed in a message: at most `max_bytes` of it (cut at a
// character boundary), then "…" and the full size, e.g. "aaaa… (5242880
// bytes)". Every diagnostic that quotes a value the user wrote goes through
// this, so a 5 MB default cannot make a 5 MB line.
inline constexpr std::size_t kMaxEchoedBytes = 120;
std::string echoed(std::string_view value, std::size_t max_bytes = kMaxEchoedBytes);

// `\xNN` for one byte (text that is not UTF-8, control characters).
std::string hex_byte(unsigned char c);

}  // namespace schemac
