// The statement splitter: one forward pass over the tokens of the shared SQL
// scanner (sql_scanner.hpp, PostgreSQL's lexical rules) with psql's statement
// boundaries (src/fe_utils/psqlscan.l), written from those rules, not copied.
// Linear in the size of the text, as the scanner is.
#include "schemac/postgres/sql_split.hpp"

#include "schemac/postgres/sql_scanner.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace schemac {
namespace {

constexpr std::size_t npos = std::string_view::npos;

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
    explicit Splitter(std::string_view s) : s_(s) {}

    std::vector<SqlStatement> run() {
        for (SqlScanner scanner(s_); !scanner.done();) step(scanner.next());
        finish_statement();
        return std::move(out_);
    }

private:
    std::string_view s_;
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

    void token(std::size_t b, std::size_t e) {
        if (first_ == npos) {
            first_ = b;
            first_line_ = line_at(b);
        }
        last_ = e;
    }

    void finish_statement() {
        if (first_ != npos) out_.push_back({std::string(s_.substr(first_, last_ - first_)), first_line_});
        first_ = npos;
        last_ = 0;
        paren_depth_ = 0;
        begin_depth_ = 0;
        identifier_count_ = 0;
    }

    void step(const SqlToken& t) {
        switch (t.kind) {
        case SqlTokenKind::Space:
        case SqlTokenKind::LineComment:
            return;
        case SqlTokenKind::BlockComment:
            // An unterminated comment becomes part of the statement (to the end
            // of the text), so that the server reports it instead of the
            // splitter silently dropping what it hides.
            if (!t.terminated) token(t.begin, t.end);
            return;
        case SqlTokenKind::Identifier:
            word(s_.substr(t.begin, t.end - t.begin));
            token(t.begin, t.end);
            return;
        case SqlTokenKind::Other: {
            const char c = s_[t.begin];
            if (c == ';' && paren_depth_ == 0 && begin_depth_ == 0) {
                finish_statement();
                return;
            }
            // A `;` inside parentheses or a BEGIN ATOMIC body stays in the statement.
            if (c == '(') ++paren_depth_;
            if (c == ')' && paren_depth_ > 0) --paren_depth_;
            token(t.begin, t.end);
            return;
        }
        default:
            token(t.begin, t.end);
        }
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
    while (b < statement.size() && sql_space(statement[b])) ++b;
    std::size_t e = b;
    while (e < statement.size() && !newline(statement[e])) ++e;
    // The first line with runs of spaces and tabs as one space.
    std::string line;
    line.reserve(e - b);
    for (std::size_t k = b; k < e; ++k) {
        if (sql_space(statement[k])) {
            if (!line.empty() && line.back() != ' ') line += ' ';
        } else {
            line += statement[k];
        }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    // More lines after the first one also count as shortened.
    std::size_t rest = e;
    while (rest < statement.size() && sql_space(statement[rest])) ++rest;
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
