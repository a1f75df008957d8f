// `schemac check`: load, validate, report. Diagnostics go to stderr (text) or
// stdout (json); the one-line summary of a valid schema goes to stdout.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/migration_dir.hpp"
#include "cli/summary.hpp"
#include "diff/diff.hpp"
#include "load/loader.hpp"
#include "migrations/format.hpp"
#include "sql/postgres/render.hpp"

namespace schemac::cli {

namespace {

// Is the committed migration history in line with the YAML? Fails, naming what
// to run, when a migration is missing, a file was edited, or schemac.sum is stale.
void check_migrations(const std::string& dir, const Schema& schema, Diagnostics& diags) {
    MigrationState st = load_migration_state(dir, diags);
    if (diags.has_errors() || !st.exists) return;
    const auto changes = diff::diff_schemas(st.snapshot, schema, diags);
    if (changes.empty()) return;
    const auto plan = sql::postgres::render_plan(changes);
    auto& d = diags.error({std::make_shared<const std::string>(dir), 0, 0}, "migration-missing",
                          "the schema differs from the last migration (version " + std::to_string(st.history.last_version()) +
                              ") in " + std::to_string(plan.steps.size()) + " step(s); run: schemac diff -m \"<what changed>\"");
    for (const auto& step : plan.steps) Diagnostics::add_note(d, {std::make_shared<const std::string>(dir), 0, 0}, "not yet migrated: " + step.summary);
}

}  // namespace

int run_check(const CheckOptions& opts) {
    Diagnostics diags;
    LoadStats stats;
    const Schema schema = load_schema(opts.paths, diags, &stats);
    std::string dir = opts.migrations;
    if (dir.empty() && opts.paths == std::vector<std::string>{"schema"} && std::filesystem::is_directory("generated/migrations"))
        dir = "generated/migrations";
    if (!dir.empty() && !diags.has_errors()) check_migrations(dir, schema, diags);
    if (opts.format == "json") {
        std::cout << render_json(diags);
    } else {
        std::cerr << render_text(diags);
        if (diags.has_errors())
            std::cerr << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors") << " found\n";
        else
            std::cout << summary_line(schema, stats.files) << ": ok\n";
    }
    return diags.has_errors() ? kFailure : kOk;
}

}  // namespace schemac::cli
