#include "sql/sqlite/tokenizer.hpp"

#include <schemac/core/ascii.hpp>

namespace schemac::sql::sqlite {

namespace {

bool is_id_start(char c) { return is_ascii_alpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80; }
bool is_id_char(char c) { return is_id_start(c) || is_ascii_digit(c) || c == '$'; }

// The index just past a quoted text opening at `i` and closed by `close`,
// where a doubled `close` stands for one; the unquoted text in `out`.
std::size_t quoted(std::string_view s, std::size_t i, char close, std::string& out) {
    for (++i; i < s.size(); ++i) {
        if (s[i] != close) {
            out += s[i];
            continue;
        }
        if (close != ']' && i + 1 < s.size() && s[i + 1] == close) {
            out += close;
            ++i;
            continue;
        }
        return i + 1;
    }
    return s.size();
}

std::size_t number(std::string_view s, std::size_t i) {
    const std::size_t n = s.size();
    if (s[i] == '0' && i + 2 < n && (s[i + 1] == 'x' || s[i + 1] == 'X') && is_ascii_xdigit(s[i + 2])) {
        i += 2;
        while (i < n && is_ascii_xdigit(s[i])) ++i;
        return i;
    }
    while (i < n && is_ascii_digit(s[i])) ++i;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && is_ascii_digit(s[i])) ++i;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < n && (s[j] == '+' || s[j] == '-')) ++j;
        if (j < n && is_ascii_digit(s[j])) {
            i = j;
            while (i < n && is_ascii_digit(s[i])) ++i;
        }
    }
    return i;
}

// Operators of two or three characters; anything else is one character.
std::size_t punct_length(std::string_view s, std::size_t i) {
    const std::string_view rest = s.substr(i);
    if (rest.starts_with("->>")) return 3;
    for (std::string_view op : {"||", "<=", ">=", "==", "!=", "<>", "<<", ">>", "->"})
        if (rest.starts_with(op)) return 2;
    return 1;
}

}  // namespace

bool Token::is_keyword(std::string_view upper) const {
    if (kind != TokenKind::Word || text.size() != upper.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (ascii_upper(text[i]) != upper[i]) return false;
    return true;
}

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const char c = s[i];
        if (is_ascii_space(c)) {
            ++i;
            continue;
        }
        if (c == '-' && i + 1 < n && s[i + 1] == '-') {
            while (i < n && s[i] != '\n') ++i;
            continue;
        }
        if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            const std::size_t e = s.find("*/", i + 2);
            i = e == std::string_view::npos ? n : e + 2;
            continue;
        }
        Token t;
        t.begin = i;
        if (c == '\'') {
            t.kind = TokenKind::String;
            i = quoted(s, i, '\'', t.text);
        } else if ((c == 'x' || c == 'X') && i + 1 < n && s[i + 1] == '\'') {
            t.kind = TokenKind::Blob;
            i = quoted(s, i + 1, '\'', t.text);
        } else if (c == '"' || c == '`') {
            t.kind = TokenKind::Quoted;
            i = quoted(s, i, c, t.text);
        } else if (c == '[') {
            t.kind = TokenKind::Quoted;
            i = quoted(s, i, ']', t.text);
        } else if (is_ascii_digit(c) || (c == '.' && i + 1 < n && is_ascii_digit(s[i + 1]))) {
            t.kind = TokenKind::Number;
            i = number(s, i);
            t.text = std::string(s.substr(t.begin, i - t.begin));
        } else if (is_id_start(c)) {
            t.kind = TokenKind::Word;
            while (i < n && is_id_char(s[i])) ++i;
            t.text = std::string(s.substr(t.begin, i - t.begin));
        } else {
            t.kind = TokenKind::Punct;
            i += punct_length(s, i);
            t.text = std::string(s.substr(t.begin, i - t.begin));
        }
        t.end = i;
        out.push_back(std::move(t));
    }
    return out;
}

std::size_t closing_paren(const std::vector<Token>& tokens, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < tokens.size(); ++i) {
        if (tokens[i].is('(')) ++depth;
        else if (tokens[i].is(')') && --depth == 0) return i;
    }
    return tokens.size();
}

std::string slice(std::string_view sql, const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    if (first >= last || last > tokens.size()) return "";
    return std::string(sql.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
}

std::string strip_enclosing_parens(std::string_view text) {
    std::string s(text);
    while (true) {
        const auto tokens = tokenize(s);
        if (tokens.size() < 2 || !tokens.front().is('(') || closing_paren(tokens, 0) != tokens.size() - 1)
            return tokens.empty() ? std::string() : slice(s, tokens, 0, tokens.size());
        s = slice(s, tokens, 1, tokens.size() - 1);
    }
}

const TextColumn* TableText::find_column(std::string_view n) const {
    for (const auto& c : columns)
        if (same_name(c.name, n)) return &c;
    return nullptr;
}

namespace {

// Reads one CREATE TABLE statement's tokens.
class TableReader {
public:
    TableReader(std::string_view sql, TableText& out) : sql_(sql), t_(tokenize(sql)), out_(out) {}

    void run() {
        std::size_t i = 0;
        if (!kw(i, "CREATE")) return;
        ++i;
        if (kw(i, "TEMP") || kw(i, "TEMPORARY")) ++i;
        if (kw(i, "VIRTUAL")) {
            out_.virtual_table = true;
            ++i;
        }
        if (!kw(i, "TABLE")) return;
        ++i;
        if (kw(i, "IF") && kw(i + 1, "NOT") && kw(i + 2, "EXISTS")) i += 3;
        if (i >= t_.size() || !t_[i].is_name()) return;
        out_.name = t_[i++].text;
        if (punct(i, '.') && i + 1 < t_.size() && t_[i + 1].is_name()) {
            out_.name = t_[i + 1].text;
            i += 2;
        }
        if (out_.virtual_table) return;
        if (kw(i, "AS")) {
            out_.as_select = true;
            return;
        }
        if (!punct(i, '(')) return;
        const std::size_t close = closing_paren(t_, i);
        if (close == t_.size()) return;
        for (const auto& [a, b] : split(i + 1, close)) {
            if (a == b) continue;
            if (kw(a, "CONSTRAINT") || kw(a, "PRIMARY") || kw(a, "UNIQUE") || kw(a, "CHECK") || kw(a, "FOREIGN"))
                constraints(a, b, nullptr);
            else
                column(a, b);
        }
        for (std::size_t j = close + 1; j < t_.size(); ++j) {
            if (kw(j, "WITHOUT") && kw(j + 1, "ROWID")) out_.without_rowid = true;
            if (kw(j, "STRICT")) out_.strict = true;
        }
        out_.parsed = true;
    }

private:
    std::string_view sql_;
    std::vector<Token> t_;
    TableText& out_;

    bool kw(std::size_t i, std::string_view upper) const { return i < t_.size() && t_[i].is_keyword(upper); }
    bool punct(std::size_t i, char c) const { return i < t_.size() && t_[i].is(c); }

    // [a, b) cut at the commas outside parentheses.
    std::vector<std::pair<std::size_t, std::size_t>> split(std::size_t a, std::size_t b) const {
        std::vector<std::pair<std::size_t, std::size_t>> parts;
        std::size_t start = a;
        for (std::size_t i = a; i < b; ++i) {
            if (t_[i].is('(')) {
                i = closing_paren(t_, i);
                if (i >= b) break;
            } else if (t_[i].is(',')) {
                parts.emplace_back(start, i);
                start = i + 1;
            }
        }
        parts.emplace_back(start, b);
        return parts;
    }

    static bool starts_column_constraint(const Token& t) {
        for (std::string_view k : {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE",
                                   "REFERENCES", "GENERATED", "AS"})
            if (t.is_keyword(k)) return true;
        return false;
    }

    void column(std::size_t a, std::size_t b) {
        if (!t_[a].is_name()) return;
        out_.columns.push_back({t_[a].text, "", "", false, ""});
        std::size_t j = a + 1;
        while (j < b && !starts_column_constraint(t_[j])) j = t_[j].is('(') ? closing_paren(t_, j) + 1 : j + 1;
        constraints(j, b, &out_.columns.back());
    }

    // The columns of a key's parenthesised list at `open`.
    std::size_t key_columns(std::size_t open, std::size_t end, TextKey& k) {
        const std::size_t close = closing_paren(t_, open);
        if (close >= end) return end;
        for (const auto& [a, b] : split(open + 1, close)) {
            if (a == b) continue;
            if (t_[a].is_name()) k.columns.push_back(t_[a].text);
            for (std::size_t i = a + 1; i < b; ++i) {
                if (t_[i].is_keyword("DESC")) k.desc = true;
                if (t_[i].is_keyword("AUTOINCREMENT")) k.autoincrement = true;
            }
        }
        return close + 1;
    }

    std::vector<std::string> name_list(std::size_t open, std::size_t close) const {
        std::vector<std::string> names;
        for (const auto& [a, b] : split(open + 1, close))
            if (a < b && t_[a].is_name()) names.push_back(t_[a].text);
        return names;
    }

    // REFERENCES tbl [(cols)] [ON DELETE|UPDATE action | MATCH name]... [[NOT] DEFERRABLE [INITIALLY ...]]
    std::size_t references(std::size_t j, std::size_t end, TextForeignKey& fk) {
        ++j;   // REFERENCES
        if (j < end && t_[j].is_name()) fk.ref_table = t_[j++].text;
        if (j < end && punct(j, '(')) {
            const std::size_t close = closing_paren(t_, j);
            if (close >= end) return end;
            fk.ref_columns = name_list(j, close);
            j = close + 1;
        }
        while (j < end) {
            if (kw(j, "ON") && (kw(j + 1, "DELETE") || kw(j + 1, "UPDATE"))) {
                j += 2;
                if (kw(j, "SET") || kw(j, "NO")) j += 2;   // SET NULL, SET DEFAULT, NO ACTION
                else ++j;                                  // CASCADE, RESTRICT
            } else if (kw(j, "MATCH")) {
                j += 2;
            } else if (kw(j, "NOT") && kw(j + 1, "DEFERRABLE")) {
                j += 2;
                if (kw(j, "INITIALLY")) j += 2;
            } else if (kw(j, "DEFERRABLE")) {
                ++j;
                if (kw(j, "INITIALLY")) {
                    fk.initially_deferred = kw(j + 1, "DEFERRED");
                    j += 2;
                }
            } else {
                break;
            }
        }
        return j;
    }

    // Column constraints (col != nullptr) or table constraints in [j, end).
    void constraints(std::size_t j, std::size_t end, TextColumn* col) {
        std::string name;
        std::string* conflict = col ? &col->on_conflict : nullptr;
        while (j < end) {
            if (kw(j, "CONSTRAINT")) {
                if (j + 1 < end) name = t_[j + 1].text;
                j += 2;
                continue;
            }
            if (kw(j, "PRIMARY") || kw(j, "UNIQUE")) {
                const bool primary = kw(j, "PRIMARY");
                j += primary && kw(j + 1, "KEY") ? 2 : 1;
                TextKey k;
                k.name = name;
                if (col) {
                    k.columns.push_back(col->name);
                    for (; j < end; ++j) {
                        if (kw(j, "ASC")) continue;
                        if (kw(j, "DESC")) k.desc = true;
                        else if (kw(j, "AUTOINCREMENT")) k.autoincrement = true;
                        else if (kw(j, "ON") && kw(j + 1, "CONFLICT") && j + 2 < end) {
                            k.on_conflict = ascii_upper(t_[j + 2].text);
                            j += 2;
                        } else break;
                    }
                } else if (punct(j, '(')) {
                    j = key_columns(j, end, k);
                    if (kw(j, "ON") && kw(j + 1, "CONFLICT") && j + 2 < end) {
                        k.on_conflict = ascii_upper(t_[j + 2].text);
                        j += 3;
                    }
                }
                if (primary) out_.primary_key = std::move(k);
                else out_.uniques.push_back(std::move(k));
            } else if (kw(j, "CHECK")) {
                ++j;
                if (!punct(j, '(')) continue;
                const std::size_t close = closing_paren(t_, j);
                if (close >= end) return;
                out_.checks.push_back({name, slice(sql_, t_, j + 1, close), col ? col->name : ""});
                j = close + 1;
            } else if (kw(j, "FOREIGN") && kw(j + 1, "KEY") && !col) {
                j += 2;
                TextForeignKey fk;
                fk.name = name;
                if (punct(j, '(')) {
                    const std::size_t close = closing_paren(t_, j);
                    if (close >= end) return;
                    fk.columns = name_list(j, close);
                    j = close + 1;
                }
                if (kw(j, "REFERENCES")) j = references(j, end, fk);
                out_.foreign_keys.push_back(std::move(fk));
            } else if (kw(j, "REFERENCES") && col) {
                TextForeignKey fk;
                fk.name = name;
                fk.columns.push_back(col->name);
                j = references(j, end, fk);
                out_.foreign_keys.push_back(std::move(fk));
            } else if (kw(j, "DEFAULT")) {
                ++j;
                if (punct(j, '(')) j = closing_paren(t_, j) + 1;
                else if (punct(j, '+') || punct(j, '-')) j += 2;
                else ++j;
            } else if (kw(j, "COLLATE")) {
                if (col && j + 1 < end) col->collation = t_[j + 1].text;
                j += 2;
            } else if (kw(j, "GENERATED") || kw(j, "AS")) {
                while (j < end && !punct(j, '(')) ++j;   // GENERATED ALWAYS AS
                if (j >= end) return;
                const std::size_t close = closing_paren(t_, j);
                if (close >= end) return;
                if (col) col->generated = slice(sql_, t_, j + 1, close);
                j = close + 1;
                if (kw(j, "STORED") || kw(j, "VIRTUAL")) {
                    if (col) col->stored = kw(j, "STORED");
                    ++j;
                }
            } else if (kw(j, "NOT") && kw(j + 1, "NULL")) {
                j += 2;
                if (kw(j, "ON") && kw(j + 1, "CONFLICT") && j + 2 < end) {
                    if (conflict) *conflict = ascii_upper(t_[j + 2].text);
                    j += 3;
                }
            } else {
                ++j;   // NULL, and anything this reader does not know
                continue;
            }
            name.clear();
        }
    }
};

}  // namespace

TableText parse_create_table(std::string_view sql) {
    TableText out;
    TableReader(sql, out).run();
    return out;
}

IndexText parse_create_index(std::string_view sql) {
    IndexText out;
    const auto t = tokenize(sql);
    auto kw = [&](std::size_t i, std::string_view k) { return i < t.size() && t[i].is_keyword(k); };
    std::size_t i = 0;
    if (!kw(i, "CREATE")) return out;
    ++i;
    if (kw(i, "UNIQUE")) {
        out.unique = true;
        ++i;
    }
    if (!kw(i, "INDEX")) return out;
    ++i;
    if (kw(i, "IF") && kw(i + 1, "NOT") && kw(i + 2, "EXISTS")) i += 3;
    if (i >= t.size() || !t[i].is_name()) return out;
    out.name = t[i++].text;
    if (i + 1 < t.size() && t[i].is('.') && t[i + 1].is_name()) {
        out.name = t[i + 1].text;
        i += 2;
    }
    if (!kw(i, "ON") || i + 2 >= t.size() || !t[i + 1].is_name() || !t[i + 2].is('(')) return out;
    out.table = t[i + 1].text;
    const std::size_t open = i + 2;
    const std::size_t close = closing_paren(t, open);
    if (close == t.size()) return out;
    std::size_t start = open + 1;
    for (std::size_t j = open + 1; j <= close; ++j) {
        if (t[j].is('(') && j < close) {
            j = closing_paren(t, j);
            continue;
        }
        if (!t[j].is(',') && j != close) continue;
        std::size_t end = j;
        TextIndexElement e;
        if (end > start && (t[end - 1].is_keyword("ASC") || t[end - 1].is_keyword("DESC"))) {
            e.desc = t[end - 1].is_keyword("DESC");
            --end;
        }
        if (end >= start + 3 && t[end - 2].is_keyword("COLLATE")) {
            e.collation = t[end - 1].text;
            end -= 2;
        }
        e.text = strip_enclosing_parens(slice(sql, t, start, end));
        out.elements.push_back(std::move(e));
        start = j + 1;
    }
    std::size_t last = t.size();
    if (last > close + 1 && t[last - 1].is(';')) --last;
    if (kw(close + 1, "WHERE")) out.where = slice(sql, t, close + 2, last);
    out.parsed = true;
    return out;
}

}  // namespace schemac::sql::sqlite
