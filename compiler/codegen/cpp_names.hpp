// Names and literals in generated C++: the one place that decides how a
// PostgreSQL name becomes a C++ identifier and how text becomes a C++ string
// literal, so the templates never have to escape anything themselves.
#pragma once
#include <map>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"

namespace schemac::codegen {

// A C++20 keyword or alternative token (`class`, `delete`, `and`, ...; the
// list is the model's, schemac::is_cpp_keyword), or a macro that generated
// code would see (`EOF`, `errno`, `stdin`, `linux` under -std=gnu++20, `assert`):
// no name may be one.
bool is_reserved_in_cpp(std::string_view word);

// A PostgreSQL name as a C++ identifier: characters other than [A-Za-z0-9_]
// become '_', a leading digit gets a '_' prefix, a keyword gets a '_' suffix,
// "" becomes "_". Names that start with '_' + capital or contain "__" are
// reserved in C++: they get a 'v' prefix / the underscores collapsed. Names
// that start with "schemac_" get a 'v' prefix too: that prefix is reserved for
// the generated code's own parameters and locals (schemac_tx, schemac_result).
// Different names can map to the same identifier; callers detect that.
std::string cpp_identifier(std::string_view name);

// `order_lines` -> `OrderLines`, `HTTPLog` -> `HTTPLog`, `2fa` -> `_2fa`.
std::string pascal_case(std::string_view name);

// The text as the contents of a C++ "..." literal (without the quotes):
// backslash, quote and control characters escaped; UTF-8 characters kept,
// except bidirectional controls, which are escaped (byte for byte, in octal)
// like bytes that are not UTF-8. Every '?' of "??" is escaped so no trigraph
// can form.
std::string cpp_string_body(std::string_view text);

// Any text as the contents of a C++ comment, `// ...` or `/* ... */`, inert
// wherever a template puts it:
// - line breaks (LF, CR, VT, FF, NEL, U+2028, U+2029) and tabs become spaces,
//   since a `//` comment ends at the end of its line;
// - NUL and other control characters, bytes that are not UTF-8, and
//   bidirectional controls (GCC's -Wbidi-chars; code would read differently
//   from how it compiles) are shown as \xNN or <U+NNNN>;
// - "*\/" and "/\*" get a space between their characters: they would end a
//   block comment or nest one (-Wcomment);
// - a backslash or "??/" (a trigraph before C++17) at the end is shown as
//   \x5c / ??\x2f: before a line break it would join the next line, code
//   and all, to the comment. Trailing spaces are dropped.
std::string cpp_comment_text(std::string_view text);

// A C++ string literal ("...") for the text.
inline std::string cpp_string_literal(std::string_view text) { return '"' + cpp_string_body(text) + '"'; }


// C++ names (or files) claimed by SQL objects. Different SQL names can become
// one C++ name (cpp_identifier); the second claimant is an error at its
// position with a note at the first, so both YAML positions are named.
class NameClaims {
public:
    // `kind` prefixes the message ("columns ", "enum values ", "" for mixed kinds).
    NameClaims(Diagnostics& diags, std::string kind, std::string what) : diags_(diags), kind_(std::move(kind)), what_(std::move(what)) {}
    // `label` names the claimant as the message shows it (`"aB"`, `public.users`).
    // True when `cpp` was free or is `label`'s already; otherwise reports
    // "<kind><first label> and <label> both become the C++ <what> `<cpp>`; rename one".
    bool claim(const std::string& cpp, const std::string& label, const SourcePos& pos);

private:
    struct Owner { std::string label; SourcePos pos; };
    std::map<std::string, Owner> taken_;
    Diagnostics& diags_;
    std::string kind_, what_;
};

}  // namespace schemac::codegen
