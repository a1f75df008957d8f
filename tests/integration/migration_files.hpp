// Test helper: the migration files `schemac diff` would write between two
// schemas (one per run of steps with the same transactionality, as
// migrations/history.cpp splits them), and running them on a database the way
// the runner would (run_sql.hpp).
#pragma once
#include <pqxx/pqxx>

#include <string>
#include <vector>

#include "migrations/format.hpp"
#include "migrations/history.hpp"
#include "plan_text.hpp"
#include "run_sql.hpp"
#include "sql/dialect.hpp"

namespace schemac::test {

// One migration file: its SQL and whether it runs in a transaction.
struct Script {
    bool transactional = true;
    std::string sql;
};

struct MigrationScripts {
    std::string errors;             // the diagnostics when there are errors, else ""
    std::vector<Script> up, down;   // in the order they run (the downs in reverse)
};

// The files from `from` to `to`; diagnostics go to `d`.
inline MigrationScripts migration_scripts(const Schema& from, const Schema& to, Diagnostics& d) {
    MigrationScripts m;
    const sql::Plan plan = sql::plan_migration(sql::default_dialect(), from, to, d);
    if (d.has_errors()) {
        m.errors = render_text(d);
        return m;
    }
    const std::vector<sql::Plan> files = migrations::split_into_files(plan);
    for (const auto& f : files) m.up.push_back({f.steps.front().transactional, migrations::format_up(f)});
    for (auto it = files.rbegin(); it != files.rend(); ++it)
        m.down.push_back({it->steps.front().transactional, migrations::format_down(*it)});
    return m;
}

// The same between two YAML texts ("" = the empty schema), loaded and analyzed first.
inline MigrationScripts migration_scripts(const std::string& from_yaml, const std::string& to_yaml) {
    Diagnostics d;
    const Schema from = load_text("from.yaml", from_yaml, d);
    const Schema to = load_text("to.yaml", to_yaml, d);
    if (d.has_errors()) return {render_text(d), {}, {}};
    return migration_scripts(from, to, d);
}

inline void run_scripts(pqxx::connection& c, const std::vector<Script>& scripts) {
    for (const auto& s : scripts) run_script(c, s.sql, s.transactional);
}

}  // namespace schemac::test
