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
};

inline Schema load_text(const std::string& name, const std::string& yaml, Diagnostics& d) {
    Schema s;
    if (!yaml.empty()) load_yaml_text(name, yaml, s, d);
    analyze(s, schemac::sql::postgres::rules(), d);
    return s;
}

inline PlanText plan_text(const std::string& from_yaml, const std::string& to_yaml) {
    Diagnostics d;
    const Schema from = load_text("from.yaml", from_yaml, d);
    const Schema to = load_text("to.yaml", to_yaml, d);
    PlanText out;
    if (!d.has_errors()) {
        const auto plan = sql::plan_migration(sql::default_dialect(), from, to, d);
        out.up = migrations::format_up(plan);
        out.down = migrations::format_down(plan);
        out.empty = plan.empty();
    }
    out.errors = render_text(d);
    return out;
}

}  // namespace schemac::test
