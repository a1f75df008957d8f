#include "sql/sqlite/quote.hpp"

#include <schemac/core/ascii.hpp>

#include <algorithm>
#include <iterator>
#include <string_view>

namespace schemac::sql::sqlite {

namespace {

// SQLite 3.40's keywords (lang_keywords.html), lower case, sorted. Any of them
// is quoted, even those SQLite would accept bare in some positions.
constexpr std::string_view kKeywords[] = {
    "abort", "action", "add", "after", "all", "alter", "always", "analyze", "and", "as", "asc", "attach", "autoincrement",
    "before", "begin", "between", "by", "cascade", "case", "cast", "check", "collate", "column", "commit", "conflict",
    "constraint", "create", "cross", "current", "current_date", "current_time", "current_timestamp", "database", "default",
    "deferrable", "deferred", "delete", "desc", "detach", "distinct", "do", "drop", "each", "else", "end", "escape",
    "except", "exclude", "exclusive", "exists", "explain", "fail", "filter", "first", "following", "for", "foreign",
    "from", "full", "generated", "glob", "group", "groups", "having", "if", "ignore", "immediate", "in", "index",
    "indexed", "initially", "inner", "insert", "instead", "intersect", "into", "is", "isnull", "join", "key", "last",
    "left", "like", "limit", "match", "materialized", "natural", "no", "not", "nothing", "notnull", "null", "nulls",
    "of", "offset", "on", "or", "order", "others", "outer", "over", "partition", "plan", "pragma", "preceding",
    "primary", "query", "raise", "range", "recursive", "references", "regexp", "reindex", "release", "rename",
    "replace", "restrict", "returning", "right", "rollback", "row", "rows", "savepoint", "select", "set", "table",
    "temp", "temporary", "then", "ties", "to", "transaction", "trigger", "unbounded", "union", "unique", "update",
    "using", "vacuum", "values", "view", "virtual", "when", "where", "window", "with", "without",
};

static_assert(std::size(kKeywords) == 147);

bool plain_word(const std::string& s) {
    if (s.empty() || !(is_ascii_lower(s[0]) || s[0] == '_')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return is_ascii_lower(c) || is_ascii_digit(c) || c == '_'; });
}

}  // namespace

std::string quote_ident(const std::string& name) {
    if (plain_word(name) && !std::binary_search(std::begin(kKeywords), std::end(kKeywords), std::string_view(name)) &&
        !name.starts_with("sqlite_"))
        return name;
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string quote_name(const QualifiedName& q) { return quote_ident(q.name); }

std::string quote_literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

std::string render_type(const Type& t) {
    switch (t.kind) {
        case TypeKind::SmallInt: return "SMALLINT";
        case TypeKind::Integer: return "INTEGER";
        case TypeKind::BigInt: return "BIGINT";
        case TypeKind::Real: return "REAL";
        case TypeKind::Double: return "DOUBLE PRECISION";
        case TypeKind::Numeric:
            if (t.precision < 0) return "NUMERIC";
            return "NUMERIC(" + std::to_string(t.precision) + "," + std::to_string(t.scale < 0 ? 0 : t.scale) + ")";
        case TypeKind::Text: return "TEXT";
        case TypeKind::Boolean: return "BOOLEAN";
        case TypeKind::Bytea: return "BLOB";
        default: return ascii_upper(t.display());   // refused by analysis (SqliteRules::supports)
    }
}

std::string render_value(const Type& t, const Value& v) {
    switch (v.kind) {
        case Value::Kind::Null: return "NULL";
        case Value::Kind::Sql: return "(" + v.text + ")";
        case Value::Kind::Array: return "NULL";   // refused by analysis: SQLite has no arrays
        case Value::Kind::Scalar: break;
    }
    switch (t.kind) {
        case TypeKind::SmallInt:
        case TypeKind::Integer:
        case TypeKind::BigInt:
        case TypeKind::Real:
        case TypeKind::Double:
        case TypeKind::Numeric: return v.text.starts_with("+") ? v.text.substr(1) : v.text;
        case TypeKind::Boolean: {
            const std::string l = ascii_lower(v.text);
            return l == "true" || l == "1" ? "TRUE" : "FALSE";
        }
        case TypeKind::Bytea: return "X'" + ascii_lower(v.text.substr(2)) + "'";
        default: return quote_literal(v.text);
    }
}

}  // namespace schemac::sql::sqlite
