// `schemac plan --from SRC --to SRC [--down]`: the SQL that turns one schema
// into another, on stdout, writing nothing. Nothing at all when they are equal.
#include <iostream>

#include "cli/commands.hpp"
#include "diff/diff.hpp"
#include "load/loader.hpp"
#include "migrations/format.hpp"
#include "sql/postgres/render.hpp"

namespace schemac::cli {

int run_plan(const PlanOptions& opts) {
    Diagnostics diags;
    const Schema from = opts.from.empty() ? Schema{} : load_schema({opts.from}, diags);
    const Schema to = opts.to.empty() ? Schema{} : load_schema({opts.to}, diags);
    if (diags.has_errors()) {
        std::cerr << render_text(diags);
        return kFailure;
    }
    const auto changes = diff::diff_schemas(from, to, diags);
    std::cerr << render_text(diags);
    if (diags.has_errors()) return kFailure;
    const sql::Plan plan = sql::postgres::render_plan(changes);
    if (plan.empty()) return kOk;
    std::cout << (opts.down ? migrations::format_down(plan) : migrations::format_up(plan));
    return kOk;
}

}  // namespace schemac::cli
