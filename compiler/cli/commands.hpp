// The subcommands, each in its own file; main.cpp (the only CLI11 user) parses
// arguments and calls these. They return the process exit code.
#pragma once
#include <string>
#include <vector>

namespace schemac::cli {

enum ExitCode { kOk = 0, kFailure = 1, kUsage = 2 };

struct CheckOptions {
    std::vector<std::string> paths;
    std::string format = "text";   // text | json
    std::string migrations;        // "" = generated/migrations if it exists
};
int run_check(const CheckOptions& opts);

struct ShowOptions {
    std::vector<std::string> paths;
};
int run_show(const ShowOptions& opts);

struct PlanOptions {
    std::string from;   // YAML file or directory; "" = the empty schema
    std::string to;
    bool down = false;
};
int run_plan(const PlanOptions& opts);

struct DiffOptions {
    std::vector<std::string> paths;
    std::string dir = "generated/migrations";
    std::string message;
    bool dry_run = false;
    bool allow_destructive = false;
};
int run_diff(const DiffOptions& opts);

}  // namespace schemac::cli
