// `schemac verify`: drift. The live database against the schema of the
// version its history records (the snapshot of generated/migrations), in the
// plan summary format. Exit 0 when they match, 3 on drift, 1 on error.
#include <iostream>
#include <memory>

#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/json_output.hpp"
#include "cli/migration_dir.hpp"
#include "cli/sources.hpp"
#include "migrations/format.hpp"
#include "schemac/core/migration_set.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

namespace {

// The schema the database should have. The directory keeps two states: the
// snapshot, the schema after the newest generated migration (hand-written ones
// above it change no YAML, so it also describes them), and the previous
// snapshot, the state before that migration. Other versions cannot be verified
// from this checkout.
std::optional<Schema> expected_schema(const std::string& dir, const MigrationState& state, const Status& st,
                                      std::string& error) {
    for (const auto& e : st.entries) {
        if (e.state == schemac::MigrationState::failed) {
            error = e.file + " stopped part-way (see `schemac status`): finish or resolve it before verifying";
            return std::nullopt;
        }
    }
    const int at = st.current_version;
    if (at == 0) return Schema{};
    if (at == state.history.last_version()) return state.snapshot;
    const auto text = [&](const char* name) {
        const auto it = state.files.find(name);
        return it == state.files.end() ? std::string{} : it->second;
    };
    const int last = state.history.last_version();
    const int newest = migrations::snapshot_version(text(migrations::kSnapshotFile));
    if (newest >= 0 && at >= newest) return state.snapshot;
    const std::string previous = text(migrations::kPreviousSnapshotFile);
    const int before = previous.empty() ? -1 : migrations::snapshot_version(previous);
    if (before == at) {
        Diagnostics diags;
        Schema schema = read_snapshot(dir, migrations::kPreviousSnapshotFile, previous, diags);
        if (!diags.has_errors()) return schema;
    }
    std::string known = newest >= 0 && newest < last ? version_text(newest) + " to " + version_text(last) : version_text(last);
    if (before >= 0 && before < newest) known = version_text(before) + " and " + known;
    error = "the database is at version " + version_text(at) + " but the migrations directory describes the schema of version " + known +
            " only: apply the pending migrations (`schemac apply --verify`), or verify from a checkout whose last "
            "migration is " + version_text(at);
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
    std::string error;
    auto expected = expected_schema(t.migrations_dir, state, st, error);
    if (!expected) throw RunnerError(RunnerErrorKind::failure, error);

    SourceOptions so;
    so.dialect = t.dialect;
    so.history_table = t.runner.history_schema + "." + t.runner.history_table;
    const std::size_t before = diags.all().size();
    Source live = load_database(t.runner.conninfo, so, diags);
    const std::vector<std::string> unseen = not_compared(diags, before);
    Source want{*expected, t.migrations_dir + "/schema.snapshot.yaml", ""};
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
                  << summary << "to see the SQL that undoes it: schemac plan --from <database> --to " << want.name << '\n';
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
