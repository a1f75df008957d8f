// Names and literals in generated C++: the one place that decides how a
// PostgreSQL name becomes a C++ identifier and how text becomes a C++ string
// literal, so the templates never have to escape anything themselves.
#pragma once
#include <string>
#include <string_view>

namespace schemac::codegen {

// A C++20 keyword or alternative token (`class`, `delete`, `and`, ...; the
// list is the model's, schemac::is_cpp_keyword), or a standard macro such as
// `assert` that no member may be called.
bool is_reserved_in_cpp(std::string_view word);

// A PostgreSQL name as a C++ identifier: characters other than [A-Za-z0-9_]
// become '_', a leading digit gets a '_' prefix, a keyword gets a '_' suffix,
// "" becomes "_". Names that start with '_' + capital or contain "__" are
// reserved in C++: they get a 'v' prefix / the underscores collapsed.
// Different names can map to the same identifier; callers detect that.
std::string cpp_identifier(std::string_view name);

// `order_lines` -> `OrderLines`, `HTTPLog` -> `HTTPLog`, `2fa` -> `_2fa`.
std::string pascal_case(std::string_view name);

// The text as the contents of a C++ "..." literal (without the quotes):
// backslash, quote and control characters escaped; bytes >= 0x80 kept (UTF-8
// source). A '?' before another '?' is escaped so no trigraph can form.
std::string cpp_string_body(std::string_view text);

// A C++ string literal ("...") for the text.
inline std::string cpp_string_literal(std::string_view text) { return '"' + cpp_string_body(text) + '"'; }

}  // namespace schemac::codegen
