// The statement splitter: one forward pass over the text with the lexical rules
// of PostgreSQL's scanner (src/backend/parser/scan.l) and psql's statement
// boundaries (src/fe_utils/psqlscan.l), written from those rules, not copied.
//
// Every byte is looked at a bounded number of times (a closing quote's
// continuation look-ahead and a dollar-quote delimiter are each re-read at most
// once), so the cost is linear in the size of the text.
#include "schemac/sql_split.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace schemac {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// PostgreSQL's character classes (scan.l): identifiers start with a letter, an
// underscore or any byte >= 0x80, and continue with those, digits and `$`;
// dollar-quote tags are the same without `$`.
bool ident_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool tag_cont(unsigned char c) { return ident_start(c) || digit(c); }
bool ident_cont(unsigned char c) { return tag_cont(c) || c == '$'; }
// scan.l's `space` in PostgreSQL 15: [ \t\n\r\f] (\v is whitespace from 16 on;
// for 15 it is a stray character, kept in the statement for the server to reject).
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool newline(char c) { return c == '\n' || c == '\r'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// ASCII case-insensitive comparison with a lower-case keyword.
bool is_word(std::string_view w, std::string_view keyword) {
    if (w.size() != keyword.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
        if (lower(w[k]) != keyword[k]) return false;
    return true;
}

class Splitter {
public:
    explicit Splitter(std::string_view s) : s_(s), n_(s.size()) {}

    std::vector<SqlStatement> run() {
        while (i_ < n_) step();
        finish_statement();
        return std::move(out_);
    }

private:
    std::string_view s_;
    std::size_t n_;
    std::size_t i_ = 0;
    std::vector<SqlStatement> out_;

    // The statement being collected.
    std::size_t first_ = npos;  // first byte of its first token
    std::size_t last_ = 0;      // one past its last token
    int first_line_ = 0;

    // psql's state for the statement being collected.
    int paren_depth_ = 0;
    int begin_depth_ = 0;
    char identifiers_[4] = {0, 0, 0, 0};  // first letters of CREATE/OR/REPLACE/FUNCTION/PROCEDURE
    std::size_t identifier_count_ = 0;    // bare words seen so far in the statement

    // Line numbers, counted lazily: positions asked for only grow.
    std::size_t counted_to_ = 0;
    int line_ = 1;

    int line_at(std::size_t pos) {
        for (; counted_to_ < pos; ++counted_to_)
            if (s_[counted_to_] == '\n') ++line_;
        return line_;
    }

    char at(std::size_t k) const { return k < n_ ? s_[k] : '\0'; }

    void token(std::size_t b, std::size_t e) {
        if (first_ == npos) {
            first_ = b;
            first_line_ = line_at(b);
        }
        last_ = e;
    }

    // The token from here to `e`; scanning goes on after it.
    void skip_token(std::size_t e) {
        token(i_, e);
        i_ = e;
    }

    void finish_statement() {
        if (first_ != npos) out_.push_back({std::string(s_.substr(first_, last_ - first_)), first_line_});
        first_ = npos;
        last_ = 0;
        paren_depth_ = 0;
        begin_depth_ = 0;
        identifier_count_ = 0;
    }

    void step() {
        const char c = s_[i_];
        const char c1 = at(i_ + 1);
        if (space(c)) {
            ++i_;
        } else if (c == '-' && c1 == '-') {
            i_ = line_comment_end(i_);
        } else if (c == '/' && c1 == '*') {
            block_comment();
        } else if (c == '\'') {
            skip_token(string_end(i_ + 1, false));
        } else if ((c == 'e' || c == 'E') && c1 == '\'') {
            skip_token(string_end(i_ + 2, true));
        } else if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && c1 == '\'') {
            // Bit strings, hex strings and national strings: no backslash escapes.
            skip_token(string_end(i_ + 2, false));
        } else if ((c == 'u' || c == 'U') && c1 == '&' && at(i_ + 2) == '\'') {
            skip_token(string_end(i_ + 3, false));
        } else if ((c == 'u' || c == 'U') && c1 == '&' && at(i_ + 2) == '"') {
            skip_token(quoted_identifier_end(i_ + 3));
        } else if (c == '"') {
            skip_token(quoted_identifier_end(i_ + 1));
        } else if (c == '$') {
            dollar();
        } else if (ident_start(static_cast<unsigned char>(c))) {
            std::size_t e = i_ + 1;
            while (e < n_ && ident_cont(static_cast<unsigned char>(s_[e]))) ++e;
            word(s_.substr(i_, e - i_));
            token(i_, e);
            i_ = e;
        } else if (digit(static_cast<unsigned char>(c))) {
            // Only the digits: a `$` right after a number starts a dollar quote,
            // as in PostgreSQL's scanner. Whatever follows is scanned on its own.
            std::size_t e = i_ + 1;
            while (e < n_ && digit(static_cast<unsigned char>(s_[e]))) ++e;
            token(i_, e);
            i_ = e;
        } else if (c == ';' && paren_depth_ == 0 && begin_depth_ == 0) {
            ++i_;
            finish_statement();
        } else {
            if (c == '(') ++paren_depth_;
            if (c == ')' && paren_depth_ > 0) --paren_depth_;
            // Any other byte, including a `;` inside parentheses or a BEGIN ATOMIC
            // body, is a one-byte token. Operators are not scanned whole, so that
            // `--` or `/*` inside one starts a comment, as PostgreSQL does.
            token(i_, i_ + 1);
            ++i_;
        }
    }

    // `--` up to (not including) the end of the line: \n or \r, as in scan.l.
    std::size_t line_comment_end(std::size_t b) const {
        std::size_t e = b + 2;
        while (e < n_ && !newline(s_[e])) ++e;
        return e;
    }

    // `/* ... */`, nesting as PostgreSQL's comments do. An unterminated comment
    // becomes part of the statement (to the end of the text), so that the
    // server reports it instead of the splitter silently dropping what it hides.
    void block_comment() {
        const std::size_t b = i_;
        std::size_t k = b + 2;
        int depth = 1;
        while (k < n_) {
            if (s_[k] == '/' && at(k + 1) == '*') {
                ++depth;
                k += 2;
            } else if (s_[k] == '*' && at(k + 1) == '/') {
                k += 2;
                if (--depth == 0) break;
            } else {
                ++k;
            }
        }
        if (depth > 0) token(b, n_);
        i_ = k < n_ ? k : n_;
    }

    // One past the closing quote of a string whose body starts at `k`: ''
    // doubles a quote, and with `escapes` (E'...') a backslash takes the next
    // byte. A string continued on a later line ('a'<newline>'b') is one string
    // and keeps its kind, so an E'...' continuation still takes escapes.
    // Unterminated: the end of the text.
    std::size_t string_end(std::size_t k, bool escapes) const {
        while (k < n_) {
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
                if (next == npos) return close;
                k = next;
            }
        }
        return n_;
    }

    // scan.l's quotecontinue after a closing quote at `k - 1`: spaces, tabs or
    // form feeds, a newline, any whitespace, then a quote. Returns the position
    // after that quote, or npos. (PostgreSQL 15 allows no comment in between;
    // later versions allow `--` comments there.)
    std::size_t continuation(std::size_t k) const {
        while (k < n_ && (s_[k] == ' ' || s_[k] == '\t' || s_[k] == '\f')) ++k;
        if (k >= n_ || !newline(s_[k])) return npos;
        while (k < n_ && space(s_[k])) ++k;
        return k < n_ && s_[k] == '\'' ? k + 1 : npos;
    }

    // One past the closing quote of "..." ("" doubles a quote).
    std::size_t quoted_identifier_end(std::size_t k) const {
        while (k < n_) {
            if (s_[k] != '"') {
                ++k;
            } else if (at(k + 1) == '"') {
                k += 2;
            } else {
                return k + 1;
            }
        }
        return n_;
    }

    // At a `$` that starts a token: `$tag$` or `$$` opens a dollar-quoted string;
    // anything else (`$1`, a lone `$`, `$abc` without a closing `$`) is a
    // one-byte token and scanning goes on after it, as psql does.
    void dollar() {
        const std::size_t b = i_;
        const std::size_t tag_end = delimiter_end(b);
        if (tag_end == npos) {
            token(b, b + 1);
            ++i_;
            return;
        }
        const std::string_view tag = s_.substr(b, tag_end - b);
        std::size_t k = tag_end;
        std::size_t end = n_;
        while (k < n_) {
            if (s_[k] != '$') {
                ++k;
                continue;
            }
            const std::size_t e = delimiter_end(k);
            if (e == npos) {
                ++k;
            } else if (s_.substr(k, e - k) == tag) {
                end = e;
                break;
            } else {
                // Another delimiter: its closing `$` may open the real one.
                k = e - 1;
            }
        }
        token(b, end);
        i_ = end;
    }

    // For a `$` at `b`: one past `$tag$` or `$$`, or npos when there is none.
    std::size_t delimiter_end(std::size_t b) const {
        std::size_t k = b + 1;
        if (k < n_ && ident_start(static_cast<unsigned char>(s_[k]))) {
            while (k < n_ && tag_cont(static_cast<unsigned char>(s_[k]))) ++k;
        }
        return k < n_ && s_[k] == '$' ? k + 1 : npos;
    }

    // psql's heuristic for SQL-standard function bodies: in a statement whose
    // first bare words are CREATE [OR REPLACE] FUNCTION|PROCEDURE, BEGIN opens
    // a block, CASE opens one inside a block, and END closes one, at
    // parenthesis depth 0 only; `;` does not end the statement inside a block.
    void word(std::string_view w) {
        if (identifier_count_ == 0)
            for (char& id : identifiers_) id = 0;
        if (is_word(w, "create") || is_word(w, "function") || is_word(w, "procedure") || is_word(w, "or") ||
            is_word(w, "replace")) {
            if (identifier_count_ < sizeof identifiers_) identifiers_[identifier_count_] = lower(w[0]);
        }
        ++identifier_count_;
        const char* id = identifiers_;
        const bool routine = id[0] == 'c' && (id[1] == 'f' || id[1] == 'p' ||
                                              (id[1] == 'o' && id[2] == 'r' && (id[3] == 'f' || id[3] == 'p')));
        if (!routine || paren_depth_ != 0) return;
        if (is_word(w, "begin")) {
            ++begin_depth_;
        } else if (is_word(w, "case")) {
            if (begin_depth_ >= 1) ++begin_depth_;
        } else if (is_word(w, "end")) {
            if (begin_depth_ > 0) --begin_depth_;
        }
    }
};

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::vector<SqlStatement> split_sql(std::string_view sql) { return Splitter(sql).run(); }

std::string statement_preview(std::string_view statement, std::size_t max) {
    // Skip leading whitespace (a statement from split_sql has none).
    std::size_t b = 0;
    while (b < statement.size() && space(statement[b])) ++b;
    std::size_t e = b;
    while (e < statement.size() && !newline(statement[e])) ++e;
    // The first line with runs of spaces and tabs as one space.
    std::string line;
    line.reserve(e - b);
    for (std::size_t k = b; k < e; ++k) {
        if (space(statement[k])) {
            if (!line.empty() && line.back() != ' ') line += ' ';
        } else {
            line += statement[k];
        }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    // More lines after the first one also count as shortened.
    std::size_t rest = e;
    while (rest < statement.size() && space(statement[rest])) ++rest;
    const bool more = rest < statement.size();
    if (!more && line.size() <= max) return line;

    const std::string_view dots = "...";
    if (max <= dots.size()) return std::string(dots.substr(0, max));
    std::size_t cut = line.size() < max - dots.size() ? line.size() : max - dots.size();
    // Never inside a UTF-8 sequence: back up to the start of the character at
    // `cut` (line[line.size()] is '\0', not a continuation byte).
    while (cut > 0 && continuation_byte(line[cut])) --cut;
    line.resize(cut);
    return line + std::string(dots);
}

}  // namespace schemac
