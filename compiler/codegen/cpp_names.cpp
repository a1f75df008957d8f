#include "codegen/cpp_names.hpp"

#include "diag/text.hpp"
#include "model/queries.hpp"

#include <algorithm>
#include <iterator>
#include <cstdio>

namespace schemac::codegen {

namespace {

// Not keywords, but macros: a member called `EOF`, `errno` or (with
// -std=gnu++20) `linux` would not compile. Every macro the headers of generated
// code define, with g++ and clang++ in strict and GNU modes, sorted bytewise
// (scripts/cpp-macros.sh writes the list; a test checks it is complete here).
constexpr std::string_view kHeaderMacros[] = {
#include "codegen/cpp_macros.inc"
};
// Macros of headers an application commonly includes before ours (<cassert>),
// and of GNU mode on other targets (32-bit x86).
constexpr std::string_view kOtherMacros[] = {"assert", "i386"};

constexpr std::string_view kInternalPrefix = "schemac_";

bool is_ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

bool is_reserved_in_cpp(std::string_view word) {
    static_assert(std::is_sorted(std::begin(kHeaderMacros), std::end(kHeaderMacros)));
    return schemac::is_cpp_keyword(word) || std::binary_search(std::begin(kHeaderMacros), std::end(kHeaderMacros), word) ||
           std::find(std::begin(kOtherMacros), std::end(kOtherMacros), word) != std::end(kOtherMacros);
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
    // The templates' own parameters and locals are named schemac_*: no user name may be one.
    if (out.starts_with(kInternalPrefix)) out.insert(out.begin(), 'v');
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
            case '?': {
                // Both of "??": "\??/" would still hold the trigraph "??/".
                const bool pair = (i + 1 < text.size() && text[i + 1] == '?') || (i > 0 && text[i - 1] == '?');
                out += pair ? "\\?" : "?";
                break;
            }
            default: {
                const Utf8Char ch = c < 0x80 ? Utf8Char{1, c} : utf8_at(text, i);
                const bool as_is = c >= 0x20 && c != 0x7f && ch.length > 0 && !is_bidi_control(ch.code_point);
                const std::size_t n = std::max<std::size_t>(1, ch.length);
                for (std::size_t k = 0; k < n; ++k) {
                    if (as_is) {
                        out += text[i + k];
                        continue;
                    }
                    // Octal, always three digits, so a following digit cannot extend the escape.
                    char buf[5];
                    std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(text[i + k]));
                    out += buf;
                }
                i += n - 1;
            }
        }
    }
    return out;
}

namespace {

bool is_line_break(char32_t c) { return c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029; }

std::string code_point_text(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(c));
    return buf;
}

}  // namespace

std::string cpp_comment_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Char ch = utf8_at(text, i);
        if (ch.length == 0) {
            out += hex_byte(static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        const char32_t c = ch.code_point;
        if (is_line_break(c)) out += ' ';
        else if (c < 0x80 && is_unprintable(c)) out += hex_byte(static_cast<unsigned char>(c));
        else if (is_unprintable(c)) out += code_point_text(c);
        else if ((c == '/' && !out.empty() && out.back() == '*') || (c == '*' && !out.empty() && out.back() == '/')) out += std::string(" ") + static_cast<char>(c);
        else out.append(text.substr(i, ch.length));
        i += ch.length;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.ends_with('\\')) out.replace(out.size() - 1, 1, "\\x5c");
    else if (out.ends_with("?\?/")) out.replace(out.size() - 1, 1, "\\x2f");
    return out;
}

bool NameClaims::claim(const std::string& cpp, const std::string& label, const SourcePos& pos) {
    auto [it, fresh] = taken_.emplace(cpp, Owner{label, pos});
    if (fresh || it->second.label == label) return true;
    auto& d = diags_.error(pos, "codegen-name-clash", kind_ + it->second.label + " and " + label + " both become the C++ " + what_ +
                                                          " `" + cpp + "`; rename one");
    Diagnostics::add_note(d, it->second.pos, it->second.label + " is here");
    return false;
}

}  // namespace schemac::codegen
