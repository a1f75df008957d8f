// status, apply, rollback, repair, baseline: thin wrappers around the runtime's
// Runner. This file turns its results into text (stdout: results, stderr:
// progress and errors) or, with --format json, into one JSON document on stdout.
#include <charconv>
#include <functional>
#include <iostream>
#include <memory>

#include "cli/backup.hpp"
#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/env_seeds.hpp"
#include "cli/json_output.hpp"
#include "cli/unsafe_gate.hpp"
#include "diag/diagnostics.hpp"
#include "schemac/core/migration_set.hpp"
#include "sql/live.hpp"

namespace schemac::cli {

namespace {

int with_runner(const DatabaseOptions& opts, const std::function<int(Runner&, const DatabaseTarget&)>& body) {
    return with_database(opts, [&](const DatabaseTarget& target) {
        Runner runner(MigrationSet::from_directory(target.migrations_dir), target.runner);
        return body(runner, target);
    });
}

// ---- status

void status_text(const Status& st, const DatabaseTarget& t) {
    std::cout << "database: " << st.database << (is_sqlite(t) ? " (SQLite" : " (") << (is_sqlite(t) ? ", from " : "from ") << t.source << ")\n";
    std::cout << "history:  " << history_name(t) << (st.history_exists ? "" : " (not created yet)") << '\n';
    std::cout << "version:  " << (st.current_version ? version_text(st.current_version) : "none") << "\n\n";
    std::size_t width = 0;
    for (const auto& e : st.entries) width = std::max(width, e.name.size());
    int pending = 0;
    for (const auto& e : st.entries) {
        std::string state = state_name(e.state);
        if (e.out_of_order) state = "pending*";
        std::cout << "  " << version_text(e.version) << "  " << state << std::string(10 - std::min<std::size_t>(state.size(), 9), ' ')
                  << e.name << std::string(width - e.name.size() + 2, ' ');
        if (e.row) {
            std::cout << e.row->applied_at << "  " << e.row->execution_time_ms << " ms  by " << e.row->applied_by;
        }
        std::cout << '\n';
        if (e.state == MigrationState::pending) ++pending;
        if (e.state == MigrationState::modified)
            std::cout << "        " << e.file << " changed after it was applied: recorded " << e.row->checksum << ", file "
                      << e.file_checksum << "\n        (apply refuses; restore the file, or `schemac repair` if the edit is deliberate)\n";
        const bool down = e.row && e.row->rolling_back;
        if (e.state == MigrationState::failed) {
            std::cout << "        " << (down ? "rollback stopped at statement " : "stopped at statement ")
                      << e.row->statements_done.value_or(0) + 1 << " of " << e.row->statements_total.value_or(0)
                      << (down ? " of its down file" : "") << ": " << (e.row->error.empty() ? "interrupted" : e.row->error)
                      << (down ? "\n        (`schemac rollback` continues the rollback there; see `schemac repair` for the alternatives)\n"
                               : "\n        (`schemac apply --resume` continues there; see `schemac repair` for the alternatives)\n");
        }
        if (e.state == MigrationState::running)
            std::cout << "        being " << (down ? "rolled back" : "applied") << " by another runner: statement "
                      << e.row->statements_done.value_or(0) + 1 << " of " << e.row->statements_total.value_or(0) << '\n';
        if (e.state == MigrationState::missing) std::cout << "        applied, but no file for it in " << t.migrations_dir << '\n';
        if (e.out_of_order)
            std::cout << "        * older than the newest applied migration: apply needs --allow-out-of-order\n";
    }
    std::cout << '\n' << pending << " pending\n";
}

// ---- apply / rollback

void print_progress(const Progress& p, bool verbose) {
    using E = Progress::Event;
    const std::string verb = p.down ? "rolled back" : "applied";
    if (p.event == E::statement_started && verbose)
        std::cerr << "    statement " << p.statement << "/" << p.statements << " (" << p.note << ") started\n";
    if (p.event == E::started && p.statement > 0)
        std::cerr << "  " << version_text(p.version) << " " << p.name << ": resuming at statement " << p.statement + 1 << " of " << p.statements << '\n';
    if (p.event == E::statement_done)
        std::cerr << "    statement " << p.statement << "/" << p.statements << " done (" << p.elapsed_ms << " ms)\n";
    if (p.event == E::note) std::cerr << "    " << p.note << '\n';
    if (p.event == E::finished) std::cerr << "  " << verb << " " << version_text(p.version) << " " << p.name << " (" << p.elapsed_ms << " ms)\n";
}

// Progress lines on stderr, none with --json (stdout holds one document).
ProgressFn progress_for(const DatabaseOptions& db) {
    if (db.format == "json") return {};
    return [verbose = db.verbose](const Progress& p) { print_progress(p, verbose); };
}

// --dry-run in text: the backup that would be taken, then each file that
// would run, as it would run.
void dry_run_text(const RunResult& r, const char* verb, const json::BackupReport* backup) {
    if (backup)   // pg_dump, or on SQLite VACUUM INTO
        std::cout << "-- would back up first: " << backup->command << "\n--   renamed to " << backup->file << " when "
                  << (backup->command.starts_with("VACUUM INTO") ? "it succeeds" : "pg_dump succeeds") << "\n\n";
    for (const auto& s : r.steps) {
        std::cout << "-- would " << verb << " " << s.script->file << " (" << s.statements << " statements, "
                  << (s.script->transactional ? "in one transaction" : "outside a transaction, one by one")
                  << (s.script->foreign_keys_off ? ", foreign keys off around it and checked before the commit" : "");
        if (s.first_statement > 1) std::cout << ", resuming at statement " << s.first_statement;
        std::cout << ")\n" << s.script->sql;
        if (!s.script->sql.empty() && s.script->sql.back() != '\n') std::cout << '\n';
        std::cout << '\n';
    }
    if (r.after_ran) {
        std::cout << "-- would then write " << r.after->what << " (" << r.after->statements.size() << " statements, in one transaction)\n";
        for (const auto& stmt : r.after->statements) std::cout << stmt << ";\n";
        std::cout << '\n';
    }
    std::cout << "-- dry run: " << r.steps.size() << " migration(s), version " << version_text(r.from_version) << " -> " << version_text(r.to_version)
              << ", nothing was changed\n";
}

long long total_ms(const RunResult& r) {
    long long t = 0;
    for (auto ms : r.elapsed_ms) t += ms;
    return t;
}

int report_run(const DatabaseOptions& db, const RunResult& r, bool dry_run, const char* verb, const char* done,
               const std::optional<json::BackupReport>& backup = {}) {
    if (db.format == "json") {
        std::cout << json::run(r, dry_run, backup ? &*backup : nullptr);
        return kOk;
    }
    for (const auto& w : r.warnings) std::cerr << "schemac: warning: " << w << '\n';
    if (dry_run) {
        dry_run_text(r, verb, backup ? &*backup : nullptr);
        return kOk;
    }
    if (r.steps.empty()) std::cout << "schemac: nothing to " << verb << "; " << r.database << " is at version " << version_text(r.to_version) << '\n';
    else
        std::cout << "schemac: " << done << " " << r.steps.size() << " migration(s) in " << total_ms(r) << " ms; " << r.database
                  << " is at version " << version_text(r.to_version) << '\n';
    if (r.after_ran)
        std::cout << "schemac: wrote " << r.after->what << " (" << r.after->statements.size() << " rows inserted or brought up to date)\n";
    return kOk;
}

// ---- repair / baseline

int report_repair(const DatabaseOptions& db, const RepairResult& r, bool dry_run) {
    if (db.format == "json") {
        std::cout << json::repair(r, dry_run);
    } else {
        for (const auto& c : r.changes)
            std::cout << "  " << (dry_run ? "would " : "") << c.action << ": " << version_text(c.version) << " " << c.name << ": " << c.detail << '\n';
        for (const auto& c : r.unresolved) std::cout << "  left as is: " << version_text(c.version) << " " << c.name << ": " << c.detail << '\n';
        if (r.changes.empty() && r.unresolved.empty()) std::cout << "schemac: the history already matches the files\n";
        else if (dry_run) std::cout << "schemac: dry run, nothing was changed\n";
    }
    return kOk;
}

}  // namespace

void log_text(const std::vector<LogEntry>& log) {
    std::cout << "\nlog (every apply and rollback, oldest first):\n";
    if (log.empty()) std::cout << "  (empty)\n";
    for (const LogEntry& e : log) {
        std::cout << "  " << e.finished_at << "  " << (e.action == "apply" ? "apply   " : "rollback") << "  " << version_text(e.version)
                  << ' ' << e.name << "  " << e.outcome << "  " << e.execution_time_ms << " ms  by " << e.performed_by << " from "
                  << e.client << (e.rollback_available ? "" : "  (no down file)") << '\n';
        if (!e.error.empty()) std::cout << "      " << e.error << '\n';
    }
}

int run_status(const StatusCommand& cmd) {
    const DatabaseOptions& db = cmd.db;
    return with_runner(db, [&](Runner& runner, const DatabaseTarget& t) {
        const Status st = runner.status();
        if (db.format == "json") {
            std::cout << (cmd.history ? json::status(st, history_name(t), runner.log()) : json::status(st, history_name(t)));
        } else {
            status_text(st, t);
            if (cmd.history) log_text(runner.log());
        }
        for (const auto& e : st.entries)
            if (e.state == MigrationState::modified || e.state == MigrationState::failed) return kFailure;
        return kOk;
    });
}

namespace {

// --target of apply: a version from 1, or "latest" (every pending migration).
std::optional<int> apply_target(const std::string& text) {
    if (text.empty() || text == "latest") return std::nullopt;
    int version = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (ec != std::errc{} || end != text.data() + text.size() || version < 1) {
        throw UsageError("--target " + text + ": expected a version number (1 or more) or latest");
    }
    return version;
}

// In a protected environment, what would run is planned first (a dry run) and
// refused, with that plan shown, when a file has unapproved unsafe hazards.
template <class Options, class Run>
void gate_unsafe(const DatabaseTarget& target, const DatabaseOptions& db, bool allow_unsafe, Options o, Run&& run,
                 const char* verb, const char* done) {
    if (!target.is_protected || allow_unsafe || o.dry_run) return;
    o.dry_run = true;
    const RunResult plan = run(o);
    const auto unsafe = unapproved_unsafe(plan);
    if (unsafe.empty()) return;
    if (db.format != "json") report_run(db, plan, true, verb, done);
    throw RunnerError(RunnerErrorKind::failure, unsafe_refusal(target.environment, unsafe));
}

}  // namespace

// apply --verify reads the database with the live side of the project's
// dialect: refused before anything runs when that cannot read the target.
void check_verify(const DatabaseTarget& target) {
    const std::string dialect(target.dialect->name());
    if (!sql::find_live(dialect))
        throw UsageError("--verify: dialect " + dialect + " has no live side to read a database with; nothing was run");
    if (is_sqlite(target) && dialect != "sqlite")
        throw UsageError("--verify: the database is SQLite, and the project's dialect is " + dialect +
                         ", whose live side reads PostgreSQL (set `dialect: sqlite` in schemac.yaml); nothing was run");
}

int run_apply(const ApplyCommand& cmd) {
    return with_runner(cmd.db, [&](Runner& runner, const DatabaseTarget& target) {
        if (cmd.verify && !cmd.dry_run) check_verify(target);
        const std::string backup_to = backup_dir(cmd.backup);
        ApplyOptions o{apply_target(cmd.target), cmd.dry_run, cmd.allow_out_of_order, cmd.resume, {}, {}};
        o.after = environment_seeds(target, cmd.db);
        gate_unsafe(target, cmd.db, cmd.allow_unsafe, o, [&](const ApplyOptions& p) { return runner.apply(p); }, "apply", "applied");
        std::optional<json::BackupReport> backup;
        const RunResult r = with_backup(backup_to, target, cmd.db, cmd.dry_run, [&](const BeforeRunFn& before) {
            o.before_run = before;
            return runner.apply(o, progress_for(cmd.db));
        }, backup);
        const int code = report_run(cmd.db, r, cmd.dry_run, "apply", "applied", backup);
        if (code != kOk || !cmd.verify || cmd.dry_run) return code;
        return verify_database(target, cmd.db.format == "json");   // with json: a second document, on its own line
    });
}

// `--version V` (D1's scripts: `rollback --version 0001_initial_schema`): the
// migration V and every later one are rolled back, as `--target V-1`. V is a
// file's stem, its number, or both must name the same migration of the set.
std::optional<int> version_target(const std::string& spec, const MigrationSet& set) {
    if (spec.empty()) return std::nullopt;
    std::size_t digits = 0;
    while (digits < spec.size() && spec[digits] >= '0' && spec[digits] <= '9') ++digits;
    const bool named = digits < spec.size() && spec[digits] == '_' && digits + 1 < spec.size();
    if (digits == 0 || digits > 9 || (digits < spec.size() && !named))
        throw UsageError("--version " + spec + ": expected a migration's number or file name, e.g. 0001 or 0001_initial_schema");
    const int v = std::stoi(spec.substr(0, digits));
    const Migration* m = set.find(v);
    if (!m) throw UsageError("--version " + spec + ": there is no migration " + version_text(v) + " in the migrations directory");
    if (named && spec.substr(digits + 1) != m->name)
        throw UsageError("--version " + spec + ": migration " + version_text(v) + " is " + version_text(v) + "_" + m->name);
    return v - 1;
}

int run_rollback(const RollbackCommand& cmd) {
    return with_runner(cmd.db, [&](Runner& runner, const DatabaseTarget& target) {
        const std::string backup_to = backup_dir(cmd.backup);
        if (!cmd.version.empty() && cmd.steps) throw UsageError("--version and --steps are two answers to one question: give one");
        const std::optional<int> to = cmd.version.empty() ? cmd.target : version_target(cmd.version, runner.migrations());
        RollbackOptions o{cmd.steps, to, cmd.dry_run, cmd.allow_destructive};
        if (cmd.forget) {
            if (!cmd.backup.empty()) throw UsageError("--forget runs nothing, so --backup has nothing to protect: give one of them");
            const int code = report_repair(cmd.db, runner.forget(o), cmd.dry_run);
            if (!cmd.dry_run && cmd.db.format != "json") {
                const Status st = runner.status();
                std::cout << "schemac: removed the history rows only; " << st.database << " is at version "
                          << version_text(st.current_version) << " in the history, its schema unchanged\n";
            }
            return code;
        }
        gate_unsafe(target, cmd.db, cmd.allow_unsafe, o, [&](const RollbackOptions& p) { return runner.rollback(p); }, "roll back",
                    "rolled back");
        std::optional<json::BackupReport> backup;
        const RunResult r = with_backup(backup_to, target, cmd.db, cmd.dry_run, [&](const BeforeRunFn& before) {
            o.before_run = before;
            return runner.rollback(o, progress_for(cmd.db));
        }, backup);
        return report_run(cmd.db, r, cmd.dry_run, "roll back", "rolled back", backup);
    });
}

int run_repair(const RepairCommand& cmd) {
    return with_runner(cmd.db, [&](Runner& runner, const DatabaseTarget&) {
        return report_repair(cmd.db, runner.repair(RepairOptions{cmd.dry_run, cmd.mark_applied, cmd.forget}), cmd.dry_run);
    });
}

int run_baseline(const BaselineCommand& cmd) {
    return with_runner(cmd.db, [&](Runner& runner, const DatabaseTarget&) {
        return report_repair(cmd.db, runner.baseline(cmd.version, cmd.dry_run), cmd.dry_run);
    });
}

CommandSpec status_command() {
    auto o = std::make_shared<StatusCommand>();
    CommandSpec c{"status", "Show applied, pending and modified migrations and the current version", "schemac status --env dev",
                  database_options(o->db), {}, &o->db.format, [o] { return run_status(*o); }};
    c.options.push_back({"--history", "Also show the audit log: every apply and rollback, who, when, how long, the outcome", &o->history});
    return c;
}

constexpr const char* kBackupHelp =
    "Before running anything, pg_dump the whole database into this directory (created if missing); refuse to run if that fails";

CommandSpec apply_command() {
    auto o = std::make_shared<ApplyCommand>();
    CommandSpec c{"apply", "Apply pending migrations in order (alias: migrate)", "schemac apply --env production --dry-run",
                  database_options(o->db), {"migrate"}, &o->db.format, [o] { return run_apply(*o); }};
    for (auto& option : statement_options(o->db)) c.options.push_back(std::move(option));
    c.options.push_back({"--target", "Stop after this version (latest: apply every pending migration, the default)", &o->target});
    c.options.push_back({"--dry-run", "Print what would run, change nothing", &o->dry_run});
    c.options.push_back({"--allow-out-of-order", "Apply pending versions below the highest applied one", &o->allow_out_of_order});
    c.options.push_back({"--resume", "Continue a failed non-transactional migration at its failed statement", &o->resume});
    c.options.push_back({"--verify", "Afterwards, check the database for drift (as `schemac verify`)", &o->verify});
    c.options.push_back({"--allow-unsafe", "In a protected environment, run migrations with unapproved unsafe hazards", &o->allow_unsafe});
    c.options.push_back({"--backup", kBackupHelp, &o->backup});
    return c;
}

CommandSpec rollback_command() {
    auto o = std::make_shared<RollbackCommand>();
    CommandSpec c{"rollback", "Run .down.sql files of applied migrations, newest first", "schemac rollback --steps 2 --dry-run",
                  database_options(o->db), {}, &o->db.format, [o] { return run_rollback(*o); }};
    for (auto& option : statement_options(o->db)) c.options.push_back(std::move(option));
    c.options.push_back({"--steps", "How many migrations to roll back (default 1)", &o->steps, false, {}, std::pair{1, 1 << 30}});
    c.options.push_back({"--target", "Roll back every migration above this version (0: all)", &o->target, false, {},
                         std::pair{0, 1 << 30}, "--steps"});
    c.options.push_back({"--version", "Roll back this migration and every later one: its number or file name (0001_initial_schema)",
                         &o->version, false, {}, {}, "--target"});
    c.options.push_back({"--dry-run", "Print what would run, change nothing", &o->dry_run});
    c.options.push_back({"--allow-destructive", "Run down files that lose data", &o->allow_destructive});
    c.options.push_back({"--allow-unsafe", "In a protected environment, run down files with unapproved unsafe hazards", &o->allow_unsafe});
    c.options.push_back({"--backup", kBackupHelp, &o->backup});
    c.options.push_back({"--forget", "Remove only the history rows, run nothing: the changes stay and the next apply runs them again "
                                     "(D1's rollback; the way back for an up-only file)", &o->forget});
    return c;
}

CommandSpec repair_command() {
    auto o = std::make_shared<RepairCommand>();
    CommandSpec c{"repair", "Bring the history in line with the files after a deliberate edit or a failed migration",
                  "schemac repair --forget 3 --env dev", database_options(o->db), {}, &o->db.format, [o] { return run_repair(*o); }};
    c.options.push_back({"--dry-run", "Show what would change, change nothing", &o->dry_run});
    c.options.push_back({"--mark-applied", "A failed migration you finished by hand: record it as applied", &o->mark_applied});
    c.options.push_back({"--forget", "A failed migration you undid by hand: remove its row so apply runs it again", &o->forget});
    return c;
}

CommandSpec baseline_command() {
    auto o = std::make_shared<BaselineCommand>();
    CommandSpec c{"baseline", "Mark an existing database as being at a version without running anything",
                  "schemac baseline --version 12 --db postgres://localhost/shop", database_options(o->db), {}, &o->db.format,
                  [o] { return run_baseline(*o); }};
    c.options.push_back({"--version", "The version the database is at", &o->version, true, {}, std::pair{1, 1 << 30}});
    c.options.push_back({"--dry-run", "Show what would be recorded, change nothing", &o->dry_run});
    return c;
}

}  // namespace schemac::cli
