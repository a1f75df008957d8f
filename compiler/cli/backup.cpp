#include "cli/backup.hpp"

#include <iostream>

#include "schemac/migrate/backup.hpp"

namespace schemac::cli {

std::string backup_dir(const std::vector<std::string>& given) {
    if (given.empty()) return "";
    if (given.size() > 1) throw UsageError("--backup: give one directory");
    if (given[0].empty()) throw UsageError("--backup: the directory is empty (an unset variable?); nothing was run");
    return given[0];
}

RunResult with_backup(const std::string& dir, const DatabaseTarget& target, const DatabaseOptions& db, bool dry_run,
                      const std::function<RunResult(const BeforeRunFn&)>& run, std::optional<json::BackupReport>& report) {
    if (dir.empty()) return run({});
    const std::string& conninfo = target.runner.conninfo;
    const bool text = db.format != "json";
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
