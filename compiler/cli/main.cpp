// The command-line driver: the only user of CLI11. Parses arguments and hands
// over to one function per subcommand. Exit codes: 0 ok, 1 failure, 2 usage.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "cli/commands.hpp"

#ifndef SCHEMAC_VERSION
#define SCHEMAC_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
    using namespace schemac::cli;
    CLI::App app{"schemac: PostgreSQL schema as code"};
    app.set_version_flag("--version", SCHEMAC_VERSION);
    app.require_subcommand(1);

    CheckOptions check;
    auto* check_cmd = app.add_subcommand("check", "Validate the YAML schema and report every problem");
    check_cmd->add_option("paths", check.paths, "Schema files or directories (default: schema/)");
    check_cmd->add_option("--format", check.format, "Diagnostics format")->check(CLI::IsMember({"text", "json"}));

    ShowOptions show;
    auto* show_cmd = app.add_subcommand("show", "Print what the schema contains");
    show_cmd->add_option("paths", show.paths, "Schema files or directories (default: schema/)");

    PlanOptions plan;
    auto* plan_cmd = app.add_subcommand("plan", "Print the SQL that turns one schema into another (writes nothing)");
    plan_cmd->add_option("--from", plan.from, "Schema to start from (YAML file or directory; omit for an empty database)");
    plan_cmd->add_option("--to", plan.to, "Schema to arrive at (YAML file or directory; omit for an empty database)");
    plan_cmd->add_flag("--down", plan.down, "Print the reverse (rollback) SQL instead");

    DiffOptions diff;
    auto* diff_cmd = app.add_subcommand("diff", "Write the next migration: the difference between the YAML schema and the last migration");
    diff_cmd->add_option("-m,--message", diff.message, "What the migration does (becomes its file name)")->required();
    diff_cmd->add_option("paths", diff.paths, "Schema files or directories (default: schema/)");
    diff_cmd->add_option("--dir", diff.dir, "Migrations directory")->capture_default_str();
    diff_cmd->add_flag("--dry-run", diff.dry_run, "Print the plan and the SQL, write nothing");
    diff_cmd->add_flag("--allow-destructive", diff.allow_destructive, "Allow changes that lose data");
    check_cmd->add_option("--migrations", check.migrations, "Migrations directory to check against (default: generated/migrations if present)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsage;
    }
    try {
        if (check.paths.empty()) check.paths = {"schema"};
        if (show.paths.empty()) show.paths = {"schema"};
        if (*check_cmd) return run_check(check);
        if (*show_cmd) return run_show(show);
        if (*plan_cmd) return run_plan(plan);
        if (diff.paths.empty()) diff.paths = {"schema"};
        if (*diff_cmd) return run_diff(diff);
    } catch (const std::exception& e) {
        std::cerr << "schemac: error: " << e.what() << '\n';
        return kFailure;
    }
    return kUsage;
}
