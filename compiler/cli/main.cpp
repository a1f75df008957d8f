// The command-line driver: the only user of CLI11. Parses arguments and hands
// over to one function per subcommand. Exit codes: 0 ok, 1 failure, 2 usage.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/editor_support.hpp"
#include "cli/json_output.hpp"
#include "diag/diagnostics.hpp"

#ifndef SCHEMAC_VERSION
#define SCHEMAC_VERSION "0.0.0"
#endif

namespace {

// `schemac check`, `schemac`: how a command is named in messages.
std::string command_path(const CLI::App& cmd) {
    return cmd.get_parent() == nullptr ? cmd.get_name() : command_path(*cmd.get_parent()) + " " + cmd.get_name();
}

// Every name a subcommand answers to, aliases included, in definition order.
std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) {
        names.push_back(sub->get_name());
        names.insert(names.end(), sub->get_aliases().begin(), sub->get_aliases().end());
    }
    return names;
}

// The commands and their options as completion scripts list them, read from
// the app itself so that they cannot differ from what parses. `arguments`: the
// words a command's positional argument takes, where it is a closed set.
std::vector<schemac::cli::CompletionCommand> completion_commands(
    const CLI::App& app, const std::map<std::string, std::vector<std::string>>& arguments) {
    std::vector<schemac::cli::CompletionCommand> out;
    for (const CLI::App* sub : app.get_subcommands({})) {
        schemac::cli::CompletionCommand cmd{sub->get_name(), sub->get_description(), {}, {}};
        for (const CLI::Option* opt : sub->get_options()) {
            if (!opt->nonpositional()) continue;
            schemac::cli::CompletionOption o{{}, opt->get_description(), opt->get_type_size() != 0};
            for (const std::string& name : opt->get_snames()) o.names.push_back("-" + name);
            for (const std::string& name : opt->get_lnames()) o.names.push_back("--" + name);
            cmd.options.push_back(std::move(o));
        }
        if (const auto it = arguments.find(cmd.name); it != arguments.end()) cmd.arguments = it->second;
        out.push_back(cmd);
        for (const std::string& alias : sub->get_aliases()) {
            out.push_back(cmd);
            out.back().name = alias;
        }
    }
    return out;
}

const CLI::App* find_command(const CLI::App& app, const std::string& name) {
    for (const CLI::App* sub : app.get_subcommands({}))
        if (sub->check_name(name)) return sub;
    return nullptr;
}

int unknown_command(const CLI::App& app, const std::string& word) {
    std::cerr << "schemac: error: unknown command '" << word << "'";
    const std::vector<std::string> names = command_names(app);
    if (const std::string near = schemac::closest_match(word, names); !near.empty()) {
        std::cerr << "; did you mean '" << near << "'?\n";
    } else {
        std::cerr << "; the commands are";
        for (std::size_t i = 0; i < names.size(); ++i) std::cerr << (i == 0 ? " " : ", ") << names[i];
        std::cerr << '\n';
    }
    return schemac::cli::kUsage;
}

int unknown_option(const CLI::App& cmd, const std::string& arg) {
    const std::string option = arg.substr(0, arg.find('='));   // --formt=json
    std::cerr << "schemac: error: unknown option '" << option << "' for '" << command_path(cmd) << "'";
    std::vector<std::string> names;
    for (const CLI::Option* opt : cmd.get_options())
        for (const std::string& name : opt->get_lnames()) names.push_back("--" + name);
    // Only long options are matched: any one-letter typo is one edit from any short option.
    const std::string near = option.starts_with("--") ? schemac::closest_match(option, names) : "";
    if (!near.empty()) std::cerr << "; did you mean '" << near << "'?\n";
    else std::cerr << "; see '" << command_path(cmd) << " --help'\n";
    return schemac::cli::kUsage;
}

// CLI11 reports a mistyped command as "A subcommand is required" and a
// mistyped option as a bare "not expected" (or not at all, when a required
// option is missing too): the words it could not place stay in remaining() of
// the command they were given to. The first such word that looks like a
// command or an option is explained here; other errors are left to CLI11.
std::optional<int> explain_unplaced(const CLI::App& app) {
    for (const CLI::App* cmd = &app; cmd != nullptr;) {
        for (const std::string& arg : cmd->remaining()) {
            if (arg.size() > 1 && arg[0] == '-' && arg != "--") return unknown_option(*cmd, arg);
            if (cmd == &app && app.get_subcommands().empty()) return unknown_command(app, arg);
        }
        const auto chosen = cmd->get_subcommands();
        cmd = chosen.empty() ? nullptr : chosen.front();
    }
    return std::nullopt;
}

// --format text|json, and --json for --format json: one definition, so that
// every command that prints results offers the same choice. `formats`: each
// command's chosen format, for errors that reach main().
void add_format_option(CLI::App* cmd, std::string& format, std::map<const CLI::App*, const std::string*>& formats) {
    auto* opt = cmd->add_option("--format", format, "Output format: text or json (one JSON document on stdout)")
                    ->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag_callback("--json", [&format] { format = "json"; }, "Same as --format json")->excludes(opt);
    formats[cmd] = &format;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace schemac::cli;
    // Named here, not taken from argv[0], so that usage lines read `schemac check`.
    CLI::App app{"schemac: PostgreSQL schema as code", "schemac"};
    app.set_version_flag("--version", SCHEMAC_VERSION);
    app.require_subcommand(1);
    std::map<const CLI::App*, const std::string*> formats;

    InitCommand init;
    auto* init_cmd = app.add_subcommand("init", "Start a project: schemac.yaml, an example schema/, migrations/ (overwrites nothing)");
    init_cmd->add_option("dir", init.dir, "Directory of the new project (default: the current directory; created if missing)");
    add_format_option(init_cmd, init.format, formats);

    CheckOptions check;
    auto* check_cmd = app.add_subcommand("check", "Validate the YAML schema and report every problem");
    check_cmd->add_option("paths", check.paths, "Schema files or directories (default: the project's, see docs/config.md)");
    check_cmd->add_option("--config", check.config, "Project config file (default: the nearest schemac.yaml)");
    add_format_option(check_cmd, check.format, formats);

    ShowOptions show;
    auto* show_cmd = app.add_subcommand("show", "Print what the schema contains");
    show_cmd->add_option("paths", show.paths, "Schema files or directories (default: the project's)");
    show_cmd->add_option("--config", show.config, "Project config file (default: the nearest schemac.yaml)");
    add_format_option(show_cmd, show.format, formats);

    PlanOptions plan;
    auto* plan_cmd = app.add_subcommand("plan", "Print the SQL that turns one schema into another (writes nothing)");
    plan_cmd->add_option("--from", plan.from, "Schema to start from: YAML file or directory, or a database URL (omit for an empty database; omit both for the last migration to the project's schema)");
    plan_cmd->add_option("--to", plan.to, "Schema to arrive at: YAML file or directory, or a database URL (omit for an empty database)");
    plan_cmd->add_option("--config", plan.config, "Project config file, for plan without --from and --to");
    plan_cmd->add_flag("--down", plan.down, "Print the reverse (rollback) SQL instead");
    plan_cmd->add_flag("--allow-destructive", plan.allow_destructive, "Print steps that lose data too");
    add_format_option(plan_cmd, plan.format, formats);

    DiffOptions diff;
    auto* diff_cmd = app.add_subcommand("diff", "Write the next migration: the difference between the YAML schema and the last migration");
    diff_cmd->add_option("-m,--message", diff.message, "What the migration does (becomes its file name)")->required();
    diff_cmd->add_option("paths", diff.paths, "Schema files or directories (default: the project's)");
    diff_cmd->add_option("--dir", diff.dir, "Migrations directory (default: the project's)");
    diff_cmd->add_option("--config", diff.config, "Project config file (default: the nearest schemac.yaml)");
    diff_cmd->add_flag("--dry-run", diff.dry_run, "Print the plan and the SQL, write nothing");
    diff_cmd->add_flag("--allow-destructive", diff.allow_destructive, "Allow changes that lose data");
    diff_cmd->add_flag("--redo", diff.redo, "Replace the newest migration (written by diff, applied nowhere) with a fresh diff");
    add_format_option(diff_cmd, diff.format, formats);
    check_cmd->add_option("--migrations", check.migrations, "Migrations directory to check against (default: the project's, when its schema is checked)");

    NewCommand new_migration;
    auto* new_cmd = app.add_subcommand("new", "Write the next migration empty, for hand-written SQL (data transformations)");
    new_cmd->add_option("-m,--message", new_migration.message, "What the migration does (becomes its file name)")->required();
    new_cmd->add_option("--dir", new_migration.dir, "Migrations directory (default: the project's)");
    new_cmd->add_option("--config", new_migration.config, "Project config file (default: the nearest schemac.yaml)");
    new_cmd->add_flag("--no-transaction", new_migration.no_transaction, "Run it statement by statement, outside a transaction");
    add_format_option(new_cmd, new_migration.format, formats);

    std::string hash_dir, hash_config, hash_format = "text";
    auto* hash_cmd = app.add_subcommand("hash", "Rewrite schemac.sum after a deliberate edit of a migration no database has applied");
    hash_cmd->add_option("--dir", hash_dir, "Migrations directory (default: the project's)");
    hash_cmd->add_option("--config", hash_config, "Project config file (default: the nearest schemac.yaml)");
    add_format_option(hash_cmd, hash_format, formats);

    // The database commands: one set of connection options each.
    // `runner`: the options of commands that read the migrations and may take the lock.
    auto add_database_options = [&formats](CLI::App* cmd, DatabaseOptions& db, bool runner = true) {
        cmd->add_option("--db", db.db, "Database URL or libpq conninfo (else --env, SCHEMAC_DATABASE_URL, DATABASE_URL)");
        cmd->add_option("--env", db.env, "Environment from schemac.yaml (dev, production, ...)");
        cmd->add_option("--config", db.config, "Project config file (default: the nearest schemac.yaml)");
        add_format_option(cmd, db.format, formats);
        if (!runner) return;
        cmd->add_option("--dir", db.dir, "Migrations directory (default: the project's)");
        cmd->add_option("--lock-timeout", db.lock_timeout, "How long to wait for another runner, e.g. 60s, 500ms, 2m (default 60s)");
    };
    DatabaseOptions status;
    auto* status_cmd = app.add_subcommand("status", "Show applied, pending and modified migrations and the current version");
    add_database_options(status_cmd, status);

    ApplyCommand apply;
    auto* apply_cmd = app.add_subcommand("apply", "Apply pending migrations in order (alias: migrate)");
    apply_cmd->alias("migrate");
    add_database_options(apply_cmd, apply.db);
    apply_cmd->add_option("--target", apply.target, "Stop after this version")->check(CLI::Range(1, 1 << 30));
    apply_cmd->add_flag("--dry-run", apply.dry_run, "Print what would run, change nothing");
    apply_cmd->add_flag("--allow-out-of-order", apply.allow_out_of_order, "Apply pending versions below the highest applied one");
    apply_cmd->add_flag("--resume", apply.resume, "Continue a failed non-transactional migration at its failed statement");
    apply_cmd->add_flag("--verify", apply.verify, "Afterwards, check the database for drift (as `schemac verify`)");

    RollbackCommand rollback;
    auto* rollback_cmd = app.add_subcommand("rollback", "Run .down.sql files of applied migrations, newest first");
    add_database_options(rollback_cmd, rollback.db);
    auto* steps_opt = rollback_cmd->add_option("--steps", rollback.steps, "How many migrations to roll back (default 1)")
                          ->check(CLI::Range(1, 1 << 30));
    rollback_cmd->add_option("--target", rollback.target, "Roll back every migration above this version (0: all)")
        ->excludes(steps_opt)
        ->check(CLI::Range(0, 1 << 30));
    rollback_cmd->add_flag("--dry-run", rollback.dry_run, "Print what would run, change nothing");
    rollback_cmd->add_flag("--allow-destructive", rollback.allow_destructive, "Run down files that lose data");

    RepairCommand repair;
    auto* repair_cmd = app.add_subcommand("repair", "Bring the history in line with the files after a deliberate edit or a failed migration");
    add_database_options(repair_cmd, repair.db);
    repair_cmd->add_flag("--dry-run", repair.dry_run, "Show what would change, change nothing");
    repair_cmd->add_option("--mark-applied", repair.mark_applied, "A failed migration you finished by hand: record it as applied");
    repair_cmd->add_option("--forget", repair.forget, "A failed migration you undid by hand: remove its row so apply runs it again");

    BaselineCommand baseline;
    auto* baseline_cmd = app.add_subcommand("baseline", "Mark an existing database as being at a version without running anything");
    add_database_options(baseline_cmd, baseline.db);
    baseline_cmd->add_option("--version", baseline.version, "The version the database is at")->required()->check(CLI::Range(1, 1 << 30));
    baseline_cmd->add_flag("--dry-run", baseline.dry_run, "Show what would be recorded, change nothing");

    InspectCommand inspect;
    auto* inspect_cmd = app.add_subcommand("inspect", "Print a live database's schema as schemac YAML");
    add_database_options(inspect_cmd, inspect.db, false);
    inspect_cmd->add_option("--schema", inspect.schemas, "Only this PostgreSQL schema (repeatable)");

    InspectCommand import;
    auto* import_cmd = app.add_subcommand("import", "Write a live database's schema as YAML files, one per table, to adopt it");
    add_database_options(import_cmd, import.db, false);
    import_cmd->add_option("--schema", import.schemas, "Only this PostgreSQL schema (repeatable)");
    import_cmd->add_option("--out", import.out, "Directory to write (must be new or empty)")->required();

    DatabaseOptions verify;
    auto* verify_cmd = app.add_subcommand("verify", "Check a database for drift from its migrations (exit 3 on drift)");
    add_database_options(verify_cmd, verify);

    GenerateCommand generate;
    auto* generate_cmd = app.add_subcommand("generate", "Write the typed C++ of the schema: row structs, DAOs, named queries, embedded migrations");
    generate_cmd->add_option("paths", generate.paths, "Schema files or directories (default: from schemac.yaml, else schema/)");
    generate_cmd->add_option("--out", generate.out, "Output directory (default: codegen.out of schemac.yaml, else generated/cpp)");
    generate_cmd->add_option("--namespace", generate.cpp_namespace, "Outer C++ namespace (default: codegen.namespace, else db)");
    generate_cmd->add_option("--templates", generate.templates, "Directory of NAME.mustache files replacing the built-in templates");
    auto* embed_opt = generate_cmd->add_option("--migrations", generate.migrations,
                                               "Migrations directory to embed (default: the project's, if it exists)");
    generate_cmd->add_flag("--no-migrations", generate.no_migrations, "Embed no migrations")->excludes(embed_opt);
    generate_cmd->add_option("--config", generate.config, "Project config file (default: the nearest schemac.yaml)");
    auto* gen_check = generate_cmd->add_flag("--check", generate.check, "Write nothing; fail if the output directory is stale");
    generate_cmd->add_flag("--list", generate.list, "Print the paths of the files it would write, write nothing")->excludes(gen_check);
    generate_cmd->add_flag("--allow-unmigrated", generate.allow_unmigrated,
                           "Write even when the schema has changes that no migration contains");
    add_format_option(generate_cmd, generate.format, formats);

    std::string schema_json_kind = "schema";
    const std::vector<std::string> schema_json_kinds = {"schema", "config"};
    auto* schema_json_cmd = app.add_subcommand("schema-json", "Print the JSON Schema of the schema files or of schemac.yaml, for editors");
    schema_json_cmd->add_option("kind", schema_json_kind, "schema (the schema files; the default) or config (schemac.yaml)")
        ->check(CLI::IsMember(schema_json_kinds));

    std::string completion_shell;
    const std::vector<std::string> shells = {"bash", "zsh", "fish"};
    auto* completion_cmd = app.add_subcommand("completion", "Print a shell completion script of the commands and their options");
    completion_cmd->add_option("shell", completion_shell, "bash, zsh or fish")->required()->check(CLI::IsMember(shells));

    std::string help_topic;
    auto* help_cmd = app.add_subcommand("help", "Print the help of a command (as COMMAND --help), or this help");
    help_cmd->add_option("command", help_topic, "The command to explain");

    init_cmd->footer("Example: schemac init shop && cd shop && schemac check");
    check_cmd->footer("Example: schemac check --format json schema/");
    show_cmd->footer("Example: schemac show schema/");
    plan_cmd->footer("Example: schemac plan --from postgres://localhost/shop --to schema/");
    diff_cmd->footer("Example: schemac diff -m \"add orders\"");
    status_cmd->footer("Example: schemac status --env dev");
    apply_cmd->footer("Example: schemac apply --env production --dry-run");
    rollback_cmd->footer("Example: schemac rollback --steps 2 --dry-run");
    repair_cmd->footer("Example: schemac repair --forget 3 --env dev");
    baseline_cmd->footer("Example: schemac baseline --version 12 --db postgres://localhost/shop");
    inspect_cmd->footer("Example: schemac inspect --db postgres://localhost/shop --schema public");
    import_cmd->footer("Example: schemac import --db postgres://localhost/shop --out schema");
    verify_cmd->footer("Example: schemac verify --env production");
    generate_cmd->footer("Example: schemac generate --out generated/cpp --namespace shop");
    help_cmd->footer("Example: schemac help diff");
    new_cmd->footer("Example: schemac new -m \"backfill order totals\" --no-transaction");
    hash_cmd->footer("Example: schemac hash --dir generated/migrations");
    schema_json_cmd->footer("Example: schemac schema-json config > schemac-config.schema.json");
    completion_cmd->footer("Example: schemac completion bash > ~/.local/share/bash-completion/completions/schemac");

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (const auto code = explain_unplaced(app)) return *code;
        app.exit(e);
        return kUsage;
    }
    if (*help_cmd) {
        if (help_topic.empty()) {
            // Not app.help(): that would explain the chosen subcommand, `help` itself.
            std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
            return kOk;
        }
        const CLI::App* topic = find_command(app, help_topic);
        if (topic == nullptr) return unknown_command(app, help_topic);
        std::cout << topic->help(app.get_name());   // what `schemac TOPIC --help` prints
        return kOk;
    }
    if (*schema_json_cmd) return run_schema_json(schema_json_kind);
    if (*completion_cmd) {
        std::cout << completion_script(completion_shell, completion_commands(app, {{"help", command_names(app)},
                                                                                  {"completion", shells},
                                                                                  {"schema-json", schema_json_kinds}}));
        return kOk;
    }
    try {
        if (*init_cmd) return run_init(init);
        if (*check_cmd) return run_check(check);
        if (*show_cmd) return run_show(show);
        if (*plan_cmd) return run_plan(plan);
        if (*diff_cmd) return run_diff(diff);
        if (*new_cmd) return run_new(new_migration);
        if (*hash_cmd) return run_hash(hash_dir, hash_config, hash_format);
        if (*status_cmd) return run_status(status);
        if (*apply_cmd) return run_apply(apply);
        if (*rollback_cmd) return run_rollback(rollback);
        if (*repair_cmd) return run_repair(repair);
        if (*baseline_cmd) return run_baseline(baseline);
        if (*inspect_cmd) return run_inspect(inspect);
        if (*import_cmd) return run_import(import);
        if (*verify_cmd) return run_verify(verify);
        if (*generate_cmd) return run_generate(generate);
    } catch (const std::exception& e) {
        const auto chosen = formats.find(app.get_subcommands().front());
        return report_error(chosen == formats.end() ? "text" : *chosen->second, "failure", e.what(), kFailure);
    }
    return kUsage;
}
