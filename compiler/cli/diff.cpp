// `schemac diff -m MESSAGE`: the next numbered migration from the difference
// between the YAML schema and the snapshot of the last migration.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>

#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "cli/env_seeds.hpp"
#include "cli/json_output.hpp"
#include "cli/migration_dir.hpp"
#include "cli/project.hpp"
#include "cli/summary.hpp"
#include "cli/redo.hpp"
#include "load/loader.hpp"
#include "migrations/format.hpp"
#include "migrations/history.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

namespace {

// The migrations among `files` ("0003_add_orders.up.sql" and its .down.sql), as paths in `dir`.
std::vector<json::MigrationFiles> migrations_in(const std::string& dir, const std::vector<migrations::OutputFile>& files) {
    std::vector<json::MigrationFiles> out;
    const std::string up = ".up.sql";
    for (const auto& f : files) {
        if (!f.name.ends_with(up)) continue;
        const std::string stem = f.name.substr(0, f.name.size() - up.size());
        const std::size_t underscore = stem.find('_');
        out.push_back({std::atoi(stem.c_str()), underscore == std::string::npos ? "" : stem.substr(underscore + 1),
                       dir + "/" + f.name, dir + "/" + stem + ".down.sql"});
    }
    return out;
}

}  // namespace

int run_diff(const DiffOptions& opts) {
    Diagnostics diags;
    const Project project = resolve_project({opts.config, opts.paths, opts.dir, ""}, diags);
    const std::string& dir = project.migrations_dir;
    const Schema target = diags.has_errors() ? Schema{} : load_schema(project.schema_paths, project.dialect->rules(), diags);
    if (!diags.has_errors()) check_seed_environments(target, project.config, diags);
    RedoState redo;   // --redo: the newest migration is left out and replaced
    MigrationState state = diags.has_errors() ? MigrationState{}
                           : opts.redo        ? load_state_for_redo(dir, redo, diags)
                                              : load_migration_state(dir, diags);
    const bool as_json = opts.format == "json";
    if (diags.has_errors()) return report_failure(opts.format, diags, "the schema or the migrations have errors");
    const sql::Plan plan = sql::plan_migration(*project.dialect, state.snapshot, target, diags);
    if (diags.has_errors()) return report_failure(opts.format, diags, "the schema cannot be compared with the last migration");
    std::cerr << render_text(diags);
    json::PlanReport report;
    report.plan = &plan;
    report.diff = true;
    report.dry_run = opts.dry_run;
    if (plan.empty() && !opts.redo) {
        std::cerr << "schemac: no changes: " << project.schema_source << " matches " << dir << " (version "
                  << state.history.last_version() << ")\n";
        if (as_json) std::cout << json::plan(report);
        return kOk;
    }
    std::cerr << migrations::format_summary(plan);
    std::size_t destructive = 0;
    for (const auto& s : plan.steps) destructive += s.destructive ? 1 : 0;
    if (destructive > 0 && !opts.allow_destructive && !opts.dry_run) {
        report.refused = refusal(destructive);
        std::cerr << "schemac: refusing: " << refusal(destructive, " (data-loss above)") << '\n';
        if (as_json) std::cout << json::plan(report);
        return kFailure;
    }
    const std::size_t files_by_lock_budget = migrations::split_into_files(plan).size();
    if (files_by_lock_budget > migrations::split_into_files(plan, SIZE_MAX).size()) {
        std::size_t locks = 0;
        for (const auto& s : plan.steps) locks += s.transactional ? migrations::estimated_locks(s) : 0;
        std::cerr << "schemac: by a high estimate the plan takes " << locks << " locks; one transaction on a default server "
                  << "(max_locks_per_transaction 64 x max_connections 100, for all sessions) should take at most "
                  << migrations::kLockBudget << ", so it is written as " << files_by_lock_budget
                  << " migrations, each applied in a transaction of its own\n";
    }
    migrations::NewMigration m{opts.message, today_utc(), SCHEMAC_VERSION, project.schema_source};
    auto files = migrations::plan_new_migration(state.history, state.files, plan, target, m);
    if (opts.redo) finish_redo(plan, files, redo);
    report.migrations = migrations_in(dir, files);
    if (opts.dry_run) {
        if (as_json) {
            std::cout << json::plan(report);
            std::cerr << "schemac: dry run: nothing written\n";
            return kOk;
        }
        for (const auto& f : files)
            if (f.name.size() > 4 && f.name.compare(f.name.size() - 4, 4, ".sql") == 0)
                std::cout << "-- file: " << dir << "/" << f.name << "\n" << f.contents << "\n";
        std::cerr << "schemac: dry run: nothing written\n";
        return kOk;
    }
    std::string error;
    if (!write_files_atomically(dir, files, opts.redo ? redo.original : state.files, error, redo.remove)) {
        return report_error(opts.format, "failure", "could not write the migration, nothing was changed: " + error, kFailure);
    }
    for (const auto& f : redo.remove)
        if (std::none_of(files.begin(), files.end(), [&](const auto& w) { return w.name == f; })) {
            std::cerr << "removed " << dir << "/" << f << "\n";
            report.removed.push_back(dir + "/" + f);
        }
    for (const auto& f : files) std::cerr << "wrote " << dir << "/" << f.name << "\n";
    report.written = true;
    if (as_json) std::cout << json::plan(report);
    return kOk;
}

CommandSpec diff_command() {
    auto o = std::make_shared<DiffOptions>();
    CommandSpec c{"diff", "Write the next migration: the difference between the YAML schema and the last migration",
                  "schemac diff -m \"add orders\"", {}, {}, &o->format, [o] { return run_diff(*o); }};
    c.options = {
        {"-m,--message", kMessageHelp, &o->message, true},
        {"paths", "Schema files or directories (default: the project's)", &o->paths},
        {"--dir", kDirHelp, &o->dir},
        {"--config", kConfigHelp, &o->config},
        {"--dry-run", "Print the plan and the SQL, write nothing", &o->dry_run},
        {"--allow-destructive", "Allow changes that lose data", &o->allow_destructive},
        {"--redo", "Replace the newest migration (written by diff, applied nowhere) with a fresh diff", &o->redo},
    };
    return c;
}

}  // namespace schemac::cli
