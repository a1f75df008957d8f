// The command-line driver: the only user of CLI11. Parses arguments and hands
// over to one function per subcommand. Exit codes: 0 ok, 1 failure, 2 usage.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "cli/command_spec.hpp"
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

// One subcommand from its spec: the options, their checks, the example line.
CLI::App* add_command(CLI::App& app, const schemac::cli::CommandSpec& spec,
                      std::map<const CLI::App*, const std::string*>& formats) {
    CLI::App* cmd = app.add_subcommand(spec.name, spec.description);
    for (const std::string& alias : spec.aliases) cmd->alias(alias);
    for (const schemac::cli::OptionSpec& o : spec.options) {
        CLI::Option* opt = std::visit(
            [&](auto* target) -> CLI::Option* {
                if constexpr (std::is_same_v<decltype(target), bool*>) return cmd->add_flag(o.names, *target, o.help);
                else return cmd->add_option(o.names, *target, o.help);
            },
            o.target);
        if (o.required) opt->required();
        if (!o.choices.empty()) opt->check(CLI::IsMember(o.choices));
        if (o.range) opt->check(CLI::Range(o.range->first, o.range->second));
        if (!o.excludes.empty()) opt->excludes(o.excludes);
    }
    if (spec.format != nullptr) add_format_option(cmd, *spec.format, formats);
    cmd->footer("Example: " + spec.example);
    return cmd;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace schemac::cli;
    // Named here, not taken from argv[0], so that usage lines read `schemac check`.
    CLI::App app{"schemac: PostgreSQL schema as code", "schemac"};
    app.set_version_flag("--version", SCHEMAC_VERSION);
    app.require_subcommand(1);
    std::map<const CLI::App*, const std::string*> formats;

    // The commands declare themselves (cli/command_spec.hpp), in the order --help lists them.
    std::vector<CommandSpec> specs = {init_command(),   check_command(),    show_command(),     plan_command(),
                                      diff_command(),   new_command(),      hash_command(),     status_command(),
                                      apply_command(),  rollback_command(), repair_command(),   baseline_command(),
                                      inspect_command(), import_command(),  verify_command(),   generate_command()};
    std::vector<std::pair<CLI::App*, const CommandSpec*>> commands;
    for (const CommandSpec& spec : specs) commands.emplace_back(add_command(app, spec, formats), &spec);

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

    help_cmd->footer("Example: schemac help diff");
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
        for (const auto& [cmd, spec] : commands)
            if (*cmd) return spec->run();
    } catch (const std::exception& e) {
        const auto chosen = formats.find(app.get_subcommands().front());
        return report_error(chosen == formats.end() ? "text" : *chosen->second, "failure", e.what(), kFailure);
    }
    return kUsage;
}
