// What the Runner asks of a database: everything about migrating that differs
// from one database to another. The Runner (runner.cpp) orders migrations,
// compares checksums and decides what to apply or roll back; a Driver opens
// and pins the session, takes the migration lock, keeps the history table, runs
// statements inside or outside a transaction and says what an error means.
// One folder per database, each with the same files (postgres/ and sqlite/:
// driver, connection, history_table, rerun, watch). Private to the runtime.
//
// The methods with a body here are what most databases do; a driver
// overrides them where its database differs.
#pragma once
#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "schemac/migrate/runner.hpp"
#include "schemac/postgres/sql_split.hpp"

namespace schemac::migrate {

// What went wrong, as far as the Runner cares.
enum class ErrorKind {
    connection_lost,   // the session is gone: RunnerErrorKind::connection
    commit_in_doubt,   // the session was lost during a commit: it may or may not have committed
    statement,         // the database refused a statement; the session is still usable
    lock_timeout,      // a statement gave up waiting for a lock (RunnerOptions::statement_lock_timeout): retry it
    other,             // anything else (a usage error, a bug): reported as a failure
};

// What a resumed non-transactional file does with the statement it stopped at.
enum class Rerun {
    run,    // run the statement (after clearing what blocks it, if anything)
    done,   // it already took effect: count it done without running it
};

// One unit of work on the migration session: a transaction, whose statements
// and history writes commit together or not at all, or an autocommit unit, in
// which each statement and each history write takes effect on its own.
// Destroyed uncommitted, a transaction is rolled back.
class Work {
public:
    virtual ~Work() = default;

    // One statement of a migration file, alone (rows it returns are ignored).
    virtual void execute(const std::string& statement) = 0;
    // Settings the session pins that a statement changed, as one phrase, or "".
    // encoding_changed is cheap and asked after every statement of a
    // transaction; settings_changed asks the database and is asked once at its
    // end (after every statement of an autocommit unit).
    virtual std::string encoding_changed() = 0;
    virtual std::string settings_changed() = 0;
    // Autocommit units only: looks at the database before a resumed file runs
    // `statement` again; `note` says what was found, for the progress output.
    virtual Rerun prepare_rerun(const std::string& statement, std::string& note) = 0;
    // Autocommit units only: after `statement` failed, removes what it left
    // half-done (an INVALID index) and rolls back a transaction the file
    // opened itself (Driver::own_transactions); says what it did, or "".
    virtual std::string clean_up_failed(const std::string& statement) = 0;
    // Autocommit units only, before a file resumes after the statements
    // `done`: sets again what they set on the session that the database does
    // not keep (SQLite: PRAGMA foreign_keys = OFF before the file's own BEGIN),
    // so the rest runs as it would have; says what it did, or "".
    virtual std::string restore_session(const std::vector<SqlStatement>& done) {
        (void)done;
        return "";
    }
    // Throws RunnerError(lock_lost), ending with `consequence`, when the lock
    // taken by Driver::lock is no longer held. In a transaction, the answer
    // holds up to its commit. Does nothing when no lock was taken.
    virtual void verify_lock(const std::string& consequence) = 0;
    virtual void commit() = 0;

    // The history table.
    virtual void insert(const HistoryRow& r) = 0;   // applied_at = now
    virtual void set_progress(int version, int done, const std::string& error) = 0;
    virtual void set_counts(int version, int done, int total) = 0;
    // A non-transactional down file starts: the row records its progress from now on.
    virtual void start_rollback(int version, int total) = 0;
    virtual void finish(int version, long long ms) = 0;   // success, applied_at = now
    virtual void set_checksum(int version, const std::string& checksum) = 0;
    virtual void remove(int version) = 0;
    // The audit log: one entry per file run (finished_at = now).
    virtual void log(const LogEntry& e) = 0;
};

// Watches the migration session while a file runs (Driver::watch); stops
// watching when destroyed.
class Watch {
public:
    virtual ~Watch() = default;
    // Whether it cancelled the running statement because the file ran past its limit.
    virtual bool cancelled() const = 0;
};

// One session that runs migrations. Made by a DriverFactory (runner.hpp) from
// the RunnerOptions; nothing else is asked of it before connect().
class Driver {
public:
    virtual ~Driver() = default;

    // Opens and pins the session (a failure: RunnerError(connection) or
    // RunnerError(invalid_conninfo), or an error classify() reads).
    virtual void connect() = 0;
    // The same for a command that must not create the database (status,
    // rollback, repair, a dry run): a driver whose connect() creates a missing
    // database (SQLite creates a missing file) says that it does not exist.
    virtual void connect_existing() { connect(); }
    // The target for messages (user@host:port/dbname), never a password.
    virtual const std::string& database() const = 0;
    // The history table for messages (schema.table).
    virtual const std::string& history_name() const = 0;

    // Takes the migration lock for this history, waiting up to `timeout`
    // (RunnerError(lock_timeout) naming the holder); held until destruction.
    virtual void lock(std::chrono::milliseconds timeout) = 0;
    // Whether some session holds the migration lock (a runner is at work).
    virtual bool lock_held() = 0;
    // Before a failed non-transactional file is resumed: waits until no
    // session left by a killed runner still runs a statement, or `timeout` passes
    // (RunnerError(failure)).
    virtual void wait_for_orphans(std::chrono::milliseconds timeout) = 0;

    // The history rows by version (none when the table does not exist). Once
    // the lock is held, waits for a migration another runner is committing.
    virtual std::vector<HistoryRow> read_history(bool* exists = nullptr) = 0;
    // The audit log, oldest first (none when it does not exist).
    virtual std::vector<LogEntry> read_log() = 0;
    // Creates the history table (when `create`), or adds what an older
    // schemac's table lacks (RunnerError(failure) when it may not).
    virtual void ensure_history(bool create) = 0;

    // Sets the session's settings again, whatever an earlier file set.
    virtual void pin_session() = 0;
    virtual std::unique_ptr<Work> begin(bool transaction) = 0;
    // From a connection of its own: every `every` (0: never) a line for
    // `report` (called on another thread) on what the session is doing; past
    // `max` (0: never) its running statement is cancelled.
    virtual std::unique_ptr<Watch> watch(std::function<void(const std::string&)> report, std::chrono::milliseconds every,
                                         std::chrono::milliseconds max) = 0;

    // The warnings the server sent this session since the last call (a DO
    // block's RAISE WARNING: a hypertable that stays a plain table), each on
    // one line, in order.
    virtual std::vector<std::string> take_warnings() = 0;

    virtual ErrorKind classify(const std::exception& e) const = 0;
    // An error's text on one line.
    virtual std::string one_line(const std::exception& e) const = 0;
    // How a failed statement's error is reported ("PostgreSQL: ..." and any advice).
    virtual std::string statement_error(const std::string& error) const = 0;
    // `error`, from a statement run inside a transaction, with a hint when the
    // statement cannot run in one.
    virtual std::string transaction_error(const std::string& error) const = 0;

    // How a migration file is cut into statements: psql's rules unless the
    // database reads SQL otherwise (SQLite's trigger bodies).
    virtual std::vector<SqlStatement> split(std::string_view sql) const { return split_sql(sql); }
    // Whether a file marked -- schemac:no-transaction may open transactions of
    // its own (BEGIN ... COMMIT, no nesting): SQLite's table rebuild turns
    // foreign keys off outside a transaction, where alone that works, around
    // one. The runner then counts a failure inside such a block as undoing the
    // whole block (its progress records included, written in it).
    virtual bool own_transactions() const { return false; }
    // Whether the database honours -- schemac:foreign-keys-off (SQLite's table
    // rebuild, in a transactional file): foreign keys switched off before the
    // file's transaction begins (inside one SQLite ignores the switch), every
    // foreign key checked before it commits, and switched on again after.
    // Elsewhere the directive is refused before anything runs.
    virtual bool switches_foreign_keys() const { return false; }
    // The unit a migration file's statements run in: begin(script.transactional),
    // with what its directives ask of the database (switches_foreign_keys);
    // then commit() fails, and nothing of the file stays, when a row breaks a
    // foreign key.
    virtual std::unique_ptr<Work> begin_file(const MigrationScript& script) { return begin(script.transactional); }
};

}  // namespace schemac::migrate
