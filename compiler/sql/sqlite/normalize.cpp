#include "sql/sqlite/normalize.hpp"

#include <schemac/core/ascii.hpp>

#include <charconv>
#include <cmath>

#include "sql/sqlite/inspect.hpp"
#include "sql/sqlite/quote.hpp"
#include "sql/sqlite/tokenizer.hpp"

namespace schemac::sql::sqlite {

namespace {

// Written bare by the planner: a lower-case word that is no keyword.
bool needs_no_quotes(const std::string& s) { return quote_ident(s) == s; }

bool listed(const std::string& name, const std::vector<std::string>& names) {
    for (const auto& n : names)
        if (same_name(n, name)) return true;
    return false;
}

// A real's shortest text; `text` itself when it is not a finite decimal number.
std::string shortest_float(const std::string& text) {
    double x = 0;
    const char* b = text.data();
    const char* e = b + text.size();
    if (text.empty() || text[0] == '+' || (!is_ascii_digit(text[0]) && text[0] != '-' && text[0] != '.')) return text;
    const auto [p, ec] = std::from_chars(b, e, x);
    if (ec != std::errc() || p != e || !std::isfinite(x)) return text;
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, r.ptr);
}

// A value as SQLite reports the literal the planner writes for it: true/false
// for TRUE/FALSE, lower-case hex for X'..', numbers without a '+' (reals in
// their shortest form); anything else as it is.
std::string normal_scalar(const std::string& text, TypeKind k) {
    if (k == TypeKind::Boolean) {
        const std::string l = ascii_lower(text);
        return l == "1" ? "true" : l == "0" ? "false" : l;
    }
    if (k == TypeKind::Bytea && text.size() >= 2 && text[0] == '\\') return "\\x" + ascii_lower(text.substr(2));
    const bool number = is_integer(k) || k == TypeKind::Numeric || k == TypeKind::Real || k == TypeKind::Double;
    const std::string t = number && text.starts_with("+") ? text.substr(1) : text;
    return k == TypeKind::Real || k == TypeKind::Double ? shortest_float(t) : t;
}

}  // namespace

std::string normal_expression(const std::string& expr, const std::vector<std::string>& columns,
                              const std::vector<std::string>& tables) {
    const std::string s = strip_enclosing_parens(expr);
    std::string out;
    std::size_t at = 0;
    for (const auto& t : tokenize(s)) {
        if (t.kind != TokenKind::Quoted || !needs_no_quotes(t.text) || !(listed(t.text, columns) || listed(t.text, tables))) continue;
        out += s.substr(at, t.begin - at);
        out += t.text;
        at = t.end;
    }
    return out + s.substr(at);
}

void normalize_model(Schema& schema) {
    std::vector<std::string> tables;
    for (const auto& t : schema.tables) tables.push_back(t.name.name);
    for (auto& t : schema.tables) {
        std::vector<std::string> columns;
        for (const auto& c : t.columns) columns.push_back(c.name);
        auto normal = [&](const std::string& e) { return normal_expression(e, columns, tables); };
        for (auto& c : t.columns) {
            if (c.is_generated()) c.generated = normal(c.generated);
            // Collation names ignore case; BINARY is the default.
            c.collation = ascii_upper(c.collation);
            if (c.collation == "BINARY") c.collation.clear();
            if (!c.default_value) continue;
            Value& v = *c.default_value;
            if (v.kind == Value::Kind::Sql) v = default_from_text(v.text, c.type, true, v.pos);
            if (v.kind == Value::Kind::Sql) v.text = normal(v.text);
            if (v.kind == Value::Kind::Null) c.default_value.reset();
            else if (v.kind == Value::Kind::Scalar && !c.type.is_array) v.text = normal_scalar(v.text, c.type.kind);
        }
        for (auto& k : t.checks) k.expr = normal(k.expr);
        for (auto& i : t.indexes) {
            if (!i.where.empty()) i.where = normal(i.where);
            for (auto& e : i.elements)
                if (!e.expr.empty()) e.expr = normal(e.expr);
        }
    }
    for (auto& t : schema.tables)
        for (auto& f : t.foreign_keys) {
            if (!f.ref_columns.empty()) continue;
            const Table* target = schema.find_table(f.ref_table);
            if (!target) target = schema.resolve_table(f.ref_table, t.name.schema, t.name.schema);
            if (!target || !target->primary_key) continue;
            for (const auto& c : target->primary_key->columns) f.ref_columns.push_back({c.name, f.ref_pos});
        }
}

}  // namespace schemac::sql::sqlite
