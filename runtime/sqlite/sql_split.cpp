// The SQLite statement splitter: one forward pass over SQLite's tokens
// (tokenize.c: strings, quoted identifiers, comments), and sqlite3_complete()
// for where a CREATE TRIGGER ends.
#include "schemac/sqlite/sql_split.hpp"

#include <schemac/core/ascii.hpp>

#include <sqlite3.h>

#include <cstddef>
#include <string>

namespace schemac::sqlite {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// A character of a bare word: SQLite takes every byte >= 0x80 as one too.
bool word_char(char c) { return is_ascii_alnum(c) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80; }

bool is_trigger(std::string_view w) {
    static constexpr std::string_view kTrigger = "trigger";
    if (w.size() != kTrigger.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (ascii_lower(w[i]) != kTrigger[i]) return false;
    return true;
}

class Splitter {
public:
    explicit Splitter(std::string_view s) : s_(s) {}

    std::vector<SqlStatement> run() {
        std::size_t i = 0;
        const std::size_t n = s_.size();
        while (i < n) {
            const char c = s_[i];
            if (is_ascii_space(c)) {
                ++i;
            } else if (c == '-' && i + 1 < n && s_[i + 1] == '-') {
                const std::size_t nl = s_.find('\n', i);
                i = nl == npos ? n : nl;   // a comment: not part of a token
            } else if (c == '/' && i + 1 < n && s_[i + 1] == '*') {
                const std::size_t close = s_.find("*/", i + 2);
                if (close == npos) {
                    // Unterminated: part of the statement, so SQLite reports it.
                    token(i, n);
                    i = n;
                } else {
                    i = close + 2;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                i = quoted(i, c);
            } else if (c == '[') {
                const std::size_t close = s_.find(']', i + 1);
                const std::size_t e = close == npos ? n : close + 1;
                token(i, e);
                i = e;
            } else if (c == ';') {
                semicolon(i);
                ++i;
            } else if (word_char(c)) {
                std::size_t e = i + 1;
                while (e < n && word_char(s_[e])) ++e;
                if (is_trigger(s_.substr(i, e - i))) trigger_ = true;
                token(i, e);
                i = e;
            } else {
                token(i, i + 1);
                ++i;
            }
        }
        finish();
        return std::move(out_);
    }

private:
    // A string or quoted identifier from `b` (its opening quote `q`), a doubled
    // quote inside it standing for one; unterminated, it runs to the end.
    std::size_t quoted(std::size_t b, char q) {
        std::size_t i = b + 1;
        for (;;) {
            const std::size_t close = s_.find(q, i);
            if (close == npos) {
                token(b, s_.size());
                return s_.size();
            }
            if (close + 1 < s_.size() && s_[close + 1] == q) {
                i = close + 2;
                continue;
            }
            token(b, close + 1);
            return close + 1;
        }
    }

    void token(std::size_t b, std::size_t e) {
        if (first_ == npos) {
            first_ = b;
            first_line_ = line_at(b);
        }
        last_ = e;
    }

    // A semicolon outside strings and comments ends the statement, unless the
    // statement may be a CREATE TRIGGER whose body goes on (sqlite3_complete).
    void semicolon(std::size_t at) {
        if (first_ == npos) return;   // nothing but comments since the last one: dropped
        if (trigger_) {
            buffer_.assign(s_.substr(first_, at + 1 - first_));
            if (!sqlite3_complete(buffer_.c_str())) {
                last_ = at + 1;   // a semicolon inside the trigger's body belongs to it
                return;
            }
        }
        finish();
    }

    void finish() {
        if (first_ != npos) out_.push_back({std::string(s_.substr(first_, last_ - first_)), first_line_});
        first_ = npos;
        last_ = 0;
        trigger_ = false;
    }

    int line_at(std::size_t pos) {
        for (; counted_to_ < pos; ++counted_to_)
            if (s_[counted_to_] == '\n') ++line_;
        return line_;
    }

    std::string_view s_;
    std::vector<SqlStatement> out_;
    std::size_t first_ = npos;   // first byte of the statement's first token
    std::size_t last_ = 0;       // one past its last token
    int first_line_ = 0;
    bool trigger_ = false;       // the statement holds the bare word TRIGGER
    std::string buffer_;         // the text sqlite3_complete reads (NUL-terminated)
    std::size_t counted_to_ = 0;
    int line_ = 1;
};

}  // namespace

std::vector<SqlStatement> split_sql(std::string_view sql) { return Splitter(sql).run(); }

}  // namespace schemac::sqlite
