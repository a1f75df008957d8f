// `schemac new -m MESSAGE`: the next numbered migration, empty, for SQL written
// by hand (data transformations the YAML cannot express).
#include <iostream>
#include <memory>

#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/migration_dir.hpp"
#include "cli/project.hpp"
#include "migrations/hand_written.hpp"

namespace schemac::cli {

int run_new(const NewCommand& cmd) {
    Diagnostics diags;
    const std::string dir = resolve_project({cmd.config, {}, cmd.dir, ""}, diags).migrations_dir;
    const MigrationState state = diags.has_errors() ? MigrationState{} : load_migration_state(dir, diags);
    if (diags.has_errors()) return report_failure(cmd.format, diags, "the migrations directory has errors");
    const migrations::NewMigration m{cmd.message, today_utc(), SCHEMAC_VERSION, ""};
    const auto files = migrations::plan_hand_written_migration(state.history, state.files, m, !cmd.no_transaction);
    std::string error;
    if (!write_files_atomically(dir, files, state.files, error)) {
        return report_error(cmd.format, "failure", "could not write the migration, nothing was changed: " + error, kFailure);
    }
    std::vector<std::string> written;
    for (const auto& f : files) {
        std::cerr << "wrote " << dir << "/" << f.name << "\n";
        written.push_back(dir + "/" + f.name);
    }
    if (cmd.format == "json") std::cout << json::new_migration(written);
    std::cerr << "schemac: write your SQL into " << dir << "/" << files[0].name << " (and its undo into " << files[1].name
              << "), then run `schemac hash` to re-sign the directory before anything applies it\n";
    return kOk;
}

CommandSpec new_command() {
    auto o = std::make_shared<NewCommand>();
    CommandSpec c{"new", "Write the next migration empty, for hand-written SQL (data transformations)",
                  "schemac new -m \"backfill order totals\" --no-transaction", {}, {}, &o->format, [o] { return run_new(*o); }};
    c.options = {
        {"-m,--message", kMessageHelp, &o->message, true},
        {"--dir", kDirHelp, &o->dir},
        {"--config", kConfigHelp, &o->config},
        {"--no-transaction", "Run it statement by statement, outside a transaction", &o->no_transaction},
    };
    return c;
}

}  // namespace schemac::cli
