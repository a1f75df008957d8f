// The history table (default public.schemac_migrations) and the advisory lock
// that guards it. Private to the runtime.
#pragma once
#include <pqxx/pqxx>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "schemac/migrate/runner.hpp"

namespace schemac::detail {

class HistoryTable {
public:
    HistoryTable(pqxx::connection& c, const std::string& schema, const std::string& table);

    const std::string& qualified() const { return qualified_; }         // quoted, for SQL
    const std::string& display_name() const { return display_; }       // schema.table, for messages
    // The advisory lock key: derived from the table's name, so two histories in
    // one database (two applications) do not wait for each other.
    std::int64_t lock_key() const { return lock_key_; }

    bool exists(pqxx::transaction_base& tx) const;
    void create(pqxx::transaction_base& tx) const;   // schema and table, if missing
    // Adds what a table created by an older schemac lacks (rolling_back).
    void upgrade(pqxx::transaction_base& tx) const;
    std::vector<HistoryRow> read(pqxx::transaction_base& tx) const;   // by version

    void insert(pqxx::transaction_base& tx, const HistoryRow& r) const;   // applied_at = now()
    void set_progress(pqxx::transaction_base& tx, int version, int done, const std::string& error) const;
    void set_counts(pqxx::transaction_base& tx, int version, int done, int total) const;
    // A non-transactional down file starts: the row records its progress from now on.
    void start_rollback(pqxx::transaction_base& tx, int version, int total) const;
    void finish(pqxx::transaction_base& tx, int version, long long ms) const;   // success, now()
    void set_checksum(pqxx::transaction_base& tx, int version, const std::string& checksum) const;
    void remove(pqxx::transaction_base& tx, int version) const;
    // The audit log beside it (<table>_log, the table's name cut to 59 bytes):
    // created with the table, or by upgrade() for one made by an older schemac.
    void log(pqxx::transaction_base& tx, const LogEntry& e) const;
    std::vector<LogEntry> read_log(pqxx::transaction_base& tx) const;   // oldest first; none without the table
    // Whether some session holds this history's advisory lock (a runner is at work).
    bool lock_held(pqxx::connection& c) const;

private:
    bool has_rolling_back(pqxx::transaction_base& tx) const;

    void create_log(pqxx::transaction_base& tx) const;

    std::string schema_;
    std::string qualified_;
    std::string log_qualified_;
    std::string display_;
    std::int64_t lock_key_;
};

// A session-level advisory lock held on a connection of its own, so that the
// connection running migrations never waits inside a transaction for it (a
// blocking lock there deadlocks with CREATE INDEX CONCURRENTLY, which waits for
// every open transaction). Polled with pg_try_advisory_lock and backoff.
class AdvisoryLock {
public:
    // Throws RunnerError(lock_timeout) naming the holder when `timeout` passes.
    AdvisoryLock(const std::string& conninfo, std::int64_t key, std::chrono::milliseconds timeout,
                 const std::string& database);   // database: for the message
    ~AdvisoryLock();   // unlocks; closing the connection would release it too
    AdvisoryLock(const AdvisoryLock&) = delete;
    AdvisoryLock& operator=(const AdvisoryLock&) = delete;

    // Whether the lock's session still holds the lock, asked on another
    // session (`tx`: the migration's own transaction, so that the answer holds
    // up to its commit). False once the server ended the lock's session
    // (idle_session_timeout, pg_terminate_backend, a network failure).
    bool still_held(pqxx::transaction_base& tx) const;
    int backend_pid() const { return backend_pid_; }

private:
    std::unique_ptr<pqxx::connection> conn_;
    std::int64_t key_;
    int backend_pid_ = 0;
};

}  // namespace schemac::detail
