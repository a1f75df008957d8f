// `schemac plan --from SRC --to SRC [--down] [--allow-destructive]`: the SQL
// that turns one schema into another, on stdout, writing nothing. A source is
// YAML or a live database. Nothing on stdout when they are equal. With neither
// --from nor --to: the newest migration's snapshot to the project's schema,
// the migration `schemac diff` would write next.
#include <iostream>
#include <memory>

#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/migration_dir.hpp"
#include "cli/project.hpp"
#include "cli/summary.hpp"
#include "cli/sources.hpp"
#include "load/loader.hpp"
#include "migrations/format.hpp"
#include "schemac/migrate/runner.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

namespace {

// The project's dialect; SQLite's when a side is an SQLite file and there is
// no schemac.yaml (schemac plan --from app.db --to schema/).
const sql::Dialect* planning_dialect(const PlanOptions& opts, const Project& project) {
    const bool says = !project.config.path.empty();
    for (const std::string* side : {&opts.from, &opts.to})
        if (!side->empty() && is_database_source(*side))
            if (const sql::Dialect* d = database_dialect(project.dialect, says, *side); d != project.dialect) return d;
    return project.dialect;
}

// With one side live and the other YAML, the YAML is first put into the form
// PostgreSQL stores, so only real differences show.
void load_pair(const PlanOptions& opts, const Project& project, Source& from, Source& to, Diagnostics& diags) {
    if (opts.from.empty() && opts.to.empty()) {
        from.name = project.migrations_dir;
        from.schema = load_migration_state(project.migrations_dir, diags).snapshot;
        to.name = "the schema";
        to.schema = load_schema(project.schema_paths, project.dialect->rules(), diags);
        return;
    }
    SourceOptions so;
    so.dialect = planning_dialect(opts, project);
    if (!opts.from.empty()) from = load_source(opts.from, so, diags);
    if (!opts.to.empty()) to = load_source(opts.to, so, diags);
    if (diags.has_errors()) return;
    make_comparable(from, to, diags);
}

}  // namespace

int run_plan(const PlanOptions& opts) {
    Diagnostics diags;
    // Read once: the project's dialect plans whatever the two schemas are; without
    // --from and --to, its migrations and schema are the two.
    const Project project = resolve_project({opts.config, {}, "", ""}, diags);
    if (diags.has_errors()) return report_failure(opts.format, diags, "the project config has errors");
    Source from, to;
    try {
        load_pair(opts, project, from, to, diags);
    } catch (const RunnerError& e) {
        std::cerr << render_text(diags);
        const int code = e.kind == RunnerErrorKind::connection ? kCannotConnect : e.kind == RunnerErrorKind::invalid_conninfo ? kUsage : kFailure;
        return report_error(opts.format, code == kCannotConnect ? "connection" : code == kUsage ? "usage" : "failure", e.what(), code);
    }
    if (diags.has_errors()) return report_failure(opts.format, diags, "a schema to compare has errors");
    const sql::Plan plan = sql::plan_migration(*planning_dialect(opts, project), from.schema, to.schema, diags);
    if (diags.has_errors()) return report_failure(opts.format, diags, "the schemas cannot be compared");
    std::cerr << render_text(diags);
    const bool as_json = opts.format == "json";
    json::PlanReport report;
    report.plan = &plan;
    report.down = opts.down;
    if (plan.empty()) {
        if (opts.from.empty() && opts.to.empty()) std::cerr << "schemac: no changes: the schema matches the last migration in " << from.name << '\n';
        if (as_json) std::cout << json::plan(report);
        return kOk;
    }
    std::size_t destructive = 0;
    for (const auto& s : plan.steps) destructive += (opts.down ? s.down_destructive : s.destructive) ? 1 : 0;
    if (destructive > 0 && !opts.allow_destructive) {
        std::cerr << migrations::format_summary(plan) << "schemac: refusing: " << refusal(destructive, " (data-loss above)") << '\n';
        // The steps still, so that a pull request comment can show what would be lost.
        report.refused = refusal(destructive);
        if (as_json) std::cout << json::plan(report);
        return kFailure;
    }
    if (as_json) std::cout << json::plan(report);
    else std::cout << (opts.down ? migrations::format_down(plan) : migrations::format_up(plan));
    return kOk;
}

CommandSpec plan_command() {
    auto o = std::make_shared<PlanOptions>();
    CommandSpec c{"plan", "Print the SQL that turns one schema into another (writes nothing)",
                  "schemac plan --from postgres://localhost/shop --to schema/", {}, {}, &o->format, [o] { return run_plan(*o); }};
    c.options = {
        {"--from", "Schema to start from: YAML file or directory, or a database URL (omit for an empty database; omit both for "
                   "the last migration to the project's schema)", &o->from},
        {"--to", "Schema to arrive at: YAML file or directory, or a database URL (omit for an empty database)", &o->to},
        {"--config", "Project config file, for plan without --from and --to", &o->config},
        {"--down", "Print the reverse (rollback) SQL instead", &o->down},
        {"--allow-destructive", "Print steps that lose data too", &o->allow_destructive},
    };
    return c;
}

}  // namespace schemac::cli
