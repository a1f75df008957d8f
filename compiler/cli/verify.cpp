// `schemac verify`: drift. The live database against the schema of the
// version its history records (that version's snapshot in generated/migrations),
// in the plan summary format. Exit 0 when they match, 3 on drift, 1 on error.
#include <iostream>
#include <memory>

#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/json_output.hpp"
#include "cli/migration_dir.hpp"
#include "cli/sources.hpp"
#include "migrations/format.hpp"
#include "migrations/snapshots.hpp"
#include "schemac/core/migration_set.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

namespace {

// The schema the database should have, and the file it comes from (empty at
// version 0). Every version `schemac diff` wrote keeps its snapshot
// (snapshots/NNNN.yaml); a hand-written migration changes no YAML, so at its
// version the schema is the one below it (migrations::snapshot_at). No file
// is written, and no version is rebuilt in any database.
std::optional<Schema> expected_schema(const std::string& dir, const MigrationState& state, const Status& st,
                                      std::string& file, std::string& error) {
    for (const auto& e : st.entries) {
        if (e.state == schemac::MigrationState::failed) {
            error = e.file + " stopped part-way (see `schemac status`): finish or resolve it before verifying";
            return std::nullopt;
        }
    }
    const int at = st.current_version;
    const migrations::SnapshotAt found = migrations::snapshot_at(state.history, state.files, at);
    if (!found.problem.empty()) {
        error = "the database is at version " + version_text(at) + ", whose schema this migrations directory does not know: " +
                found.problem + ". It knows the schema at version " +
                migrations::versions_text(migrations::known_versions(state.history, state.files)) +
                (at > state.history.last_version() ? "; verify from a checkout that has migration " + version_text(at)
                                                   : "; apply or roll back to one of them (`schemac apply --verify`), or verify from a "
                                                     "checkout whose newest migration is " + version_text(at));
        return std::nullopt;
    }
    file = found.file;
    if (file.empty()) return Schema{};
    if (file == migrations::kSnapshotFile) return state.snapshot;
    Diagnostics diags;
    Schema schema = read_snapshot(dir, file, state.files.at(file), diags);
    if (!diags.has_errors()) return schema;
    error = "the snapshot of version " + version_text(at) + " does not load:\n" + render_text(diags);
    return std::nullopt;
}

// What inspection warned it cannot see (views, storage parameters, row level
// security, ...): verify cannot tell whether those differ, so it never calls
// the database a match without saying so.
std::vector<std::string> not_compared(const Diagnostics& diags, std::size_t from) {
    std::vector<std::string> v;
    for (std::size_t i = from; i < diags.all().size(); ++i)
        if (diags.all()[i].severity == Severity::Warning) v.push_back(diags.all()[i].message);
    return v;
}

}  // namespace

int verify_database(const DatabaseTarget& t, bool as_json) {
    Diagnostics diags;
    const std::string format = as_json ? "json" : "text";
    const MigrationState state = load_migration_state(t.migrations_dir, diags);
    if (diags.has_errors()) return report_failure(format, diags, "the migrations in " + t.migrations_dir + " have errors");
    Runner runner(MigrationSet::from_directory(t.migrations_dir), t.runner);
    const Status st = runner.status();
    std::string error, file;
    auto expected = expected_schema(t.migrations_dir, state, st, file, error);
    if (!expected) throw RunnerError(RunnerErrorKind::failure, error);

    SourceOptions so;
    so.dialect = t.dialect;
    so.history_table = t.runner.history_schema + "." + t.runner.history_table;
    const std::size_t before = diags.all().size();
    Source live = load_database(t.runner.conninfo, so, diags);
    const std::vector<std::string> unseen = not_compared(diags, before);
    Source want{*expected, file.empty() ? "the schema before migration 0001 (none)" : t.migrations_dir + "/" + file, ""};
    if (!diags.has_errors()) make_comparable(want, live, diags);
    if (diags.has_errors()) return report_failure(format, diags, "cannot compare the database with its migrations");
    std::cerr << render_text(diags);
    Diagnostics diff_diags;
    const sql::Plan drift = sql::plan_migration(*t.dialect, want.schema, live.schema, diff_diags);
    if (diff_diags.has_errors()) return report_failure(format, diff_diags, "cannot compare the database with its migrations");
    std::cerr << render_text(diff_diags);
    const std::string summary = migrations::format_summary(drift);
    if (as_json) {
        json::VerifyReport report{st.database, st.current_version, {}, unseen};
        for (const auto& step : drift.steps) report.differences.push_back(step.summary);
        std::cout << json::verify(report);
    } else if (drift.empty() && unseen.empty()) {
        std::cout << "schemac: no drift: " << st.database << " matches version " << version_text(st.current_version) << " of "
                  << t.migrations_dir << '\n';
    } else if (drift.empty()) {
        std::cout << "schemac: no drift in what schemac compares: " << st.database << " matches version "
                  << version_text(st.current_version) << " of " << t.migrations_dir << ", except for " << unseen.size()
                  << (unseen.size() == 1 ? " thing" : " things") << " schemac cannot represent and did not compare (the warnings above)\n";
    } else {
        std::cout << "schemac: drift: " << st.database << " differs from version " << version_text(st.current_version) << " of "
                  << t.migrations_dir << " (what was changed by hand):\n"
                  << summary << "to see the SQL that undoes it: schemac plan --from <database>"
                  << (file.empty() ? std::string(" (no --to: no schema)") : " --to " + want.name) << '\n';
        if (!unseen.empty())
            std::cout << "not compared: " << unseen.size() << (unseen.size() == 1 ? " thing" : " things")
                      << " schemac cannot represent (the warnings above)\n";
    }
    return drift.empty() ? kOk : kDrift;
}

int run_verify(const DatabaseOptions& db) {
    return with_database(db, [&](const DatabaseTarget& t) { return verify_database(t, db.format == "json"); });
}

CommandSpec verify_command() {
    auto o = std::make_shared<DatabaseOptions>();
    CommandSpec c{"verify", "Check a database for drift from its migrations (exit 3 on drift)", "schemac verify --env production",
                  database_options(*o), {}, &o->format, [o] { return run_verify(*o); }};
    return c;
}

}  // namespace schemac::cli
