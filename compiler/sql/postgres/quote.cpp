#include "sql/postgres/quote.hpp"

#include <schemac/core/ascii.hpp>

#include <algorithm>
#include <set>

namespace schemac::sql::postgres {

namespace {

// PostgreSQL 15 keywords that are not "unreserved" (reserved, type/function
// name and column name keywords, src/include/parser/kwlist.h): as identifiers
// they need quotes in at least some positions, so we always quote them.
const std::set<std::string>& keywords() {
    static const std::set<std::string> k = {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
        "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce",
        "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog",
        "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "dec",
        "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists", "extract",
        "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group",
        "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect",
        "interval", "into", "is", "isnull", "join", "lateral", "leading", "least", "left", "like", "limit",
        "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
        "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing",
        "position", "precision", "primary", "real", "references", "returning", "right", "row", "select",
        "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample",
        "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using",
        "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat",
        "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize",
        "xmltable"};
    return k;
}

bool plain(const std::string& s) {
    if (s.empty() || !(is_ascii_lower(s[0]) || s[0] == '_')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return is_ascii_lower(c) || is_ascii_digit(c) || c == '_';
    });
}

// One element of an array literal: always double-quoted, with " and \ escaped.
std::string array_element(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// `now()`, `CURRENT_TIMESTAMP`, `nextval('s')`: a name, optionally one call whose
// parentheses close at the very end. Anything else (operators, casts, NOT...) is
// wrapped in parentheses, since DEFAULT accepts only a restricted expression form.
bool is_bare_call(const std::string& e) {
    std::size_t i = 0;
    while (i < e.size() && (is_ascii_alnum(e[i]) || e[i] == '_' || e[i] == '.')) ++i;
    if (i > 0 && is_ascii_digit(e[0])) return false;
    if (i > 0 && i == e.size()) return true;
    if (i >= e.size() || e[i] != '(') return false;   // i == 0 and '(': already parenthesised as a whole?
    int depth = 0;
    char quote = 0;
    for (std::size_t k = i; k < e.size(); ++k) {
        const char c = e[k];
        if (quote) { if (c == quote) quote = 0; continue; }
        if (c == '\'' || c == '"') quote = c;
        else if (c == '(') ++depth;
        else if (c == ')' && --depth == 0) return k + 1 == e.size();
    }
    return false;
}

// Types whose validated literals are written bare, as people write them: a
// hand-written `DEFAULT 1.5` and schemac's then store the same expression.
bool bare_number_type(TypeKind k) {
    return is_integer(k) || k == TypeKind::Numeric || k == TypeKind::Real || k == TypeKind::Double;
}

}  // namespace

std::string quote_ident(const std::string& name) {
    if (plain(name) && !keywords().count(name)) return name;
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string quote_name(const QualifiedName& q) {
    return q.schema.empty() ? quote_ident(q.name) : quote_ident(q.schema) + "." + quote_ident(q.name);
}

std::string quote_object_name(const std::string& name) {
    const std::size_t dot = name.find('.');
    return dot == std::string::npos ? quote_ident(name) : quote_name({name.substr(0, dot), name.substr(dot + 1)});
}

// A backslash means itself in '...' only while standard_conforming_strings is
// on; with it off, `\'` ends nothing and the rest of the line becomes SQL. A
// text with a backslash is therefore written E'...' with the backslash doubled,
// which means the same under either setting (quotes are doubled in both forms,
// never written \', which backslash_quote may refuse).
std::string dollar_quoted(const std::string& body) {
    std::string tag = "$schemac$";
    for (int n = 1; body.find(tag) != std::string::npos; ++n) tag = "$schemac" + std::to_string(n) + "$";
    return tag + body + tag;
}

std::string quote_literal(const std::string& text) {
    const bool escaped = text.find('\\') != std::string::npos;
    std::string out = escaped ? "E'" : "'";
    for (char c : text) {
        if (c == '\'' || (escaped && c == '\\')) out += c;
        out += c;
    }
    return out + "'";
}

std::string render_type(const Type& t) {
    if (t.kind != TypeKind::Enum) return t.display();
    return quote_name(t.enum_name) + (t.is_array ? "[]" : "");
}

std::string render_value(const Type& t, const Value& v) {
    switch (v.kind) {
        case Value::Kind::Null: return "NULL";
        case Value::Kind::Sql: return is_bare_call(v.text) ? v.text : "(" + v.text + ")";
        case Value::Kind::Array: {
            std::string lit = "{";
            for (std::size_t i = 0; i < v.items.size(); ++i) {
                if (i) lit += ',';
                lit += v.items[i].kind == Value::Kind::Null ? "NULL" : array_element(v.items[i].text);
            }
            return quote_literal(lit + "}");
        }
        case Value::Kind::Scalar:
            break;
    }
    if (!t.is_array && bare_number_type(t.kind)) {
        // Already validated as a number: bare unless it is a special value
        // ('NaN', 'Infinity'), which PostgreSQL only takes as a string.
        std::string s = v.text;
        if (!s.empty() && s[0] == '+') s.erase(0, 1);
        const bool plain = s.find_first_not_of("-0123456789.eE+") == std::string::npos &&
                           s.find_first_of("0123456789") != std::string::npos;
        return plain ? s : quote_literal(v.text);
    }
    if (!t.is_array && t.kind == TypeKind::Boolean) {
        return ascii_lower(v.text);
    }
    return quote_literal(v.text);
}

}  // namespace schemac::sql::postgres
