// libFuzzer target for the raw SQL check (sql/postgres/grammar.hpp). The
// first byte picks the field (check, default, index predicate, index
// expression, backfill, using, named query), the rest is its text. Asserts:
//  - no crash or sanitizer report, whatever the text;
//  - when the text is accepted, what the renderer really writes around it
//    (a schema with that field, analysed, diffed from one without it,
//    rendered) is exactly one statement per generated statement for
//    PostgreSQL's grammar (with standard_conforming_strings on and off), and the runtime's splitter finds the same number of
//    statements in the migration file as the plan has: nothing smuggled.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "migrations/format.hpp"
#include "model/analyze.hpp"
#include "schemac/postgres/sql_split.hpp"
#include "sql/dialect.hpp"
#include "sql/postgres/grammar.hpp"
#include "sql/postgres/rules.hpp"

namespace {

using schemac::sql::postgres::RawSqlKind;

schemac::Column column(const std::string& name, schemac::TypeKind kind) {
    schemac::Column c;
    c.name = name;
    c.type.kind = kind;
    c.nullable = true;
    return c;
}

// t(id, c text) before; after: c integer, a new column b, and the field under test.
void put(RawSqlKind kind, const std::string& text, schemac::Schema& before, schemac::Schema& after) {
    using schemac::TypeKind;
    schemac::Table t;
    t.name = {"public", "t"};
    t.columns = {column("id", TypeKind::Integer), column("c", TypeKind::Text)};
    before.tables.push_back(t);
    t.columns[1].type.kind = TypeKind::Integer;
    t.columns.push_back(column("b", TypeKind::Integer));
    schemac::Column& c = t.columns[1];
    schemac::Column& b = t.columns[2];
    schemac::Index index;
    index.elements.push_back({"id", "", schemac::SortOrder::Asc, schemac::NullsOrder::Default, "", "", {}});
    switch (kind) {
        case RawSqlKind::Check: t.checks.push_back({"k", text, {}}); break;
        case RawSqlKind::Default: b.default_value = schemac::Value{schemac::Value::Kind::Sql, text, {}, {}}; break;
        case RawSqlKind::IndexWhere: index.where = text; break;
        case RawSqlKind::IndexExpression: index.elements[0] = {"", text, schemac::SortOrder::Desc, schemac::NullsOrder::Last, "", "", {}}; break;
        case RawSqlKind::Backfill: b.backfill = text; break;
        case RawSqlKind::Using: c.using_expr = text; break;
        case RawSqlKind::Generated: b.generated = text; break;
        case RawSqlKind::Query: break;
    }
    if (kind == RawSqlKind::IndexWhere || kind == RawSqlKind::IndexExpression) t.indexes.push_back(index);
    after.tables.push_back(t);
}

void require_one_statement_each(const std::vector<std::string>& statements, const std::string& file) {
    for (const auto& s : statements)
        if (schemac::sql::postgres::count_statements(s + ";") != 1u || schemac::split_sql(s + ";\n").size() != 1 ||
            schemac::sql::postgres::count_statements(s + ";", false) != 1u)
            std::abort();
    if (schemac::split_sql(file).size() != statements.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto kind = static_cast<RawSqlKind>(data[0] % 8);
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto error = schemac::sql::postgres::check_raw_sql(kind, text);
    if (error) return 0;
    if (kind == RawSqlKind::Query) {
        if (schemac::sql::postgres::count_statements(text) != 1u || schemac::sql::postgres::count_statements(text, false) != 1u)
            std::abort();
        return 0;
    }
    schemac::Schema before, after;
    put(kind, text, before, after);
    schemac::Diagnostics diags;
    schemac::analyze(before, schemac::sql::postgres::rules(), diags);
    schemac::analyze(after, schemac::sql::postgres::rules(), diags);
    if (diags.has_errors()) return 0;   // e.g. blank text, which analyze reports on its own
    const auto plan = schemac::sql::plan_migration(schemac::sql::default_dialect(), before, after, diags);
    std::vector<std::string> up, down;
    for (const auto& step : plan.steps) {
        up.insert(up.end(), step.up.begin(), step.up.end());
        down.insert(down.end(), step.down.begin(), step.down.end());
    }
    require_one_statement_each(up, schemac::migrations::format_up(plan));
    require_one_statement_each(down, schemac::migrations::format_down(plan));
    return 0;
}
