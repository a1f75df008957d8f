// Test helper: the up/down SQL text between two YAML texts, through the real
// pipeline (load → analyze → diff → render → format).
#pragma once
#include <string>

#include "diff/diff.hpp"
#include "load/loader.hpp"
#include "migrations/format.hpp"
#include "model/analyze.hpp"
#include "sql/dialect.hpp"
#include "sql/postgres/rules.hpp"

namespace schemac::test {

struct PlanText {
    std::string up, down, errors;
    bool empty = true;
    bool foreign_keys_off = false;   // some step rebuilds an SQLite table (the file's -- schemac:foreign-keys-off)
};

inline Schema load_text(const std::string& name, const std::string& yaml, Diagnostics& d,
                        const sql::Dialect& dialect = sql::default_dialect()) {
    Schema s;
    if (!yaml.empty()) load_yaml_text(name, yaml, s, d);
    analyze(s, dialect.rules(), d);
    return s;
}

inline PlanText plan_text(const std::string& from_yaml, const std::string& to_yaml,
                          const sql::Dialect& dialect = sql::default_dialect()) {
    Diagnostics d;
    const Schema from = load_text("from.yaml", from_yaml, d, dialect);
    const Schema to = load_text("to.yaml", to_yaml, d, dialect);
    PlanText out;
    if (!d.has_errors()) {
        const auto plan = sql::plan_migration(dialect, from, to, d);
        out.up = migrations::format_up(plan);
        out.down = migrations::format_down(plan);
        out.empty = plan.empty();
        for (const auto& s : plan.steps) out.foreign_keys_off = out.foreign_keys_off || s.foreign_keys_off;
    }
    out.errors = render_text(d);
    return out;
}

}  // namespace schemac::test
