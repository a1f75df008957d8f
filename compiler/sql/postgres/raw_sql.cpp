#include "sql/postgres/raw_sql.hpp"

#include <algorithm>
#include <string_view>

#include "sql/postgres/placeholders.hpp"
#include "sql/postgres/grammar.hpp"

namespace schemac::sql::postgres {
namespace {

// "line 2, character 7 of the SQL" for an offset into a multi-line text, or
// "character 7 of the expression": the field's position is where the value
// starts, so this says where inside it PostgreSQL stopped.
std::string where_in(std::string_view text, std::size_t offset, RawSqlKind kind) {
    offset = std::min(offset, text.size());
    const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t from = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
    // Characters, not bytes: count UTF-8 lead bytes.
    const auto chars = 1 + std::count_if(text.begin() + static_cast<std::ptrdiff_t>(from), text.begin() + static_cast<std::ptrdiff_t>(offset),
                                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    const std::string what = kind == RawSqlKind::Query ? "the SQL" : "the expression";
    if (text.find('\n') == std::string_view::npos) return "character " + std::to_string(chars) + " of " + what;
    return "line " + std::to_string(line) + ", character " + std::to_string(chars) + " of " + what;
}

void check(RawSqlKind kind, const std::string& text, const SourcePos& at, const std::string& owner, Diagnostics& diags) {
    // An empty check, default or query is reported by analyze as such; `using`
    // alone is copied even when blank, so only it is checked then.
    if (kind != RawSqlKind::Using && text.find_first_not_of(" \t\r\n") == std::string::npos) return;
    const auto err = check_raw_sql(kind, text);
    if (!err) return;
    std::string context = owner;
    if (err->offset) context += ", at " + where_in(text, *err->offset, kind);
    diags.error(at, "bad-sql", err->message + " (" + context + ")");
}

std::string q(const std::string& s) { return "'" + s + "'"; }

}  // namespace

void check_raw_sql_fields(const Schema& schema, Diagnostics& diags) {
    for (const auto& t : schema.tables) {
        const std::string table = "table " + t.name.display();
        for (const auto& c : t.columns) {
            const std::string column = "column " + q(c.name) + " of " + table;
            const SourcePos& at = c.pos;
            if (c.default_value && c.default_value->kind == Value::Kind::Sql)
                check(RawSqlKind::Default, c.default_value->text, c.default_value->pos, column, diags);
            if (!c.using_expr.empty()) check(RawSqlKind::Using, c.using_expr, c.using_pos.line ? c.using_pos : at, column, diags);
            if (!c.backfill.empty()) check(RawSqlKind::Backfill, c.backfill, c.backfill_pos.line ? c.backfill_pos : at, column, diags);
            if (c.is_generated()) check(RawSqlKind::Generated, c.generated, c.generated_pos.line ? c.generated_pos : at, column, diags);
        }
        for (const auto& k : t.checks) check(RawSqlKind::Check, k.expr, k.pos, "check " + q(k.name) + " of " + table, diags);
        for (const auto& i : t.indexes) {
            const std::string index = "index " + q(i.name) + " of " + table;
            if (!i.where.empty()) check(RawSqlKind::IndexWhere, i.where, i.where_pos.line ? i.where_pos : i.pos, index, diags);
            for (const auto& e : i.elements)
                if (!e.expr.empty()) check(RawSqlKind::IndexExpression, e.expr, e.pos, index, diags);
        }
    }
    for (const auto& query : schema.queries) {
        // Missing, empty or unterminated SQL is reported by the query checks
        // already (check() passes over blank text).
        if (scan_placeholders(query.sql).unterminated) continue;
        check(RawSqlKind::Query, query.sql, query.sql_pos.line ? query.sql_pos : query.pos, "query " + q(query.name), diags);
    }
}

}  // namespace schemac::sql::postgres
