#include "cli/backup.hpp"

#include <iostream>

#include "schemac/migrate/backup.hpp"
#include "schemac/sqlite/backup.hpp"
#include "schemac/sqlite/conninfo.hpp"

namespace schemac::cli {

std::string backup_dir(const std::vector<std::string>& given) {
    if (given.empty()) return "";
    if (given.size() > 1) throw UsageError("--backup: give one directory");
    if (given[0].empty()) throw UsageError("--backup: the directory is empty (an unset variable?); nothing was run");
    return given[0];
}

namespace {

// "VACUUM INTO 'FILE'": the statement the copy is taken with, for people.
std::string vacuum_line(const std::string& file) {
    std::string quoted;
    for (char c : file) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return "VACUUM INTO '" + quoted + "'";
}

// On SQLite: a copy of the database file by VACUUM INTO (a consistent
// snapshot, itself a SQLite database), with the same timing and refusals as
// pg_dump's (docs/runtime.md, "Backups").
RunResult with_sqlite_backup(const std::string& dir, const DatabaseTarget& target, bool text, bool dry_run,
                             const std::function<RunResult(const BeforeRunFn&)>& run, std::optional<json::BackupReport>& report) {
    const auto path = sqlite::parse_sqlite_conninfo(target.runner.conninfo);
    if (!path || !path->error.empty()) return run({});   // the runner reports the connection string
    if (path->memory) throw UsageError("--backup: an in-memory SQLite database has no file to copy; nothing was run");
    const BeforeRunFn take = [&](const RunResult& plan) {
        const sqlite::BackupFile b = sqlite::plan_backup(*path, dir, plan.from_version, plan.to_version);
        if (text) std::cerr << "  backing up " << plan.database << " to " << b.file << " (VACUUM INTO, the whole database)\n";
        sqlite::BackupDone done;
        try {
            done = sqlite::run_backup(*path, b, target.runner.lock_timeout);
        } catch (const sqlite::BackupError& e) {
            throw RunnerError(RunnerErrorKind::failure, std::string("backup failed: ") + e.what() + "; nothing was run");
        }
        report = json::BackupReport{b.file, vacuum_line(b.partial), true, done.bytes, done.elapsed_ms};
        if (text) std::cerr << "  backed up to " << b.file << " (" << done.bytes << " bytes, " << done.elapsed_ms << " ms)\n";
    };
    RunResult r;
    try {
        r = run(take);
    } catch (const RunnerError& e) {
        if (!report) throw;
        throw RunnerError(e.kind, std::string(e.what()) + "\n  the backup taken before the run: " + report->file);
    }
    if (dry_run && !r.steps.empty()) {
        const sqlite::BackupFile b = sqlite::plan_backup(*path, dir, r.from_version, r.to_version);
        report = json::BackupReport{b.file, vacuum_line(b.partial), false, 0, 0};
    }
    if (text && r.steps.empty()) std::cerr << "schemac: nothing to run, so no backup " << (dry_run ? "would be" : "was") << " taken\n";
    return r;
}

}  // namespace

RunResult with_backup(const std::string& dir, const DatabaseTarget& target, const DatabaseOptions& db, bool dry_run,
                      const std::function<RunResult(const BeforeRunFn&)>& run, std::optional<json::BackupReport>& report) {
    if (dir.empty()) return run({});
    const bool text = db.format != "json";
    if (is_sqlite(target)) return with_sqlite_backup(dir, target, text, dry_run, run, report);
    const std::string& conninfo = target.runner.conninfo;
    const BeforeRunFn take = [&](const RunResult& plan) {
        const BackupCommand command = plan_backup(conninfo, dir, plan);
        if (text) std::cerr << "  backing up " << plan.database << " to " << command.file << " (pg_dump, the whole database)\n";
        const BackupResult done = run_backup(command, conninfo);
        report = json::BackupReport{command.file, backup_command_line(command), true, done.bytes, done.elapsed_ms};
        if (!text) return;
        for (const auto& w : done.warnings) std::cerr << "schemac: warning: " << w << '\n';
        std::cerr << "  backed up to " << command.file << " (" << done.bytes << " bytes, " << done.elapsed_ms << " ms)\n";
    };
    RunResult r;
    try {
        r = run(take);
    } catch (const RunnerError& e) {
        if (!report) throw;
        throw RunnerError(e.kind, std::string(e.what()) + "\n  the backup taken before the run: " + report->file);
    }
    if (dry_run && !r.steps.empty()) {
        const BackupCommand command = plan_backup(conninfo, dir, r);
        report = json::BackupReport{command.file, backup_command_line(command), false, 0, 0};
    }
    if (text && r.steps.empty()) std::cerr << "schemac: nothing to run, so no backup " << (dry_run ? "would be" : "was") << " taken\n";
    return r;
}

}  // namespace schemac::cli
