// The lexical rules are listed in sql_scanner.hpp. Every byte is looked at a
// bounded number of times (a closing quote's continuation look-ahead and a
// dollar-quote delimiter are each re-read at most once).
#include "schemac/postgres/sql_scanner.hpp"

#include "schemac/core/ascii.hpp"

namespace schemac {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool digit(char c) { return c >= '0' && c <= '9'; }
// Dollar-quote tags are identifiers without `$`.
bool tag_char(char c) { return sql_ident_start(c) || digit(c); }
bool newline(char c) { return c == '\n' || c == '\r'; }

}  // namespace

bool sql_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool sql_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool sql_ident_char(char c) { return tag_char(c) || c == '$'; }

SqlToken SqlScanner::next() {
    const std::size_t b = i_;
    const std::size_t n = s_.size();
    const char c = s_[b];
    const char c1 = at(b + 1);
    SqlToken t{SqlTokenKind::Other, b, b + 1, true};
    if (sql_space(c)) {
        t.kind = SqlTokenKind::Space;
        while (t.end < n && sql_space(s_[t.end])) ++t.end;
    } else if (c == '-' && c1 == '-') {
        t.kind = SqlTokenKind::LineComment;
        while (t.end < n && !newline(s_[t.end])) ++t.end;
    } else if (c == '/' && c1 == '*') {
        t = block_comment();
    } else if (c == '\'') {
        t = string_end(b + 1, false);
    } else if ((c == 'e' || c == 'E') && c1 == '\'') {
        t = string_end(b + 2, true);
    } else if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && c1 == '\'') {
        t = string_end(b + 2, false);   // bit, hex and national strings: no backslash escapes
    } else if ((c == 'u' || c == 'U') && c1 == '&' && at(b + 2) == '\'') {
        t = string_end(b + 3, false);
    } else if ((c == 'u' || c == 'U') && c1 == '&' && at(b + 2) == '"') {
        t = quoted_identifier_end(b + 3);
    } else if (c == '"') {
        t = quoted_identifier_end(b + 1);
    } else if (c == '$' && digit(c1)) {
        t.kind = SqlTokenKind::Parameter;
        while (t.end < n && digit(s_[t.end])) ++t.end;
    } else if (c == '$') {
        t = dollar();
    } else if (sql_ident_start(c)) {
        t.kind = SqlTokenKind::Identifier;
        while (t.end < n && sql_ident_char(s_[t.end])) ++t.end;
    } else if (digit(c)) {
        // Only the digits: a `$` right after a number starts a dollar quote,
        // as in PostgreSQL's scanner.
        t.kind = SqlTokenKind::Number;
        while (t.end < n && digit(s_[t.end])) ++t.end;
    }
    // Anything else is a one-byte token. Operators are not scanned whole, so
    // that `--` or `/*` inside one starts a comment, as PostgreSQL does.
    i_ = t.end;
    return t;
}

// `/* ... */`, nesting as PostgreSQL's comments do.
SqlToken SqlScanner::block_comment() const {
    std::size_t k = i_ + 2;
    int depth = 1;
    while (k < s_.size()) {
        if (s_[k] == '/' && at(k + 1) == '*') {
            ++depth;
            k += 2;
        } else if (s_[k] == '*' && at(k + 1) == '/') {
            k += 2;
            if (--depth == 0) return {SqlTokenKind::BlockComment, i_, k, true};
        } else {
            ++k;
        }
    }
    return {SqlTokenKind::BlockComment, i_, s_.size(), false};
}

// A string whose body starts at `k`: '' doubles a quote, and with `escapes`
// (E'...') a backslash takes the next byte. A string continued on a later line
// ('a'<newline>'b') is one string and keeps its kind.
SqlToken SqlScanner::string_end(std::size_t k, bool escapes) const {
    while (k < s_.size()) {
        const char c = s_[k];
        if (escapes && c == '\\') {
            k += 2;
        } else if (c != '\'') {
            ++k;
        } else if (at(k + 1) == '\'') {
            k += 2;
        } else {
            const std::size_t close = k + 1;
            const std::size_t next = continuation(close);
            if (next == npos) return {SqlTokenKind::String, i_, close, true};
            k = next;
        }
    }
    return {SqlTokenKind::String, i_, s_.size(), false};
}

// scan.l's quotecontinue after a closing quote at `k - 1`: spaces, tabs or
// form feeds, a newline, any whitespace, then a quote. Returns the position
// after that quote, or npos. (PostgreSQL 15 allows no comment in between;
// later versions allow `--` comments there.)
std::size_t SqlScanner::continuation(std::size_t k) const {
    while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t' || s_[k] == '\f')) ++k;
    if (k >= s_.size() || !newline(s_[k])) return npos;
    while (k < s_.size() && sql_space(s_[k])) ++k;
    return k < s_.size() && s_[k] == '\'' ? k + 1 : npos;
}

// "..." whose body starts at `k` ("" doubles a quote).
SqlToken SqlScanner::quoted_identifier_end(std::size_t k) const {
    while (k < s_.size()) {
        if (s_[k] != '"') {
            ++k;
        } else if (at(k + 1) == '"') {
            k += 2;
        } else {
            return {SqlTokenKind::QuotedIdentifier, i_, k + 1, true};
        }
    }
    return {SqlTokenKind::QuotedIdentifier, i_, s_.size(), false};
}

// At a `$` not followed by a digit: `$tag$` or `$$` opens a dollar-quoted
// string; anything else (a lone `$`, `$abc` without a closing `$`) is a
// one-byte token and scanning goes on after it, as PostgreSQL does.
SqlToken SqlScanner::dollar() const {
    const std::size_t b = i_;
    const std::size_t tag_end = delimiter_end(b);
    if (tag_end == npos) return {SqlTokenKind::Other, b, b + 1, true};
    const std::string_view tag = s_.substr(b, tag_end - b);
    std::size_t k = tag_end;
    while (k < s_.size()) {
        if (s_[k] != '$') {
            ++k;
            continue;
        }
        const std::size_t e = delimiter_end(k);
        if (e == npos) {
            ++k;
        } else if (s_.substr(k, e - k) == tag) {
            return {SqlTokenKind::DollarString, b, e, true};
        } else {
            // Another delimiter: its closing `$` may open the real one.
            k = e - 1;
        }
    }
    return {SqlTokenKind::DollarString, b, s_.size(), false};
}

// For a `$` at `b`: one past `$tag$` or `$$`, or npos when there is none.
std::size_t SqlScanner::delimiter_end(std::size_t b) const {
    std::size_t k = b + 1;
    if (k < s_.size() && sql_ident_start(s_[k]))
        while (k < s_.size() && tag_char(s_[k])) ++k;
    return k < s_.size() && s_[k] == '$' ? k + 1 : npos;
}

std::vector<SqlToken> scan_sql(std::string_view text) {
    std::vector<SqlToken> out;
    for (SqlScanner scanner(text); !scanner.done();) out.push_back(scanner.next());
    return out;
}

bool sql_has_keyword(std::string_view text, std::string_view keyword) {
    for (SqlScanner scanner(text); !scanner.done();) {
        const SqlToken t = scanner.next();
        if (t.kind != SqlTokenKind::Identifier || t.end - t.begin != keyword.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < keyword.size() && same; ++k) same = ascii_upper(text[t.begin + k]) == keyword[k];
        if (same) return true;
    }
    return false;
}

}  // namespace schemac
