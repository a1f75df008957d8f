#include "history_table.hpp"

#include "connection.hpp"

namespace schemac::migrate::sqlite {

namespace {

// UTC, as PostgreSQL's history prints it: 2026-01-02T10:15:00Z.
constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

}  // namespace

HistoryTable::HistoryTable(const std::string& table)
    : table_(table),
      log_table_(audit_log_table(table)),
      qualified_(quote_ident(table)),
      log_qualified_(quote_ident(log_table_)),
      user_(os_user()) {}

bool HistoryTable::table_exists(sqlite3* db, const std::string& name) const {
    // Table names are case-insensitive in SQLite (ASCII).
    Statement s(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1 COLLATE NOCASE");
    s.bind(1, name);
    return s.step();
}

bool HistoryTable::exists(sqlite3* db) const { return table_exists(db, table_); }

void HistoryTable::create(sqlite3* db) const {
    Statement(db, "CREATE TABLE IF NOT EXISTS " + qualified_ + R"( (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at text NOT NULL DEFAULT ()" + kNow + R"(),
    execution_time_ms integer NOT NULL DEFAULT 0,
    applied_by text NOT NULL DEFAULT '',
    success integer NOT NULL CHECK (success IN (0, 1)),
    statements_done integer,
    statements_total integer,
    error text,
    baseline integer NOT NULL DEFAULT 0 CHECK (baseline IN (0, 1)),
    rolling_back integer NOT NULL DEFAULT 0 CHECK (rolling_back IN (0, 1))
))")
        .run();
    create_log(db);
}

void HistoryTable::create_log(sqlite3* db) const {
    Statement(db, "CREATE TABLE IF NOT EXISTS " + log_qualified_ + R"( (
    id integer PRIMARY KEY,
    version integer NOT NULL,
    name text NOT NULL,
    action text NOT NULL CHECK (action IN ('apply', 'rollback')),
    outcome text NOT NULL CHECK (outcome IN ('success', 'failed')),
    finished_at text NOT NULL DEFAULT ()" + kNow + R"(),
    execution_time_ms integer NOT NULL,
    performed_by text NOT NULL DEFAULT '',
    client text NOT NULL DEFAULT 'local',
    checksum text NOT NULL,
    rollback_available integer NOT NULL CHECK (rollback_available IN (0, 1)),
    error text
))")
        .run();
}

bool HistoryTable::has_rolling_back(sqlite3* db) const {
    Statement has(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = 'rolling_back'");
    has.bind(1, table_);
    return has.step();
}

bool HistoryTable::up_to_date(sqlite3* db) const { return has_rolling_back(db) && table_exists(db, log_table_); }

void HistoryTable::upgrade(sqlite3* db) const {
    if (!has_rolling_back(db))
        Statement(db, "ALTER TABLE " + qualified_ +
                          " ADD COLUMN rolling_back integer NOT NULL DEFAULT 0 CHECK (rolling_back IN (0, 1))")
            .run();
    if (!table_exists(db, log_table_)) create_log(db);
}

std::vector<HistoryRow> HistoryTable::read(sqlite3* db) const {
    const std::string rolling_back = has_rolling_back(db) ? "rolling_back" : "0";
    Statement s(db, "SELECT version, name, checksum, applied_at, execution_time_ms, applied_by, success, statements_done, "
                    "statements_total, coalesce(error, ''), baseline, " +
                        rolling_back + " FROM " + qualified_ + " ORDER BY version");
    std::vector<HistoryRow> rows;
    while (s.step()) {
        HistoryRow h;
        h.version = static_cast<int>(s.integer(0));
        h.name = s.text(1);
        h.checksum = s.text(2);
        h.applied_at = s.text(3);
        h.execution_time_ms = s.integer(4);
        h.applied_by = s.text(5);
        h.success = s.integer(6) != 0;
        if (!s.is_null(7)) h.statements_done = static_cast<int>(s.integer(7));
        if (!s.is_null(8)) h.statements_total = static_cast<int>(s.integer(8));
        h.error = s.text(9);
        h.baseline = s.integer(10) != 0;
        h.rolling_back = s.integer(11) != 0;
        rows.push_back(std::move(h));
    }
    return rows;
}

void HistoryTable::insert(sqlite3* db, const HistoryRow& r) const {
    Statement s(db, "INSERT INTO " + qualified_ +
                        " (version, name, checksum, execution_time_ms, applied_by, success, statements_done, statements_total, "
                        "error, baseline) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    s.bind(1, static_cast<long long>(r.version))
        .bind(2, r.name)
        .bind(3, r.checksum)
        .bind(4, r.execution_time_ms)
        .bind(5, user_)
        .bind_bool(6, r.success)
        .bind(7, r.statements_done)
        .bind(8, r.statements_total)
        .bind_text_or_null(9, r.error)
        .bind_bool(10, r.baseline)
        .run();
}

void HistoryTable::set_progress(sqlite3* db, int version, int done, const std::string& error) const {
    Statement(db, "UPDATE " + qualified_ + " SET statements_done = ?2, error = ?3 WHERE version = ?1")
        .bind(1, static_cast<long long>(version))
        .bind(2, static_cast<long long>(done))
        .bind_text_or_null(3, error)
        .run();
}

void HistoryTable::set_counts(sqlite3* db, int version, int done, int total) const {
    Statement(db, "UPDATE " + qualified_ + " SET statements_done = ?2, statements_total = ?3 WHERE version = ?1")
        .bind(1, static_cast<long long>(version))
        .bind(2, static_cast<long long>(done))
        .bind(3, static_cast<long long>(total))
        .run();
}

void HistoryTable::start_rollback(sqlite3* db, int version, int total) const {
    Statement(db, "UPDATE " + qualified_ +
                      " SET success = 0, rolling_back = 1, statements_done = 0, statements_total = ?2, error = NULL WHERE version = ?1")
        .bind(1, static_cast<long long>(version))
        .bind(2, static_cast<long long>(total))
        .run();
}

void HistoryTable::finish(sqlite3* db, int version, long long ms) const {
    Statement(db, "UPDATE " + qualified_ + " SET success = 1, rolling_back = 0, error = NULL, applied_at = " + kNow +
                      ", execution_time_ms = ?2 WHERE version = ?1")
        .bind(1, static_cast<long long>(version))
        .bind(2, ms)
        .run();
}

void HistoryTable::set_checksum(sqlite3* db, int version, const std::string& checksum) const {
    Statement(db, "UPDATE " + qualified_ + " SET checksum = ?2 WHERE version = ?1")
        .bind(1, static_cast<long long>(version))
        .bind(2, checksum)
        .run();
}

void HistoryTable::remove(sqlite3* db, int version) const {
    Statement(db, "DELETE FROM " + qualified_ + " WHERE version = ?1").bind(1, static_cast<long long>(version)).run();
}

void HistoryTable::log(sqlite3* db, const LogEntry& e) const {
    Statement(db, "INSERT INTO " + log_qualified_ +
                      " (version, name, action, outcome, execution_time_ms, performed_by, checksum, rollback_available, error) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, static_cast<long long>(e.version))
        .bind(2, e.name)
        .bind(3, e.action)
        .bind(4, e.outcome)
        .bind(5, e.execution_time_ms)
        .bind(6, user_)
        .bind(7, e.checksum)
        .bind_bool(8, e.rollback_available)
        .bind_text_or_null(9, e.error)
        .run();
}

std::vector<LogEntry> HistoryTable::read_log(sqlite3* db) const {
    std::vector<LogEntry> out;
    if (!table_exists(db, log_table_)) return out;
    Statement s(db, "SELECT id, version, name, action, outcome, finished_at, execution_time_ms, performed_by, client, checksum, "
                    "rollback_available, coalesce(error, '') FROM " +
                        log_qualified_ + " ORDER BY id");
    while (s.step()) {
        LogEntry e;
        e.id = s.integer(0);
        e.version = static_cast<int>(s.integer(1));
        e.name = s.text(2);
        e.action = s.text(3);
        e.outcome = s.text(4);
        e.finished_at = s.text(5);
        e.execution_time_ms = s.integer(6);
        e.performed_by = s.text(7);
        e.client = s.text(8);
        e.checksum = s.text(9);
        e.rollback_available = s.integer(10) != 0;
        e.error = s.text(11);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace schemac::migrate::sqlite
