#include "sql/postgres/grammar.hpp"

#include <pg_query.h>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "sql/postgres/quote.hpp"

// libpg_query's copy of the server setting (thread-local, as in the server
// it is per session): how the lexer reads backslashes in '...' strings.
extern "C" __thread bool standard_conforming_strings;

namespace schemac::sql::postgres {
namespace {

// Reads with standard_conforming_strings off for its lifetime.
class BackslashesEscape {
public:
    BackslashesEscape() : saved_(standard_conforming_strings) { standard_conforming_strings = false; }
    ~BackslashesEscape() { standard_conforming_strings = saved_; }
    BackslashesEscape(const BackslashesEscape&) = delete;
    BackslashesEscape& operator=(const BackslashesEscape&) = delete;

private:
    bool saved_;
};

constexpr std::size_t kMaxMessage = 120;

// libpg_query's parse result, freed on every path out of a scope.
class Parsed {
public:
    explicit Parsed(const std::string& sql) : r_(pg_query_parse(sql.c_str())) {}
    ~Parsed() { pg_query_free_parse_result(r_); }
    Parsed(const Parsed&) = delete;
    Parsed& operator=(const Parsed&) = delete;
    bool ok() const { return r_.error == nullptr; }
    std::string_view tree() const { return r_.parse_tree ? r_.parse_tree : ""; }
    // PostgreSQL quotes the rest of the text after an unterminated string or
    // comment ("at or near ..."): cut, so a diagnostic stays one short line.
    std::string message() const {
        std::string m = r_.error && r_.error->message ? r_.error->message : "unknown error";
        if (m.size() <= kMaxMessage) return m;
        std::size_t cut = kMaxMessage;
        while (cut > 0 && (static_cast<unsigned char>(m[cut]) & 0xC0) == 0x80) --cut;   // not inside a UTF-8 character
        return m.substr(0, cut) + "...";
    }
    int cursor() const { return r_.error ? r_.error->cursorpos : 0; }

private:
    PgQueryParseResult r_;
};

// --- Just enough JSON to walk libpg_query's parse tree (always well-formed). ---

std::size_t skip_string(std::string_view j, std::size_t i) {   // i at the opening quote
    for (++i; i < j.size() && j[i] != '"'; ++i)
        if (j[i] == '\\') ++i;
    return std::min(i + 1, j.size());
}

// One past the value starting at i; iterative, so deep trees cost no stack.
std::size_t skip_value(std::string_view j, std::size_t i) {
    int depth = 0;
    while (i < j.size()) {
        const char c = j[i];
        if (c == '"') {
            i = skip_string(j, i);
        } else if (c == '{' || c == '[') {
            ++depth;
            ++i;
        } else if (c == '}' || c == ']') {
            if (depth == 0) return i;
            ++i;
            if (--depth == 0) return i;
        } else if (c == ',' && depth == 0) {
            return i;
        } else {
            ++i;
        }
        if (depth == 0 && c == '"') return i;
    }
    return i;
}

using Members = std::vector<std::pair<std::string_view, std::string_view>>;

// The members of the object `o` (its keys unescaped: libpg_query's keys are plain words).
Members members(std::string_view o) {
    Members out;
    if (o.empty() || o[0] != '{') return out;
    std::size_t i = 1;
    while (i < o.size() && o[i] == '"') {
        const std::size_t key_end = skip_string(o, i);
        const std::string_view key = o.substr(i + 1, key_end - i - 2);
        const std::size_t v = key_end + 1;   // past ':'
        const std::size_t e = skip_value(o, v);
        out.emplace_back(key, o.substr(v, e - v));
        i = e < o.size() && o[e] == ',' ? e + 1 : e;
    }
    return out;
}

std::vector<std::string_view> items(std::string_view a) {
    std::vector<std::string_view> out;
    if (a.empty() || a[0] != '[') return out;
    std::size_t i = 1;
    while (i < a.size() && a[i] != ']') {
        const std::size_t e = skip_value(a, i);
        out.push_back(a.substr(i, e - i));
        i = e < a.size() && a[e] == ',' ? e + 1 : e;
    }
    return out;
}

std::string_view member(const Members& m, std::string_view key) {
    for (const auto& [k, v] : m)
        if (k == key) return v;
    return {};
}

// Whether `key` is a key anywhere in the tree (string values are skipped whole).
bool has_key(std::string_view j, std::string_view key) {
    for (std::size_t i = 0; i < j.size();) {
        if (j[i] != '"') { ++i; continue; }
        const std::size_t e = skip_string(j, i);
        if (e < j.size() && j[e] == ':' && j.substr(i + 1, e - i - 2) == key) return true;
        i = e;
    }
    return false;
}

// The statement nodes of a parse tree: {"SelectStmt": {...}} each.
std::vector<std::string_view> statements(std::string_view tree) {
    std::vector<std::string_view> out;
    for (const auto s : items(member(members(tree), "stmts"))) out.push_back(member(members(s), "stmt"));
    return out;
}

// --- Positions ---

// The error's offset inside the text that starts `prefix` bytes into `sql`.
std::optional<std::size_t> offset_in_text(const Parsed& p, std::string_view sql, std::size_t prefix, std::size_t text_size) {
    if (p.cursor() <= 0) return std::nullopt;
    const std::size_t at = cursor_byte_offset(sql, p.cursor());
    if (at < prefix) return 0;
    return std::min(at - prefix, text_size);
}

// --- Checks ---

constexpr std::string_view kWrapPrefix = "SELECT (";

std::string must_be(RawSqlKind kind) {
    return std::string(raw_sql_field_name(kind)) + " must be a single SQL expression";
}

// Check 1: one SELECT, one target, nothing else; the target not the row our
// own parentheses would make of a top-level comma.
std::optional<std::string> not_one_expression(std::string_view tree) {
    const auto stmts = statements(tree);
    if (stmts.size() != 1) return "it is not one expression but " + std::to_string(stmts.size()) + " statements";
    const Members stmt = members(stmts[0]);
    const Members select = stmt.size() == 1 && stmt[0].first == "SelectStmt" ? members(stmt[0].second) : Members{};
    const std::string goes_on = "it goes on past one expression (a ')' closes a parenthesis it did not open)";
    for (const auto& [k, v] : select) {
        const bool plain = (k == "targetList") || (k == "op" && v == "\"SETOP_NONE\"") ||
                           (k == "limitOption" && v == "\"LIMIT_OPTION_DEFAULT\"");
        if (!plain) return goes_on;
    }
    const auto targets = items(member(select, "targetList"));
    if (targets.size() != 1) return goes_on;
    const Members target = members(member(members(targets[0]), "ResTarget"));
    for (const auto& [k, v] : target)
        if (k != "val" && k != "location") return goes_on;
    const Members val = members(member(target, "val"));
    if (val.size() == 1 && val[0].first == "RowExpr") {
        const Members row = members(val[0].second);
        if (member(row, "location") == std::to_string(kWrapPrefix.size() - 1))
            return std::string("it is a list of expressions separated by commas");
    }
    return std::nullopt;
}

std::optional<RawSqlError> check_expression(RawSqlKind kind, std::string_view text) {
    // Two readings: with a newline before our ')', where a line comment at the
    // end cannot hide it, and as written, ')' right after the text. Both must
    // be the one expression; they differ only when a -- comment runs to the
    // end (`x)--` even closes our parenthesis itself and swallows ours).
    const std::string tight_sql = std::string(kWrapPrefix) + std::string(text) + ")";
    const Parsed spaced{std::string(kWrapPrefix) + std::string(text) + "\n)"};
    const Parsed tight{tight_sql};
    const RawSqlError comment_at_end{must_be(kind) + ": it ends in a -- comment, which would swallow the SQL written after it; "
                                                     "remove the comment or write it as /* ... */", std::nullopt};
    if (!spaced.ok()) {
        if (tight.ok()) {
            if (auto why = not_one_expression(tight.tree())) return RawSqlError{must_be(kind) + ": " + *why, std::nullopt};
            return comment_at_end;
        }
        return RawSqlError{must_be(kind) + ": " + tight.message(), offset_in_text(tight, tight_sql, kWrapPrefix.size(), text.size())};
    }
    if (auto why = not_one_expression(spaced.tree())) return RawSqlError{must_be(kind) + ": " + *why, std::nullopt};
    if (!tight.ok() || not_one_expression(tight.tree())) return comment_at_end;
    // Check 3: the statements the renderer builds around it.
    const Parsed e{embed_raw_sql(kind, text)};
    if (!e.ok() || statements(e.tree()).size() != 1)
        return RawSqlError{std::string(raw_sql_field_name(kind)) + " does not fit where schemac writes it (" +
                               (e.ok() ? std::string("more than one statement") : e.message()) + ")",
                           std::nullopt};
    return std::nullopt;
}

std::optional<RawSqlError> check_query(std::string_view text) {
    const std::string sql{text};
    const Parsed p{sql};
    if (!p.ok()) return RawSqlError{"query SQL is not valid SQL: " + p.message(), offset_in_text(p, sql, 0, text.size())};
    const auto stmts = statements(p.tree());
    if (stmts.size() != 1)
        return RawSqlError{"query SQL must be exactly one statement; it has " + std::to_string(stmts.size()), std::nullopt};
    const Members stmt = members(stmts[0]);
    const std::string_view node = stmt.size() == 1 ? stmt[0].first : std::string_view{};
    static constexpr std::array<std::string_view, 4> allowed = {"SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt"};
    if (std::find(allowed.begin(), allowed.end(), node) == allowed.end())
        return RawSqlError{"query SQL must be one SELECT, INSERT, UPDATE or DELETE statement (optionally with WITH) or "
                           "VALUES, not " + (node == "TransactionStmt" ? std::string("transaction control")
                                                                       : "a " + std::string(node)),
                           std::nullopt};
    if (has_key(stmts[0], "intoClause"))
        return RawSqlError{"query SQL must not be SELECT ... INTO, which creates a table", std::nullopt};
    return std::nullopt;
}

}  // namespace

const char* raw_sql_field_name(RawSqlKind kind) {
    switch (kind) {
        case RawSqlKind::Check: return "check expression";
        case RawSqlKind::Default: return "default {sql: ...}";
        case RawSqlKind::IndexWhere: return "index predicate (where)";
        case RawSqlKind::IndexExpression: return "index expression";
        case RawSqlKind::Backfill: return "backfill";
        case RawSqlKind::Using: return "using";
        case RawSqlKind::Generated: return "generation expression (generated)";
        case RawSqlKind::Query: return "query SQL";
    }
    return "SQL";
}

std::optional<RawSqlError> check_raw_sql(RawSqlKind kind, std::string_view text) {
    if (text.find('\0') != std::string_view::npos)
        return RawSqlError{std::string(raw_sql_field_name(kind)) + " contains a NUL byte", text.find('\0')};
    const std::size_t limit = kind == RawSqlKind::Query ? kMaxQueryBytes : kMaxExpressionBytes;
    if (text.size() > limit)
        return RawSqlError{std::string(raw_sql_field_name(kind)) + " is " + std::to_string(text.size()) + " bytes long; the limit is " +
                               std::to_string(limit),
                           std::nullopt};
    const auto check = [&] { return kind == RawSqlKind::Query ? check_query(text) : check_expression(kind, text); };
    if (auto err = check()) return err;
    // A server with standard_conforming_strings off reads '\'' differently:
    // the text must be one expression (statement) that way too, so what ends
    // a string for one reading cannot end the statement for the other.
    const BackslashesEscape off;
    if (auto err = check()) {
        err->message += " when read with standard_conforming_strings off (a backslash in '...' then escapes the next character; "
                        "write E'...' for escapes or avoid backslashes in '...')";
        return err;
    }
    return std::nullopt;
}

// As sql/postgres/render.cpp writes each field (one statement, ";" as in a
// migration file); the names are placeholders.
std::string embed_raw_sql(RawSqlKind kind, std::string_view text) {
    const std::string e{text};
    switch (kind) {
        case RawSqlKind::Check: return "CREATE TABLE t (\n    c integer NOT NULL,\n    CONSTRAINT k CHECK (" + e + ")\n);";
        case RawSqlKind::Default:
            return "CREATE TABLE t (\n    c integer NOT NULL DEFAULT " + render_value(Type{}, Value{Value::Kind::Sql, e, {}, {}}) + "\n);";
        case RawSqlKind::IndexWhere: return "CREATE INDEX i ON t (c) WHERE " + e + ";";
        case RawSqlKind::IndexExpression: return "CREATE INDEX i ON t ((" + e + ") DESC NULLS LAST);";
        case RawSqlKind::Backfill: return "UPDATE t SET c = (" + e + ") WHERE c IS NULL;";
        case RawSqlKind::Using:
            return "ALTER TABLE t ALTER COLUMN c DROP DEFAULT, ALTER COLUMN c TYPE integer USING " + e +
                   ", ALTER COLUMN c SET DEFAULT 0;";
        case RawSqlKind::Generated: return "ALTER TABLE t ADD COLUMN c integer NOT NULL GENERATED ALWAYS AS (" + e + ") STORED;";
        case RawSqlKind::Query: return e;
    }
    return e;
}

std::optional<std::size_t> count_statements(std::string_view sql, bool conforming_strings) {
    if (sql.find('\0') != std::string_view::npos) return std::nullopt;
    std::optional<BackslashesEscape> off;
    if (!conforming_strings) off.emplace();
    const Parsed p{std::string(sql)};
    if (!p.ok()) return std::nullopt;
    return statements(p.tree()).size();
}

std::size_t cursor_byte_offset(std::string_view sql, int cursor) {
    int chars = 0;
    for (std::size_t i = 0; i < sql.size(); ++i)
        if ((static_cast<unsigned char>(sql[i]) & 0xC0) != 0x80 && ++chars == cursor) return i;
    return sql.size();
}

}  // namespace schemac::sql::postgres
