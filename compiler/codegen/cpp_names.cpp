#include "codegen/cpp_names.hpp"

#include "model/queries.hpp"

#include <algorithm>
#include <iterator>
#include <cstdio>

namespace schemac::codegen {

namespace {

// Not keywords, but macros or names every translation unit sees: a member
// called `assert` or `errno` would not compile.
constexpr std::string_view kMacros[] = {"assert", "errno", "NULL"};

bool is_ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

bool is_reserved_in_cpp(std::string_view word) {
    return schemac::is_cpp_keyword(word) || std::find(std::begin(kMacros), std::end(kMacros), word) != std::end(kMacros);
}

std::string cpp_identifier(std::string_view name) {
    std::string out;
    for (char c : name) {
        char m = is_ident_char(c) ? c : '_';
        if (m == '_' && !out.empty() && out.back() == '_') continue;   // "__" is reserved
        out += m;
    }
    if (out.empty()) return "_";
    if (out[0] >= '0' && out[0] <= '9') out.insert(out.begin(), '_');
    if (out.size() > 1 && out[0] == '_' && out[1] >= 'A' && out[1] <= 'Z') out.insert(out.begin(), 'v');
    if (is_reserved_in_cpp(out)) out += '_';
    return out;
}

std::string pascal_case(std::string_view name) {
    std::string out;
    bool upper = true;
    for (char c : name) {
        if (!is_ident_char(c) || c == '_') {
            upper = true;
            continue;
        }
        out += (upper && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), '_');
    if (is_reserved_in_cpp(out)) out += '_';
    return out;
}

std::string cpp_string_body(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '"': out += "\\\""; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            case '?': out += (i + 1 < text.size() && text[i + 1] == '?') ? "\\?" : "?"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    // Octal, always three digits, so a following digit cannot extend the escape.
                    char buf[5];
                    std::snprintf(buf, sizeof buf, "\\%03o", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out;
}

}  // namespace schemac::codegen
