#include "sql/dialect.hpp"

#include "diff/diff.hpp"
#include "sql/postgres/dialect.hpp"
#include "sql/sqlite/dialect.hpp"

namespace schemac::sql {

namespace {
// In the order `dialect_names()` lists them; the first is the default.
const Dialect* const kDialects[] = {&postgres::dialect(), &sqlite::dialect()};
}  // namespace

const Dialect* find_dialect(std::string_view name) {
    for (const Dialect* d : kDialects)
        if (d->name() == name) return d;
    return nullptr;
}

std::vector<std::string> dialect_names() {
    std::vector<std::string> names;
    for (const Dialect* d : kDialects) names.emplace_back(d->name());
    return names;
}

const Dialect& default_dialect() { return *kDialects[0]; }

Plan plan_migration(const Dialect& dialect, const Schema& from, const Schema& to, Diagnostics& diags) {
    return dialect.plan(diff::diff_schemas(from, to, dialect.rules(), diags), from, to);
}

}  // namespace schemac::sql
