#include "history_table.hpp"

#include <random>
#include <thread>

#include "connection.hpp"
#include "schemac/core/sha256.hpp"

namespace schemac::detail {

namespace {

std::int64_t key_for(const std::string& schema, const std::string& table) {
    Sha256 h;
    h.update("schemac migration lock\n" + schema + "\n" + table);
    const auto d = h.finish();
    std::uint64_t k = 0;
    for (int i = 0; i < 8; ++i) k = (k << 8) | d[i];
    return static_cast<std::int64_t>(k);
}

template <class T>
std::optional<T> opt(const pqxx::field& f) {
    if (f.is_null()) return std::nullopt;
    return f.as<T>();
}

// pg_locks rows (alias l) of the advisory lock with key $1 in this database.
const std::string kLockRows =
    "l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
    "AND ((l.classid::bigint << 32) | l.objid::bigint) = $1";

// Settings of the lock's session: it sits idle for the whole run, and a
// server that ends idle sessions would end it and release the lock.
void keep_alive(pqxx::connection& c) {
    pqxx::nontransaction tx{c};
    tx.exec0("SET idle_in_transaction_session_timeout = 0");
    tx.exec0("SET statement_timeout = 0");
    if (c.server_version() >= 140000) tx.exec0("SET idle_session_timeout = 0");
    // Over TCP, the server probes the idle client often enough that a NAT or
    // firewall keeps the connection, and a dead client's lock is freed within
    // about two minutes instead of hours (ignored on a Unix socket).
    tx.exec0("SET tcp_keepalives_idle = 60");
    tx.exec0("SET tcp_keepalives_interval = 10");
    tx.exec0("SET tcp_keepalives_count = 6");
}

}  // namespace

HistoryTable::HistoryTable(pqxx::connection& c, const std::string& schema, const std::string& table)
    : schema_(quote_ident(c, schema)),
      qualified_(schema_ + "." + quote_ident(c, table)),
      log_qualified_(schema_ + "." + quote_ident(c, audit_log_table(table))),
      display_(schema + "." + table),
      lock_key_(key_for(schema, table)) {}

bool HistoryTable::exists(pqxx::transaction_base& tx) const {
    return tx.exec_params1("SELECT to_regclass($1) IS NOT NULL", qualified_)[0].as<bool>();
}

void HistoryTable::create(pqxx::transaction_base& tx) const {
    // Only when missing (also public, which a database may have dropped):
    // CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when it exists.
    if (tx.exec_params1("SELECT to_regnamespace($1) IS NULL", schema_)[0].as<bool>()) tx.exec0("CREATE SCHEMA " + schema_);
    tx.exec0("CREATE TABLE IF NOT EXISTS " + qualified_ + R"( (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    execution_time_ms bigint NOT NULL DEFAULT 0,
    applied_by text NOT NULL DEFAULT current_user,
    success boolean NOT NULL,
    statements_done integer,
    statements_total integer,
    error text,
    baseline boolean NOT NULL DEFAULT false,
    rolling_back boolean NOT NULL DEFAULT false
))");
    tx.exec0("COMMENT ON TABLE " + qualified_ +
             " IS 'schemac: one row per applied migration; written only by schemac (see docs/runtime.md)'");
    create_log(tx);
}

void HistoryTable::create_log(pqxx::transaction_base& tx) const {
    tx.exec0("CREATE TABLE IF NOT EXISTS " + log_qualified_ + R"( (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version integer NOT NULL,
    name text NOT NULL,
    action text NOT NULL CHECK (action IN ('apply', 'rollback')),
    outcome text NOT NULL CHECK (outcome IN ('success', 'failed')),
    finished_at timestamptz NOT NULL DEFAULT now(),
    execution_time_ms bigint NOT NULL,
    performed_by text NOT NULL DEFAULT current_user,
    client text NOT NULL DEFAULT coalesce(host(inet_client_addr()), 'local'),
    checksum text NOT NULL,
    rollback_available boolean NOT NULL,
    error text
))");
    tx.exec0("COMMENT ON TABLE " + log_qualified_ +
             " IS 'schemac: every apply and rollback of a migration file, kept; written only by schemac (see docs/runtime.md)'");
}

void HistoryTable::log(pqxx::transaction_base& tx, const LogEntry& e) const {
    tx.exec_params0("INSERT INTO " + log_qualified_ +
                        " (version, name, action, outcome, execution_time_ms, checksum, rollback_available, error) "
                        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    e.version, e.name, e.action, e.outcome, e.execution_time_ms, e.checksum, e.rollback_available,
                    e.error.empty() ? std::optional<std::string>{} : e.error);
}

std::vector<LogEntry> HistoryTable::read_log(pqxx::transaction_base& tx) const {
    std::vector<LogEntry> out;
    if (tx.exec_params1("SELECT to_regclass($1) IS NULL", log_qualified_)[0].as<bool>()) return out;
    for (const auto& row : tx.exec(
             "SELECT id, version, name, action, outcome, to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
             "execution_time_ms, performed_by, client, checksum, rollback_available, coalesce(error, '') FROM " +
             log_qualified_ + " ORDER BY id")) {
        LogEntry e;
        e.id = row[0].as<long long>();
        e.version = row[1].as<int>();
        e.name = row[2].as<std::string>();
        e.action = row[3].as<std::string>();
        e.outcome = row[4].as<std::string>();
        e.finished_at = row[5].as<std::string>();
        e.execution_time_ms = row[6].as<long long>();
        e.performed_by = row[7].as<std::string>();
        e.client = row[8].as<std::string>();
        e.checksum = row[9].as<std::string>();
        e.rollback_available = row[10].as<bool>();
        e.error = row[11].as<std::string>();
        out.push_back(std::move(e));
    }
    return out;
}

bool HistoryTable::has_rolling_back(pqxx::transaction_base& tx) const {
    return tx.exec_params1("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1) "
                           "AND attname = 'rolling_back' AND NOT attisdropped)",
                           qualified_)[0]
        .as<bool>();
}

void HistoryTable::upgrade(pqxx::transaction_base& tx) const {
    if (!has_rolling_back(tx))
        tx.exec0("ALTER TABLE " + qualified_ + " ADD COLUMN IF NOT EXISTS rolling_back boolean NOT NULL DEFAULT false");
    // Checked first: CREATE TABLE IF NOT EXISTS still needs the CREATE privilege.
    if (tx.exec_params1("SELECT to_regclass($1) IS NULL", log_qualified_)[0].as<bool>()) create_log(tx);
}

std::vector<HistoryRow> HistoryTable::read(pqxx::transaction_base& tx) const {
    std::vector<HistoryRow> rows;
    // A table created by an older schemac has no rolling_back column until the
    // next runner that takes the lock adds it; status reads it as it is.
    const std::string rolling_back = has_rolling_back(tx) ? "rolling_back" : "false";
    const auto r = tx.exec(
        "SELECT version, name, checksum, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "execution_time_ms, applied_by, success, statements_done, statements_total, coalesce(error, ''), baseline, " +
        rolling_back + " FROM " + qualified_ + " ORDER BY version");
    for (const auto& row : r) {
        HistoryRow h;
        h.version = row[0].as<int>();
        h.name = row[1].as<std::string>();
        h.checksum = row[2].as<std::string>();
        h.applied_at = row[3].as<std::string>();
        h.execution_time_ms = row[4].as<long long>();
        h.applied_by = row[5].as<std::string>();
        h.success = row[6].as<bool>();
        h.statements_done = opt<int>(row[7]);
        h.statements_total = opt<int>(row[8]);
        h.error = row[9].as<std::string>();
        h.baseline = row[10].as<bool>();
        h.rolling_back = row[11].as<bool>();
        rows.push_back(std::move(h));
    }
    return rows;
}

void HistoryTable::insert(pqxx::transaction_base& tx, const HistoryRow& r) const {
    tx.exec_params0("INSERT INTO " + qualified_ +
                        " (version, name, checksum, execution_time_ms, success, statements_done, statements_total, "
                        "error, baseline) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    r.version, r.name, r.checksum, r.execution_time_ms, r.success, r.statements_done,
                    r.statements_total, r.error.empty() ? std::optional<std::string>{} : r.error, r.baseline);
}

void HistoryTable::set_progress(pqxx::transaction_base& tx, int version, int done, const std::string& error) const {
    tx.exec_params0("UPDATE " + qualified_ + " SET statements_done = $2, error = $3 WHERE version = $1", version, done,
                    error.empty() ? std::optional<std::string>{} : error);
}

void HistoryTable::set_counts(pqxx::transaction_base& tx, int version, int done, int total) const {
    tx.exec_params0("UPDATE " + qualified_ + " SET statements_done = $2, statements_total = $3 WHERE version = $1", version,
                    done, total);
}

void HistoryTable::start_rollback(pqxx::transaction_base& tx, int version, int total) const {
    tx.exec_params0("UPDATE " + qualified_ +
                        " SET success = false, rolling_back = true, statements_done = 0, statements_total = $2, error = NULL "
                        "WHERE version = $1",
                    version, total);
}

void HistoryTable::finish(pqxx::transaction_base& tx, int version, long long ms) const {
    tx.exec_params0("UPDATE " + qualified_ +
                        " SET success = true, rolling_back = false, error = NULL, applied_at = now(), execution_time_ms = $2 "
                        "WHERE version = $1",
                    version, ms);
}

void HistoryTable::set_checksum(pqxx::transaction_base& tx, int version, const std::string& checksum) const {
    tx.exec_params0("UPDATE " + qualified_ + " SET checksum = $2 WHERE version = $1", version, checksum);
}

void HistoryTable::remove(pqxx::transaction_base& tx, int version) const {
    tx.exec_params0("DELETE FROM " + qualified_ + " WHERE version = $1", version);
}

bool HistoryTable::lock_held(pqxx::connection& c) const {
    pqxx::nontransaction tx{c};
    return tx.exec_params1("SELECT EXISTS (SELECT 1 FROM pg_locks l WHERE " + kLockRows + ")", lock_key_)[0].as<bool>();
}

AdvisoryLock::AdvisoryLock(const std::string& conninfo, std::int64_t key, std::chrono::milliseconds timeout,
                           const std::string& database)
    : conn_(connect(conninfo)), key_(key) {
    keep_alive(*conn_);
    backend_pid_ = conn_->backendpid();
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + timeout;
    std::minstd_rand jitter{std::random_device{}()};
    auto wait = std::chrono::milliseconds(20);
    for (;;) {
        {
            pqxx::nontransaction tx{*conn_};
            if (tx.exec_params1("SELECT pg_try_advisory_lock($1)", key_)[0].as<bool>()) return;
        }
        const auto now = clock::now();
        if (now >= deadline) break;
        // Backoff with jitter, so that runners started together do not poll in step.
        auto sleep = wait + std::chrono::milliseconds(jitter() % (wait.count() / 2 + 1));
        sleep = std::min<std::chrono::milliseconds>(sleep, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now));
        std::this_thread::sleep_for(sleep);
        wait = std::min(wait * 2, std::chrono::milliseconds(1000));
    }
    std::string holder;
    try {
        pqxx::nontransaction tx{*conn_};
        const auto r = tx.exec_params(
            "SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'local'), "
            "to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') "
            "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE " + kLockRows,
            key_);
        if (!r.empty())
            holder = " (held by backend pid " + r[0][0].as<std::string>() + ", application '" + r[0][1].as<std::string>() +
                     "', client " + r[0][2].as<std::string>() + ", connected since " + r[0][3].as<std::string>() + " UTC)";
    } catch (const std::exception&) {
    }
    throw RunnerError(RunnerErrorKind::lock_timeout,
                      "lock not obtained within " + std::to_string(timeout.count()) + " ms: another schemac runner holds the migration lock on " +
                          database + holder + "; try again later or raise --lock-timeout");
}

bool AdvisoryLock::still_held(pqxx::transaction_base& tx) const {
    return tx.exec_params1("SELECT EXISTS (SELECT 1 FROM pg_locks l WHERE " + kLockRows + " AND l.pid = $2)", key_,
                           backend_pid_)[0]
        .as<bool>();
}

AdvisoryLock::~AdvisoryLock() {
    try {
        pqxx::nontransaction tx{*conn_};
        tx.exec_params("SELECT pg_advisory_unlock($1)", key_);
    } catch (...) {
    }
}

}  // namespace schemac::detail
