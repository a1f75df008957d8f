// `schemac check`: load, validate, report. Diagnostics go to stderr (text) or
// stdout (json); the one-line summary of a valid schema goes to stdout.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "cli/env_seeds.hpp"
#include "cli/json_output.hpp"
#include "cli/migration_dir.hpp"
#include "cli/project.hpp"
#include "cli/summary.hpp"
#include "codegen/view_model.hpp"
#include "load/loader.hpp"
#include "migrations/format.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

namespace {

// Is the committed migration history in line with the YAML? Fails, naming what
// to run, when a migration is missing, a file was edited, or schemac.sum is stale.
void check_migrations(const sql::Dialect& dialect, const std::string& dir, const Schema& schema, Diagnostics& diags) {
    const std::size_t errors_before = diags.error_count();
    MigrationState st = load_migration_state(dir, diags);
    if (diags.error_count() > errors_before || !st.exists) return;
    const sql::Plan plan = sql::plan_migration(dialect, st.snapshot, schema, diags);
    if (plan.empty()) return;
    const int last = st.history.last_version();
    const std::string what = last == 0 ? "no migration holds the schema yet (" + std::to_string(plan.steps.size()) + " step(s))"
                                       : "the schema differs from the last migration (version " + std::to_string(last) + ") in " +
                                             std::to_string(plan.steps.size()) + " step(s)";
    auto& d = diags.error({std::make_shared<const std::string>(dir), 0, 0}, "migration-missing",
                          what + "; run: schemac diff -m \"<what changed>\"");
    for (const auto& step : plan.steps) Diagnostics::add_note(d, {std::make_shared<const std::string>(dir), 0, 0}, "not yet migrated: " + step.summary);
}

// The names `generate` refuses (two that become one C++ name or file after
// sanitising, a table whose file is the schema's enums.hpp or queries.hpp),
// checked whenever the project generates C++ (schemac.yaml has a `codegen:`
// section or its output directory exists), so that check never passes what
// generate then rejects, and whether or not the migrations are current.
void check_cpp_names(const Project& project, const Schema& schema, Diagnostics& diags) {
    if (!project.config.codegen_given && !std::filesystem::is_directory(project.codegen_out)) return;
    codegen::GenerateOptions options;
    options.cpp_namespace = project.config.codegen_namespace;
    options.dialect = project.dialect;
    codegen::build_view_model(schema, options, diags);
}

// Is the committed generated C++ (codegen.out, default generated/cpp) what
// `schemac generate` would write now? Checked when that directory exists, from
// the schema check loaded; as `generate --check`, so the migrations check_migrations
// compared are not planned a second time.
void check_generated(const std::string& config, const Schema& schema, Diagnostics& diags) {
    GenerateCommand cmd;
    cmd.config = config;
    cmd.check = true;
    if (!resolve_generate(cmd, diags) || !std::filesystem::is_directory(cmd.out)) return;
    auto files = generate_files(cmd, schema, diags);
    if (!files) return;
    const GenerateStatus st = compare_generated(cmd.out, *files);
    if (st.fresh()) return;
    const SourcePos at{std::make_shared<const std::string>(cmd.out), 0, 0};
    auto& d = diags.error(at, "generated-stale", "the generated C++ is stale; run: schemac generate");
    for (const auto& p : st.missing) Diagnostics::add_note(d, at, "missing: " + p);
    for (const auto& p : st.changed) Diagnostics::add_note(d, at, "out of date: " + p);
    for (const auto& p : st.extra) Diagnostics::add_note(d, at, "no longer generated: " + p);
}

}  // namespace

int run_check(const CheckOptions& opts) {
    Diagnostics diags;
    LoadStats stats;
    const Project project = resolve_project({opts.config, opts.paths, opts.migrations, ""}, diags);
    const Schema schema = diags.has_errors() ? Schema{} : load_schema(project.schema_paths, project.dialect->rules(), diags, &stats);
    // The migrations and the generated C++ belong to the project's schema: they
    // are checked when that is what is checked, however its path was spelt.
    // Name clashes and missing migrations are independent: both are reported.
    const bool schema_valid = !diags.has_errors();
    if (project.project_schema && schema_valid) check_cpp_names(project, schema, diags);
    if (project.project_schema && schema_valid) check_seed_environments(schema, project.config, diags);
    std::string dir = opts.migrations;
    if (dir.empty() && project.project_schema && std::filesystem::is_directory(project.migrations_dir)) dir = project.migrations_dir;
    if (!dir.empty() && schema_valid) check_migrations(*project.dialect, dir, schema, diags);
    // In the project's own spelling: the generated banners name the YAML files.
    if (project.project_schema && !diags.has_errors()) check_generated(opts.config, schema, diags);
    if (opts.format == "json") {
        std::cout << json::diagnostics(diags);
    } else {
        std::cerr << render_text(diags);
        if (diags.has_errors())
            std::cerr << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors") << " found\n";
        else
            std::cout << summary_line(schema, stats.files) << ": ok\n";
    }
    return diags.has_errors() ? kFailure : kOk;
}

CommandSpec check_command() {
    auto o = std::make_shared<CheckOptions>();
    CommandSpec c{"check", "Validate the YAML schema and report every problem", "schemac check --format json schema/", {}, {},
                  &o->format, [o] { return run_check(*o); }};
    c.options = {
        {"paths", "Schema files or directories (default: the project's, see docs/config.md)", &o->paths},
        {"--config", kConfigHelp, &o->config},
        {"--migrations", "Migrations directory to check against (default: the project's, when its schema is checked)", &o->migrations},
    };
    return c;
}

}  // namespace schemac::cli
