#include "driver.hpp"

#include <utility>

#include "connection.hpp"
#include "file_lock.hpp"
#include "history_table.hpp"
#include "kept_objects.hpp"
#include "rerun.hpp"
#include "watch.hpp"
#include "schemac/sqlite/conninfo.hpp"
#include "schemac/sqlite/sql_split.hpp"

namespace schemac::migrate::sqlite {

namespace {

std::string duration_text(std::chrono::milliseconds d) {
    const auto ms = d.count();
    return ms % 1000 == 0 ? std::to_string(ms / 1000) + "s" : std::to_string(ms) + "ms";
}

// A unit of work on the migration connection.
//
// A transaction: BEGIN IMMEDIATE at once (the write lock taken before the
// first statement, so no statement waits for it half-way, and no deferred
// transaction fails to upgrade its lock), COMMIT by commit(), ROLLBACK when
// destroyed uncommitted. For a file marked -- schemac:foreign-keys-off (the
// table rebuild), PRAGMA foreign_keys = OFF before the BEGIN (inside a
// transaction SQLite ignores it), PRAGMA foreign_key_check before the COMMIT
// (any row fails the commit: the file is rolled back), and foreign keys on
// again after either. Across each table rebuild in it (CREATE TABLE
// schemac_new_X ... ALTER TABLE schemac_new_X RENAME TO X) the database's
// triggers and views are set aside and created again (KeptObjects).
//
// An autocommit unit (a file marked -- schemac:no-transaction): each statement
// runs in a transaction of its own (BEGIN IMMEDIATE) that set_progress()
// commits together with the statement's progress record, so that after a
// kill a statement is either done and recorded or neither: the runner resumes
// exactly where it stopped. Statements that cannot run inside a transaction
// (PRAGMA, VACUUM, ATTACH, DETACH) and the file's own BEGIN and COMMIT run
// alone; between the file's own BEGIN and COMMIT every statement runs in that
// transaction, its progress records too, so a kill or a failure there undoes
// the block and its records alike, and the runner resumes at its BEGIN.
class SqliteWork final : public Work {
public:
    SqliteWork(Connection& c, const HistoryTable& history, const FileLock* lock, const RunnerOptions& options, bool transaction,
               bool foreign_keys_off = false)
        : conn_(c), history_(history), lock_(lock), options_(options), transaction_(transaction),
          foreign_keys_off_(transaction && foreign_keys_off) {
        if (!transaction_) return;
        if (foreign_keys_off_) conn_.exec("PRAGMA foreign_keys = OFF");
        try {
            conn_.exec("BEGIN IMMEDIATE");
        } catch (const SqliteError& e) {
            foreign_keys_on();
            if ((e.code & 0xff) != SQLITE_BUSY) throw;
            throw RunnerError(RunnerErrorKind::failure,
                              "cannot begin a transaction: another connection kept the database locked for longer than the lock "
                              "timeout (" + duration_text(options_.lock_timeout) + ", --lock-timeout); nothing of the file ran");
        }
    }
    ~SqliteWork() override {
        conn_.rollback_quietly();
        foreign_keys_on();
    }

    void execute(const std::string& statement) override {
        const StatementKind kind = kind_of(statement);
        const bool in_transaction = transaction_ || own_open();
        if (kind == StatementKind::pragma && pragma_set(statement) == "foreign_keys" && in_transaction)
            throw SqliteError(SQLITE_ERROR, std::string("PRAGMA foreign_keys has no effect inside a transaction (SQLite ignores it there)") +
                                                (transaction_ ? "" : ": put it before the file's own BEGIN"));
        const bool wrap = !transaction_ && !conn_.in_transaction() && kind == StatementKind::other;
        if (wrap) {
            conn_.exec("BEGIN IMMEDIATE");
            pending_ = true;
        }
        try {
            if (transaction_ && begins_rebuild(statement)) kept_.set_aside(conn_.get());
            run(statement, kind);
            if (transaction_ && ends_rebuild(statement)) kept_.restore(conn_.get());
        } catch (...) {
            if (wrap) {
                conn_.rollback_quietly();
                pending_ = false;
            }
            throw;
        }
    }

    // SQLite has no settings that change how a later statement's text reads.
    std::string encoding_changed() override { return ""; }
    std::string settings_changed() override { return ""; }

    // A COMMIT that the runner had not recorded when it stopped: a kill came
    // between the commit and its progress record. Nothing is open now, so it
    // is done. Every other statement is run again (its own transaction undid
    // it, or it is a PRAGMA, which can run twice).
    Rerun prepare_rerun(const std::string& statement, std::string& note) override {
        if (kind_of(statement) == StatementKind::commit && !conn_.in_transaction()) {
            note = "the file's own transaction had committed";
            return Rerun::done;
        }
        return Rerun::run;
    }

    // A failure inside the file's own BEGIN ... COMMIT: that transaction is
    // rolled back (the runner says so), with the progress records written in it.
    std::string clean_up_failed(const std::string&) override {
        if (own_open()) conn_.rollback_quietly();
        return "";
    }

    std::string restore_session(const std::vector<SqlStatement>& done) override {
        std::string replayed;
        for (const auto& s : done) {
            if (kind_of(s.text) != StatementKind::pragma || !is_session_pragma(pragma_set(s.text))) continue;
            conn_.exec(s.text);
            replayed += (replayed.empty() ? "" : "; ") + statement_preview(s.text, 60);
        }
        return replayed.empty() ? "" : "set again what the statements before it set on the connection: " + replayed;
    }

    void verify_lock(const std::string& consequence) override {
        if (lock_) lock_->verify(consequence);
    }

    void commit() override {
        if (!transaction_) return;
        kept_.restore(conn_.get());   // a rebuild the file began and did not end
        if (foreign_keys_off_) run("PRAGMA foreign_key_check", StatementKind::pragma);
        conn_.exec("COMMIT");
        foreign_keys_on();
    }

    void insert(const HistoryRow& r) override { history_.insert(conn_.get(), r); }
    void set_progress(int version, int done, const std::string& error) override {
        if (pending_ && !error.empty()) {
            conn_.rollback_quietly();   // the statement did not complete: nothing of it stays
            pending_ = false;
        }
        history_.set_progress(conn_.get(), version, done, error);
        if (pending_) {
            conn_.exec("COMMIT");   // the statement and its record together
            pending_ = false;
        }
    }
    void set_counts(int version, int done, int total) override { history_.set_counts(conn_.get(), version, done, total); }
    void start_rollback(int version, int total) override { history_.start_rollback(conn_.get(), version, total); }
    void finish(int version, long long ms) override { history_.finish(conn_.get(), version, ms); }
    void set_checksum(int version, const std::string& checksum) override { history_.set_checksum(conn_.get(), version, checksum); }
    void remove(int version) override { history_.remove(conn_.get(), version); }
    void log(const LogEntry& e) override { history_.log(conn_.get(), e); }

private:
    void foreign_keys_on() noexcept {
        if (!foreign_keys_off_ || conn_.in_transaction()) return;
        sqlite3_exec(conn_.get(), "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    }

    // The file's own transaction is open (not the runner's, not a statement's own).
    bool own_open() const { return !transaction_ && !pending_ && conn_.in_transaction(); }

    // One statement of the file, its rows read and ignored, except those of
    // PRAGMA foreign_key_check: each is a row that breaks a foreign key, so
    // any row fails the statement (SQLite's table rebuild checks with it).
    void run(const std::string& statement, StatementKind kind) {
        Statement s(conn_.get(), statement);
        const bool fk_check = kind == StatementKind::pragma && pragma_name(statement) == "foreign_key_check";
        Interrupts& in = conn_.interrupts();
        in.timed_out = false;
        if (options_.statement_timeout.count() > 0)
            in.deadline_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 (std::chrono::steady_clock::now() + options_.statement_timeout).time_since_epoch())
                                 .count();
        in.in_statement = true;
        const auto done = [&] {
            in.in_statement = false;
            in.deadline_ns = 0;
            in.waiting = false;
        };
        long long broken = 0;
        std::string examples;
        try {
            while (s.step()) {
                if (!fk_check) continue;
                if (++broken <= 3)
                    examples += (examples.empty() ? "" : ", ") + s.text(0) + " rowid " + (s.is_null(1) ? "?" : s.text(1)) + " -> " + s.text(2);
            }
        } catch (const SqliteError& e) {
            done();
            if ((e.code & 0xff) == SQLITE_INTERRUPT && in.timed_out)
                throw SqliteError(e.code, std::string(e.what()) + ": the statement ran longer than statement_timeout (" +
                                              duration_text(options_.statement_timeout) + ")");
            throw;
        }
        done();
        if (broken > 0)
            throw SqliteError(SQLITE_CONSTRAINT_FOREIGNKEY, "PRAGMA foreign_key_check found " + std::to_string(broken) +
                                                                (broken == 1 ? " row that breaks" : " rows that break") +
                                                                " a foreign key (" + examples + (broken > 3 ? ", ..." : "") + ")");
    }

    Connection& conn_;
    const HistoryTable& history_;
    const FileLock* lock_;
    const RunnerOptions& options_;
    const bool transaction_;
    const bool foreign_keys_off_;   // -- schemac:foreign-keys-off, in a transaction
    KeptObjects kept_;   // triggers and views set aside during a table rebuild
    bool pending_ = false;   // autocommit: a statement's own transaction, committed with its progress record
};

class SqliteDriver final : public Driver {
public:
    explicit SqliteDriver(const RunnerOptions& o) : options_(o) {}

    void connect() override { open(true); }
    void connect_existing() override { open(false); }

    const std::string& database() const override { return database_; }
    const std::string& history_name() const override { return history_->display_name(); }

    // An in-memory database is this connection's alone: nothing to lock.
    void lock(std::chrono::milliseconds timeout) override {
        if (path_.memory) return;
        lock_ = std::make_unique<FileLock>(lock_file_for(path_.path, options_.history_table), timeout, database_);
    }

    bool lock_held() override { return !path_.memory && FileLock::held(lock_file_for(path_.path, options_.history_table)); }

    // A killed runner's connection ended with its process: nothing runs on.
    void wait_for_orphans(std::chrono::milliseconds) override {}

    // Under the lock no other runner writes the history: a plain read.
    std::vector<HistoryRow> read_history(bool* exists) override {
        const bool e = history_->exists(conn_->get());
        if (exists) *exists = e;
        return e ? history_->read(conn_->get()) : std::vector<HistoryRow>{};
    }

    std::vector<LogEntry> read_log() override { return history_->read_log(conn_->get()); }

    // Written only when something is missing: a runner waiting behind an
    // application's write transaction waits at its first file, not here.
    void ensure_history(bool create) override {
        bool exists = false;
        try {
            exists = history_->exists(conn_->get());
            if (exists ? history_->up_to_date(conn_->get()) : !create) return;
            conn_->exec("BEGIN IMMEDIATE");
            exists = history_->exists(conn_->get());
            if (exists) history_->upgrade(conn_->get());
            else if (create) history_->create(conn_->get());
            conn_->exec("COMMIT");
        } catch (const SqliteError& e) {
            conn_->rollback_quietly();
            throw RunnerError(RunnerErrorKind::failure,
                              std::string(exists ? "cannot bring the history table up to date (the column rolling_back, the audit log "
                                                   "beside it) "
                                                 : "cannot create the history table ") +
                                  history_->display_name() + " in " + database_ + ": " + e.what());
        }
    }

    // Before every file: what an earlier file may have changed on the
    // connection goes back to what migrations assume. journal_mode is the
    // file's own and left as it is.
    void pin_session() override {
        conn_->exec(
            "PRAGMA foreign_keys = ON; PRAGMA legacy_alter_table = OFF; PRAGMA recursive_triggers = OFF; "
            "PRAGMA ignore_check_constraints = OFF; PRAGMA defer_foreign_keys = OFF; PRAGMA writable_schema = OFF; "
            "PRAGMA query_only = OFF");
    }

    std::unique_ptr<Work> begin(bool transaction) override {
        return std::make_unique<SqliteWork>(*conn_, *history_, lock_.get(), options_, transaction);
    }

    std::unique_ptr<Watch> watch(std::function<void(const std::string&)> report, std::chrono::milliseconds every,
                                 std::chrono::milliseconds max) override {
        return watch_session(conn_->interrupts(), std::move(report), every, max);
    }

    std::vector<std::string> take_warnings() override { return {}; }

    ErrorKind classify(const std::exception& e) const override {
        return dynamic_cast<const SqliteError*>(&e) ? ErrorKind::statement : ErrorKind::other;
    }

    std::string one_line(const std::exception& e) const override {
        std::string s = e.what();
        for (char& c : s)
            if (c == '\n' || c == '\r') c = ' ';
        return s;
    }

    std::string statement_error(const std::string& error) const override {
        std::string out = "SQLite: " + error;
        if (error.find("database is locked") != std::string::npos)
            out += "\n  another connection kept the database locked for longer than the lock timeout (" +
                   duration_text(options_.lock_timeout) + ", --lock-timeout)";
        return out;
    }

    std::string transaction_error(const std::string& error) const override {
        if (error.find("within a transaction") == std::string::npos && error.find("within transaction") == std::string::npos &&
            error.find("inside a transaction") == std::string::npos)
            return error;
        return error + " (mark the file with a -- schemac:no-transaction line in its header to run it statement by statement)";
    }

    std::vector<SqlStatement> split(std::string_view sql) const override { return schemac::sqlite::split_sql(sql); }
    bool own_transactions() const override { return true; }
    bool switches_foreign_keys() const override { return true; }
    std::unique_ptr<Work> begin_file(const MigrationScript& script) override {
        return std::make_unique<SqliteWork>(*conn_, *history_, lock_.get(), options_, script.transactional, script.foreign_keys_off);
    }

private:
    void open(bool create) {
        auto parsed = schemac::sqlite::parse_sqlite_conninfo(options_.conninfo);
        if (!parsed)
            throw RunnerError(RunnerErrorKind::invalid_conninfo, "invalid connection string: not a SQLite file name or URL");
        path_ = std::move(*parsed);
        conn_ = std::make_unique<Connection>(path_, create, options_.lock_timeout);
        history_ = std::make_unique<HistoryTable>(options_.history_table);
        database_ = path_.path;
        pin_session();
    }

    RunnerOptions options_;
    schemac::sqlite::SqlitePath path_;
    std::unique_ptr<Connection> conn_;
    std::unique_ptr<HistoryTable> history_;
    std::string database_;
    std::unique_ptr<FileLock> lock_;   // taken by apply, rollback, repair, baseline
};

}  // namespace

std::unique_ptr<Driver> make_driver(const RunnerOptions& options) { return std::make_unique<SqliteDriver>(options); }

}  // namespace schemac::migrate::sqlite
