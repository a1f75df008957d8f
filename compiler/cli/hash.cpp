// `schemac hash`: rewrite schemac.sum from the migration files as they are, after
// a deliberate edit of a migration no database has applied yet.
#include <iostream>
#include <memory>

#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/migration_dir.hpp"
#include "cli/project.hpp"
#include "migrations/sum_file.hpp"

namespace schemac::cli {

int run_hash(const std::string& dir_flag, const std::string& config, const std::string& format) {
    Diagnostics diags;
    const std::string dir = resolve_project({config, {}, dir_flag, ""}, diags).migrations_dir;
    if (diags.has_errors()) return report_failure(format, diags, "the project config has errors");
    MigrationState state = load_migration_state(dir, diags, false);
    if (!state.exists) diags.error({std::make_shared<const std::string>(dir), 0, 0}, "no-migrations", "no such directory");
    std::string problem;
    const auto sum = state.files.find(migrations::kSumFile);
    const auto recorded = sum == state.files.end() ? std::vector<migrations::SumEntry>{} : migrations::parse_sum(sum->second, problem);
    const auto files = migrations::sum_inputs(state.history, state.files);
    const auto changes = migrations::sum_changes(recorded, files);
    auto at_sum = SourcePos{std::make_shared<const std::string>(dir + "/" + migrations::kSumFile), 0, 0};
    for (const auto& c : changes)
        if (c.what == "removed" && c.file.ends_with(".sql"))
            // Re-signing would keep the snapshot of a schema that includes the deleted migration.
            diags.error(at_sum, "sum-missing-file",
                        "schemac.sum lists " + c.file + ", which is missing: the snapshot still describes the schema after it; "
                        "to write the newest migration again run `schemac diff --redo -m \"<message>\"`, or restore the file from git");
    report_snapshot_problems(dir, state, diags);
    if (diags.has_errors()) return report_failure(format, diags, "the migrations directory cannot be signed");
    const bool as_json = format == "json";
    std::vector<std::pair<std::string, std::string>> listed;   // (change, file), for json
    if (files.empty() && sum == state.files.end()) {
        std::cerr << "schemac: no migrations in " << dir << "; nothing to sign\n";
        if (as_json) std::cout << json::hash(listed, {});
        return kOk;
    }
    const std::string text = migrations::render_sum(files);
    if (sum != state.files.end() && sum->second == text) {
        std::cerr << "schemac: " << dir << "/" << migrations::kSumFile << " is up to date; nothing written\n";
        if (as_json) std::cout << json::hash(listed, {});
        return kOk;
    }
    if (!problem.empty()) std::cerr << "schemac: the old schemac.sum was unreadable (" << problem << "): every file is signed anew\n";
    for (const auto& c : changes) {
        if (as_json) listed.emplace_back(c.what, c.file);
        else std::cout << c.what << " " << c.file << "\n";
    }
    std::string error;
    if (!write_files_atomically(dir, {{migrations::kSumFile, text}}, state.files, error)) {
        return report_error(format, "failure", "could not write schemac.sum, nothing was changed: " + error, kFailure);
    }
    if (as_json) std::cout << json::hash(listed, {dir + "/" + migrations::kSumFile});
    std::cerr << "wrote " << dir << "/" << migrations::kSumFile << "\n"
              << "schemac: a database that already applied an edited file still refuses it: `apply` compares every applied "
                 "file with the checksum it recorded\n";
    return kOk;
}

CommandSpec hash_command() {
    struct Options {
        std::string dir, config, format = "text";
    };
    auto o = std::make_shared<Options>();
    CommandSpec c{"hash", "Rewrite schemac.sum after a deliberate edit of a migration no database has applied",
                  "schemac hash --dir generated/migrations", {}, {}, &o->format,
                  [o] { return run_hash(o->dir, o->config, o->format); }};
    c.options = {
        {"--dir", kDirHelp, &o->dir},
        {"--config", kConfigHelp, &o->config},
    };
    return c;
}

}  // namespace schemac::cli
