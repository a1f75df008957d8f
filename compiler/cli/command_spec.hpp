// What a subcommand declares about itself: its name, help, options and what
// runs it. Plain data, so each cli/<command>.cpp declares its own options
// next to the code that uses them without including CLI11; main.cpp (the one
// translation unit that does) turns the specs into the parser.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace schemac::cli {

// Help texts several commands share, so they read alike everywhere.
inline constexpr const char* kConfigHelp = "Project config file (default: the nearest schemac.yaml)";
inline constexpr const char* kDirHelp = "Migrations directory (default: the project's)";
inline constexpr const char* kMessageHelp = "What the migration does (becomes its file name)";

struct OptionSpec {
    // Where the parsed value goes; a bool is a flag.
    using Target = std::variant<std::string*, std::vector<std::string>*, bool*, int*, std::optional<int>*, std::vector<int>*>;

    OptionSpec(std::string names_, std::string help_, Target target_, bool required_ = false,
               std::vector<std::string> choices_ = {}, std::optional<std::pair<int, int>> range_ = {},
               std::string excludes_ = {})
        : names(std::move(names_)), help(std::move(help_)), target(target_), required(required_),
          choices(std::move(choices_)), range(range_), excludes(std::move(excludes_)) {}

    std::string names;   // "-m,--message", "--dry-run", or a positional's name ("paths")
    std::string help;
    Target target;
    bool required = false;
    std::vector<std::string> choices;                // a closed set of words, when not empty
    std::optional<std::pair<int, int>> range;        // for numbers
    std::string excludes;                            // an earlier option of the command, by its names
};

struct CommandSpec {
    std::string name;
    std::string description;
    std::string example;                 // the `Example:` line of --help
    std::vector<OptionSpec> options;
    std::vector<std::string> aliases;
    std::string* format = nullptr;       // takes --format text|json (and --json) into this
    std::function<int()> run;
};

// Each declared in the file of its command.
CommandSpec init_command();
CommandSpec check_command();
CommandSpec show_command();
CommandSpec plan_command();
CommandSpec diff_command();
CommandSpec new_command();
CommandSpec hash_command();
CommandSpec status_command();
CommandSpec apply_command();
CommandSpec rollback_command();
CommandSpec repair_command();
CommandSpec baseline_command();
CommandSpec inspect_command();
CommandSpec import_command();
CommandSpec verify_command();
CommandSpec generate_command();

}  // namespace schemac::cli
