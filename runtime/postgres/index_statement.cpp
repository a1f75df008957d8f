#include "schemac/postgres/index_statement.hpp"

#include <vector>

namespace schemac {
namespace {

// One token: a word (keyword or identifier, `quoted` when it was "..."), or a
// single symbol character.
struct Token {
    std::string text;   // unquoted words folded to lower case, quoted ones verbatim
    bool quoted = false;
    bool word = false;
};

bool word_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool word_cont(unsigned char c) { return word_start(c) || (c >= '0' && c <= '9') || c == '$'; }

// The statement's tokens up to `limit` of them (the interesting part is at the
// start). What this recogniser does not handle (a string literal, U&"...")
// ends the list with a "?" symbol, which matches nothing.
std::optional<std::vector<Token>> tokens(std::string_view s, std::size_t limit) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size() && out.size() < limit) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            ++i;
        } else if (s.substr(i, 2) == "--") {
            while (i < s.size() && s[i] != '\n') ++i;
        } else if (s.substr(i, 2) == "/*") {
            int depth = 0;   // PostgreSQL's block comments nest
            do {
                if (s.substr(i, 2) == "/*") ++depth, i += 2;
                else if (s.substr(i, 2) == "*/") --depth, i += 2;
                else ++i;
            } while (depth > 0 && i < s.size());
            if (depth > 0) return std::nullopt;
        } else if (c == '"') {
            Token t{"", true, true};
            for (++i;; ++i) {
                if (i >= s.size()) return std::nullopt;
                if (s[i] == '"') {
                    if (i + 1 < s.size() && s[i + 1] == '"') ++i;
                    else break;
                }
                t.text += s[i];
            }
            ++i;
            if (t.text.empty()) return std::nullopt;
            out.push_back(std::move(t));
        } else if (word_start(c)) {
            Token t{"", false, true};
            while (i < s.size() && word_cont(static_cast<unsigned char>(s[i]))) {
                const char ch = s[i++];
                t.text += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
            }
            // U&"..." (Unicode escapes) and E'...' are beyond this recogniser.
            if (i < s.size() && (s[i] == '"' || s[i] == '\'' || s[i] == '&')) break;
            out.push_back(std::move(t));
        } else if (c == '\'' || c == '$') {
            break;   // a string or a dollar-quoted body: never part of what is recognised
        } else {
            out.push_back({std::string(1, s[i++]), false, false});
        }
    }
    if (i < s.size() && out.size() < limit) out.push_back({"?", false, false});
    return out;
}

class Reader {
public:
    explicit Reader(std::vector<Token> t) : t_(std::move(t)) {}
    // The next token is the unquoted keyword `kw` (consumed).
    bool keyword(std::string_view kw) {
        if (at_end() || t_[i_].quoted || !t_[i_].word || t_[i_].text != kw) return false;
        ++i_;
        return true;
    }
    bool symbol(char c) {
        if (at_end() || t_[i_].word || t_[i_].text[0] != c) return false;
        ++i_;
        return true;
    }
    // An identifier; a longer one than PostgreSQL keeps (63 bytes: it would
    // truncate it) is not recognised.
    std::optional<std::string> identifier() {
        if (at_end() || !t_[i_].word || t_[i_].text.size() > 63) return std::nullopt;
        return t_[i_++].text;
    }
    // [schema.]name
    bool qualified(std::string& schema, std::string& name) {
        auto first = identifier();
        if (!first) return false;
        if (symbol('.')) {
            auto second = identifier();
            if (!second) return false;
            schema = *first;
            name = *second;
        } else {
            name = *first;
        }
        return true;
    }
    bool at_end() const { return i_ >= t_.size(); }

private:
    std::vector<Token> t_;
    std::size_t i_ = 0;
};

std::optional<IndexStatement> create_index(Reader& r) {
    r.keyword("unique");
    if (!r.keyword("index") || !r.keyword("concurrently")) return std::nullopt;
    IndexStatement st;
    st.kind = IndexStatement::Kind::create_concurrently;
    if (r.keyword("if")) {
        if (!r.keyword("not") || !r.keyword("exists")) return std::nullopt;
        st.if_exists = true;
    }
    auto name = r.identifier();   // `ON` here: an unnamed index, which cannot be found again
    if (!name || *name == "on") return std::nullopt;
    st.name = *name;
    if (!r.keyword("on")) return std::nullopt;
    r.keyword("only");
    if (!r.qualified(st.table_schema, st.table)) return std::nullopt;
    return st;
}

std::optional<IndexStatement> drop_index(Reader& r) {
    if (!r.keyword("index") || !r.keyword("concurrently")) return std::nullopt;
    IndexStatement st;
    st.kind = IndexStatement::Kind::drop_concurrently;
    if (r.keyword("if")) {
        if (!r.keyword("exists")) return std::nullopt;
        st.if_exists = true;
    }
    if (!r.qualified(st.schema, st.name)) return std::nullopt;
    if (!r.keyword("cascade")) r.keyword("restrict");
    if (!r.at_end()) return std::nullopt;   // several names, or something unexpected
    return st;
}

}  // namespace

std::optional<IndexStatement> parse_index_statement(std::string_view sql) {
    auto t = tokens(sql, 16);
    if (!t) return std::nullopt;
    Reader r(std::move(*t));
    if (r.keyword("create")) return create_index(r);
    if (r.keyword("drop")) {
        // The whole statement must be read: a trailing `, other_index` matters.
        auto all = tokens(sql, sql.size() + 1);
        if (!all) return std::nullopt;
        Reader whole(std::move(*all));
        whole.keyword("drop");
        return drop_index(whole);
    }
    return std::nullopt;
}

}  // namespace schemac
