#include "diag/text.hpp"

#include <algorithm>
#include <cstdio>

namespace schemac {

Utf8Char utf8_at(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return {1, b0};
    std::size_t n = 0;
    char32_t cp = 0, min = 0;
    if ((b0 & 0xE0) == 0xC0) { n = 2; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { n = 3; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { n = 4; cp = b0 & 0x07; min = 0x10000; }
    else return {};
    if (i + n > s.size()) return {};
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {};
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {n, cp};
}

bool is_bidi_control(char32_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool is_unprintable(char32_t c) { return c < 0x20 || (c >= 0x7f && c < 0xA0) || is_bidi_control(c); }

std::string echoed(std::string_view value, std::size_t max_bytes) {
    if (value.size() <= max_bytes) return std::string(value);
    std::size_t cut = 0;
    while (cut < value.size()) {
        const std::size_t len = std::max<std::size_t>(1, utf8_at(value, cut).length);
        if (cut + len > max_bytes) break;
        cut += len;
    }
    return std::string(value.substr(0, cut)) + "\xe2\x80\xa6 (" + std::to_string(value.size()) + " bytes)";
}

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02x", c);
    return buf;
}

}  // namespace schemac
