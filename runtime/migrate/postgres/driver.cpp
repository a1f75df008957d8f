#include "driver.hpp"

#include <algorithm>
#include <thread>
#include <utility>

#include "connection.hpp"
#include "history_table.hpp"
#include "rerun.hpp"
#include "watch.hpp"
#include "schemac/postgres/pg_errors.hpp"
#include "schemac/postgres/sql_scanner.hpp"
#include "schemac/postgres/sql_split.hpp"

namespace schemac::migrate::postgres {

using detail::AdvisoryLock;
using detail::HistoryTable;

namespace {

class PostgresWork final : public Work {
public:
    PostgresWork(pqxx::connection& c, const HistoryTable& history, const AdvisoryLock* lock, const std::string& database,
                 const RunnerOptions& options, bool transaction)
        : conn_(c), history_(history), lock_(lock), database_(database),
          lock_timeout_(std::to_string(options.statement_lock_timeout.count())) {
        if (transaction) tx_ = std::make_unique<pqxx::work>(c);
        else tx_ = std::make_unique<pqxx::nontransaction>(c);
    }

    // Through the extended query protocol: the server refuses a string that
    // holds two commands, so where the splitter and the server would disagree
    // about where a statement ends (an odd encoding, a quirk of the lexer),
    // nothing past the end can run. A CONCURRENTLY statement waits for its
    // locks without a limit (RunnerOptions::statement_lock_timeout says why).
    void execute(const std::string& statement) override {
        if (!sql_has_keyword(statement, "CONCURRENTLY")) {
            tx_->exec_params(statement);
            return;
        }
        tx_->exec0("SET lock_timeout = 0");
        const auto restore = [&] { tx_->exec_params("SELECT set_config('lock_timeout', $1, false)", lock_timeout_); };
        try {
            tx_->exec_params(statement);
        } catch (...) {
            try {
                restore();
            } catch (...) {
            }
            throw;
        }
        restore();
    }

    // libpq tracks client_encoding from the server's ParameterStatus reports: no query.
    std::string encoding_changed() override { return detail::client_encoding_changed(conn_); }
    std::string settings_changed() override { return detail::pinned_settings_changed(*tx_); }

    Rerun prepare_rerun(const std::string& statement, std::string& note) override {
        return detail::prepare_rerun(dynamic_cast<pqxx::nontransaction&>(*tx_), statement, note);
    }

    std::string clean_up_failed(const std::string& statement) override {
        return detail::clean_up_failed(dynamic_cast<pqxx::nontransaction&>(*tx_), statement);
    }

    // The lock's session may have been ended by the server (idle_session_timeout,
    // pg_terminate_backend, a network failure); another runner may be migrating
    // now. Asked inside this unit, so in a transaction the answer holds up to
    // its commit: a runner that takes the lock after this reads the history only
    // once the transaction has ended.
    void verify_lock(const std::string& consequence) override {
        if (!lock_ || lock_->still_held(*tx_)) return;
        throw RunnerError(RunnerErrorKind::lock_lost,
                          "lost the migration lock on " + database_ + ": its session (backend pid " +
                              std::to_string(lock_->backend_pid()) +
                              ") was ended by the server (idle_session_timeout, pg_terminate_backend or a network failure), "
                              "so another runner may be migrating now. " + consequence);
    }

    void commit() override { tx_->commit(); }

    void insert(const HistoryRow& r) override { history_.insert(*tx_, r); }
    void set_progress(int version, int done, const std::string& error) override { history_.set_progress(*tx_, version, done, error); }
    void set_counts(int version, int done, int total) override { history_.set_counts(*tx_, version, done, total); }
    void start_rollback(int version, int total) override { history_.start_rollback(*tx_, version, total); }
    void finish(int version, long long ms) override { history_.finish(*tx_, version, ms); }
    void set_checksum(int version, const std::string& checksum) override { history_.set_checksum(*tx_, version, checksum); }
    void remove(int version) override { history_.remove(*tx_, version); }
    void log(const LogEntry& e) override { history_.log(*tx_, e); }

private:
    pqxx::connection& conn_;
    const HistoryTable& history_;
    const AdvisoryLock* lock_;
    const std::string& database_;
    const std::string lock_timeout_;        // statement_lock_timeout in ms, as set_config takes it
    std::unique_ptr<pqxx::transaction_base> tx_;
};

// The server's WARNINGs on the migration session, kept for the runner to
// report per file; libpqxx would print them to stderr, where --format json
// and a deploy log lose them. Lower levels (NOTICE: "... does not exist,
// skipping") are dropped.
class WarningCollector final : public pqxx::errorhandler {
public:
    explicit WarningCollector(pqxx::connection_base& c) : pqxx::errorhandler(c) {}
    bool operator()(const char msg[]) noexcept override {
        try {
            std::string m(msg);
            while (!m.empty() && (m.back() == '\n' || m.back() == '\r')) m.pop_back();
            if (m.rfind("WARNING:", 0) == 0) {
                // libpq pads the severity ("WARNING:  text"): one space is enough.
                m = "WARNING: " + m.substr(std::min(m.find_first_not_of(' ', 8), m.size()));
                for (auto& ch : m)
                    if (ch == '\n' || ch == '\r') ch = ' ';
                warnings.push_back(std::move(m));
            }
        } catch (...) {   // out of memory: the warning is lost, the migration is not
        }
        return false;   // handled: not passed on to libpqxx's default (stderr)
    }
    std::vector<std::string> warnings;
};

class PostgresDriver final : public Driver {
public:
    explicit PostgresDriver(const RunnerOptions& o) : options_(o) {}

    void connect() override {
        conn_ = detail::connect(options_.conninfo);
        warnings_ = std::make_unique<WarningCollector>(*conn_);
        pqxx::nontransaction tx{*conn_};
        // A runner killed with SIGKILL leaves its backend running the current
        // statement; since PostgreSQL 14 the server checks the client socket
        // while a statement runs and aborts the transaction within a second.
        // This session waits idle while the lock is polled: a server that ends
        // idle sessions must not end it.
        if (conn_->server_version() >= 140000) {
            tx.exec0("SET client_connection_check_interval = '1s'");
            tx.exec0("SET idle_session_timeout = 0");
        }
        tx.exec0("SET idle_in_transaction_session_timeout = 0");
        history_ = std::make_unique<HistoryTable>(*conn_, options_.history_schema, options_.history_table);
        database_ = detail::describe(*conn_, options_.conninfo);
    }

    std::vector<std::string> take_warnings() override {
        if (!warnings_) return {};
        return std::exchange(warnings_->warnings, {});
    }

    const std::string& database() const override { return database_; }
    const std::string& history_name() const override { return history_->display_name(); }

    void lock(std::chrono::milliseconds timeout) override {
        lock_ = std::make_unique<AdvisoryLock>(options_.conninfo, history_->lock_key(), timeout, database_);
    }

    bool lock_held() override { return history_->lock_held(*conn_); }

    // After a runner was killed its backend may still run a statement for a
    // moment (until client_connection_check_interval notices); resuming a
    // non-transactional file must not run that statement beside it.
    void wait_for_orphans(std::chrono::milliseconds timeout) override {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            pqxx::nontransaction tx{*conn_};
            const long long busy = tx.exec1(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'schemac' "
                "AND pid <> pg_backend_pid() AND state <> 'idle' AND query NOT LIKE 'SELECT pg_try_advisory_lock%'")[0].as<long long>();
            if (busy == 0) return;
            if (std::chrono::steady_clock::now() >= deadline)
                throw RunnerError(RunnerErrorKind::failure,
                                  "a schemac session that is not this runner is still running a statement in this database; "
                                  "wait for it to end (pg_stat_activity, application_name 'schemac') before resuming");
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    // Under the lock, the read waits for a migration that a runner which lost
    // the lock is committing right now (it holds a row lock on the history
    // table until then), so its row is seen.
    std::vector<HistoryRow> read_history(bool* exists) override {
        std::unique_ptr<pqxx::transaction_base> tx;
        if (lock_) tx = std::make_unique<pqxx::work>(*conn_);
        else tx = std::make_unique<pqxx::read_transaction>(*conn_);
        const bool e = history_->exists(*tx);
        if (exists) *exists = e;
        if (e && lock_) tx->exec0("LOCK TABLE " + history_->qualified() + " IN SHARE MODE");
        return e ? history_->read(*tx) : std::vector<HistoryRow>{};
    }

    std::vector<LogEntry> read_log() override {
        pqxx::read_transaction tx{*conn_};
        return history_->read_log(tx);
    }

    void ensure_history(bool create) override {
        pqxx::work tx{*conn_};
        // Checked first: CREATE ... IF NOT EXISTS still needs the CREATE privilege.
        const bool exists = history_->exists(tx);
        try {
            if (exists) history_->upgrade(tx);
            else if (create) history_->create(tx);
        } catch (const pqxx::sql_error& e) {
            throw RunnerError(RunnerErrorKind::failure,
                              std::string(exists ? "cannot bring the history table up to date (the column rolling_back, the audit "
                                                   "log beside it) "
                                                 : "cannot create the history table ") +
                                  history_->display_name() + ": " + detail::one_line(e.what()) +
                                  (exists ? " (run this schemac once as the table's owner)" : ""));
        }
        tx.commit();
    }

    // The pinned settings, then the migration statements' timeouts: every file
    // starts with them (a file's own SET comes later and wins until the next).
    void pin_session() override {
        detail::pin_session(*conn_, "SET lock_timeout = " + std::to_string(options_.statement_lock_timeout.count()) +
                                        "; SET statement_timeout = " + std::to_string(options_.statement_timeout.count()));
    }

    std::unique_ptr<Work> begin(bool transaction) override {
        return std::make_unique<PostgresWork>(*conn_, *history_, lock_.get(), database_, options_, transaction);
    }

    std::unique_ptr<Watch> watch(std::function<void(const std::string&)> report, std::chrono::milliseconds every,
                                 std::chrono::milliseconds max) override {
        return watch_session(options_.conninfo, conn_->backendpid(), std::move(report), every, max);
    }

    ErrorKind classify(const std::exception& e) const override {
        if (dynamic_cast<const pqxx::in_doubt_error*>(&e)) return ErrorKind::commit_in_doubt;
        if (dynamic_cast<const pqxx::broken_connection*>(&e)) return ErrorKind::connection_lost;
        if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
            // lock_not_available: lock_timeout ran out (or a NOWAIT found the lock taken).
            return sql->sqlstate() == "55P03" ? ErrorKind::lock_timeout : ErrorKind::statement;
        }
        return ErrorKind::other;
    }

    std::string one_line(const std::exception& e) const override { return detail::one_line(e.what()); }

    std::string statement_error(const std::string& error) const override {
        return "PostgreSQL: " + error + (is_lock_table_full(error) ? "\n  " + pg_error_advice("53200") : std::string());
    }

    std::string transaction_error(const std::string& error) const override {
        if (error.find("cannot run inside a transaction block") == std::string::npos) return error;
        return error + " (mark the file with a -- schemac:no-transaction line in its header to run it statement by statement)";
    }

    // psql's rules: dollar quotes, BEGIN ATOMIC bodies (schemac/postgres/sql_split.hpp).
    std::vector<SqlStatement> split(std::string_view sql) const override { return split_sql(sql); }

private:
    RunnerOptions options_;
    std::unique_ptr<pqxx::connection> conn_;
    std::unique_ptr<WarningCollector> warnings_;   // after conn_: destroyed before it
    std::unique_ptr<HistoryTable> history_;
    std::string database_;
    std::unique_ptr<AdvisoryLock> lock_;   // taken by apply, rollback, repair, baseline
};

}  // namespace

std::unique_ptr<Driver> make_driver(const RunnerOptions& options) { return std::make_unique<PostgresDriver>(options); }

}  // namespace schemac::migrate::postgres
