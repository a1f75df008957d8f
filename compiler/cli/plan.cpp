// `schemac plan --from SRC --to SRC [--down] [--allow-destructive]`: the SQL
// that turns one schema into another, on stdout, writing nothing. A source is
// YAML or a live database. Nothing at all when they are equal.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/sources.hpp"
#include "diff/diff.hpp"
#include "migrations/format.hpp"
#include "schemac/runner.hpp"
#include "sql/postgres/render.hpp"

namespace schemac::cli {

namespace {

// With one side live and the other YAML, the YAML is first put into the form
// PostgreSQL stores, so only real differences show.
void load_pair(const PlanOptions& opts, Source& from, Source& to, Diagnostics& diags) {
    SourceOptions so;
    if (!opts.from.empty()) from = load_source(opts.from, so, diags);
    if (!opts.to.empty()) to = load_source(opts.to, so, diags);
    if (diags.has_errors()) return;
    make_comparable(from, to, diags);
}

}  // namespace

int run_plan(const PlanOptions& opts) {
    Diagnostics diags;
    Source from, to;
    try {
        load_pair(opts, from, to, diags);
    } catch (const RunnerError& e) {
        std::cerr << render_text(diags) << "schemac: error: " << e.what() << '\n';
        return e.kind == RunnerErrorKind::connection ? kCannotConnect : e.kind == RunnerErrorKind::invalid_conninfo ? kUsage : kFailure;
    }
    if (diags.has_errors()) {
        std::cerr << render_text(diags);
        return kFailure;
    }
    const auto changes = diff::diff_schemas(from.schema, to.schema, diags);
    std::cerr << render_text(diags);
    if (diags.has_errors()) return kFailure;
    const sql::Plan plan = sql::postgres::render_plan(changes);
    if (plan.empty()) return kOk;
    std::size_t destructive = 0;
    for (const auto& s : plan.steps) destructive += (opts.down ? s.down_destructive : s.destructive) ? 1 : 0;
    if (destructive > 0 && !opts.allow_destructive) {
        std::cerr << migrations::format_summary(plan) << "schemac: refusing: " << destructive
                  << (destructive == 1 ? " change loses" : " changes lose")
                  << " data (data-loss above); check that this is intended and rerun with --allow-destructive\n";
        return kFailure;
    }
    std::cout << (opts.down ? migrations::format_down(plan) : migrations::format_up(plan));
    return kOk;
}

}  // namespace schemac::cli
