#include "pg_grammar.hpp"

#include <pg_query.h>

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string_view>

#include "sql/postgres/grammar.hpp"

namespace schemac::test {
namespace {

// Frees a libpg_query result on every path out of a scope.
template <typename Result, void (*Free)(Result)>
class Owned {
public:
    explicit Owned(Result r) : r_(r) {}
    ~Owned() { Free(r_); }
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    const Result& operator*() const { return r_; }
    const Result* operator->() const { return &r_; }

private:
    Result r_;
};
using ParseResult = Owned<PgQueryParseResult, pg_query_free_parse_result>;
using SplitResult = Owned<PgQuerySplitResult, pg_query_free_split_result>;

bool ident_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}
bool ident_start(unsigned char c) { return ident_char(c) && !(c >= '0' && c <= '9'); }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A lexical walk over SQL text that knows PostgreSQL's comments and quoting.
// It does not validate anything: unterminated quotes or comments run to the end.
struct Piece {
    std::size_t begin = 0;      // start of the piece
    std::size_t end = 0;        // position of its terminating ';' (or the text's end)
    std::size_t first = std::string_view::npos;  // first byte of its first token
    std::size_t last = 0;       // one past its last token
};

// Splits at top-level semicolons when `split` is set (without paren or
// BEGIN ATOMIC tracking: this is for locating errors in possibly broken text),
// otherwise returns one piece for the whole text.
std::vector<Piece> walk(std::string_view s, bool split) {
    std::vector<Piece> pieces;
    Piece cur;
    const std::size_t n = s.size();
    std::size_t i = 0;
    auto token = [&](std::size_t b, std::size_t e) {
        if (cur.first == std::string_view::npos) cur.first = b;
        cur.last = e;
    };
    while (i < n) {
        const char c = s[i];
        if (space(c)) {
            ++i;
        } else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
            while (i < n && s[i] != '\n') ++i;
        } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            int depth = 1;  // PostgreSQL's block comments nest
            i += 2;
            while (i < n && depth > 0) {
                if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
                    ++depth;
                    i += 2;
                } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '/') {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            }
        } else if (c == '\'') {
            // E'...' strings take backslash escapes; the E was already seen as a token.
            const bool escapes = i > 0 && (s[i - 1] == 'e' || s[i - 1] == 'E') &&
                                 (i < 2 || !ident_char(static_cast<unsigned char>(s[i - 2])));
            const std::size_t b = i++;
            while (i < n) {
                if (escapes && s[i] == '\\') {
                    i += 2;
                } else if (s[i] == '\'') {
                    if (i + 1 < n && s[i + 1] == '\'') {
                        i += 2;
                    } else {
                        ++i;
                        break;
                    }
                } else {
                    ++i;
                }
            }
            i = std::min(i, n);
            token(b, i);
        } else if (c == '"') {
            const std::size_t b = i++;
            while (i < n) {
                if (s[i] == '"') {
                    if (i + 1 < n && s[i + 1] == '"') {
                        i += 2;
                    } else {
                        ++i;
                        break;
                    }
                } else {
                    ++i;
                }
            }
            token(b, i);
        } else if (c == '$' && (i == 0 || !(ident_char(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '$'))) {
            // $tag$ ... $tag$ (or $$ ... $$); $1 is a parameter, a$b an identifier.
            std::size_t j = i + 1;
            if (j < n && ident_start(static_cast<unsigned char>(s[j]))) {
                while (j < n && ident_char(static_cast<unsigned char>(s[j]))) ++j;
            }
            if (j < n && s[j] == '$') {
                const std::string_view tag = s.substr(i, j - i + 1);
                const std::size_t close = s.find(tag, j + 1);
                const std::size_t e = close == std::string_view::npos ? n : close + tag.size();
                token(i, e);
                i = e;
            } else {
                token(i, i + 1);
                ++i;
            }
        } else if (c == ';' && split) {
            cur.end = i;
            pieces.push_back(cur);
            cur = Piece{};
            cur.begin = ++i;
        } else {
            // Identifiers and keywords in one go, so an E before a quote is seen whole.
            std::size_t e = i + 1;
            if (ident_char(static_cast<unsigned char>(c))) {
                while (e < n && (ident_char(static_cast<unsigned char>(s[e])) || s[e] == '$')) ++e;
            }
            token(i, e);
            i = e;
        }
    }
    cur.end = n;
    pieces.push_back(cur);
    return pieces;
}

// The text without leading and trailing whitespace and comments.
std::string_view trim(std::string_view s) {
    const Piece p = walk(s, false).front();
    if (p.first == std::string_view::npos) return {};
    return s.substr(p.first, p.last - p.first);
}

std::string statement_at(std::string_view sql, int cursor) {
    if (cursor <= 0) return {};
    const std::size_t off = sql::postgres::cursor_byte_offset(sql, cursor);
    const std::vector<Piece> pieces = walk(sql, true);
    std::size_t k = 0;
    while (k + 1 < pieces.size() && off > pieces[k].end) ++k;
    // An error after the last token of the text (end of input) belongs to the
    // last non-empty statement before it.
    while (k > 0 && pieces[k].first == std::string_view::npos) --k;
    const Piece& p = pieces[k];
    if (p.first == std::string_view::npos) return {};
    return std::string(sql.substr(p.first, p.last - p.first));
}

}  // namespace

std::optional<GrammarError> parse_error(const std::string& sql) {
    const ParseResult r{pg_query_parse(sql.c_str())};
    if (!r->error) return std::nullopt;
    GrammarError e;
    e.message = r->error->message ? r->error->message : "unknown error";
    e.cursor = r->error->cursorpos;
    e.statement = statement_at(sql, e.cursor);
    return e;
}

std::vector<std::string> split_statements(const std::string& sql) {
    const SplitResult r{pg_query_split_with_parser(sql.c_str())};
    if (r->error) {
        throw std::invalid_argument(std::string("split_statements: not valid SQL: ") +
                                    (r->error->message ? r->error->message : "unknown error") +
                                    " (cursor " + std::to_string(r->error->cursorpos) + ")");
    }
    std::vector<std::string> out;
    const std::string_view text{sql};
    for (int i = 0; i < r->n_stmts; ++i) {
        const PgQuerySplitStmt* st = r->stmts[i];
        const auto loc = static_cast<std::size_t>(st->stmt_location);
        if (loc > text.size()) continue;
        // A length of 0 would mean "to the end of the text" (PostgreSQL's convention).
        const std::size_t len = st->stmt_len > 0 ? static_cast<std::size_t>(st->stmt_len) : text.size() - loc;
        const std::string_view stmt = trim(text.substr(loc, len));
        if (!stmt.empty()) out.emplace_back(stmt);
    }
    return out;
}

}  // namespace schemac::test
