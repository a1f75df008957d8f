// The migration runner: status, apply, rollback, repair and baseline of a
// MigrationSet against one PostgreSQL database or SQLite file. The CLI's
// commands are thin wrappers around this class; an application links it to
// migrate itself.
//
// Guarantees (docs/runtime.md, tests/integration/runner_*):
// - a transactional migration and its history row commit together, or neither does;
// - one runner at a time per database and history table: a session-level
//   pg_try_advisory_lock on a connection of its own, polled with backoff up to
//   lock_timeout; the history is read again once the lock is held;
//   the lock's session is kept from idling out, and every migration checks,
//   inside its own transaction, that the lock is still held before it commits;
// - a non-transactional file (up or down) runs statement by statement, its
//   progress recorded, and a failed one is resumed at the statement that failed;
//   the statement it resumes at is checked first (an index a killed runner
//   finished or left INVALID);
// - a password is never part of any message.
// On SQLite (a conninfo schemac/sqlite/conninfo.hpp recognises) the lock is a
// file lock beside the database and a file's transaction is BEGIN IMMEDIATE;
// docs/runtime.md, "SQLite".
//
// Part of the runtime: the only user of libpqxx, never a compiler header.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "schemac/core/migration_set.hpp"

namespace schemac {

enum class RunnerErrorKind {
    failure,      // a migration failed, or the runner refused to go on (exit code 1)
    connection,   // cannot connect: unreachable, authentication, no such database (exit code 4)
    lock_timeout, // another runner held the lock for the whole lock timeout (exit code 5)
    lock_lost,    // the lock's session ended during the run; the migration running was not committed (exit code 5)
    invalid_conninfo, // the connection string cannot be parsed (exit code 2)
};

struct RunnerError : std::runtime_error {
    RunnerError(RunnerErrorKind k, const std::string& what) : std::runtime_error(what), kind(k) {}
    RunnerErrorKind kind;
};

struct RunnerOptions {
    std::string conninfo;                        // libpq URL or key=value string, or a SQLite file name or URL
    std::string history_schema = "public";       // PostgreSQL only (SQLite has one schema)
    std::string history_table = "schemac_migrations";
    std::chrono::milliseconds lock_timeout{60'000};   // SQLite: also how long a statement waits for another connection's lock
    // Each migration statement waits at most statement_lock_timeout for a
    // lock (PostgreSQL's lock_timeout), so that the sessions queued behind it
    // are never blocked longer; one that times out is rolled back (a
    // transactional file as a whole) and retried up to lock_retries times,
    // after 1 s, 2 s, 4 s ... (at most 30 s), each wait reported. Statements
    // with CONCURRENTLY wait without a limit: their locks block no reader or
    // writer, and a timed-out one would leave an INVALID index behind.
    // statement_timeout limits how long each statement may run (0: none).
    std::chrono::milliseconds statement_lock_timeout{3'000};
    int lock_retries = 5;
    std::chrono::milliseconds statement_timeout{0};
    // While a file runs longer than heartbeat, a progress note every heartbeat
    // (from a connection of its own): how long it has run, the lock it waits
    // for and who holds it, the phase of an index build. A file that runs
    // longer than warn_after gets a warning in the result; one that runs
    // longer than max_duration has its statement cancelled and fails (a
    // transactional file rolled back). 0: off.
    std::chrono::milliseconds heartbeat{5'000};
    std::chrono::milliseconds warn_after{0};
    std::chrono::milliseconds max_duration{0};
};

namespace migrate {
class Driver;   // what the runner asks of a database (runtime/migrate/driver.hpp, private)
}
// Opens the session a Runner works on.
using DriverFactory = std::function<std::unique_ptr<migrate::Driver>(const RunnerOptions&)>;

// One row of the history table.
struct HistoryRow {
    int version = 0;
    std::string name;
    std::string checksum;            // "sha256:<hex>"
    std::string applied_at;          // ISO 8601, UTC
    long long execution_time_ms = 0;
    std::string applied_by;
    bool success = false;
    std::optional<int> statements_done;    // non-transactional files only
    std::optional<int> statements_total;
    std::string error;               // why a non-transactional file stopped
    bool baseline = false;           // recorded by `baseline`, never run by schemac
    // A non-transactional down file stopped part-way: success is false and
    // statements_done/total count the down file's statements.
    bool rolling_back = false;
};

// One entry of the audit log (the history table's name + "_log"): every apply
// and rollback of a migration file, successful or not, kept when a rollback
// removes the migration's history row.
struct LogEntry {
    long long id = 0;
    int version = 0;
    std::string name;
    std::string action;                // "apply" or "rollback"
    std::string outcome;               // "success" or "failed"
    std::string finished_at;           // ISO 8601, UTC
    long long execution_time_ms = 0;
    std::string performed_by;          // the database role
    std::string client;                // the client's address, "local" for a unix socket
    std::string checksum;              // of the file that ran
    bool rollback_available = false;   // the migration has a down file
    std::string error;                 // why it failed, on one line
};

// The audit log's table name beside history table `table` (same schema): the
// name cut to 59 bytes, then "_log" (PostgreSQL's limit is 63 bytes).
inline std::string audit_log_table(const std::string& table) { return table.substr(0, 59) + "_log"; }

enum class MigrationState {
    applied,    // in the history, file unchanged
    baseline,   // marked applied by `baseline`
    modified,   // applied, but the file's checksum changed since
    failed,     // a non-transactional file (up, or down: row.rolling_back) stopped part-way (failed or interrupted)
    running,    // a non-transactional file a runner is applying right now (status only)
    missing,    // in the history, but no file for it
    pending,    // a file not yet applied
};
const char* state_name(MigrationState s);

struct StatusEntry {
    int version = 0;
    std::string name;
    MigrationState state = MigrationState::pending;
    std::string file;                  // the up file; empty when missing
    std::string file_checksum;         // empty when missing
    std::optional<HistoryRow> row;     // when it is in the history
    bool out_of_order = false;         // pending, but lower than the highest applied version
};

struct Status {
    std::string database;              // user@host:port/dbname, never a password
    bool history_exists = false;
    int current_version = 0;           // highest version in the history (0: none)
    std::vector<StatusEntry> entries;  // by version: files and history rows merged
};

struct RunResult;
// Called once by apply and rollback, holding the migration lock, when the plan
// is made and something will run, before the first file (never on a dry run):
// a backup (schemac/migrate/backup.hpp) of exactly the state the plan starts
// from, which no other runner can change until this run ends. What it throws
// stops the run with nothing run.
using BeforeRunFn = std::function<void(const RunResult& plan)>;

// Statements apply runs after the migrations, in one transaction, holding the
// same lock, when the database then is at `version` (else a warning says why
// not): an environment's seed rows, written by the CLI from the schema of that
// version. Nothing of them is recorded in the history.
struct AfterMigrations {
    int version = 0;
    std::string what;                      // for messages: "the seed rows of environment dev"
    std::vector<std::string> statements;
};

struct ApplyOptions {
    std::optional<int> target;         // stop after this version
    bool dry_run = false;              // report what would run, change nothing
    bool allow_out_of_order = false;   // apply pending versions below the highest applied one
    bool resume = false;               // continue a failed non-transactional file at its failed statement
    BeforeRunFn before_run = {};
    std::optional<AfterMigrations> after;
};

struct RollbackOptions {
    std::optional<int> steps;          // how many migrations to roll back (default 1)
    std::optional<int> target;         // or: roll back every migration above this version
    bool dry_run = false;
    bool allow_destructive = false;    // run down files that lose data
    BeforeRunFn before_run = {};
};

// Reported while a migration runs, for progress lines.
struct Progress {
    enum class Event { started, statement_started, statement_done, finished, note } event;
    int version = 0;
    std::string name;
    std::string file;
    bool down = false;
    int statement = 0;                 // statement_done: how many are done
    int statements = 0;
    long long elapsed_ms = 0;          // finished: the migration's execution time
    std::string note;                  // note: what a resume found, a lock wait, a heartbeat; statement_started: the statement's first line
};
using ProgressFn = std::function<void(const Progress&)>;

struct PlannedStep {
    int version = 0;
    std::string name;
    const MigrationScript* script = nullptr;   // the file that runs (up or down)
    int first_statement = 1;                   // > 1 when resuming
    bool resumes = false;                      // continues a failed non-transactional file
    int statements = 0;
};

struct RunResult {
    std::string database;
    int from_version = 0;
    int to_version = 0;
    std::vector<PlannedStep> steps;            // what runs (dry run: what would run), in order
    std::vector<long long> elapsed_ms;         // per step that ran
    std::vector<std::string> warnings;
    std::optional<AfterMigrations> after;      // ApplyOptions::after, as given
    bool after_ran = false;                    // it ran (a dry run: it would run)
};

struct RepairChange {
    int version = 0;
    std::string name;
    std::string action;                        // "update checksum", "remove failed row", "baseline"
    std::string detail;                        // what changes, e.g. "sha256:ab12… -> sha256:cd34…"
};

struct RepairOptions {
    bool dry_run = false;
    std::vector<int> mark_applied;             // failed rows the operator finished by hand
    std::vector<int> forget;                   // failed rows the operator undid by hand
};

struct RepairResult {
    std::string database;
    std::vector<RepairChange> changes;         // what changed (dry run: what would change)
    std::vector<RepairChange> unresolved;      // failed rows left as they are, with the choices
};

class Runner {
public:
    // SQLite when options.conninfo names a SQLite database
    // (sqlite::is_sqlite_conninfo), else PostgreSQL.
    Runner(MigrationSet set, RunnerOptions options);
    // Over a driver of the runtime's own (runtime/migrate/driver.hpp).
    Runner(MigrationSet set, RunnerOptions options, DriverFactory driver);

    Status status();                                             // reads only, takes no lock
    std::vector<LogEntry> log();                                 // the audit log, oldest first; reads only
    RunResult apply(const ApplyOptions& opts, const ProgressFn& progress = {});
    RunResult rollback(const RollbackOptions& opts, const ProgressFn& progress = {});
    // Brings the history in line with the files after a deliberate edit: the
    // recorded checksum of every modified migration becomes the file's. A failed
    // non-transactional file is only changed as the operator says: mark_applied
    // (finished by hand) or forget (undone by hand: the next apply runs it from
    // its first statement). A failed row with neither is reported as unresolved.
    RepairResult repair(const RepairOptions& opts);
    // The history rows of the migrations `opts` would roll back are removed and
    // nothing runs: their changes stay in the database, and the next apply runs
    // them again (what D1's migration scripts call a rollback, the one way back
    // for an up-only file). Only steps, target and dry_run of `opts` count.
    RepairResult forget(const RollbackOptions& opts);
    // Marks an existing database as being at `version` without running anything.
    RepairResult baseline(int version, bool dry_run);

    const MigrationSet& migrations() const { return set_; }

private:
    MigrationSet set_;
    RunnerOptions opts_;
    DriverFactory driver_;
};

// The conninfo with any password replaced by "***" (URL user:password@,
// ?password=, key=value password=), for messages that must show the target.
std::string redact_conninfo(const std::string& conninfo);
// `message` with the conninfo's password replaced by "***": as libpq parses it
// (PQconninfoParse), as the user wrote it (a URL's user part up to its last
// '@', a key=value password up to the next keyword), percent-decoded and
// escaped, and each piece of it cut at a character libpq may stop a value at
// (pieces of 3 or more bytes everywhere; shorter ones inside libpq's quoted
// values). See runtime/migrate/postgres/password_mask.cpp.
std::string scrub_passwords(std::string message, const std::string& conninfo);

}  // namespace schemac
