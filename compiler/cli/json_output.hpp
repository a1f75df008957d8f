// The JSON documents the commands print with --format json (docs/cli.md has
// their shapes). The only user of nlohmann-json: commands hand over their own
// results or the plain structs below and get text back, one document ending
// in a newline. Every string is made valid UTF-8 first, a byte that is not
// UTF-8 becoming the text \xNN, so the output always parses.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "load/yaml_tree.hpp"
#include "model/schema.hpp"
#include "schemac/migrate/runner.hpp"
#include "sql/plan.hpp"

namespace schemac::cli::json {

// check: {"diagnostics":[...],"errors":N,"warnings":N}
std::string diagnostics(const Diagnostics& diags);

// Any command that fails: {"error":{"kind":K,"message":M}}, with the
// diagnostics members of `diagnostics()` when there are any.
std::string error(const std::string& kind, const std::string& message, const Diagnostics* diags = nullptr);

// status, apply/rollback, repair/baseline: the runtime's results.
std::string status(const Status& st, const std::string& history_table);
// The status with the audit log: the same document plus "log": [...].
std::string status(const Status& st, const std::string& history_table, const std::vector<LogEntry>& log);
// apply/rollback --backup DIR: the dump taken before the run (dry run: the one that would be).
struct BackupReport {
    std::string file;
    std::string command;            // for people, secrets as ***
    bool written = false;
    unsigned long long bytes = 0;   // when written
    long long execution_time_ms = 0;
};
// "backup" is null without --backup, or when nothing ran.
std::string run(const RunResult& r, bool dry_run, const BackupReport* backup = nullptr);
std::string repair(const RepairResult& r, bool dry_run);

struct VerifyReport {
    std::string database;
    int version = 0;
    std::vector<std::string> differences;    // the drift, one plan summary line each
    std::vector<std::string> not_compared;   // what inspection could not see
};
std::string verify(const VerifyReport& r);

// A migration `diff` writes: its files as paths.
struct MigrationFiles {
    int version = 0;
    std::string name;
    std::string up, down;
};
// plan and diff: the steps with their SQL and hazards. `refused` (not empty):
// why nothing was printed or written, as the error member.
struct PlanReport {
    const sql::Plan* plan = nullptr;
    bool down = false;                          // plan --down: the steps' reverse is what would run
    std::string refused;
    bool diff = false;                          // the members below belong to diff's document only
    bool dry_run = false;
    bool written = false;
    std::vector<MigrationFiles> migrations;     // what diff wrote (with dry_run: would write)
    std::vector<std::string> removed;           // diff --redo: files removed
};
std::string plan(const PlanReport& r);

// show: counts and names.
std::string show(const Schema& schema, std::size_t files, const std::string& summary);

// init: {"written":[paths],"next":[commands]}
std::string init(const std::vector<std::string>& written, const std::vector<std::string>& next);
// new: {"written":[paths]}
std::string new_migration(const std::vector<std::string>& written);
// hash: {"changes":[{"change":"added","file":F}],"written":[paths]}
std::string hash(const std::vector<std::pair<std::string, std::string>>& changes, const std::vector<std::string>& written);
// import
struct ImportReport {
    std::string source, out;
    std::size_t tables = 0, enums = 0;
    std::vector<std::string> written;   // paths under out
};
std::string import(const ImportReport& r);

// generate (writing, --check or --list): every path relative to `out`.
struct GenerateReport {
    std::string out;
    std::string mode;                            // "write", "check", "list"
    std::vector<std::string> files, missing, changed, extra;
};
std::string generate(const GenerateReport& r);

// inspect: the YAML documents it would print, as their JSON equivalent
// (mappings as objects, lists as arrays, every scalar a string, null as null).
std::string inspect(const std::string& source, const std::vector<YamlTree>& documents);

}  // namespace schemac::cli::json

namespace schemac::cli {

// A failed command's report: the diagnostics on stderr (for people, in every
// format), and with `format` json the error document, `message` and the
// diagnostics, on stdout. Returns kFailure.
int report_failure(const std::string& format, const Diagnostics& diags, const std::string& message);
// One message: "schemac: error: ..." on stderr, or with json the error document on stdout. Returns `code`.
int report_error(const std::string& format, const std::string& kind, const std::string& message, int code);

}  // namespace schemac::cli
