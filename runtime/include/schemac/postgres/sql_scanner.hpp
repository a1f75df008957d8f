// One lexer for PostgreSQL SQL text, shared by everything that has to know
// where a string, a quoted identifier, a dollar quote or a comment starts and
// ends: the migration statement splitter (sql_split.hpp), the $n count of named
// queries and the schema rewriting of normalisation. Part of the runtime core:
// standard library only, so the compiler and the runtime link the same rules.
//
// The rules are PostgreSQL 15's scanner (src/backend/parser/scan.l), written
// from those rules, not copied; where schemac's earlier lexers disagreed, these
// are the ones chosen:
// - standard_conforming_strings on (the default since 9.1): only E'...' takes
//   backslash escapes; '...', B'...', X'...', N'...' and U&'...' do not.
// - A string continued after a newline ('a'<newline>'b') is one string and
//   keeps its kind, so an E'...' continuation still takes escapes.
// - `--` comments end at \n or \r; /* */ comments nest.
// - `$tag$ ... $tag$` where tag follows identifier rules without `$` and does
//   not start with a digit (or is empty); `$` digits is a parameter.
// - Identifiers start with an ASCII letter, `_` or any byte >= 0x80 and go on
//   with those, digits and `$`. Never locale-dependent: bytes >= 0x80 are
//   letters whatever the C locale says.
// - Whitespace is PostgreSQL 15's [ \t\n\r\f]; \v is a stray character.
// - Numbers are digit runs only: what follows (`.5`, `e3`, a letter) is
//   scanned as tokens of its own, which is all a caller here needs.
//
// Never throws. An unterminated string, quoted identifier, dollar quote or
// block comment runs to the end of the text, marked as not terminated.
// Linear in the size of the text.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace schemac {

enum class SqlTokenKind {
    Space,             // a run of whitespace
    LineComment,       // `--` up to (not including) the end of the line
    BlockComment,      // `/* ... */`, nested
    String,            // '...', E'...', B'...', X'...', N'...', U&'...', continuations included
    QuotedIdentifier,  // "..." or U&"..."
    DollarString,      // $tag$ ... $tag$
    Identifier,        // a bare word (keywords included)
    Number,            // a run of digits
    Parameter,         // `$` followed by digits
    Other,             // any other single byte: operators, punctuation, a `$` that opens nothing
};

struct SqlToken {
    SqlTokenKind kind = SqlTokenKind::Other;
    std::size_t begin = 0;    // offsets into the scanned text
    std::size_t end = 0;
    bool terminated = true;   // false: an unclosed string, identifier, dollar quote or comment
};

class SqlScanner {
public:
    // Scans `text` from byte `from` on, which must be where a token starts.
    explicit SqlScanner(std::string_view text, std::size_t from = 0) : s_(text), i_(from) {}
    bool done() const { return i_ >= s_.size(); }
    // The next token; call only when !done().
    SqlToken next();

private:
    std::string_view s_;
    std::size_t i_;

    char at(std::size_t k) const { return k < s_.size() ? s_[k] : '\0'; }
    SqlToken block_comment() const;
    SqlToken string_end(std::size_t k, bool escapes) const;
    std::size_t continuation(std::size_t k) const;
    SqlToken quoted_identifier_end(std::size_t k) const;
    SqlToken dollar() const;
    std::size_t delimiter_end(std::size_t b) const;
};

// Every token of `text`, in order.
std::vector<SqlToken> scan_sql(std::string_view text);

// Whether a bare word of `text` (not in a string, quoted name or comment) is
// `keyword`, given in upper case, in any letter case.
bool sql_has_keyword(std::string_view text, std::string_view keyword);

// scan.l's character classes, for callers that look at bytes around tokens.
bool sql_space(char c);
bool sql_ident_start(char c);
bool sql_ident_char(char c);

}  // namespace schemac
