// What editors and shells need from schemac: the JSON Schemas of the YAML files
// (`schemac schema-json`) and shell completion scripts (`schemac completion`).
#pragma once
#include <string>
#include <vector>

namespace schemac::cli {

// Prints the JSON Schema of the schema files ("schema") or of schemac.yaml ("config").
int run_schema_json(const std::string& which);

// A command as completion sees it; main.cpp builds these from the CLI11 app,
// so the scripts list exactly the commands and options that parse.
struct CompletionOption {
    std::vector<std::string> names;   // with dashes: "-m", "--message"
    std::string description;
    bool takes_value = false;
};
struct CompletionCommand {
    std::string name;                     // aliases are commands of their own
    std::string description;
    std::vector<CompletionOption> options;
    std::vector<std::string> arguments;   // the words a positional argument takes; empty = file names
};

// The script for "bash", "zsh" or "fish"; "" for any other shell.
std::string completion_script(const std::string& shell, const std::vector<CompletionCommand>& commands);

}  // namespace schemac::cli
