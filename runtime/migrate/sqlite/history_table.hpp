// The history table of a SQLite database (default schemac_migrations) and the
// audit log beside it (<table>_log), with the columns of PostgreSQL's
// (migrate/postgres/history_table.hpp) in SQLite's types: booleans are
// integers 0/1 (with a CHECK), times are ISO 8601 text in UTC, the user is the
// operating system's (SQLite has no roles). SQLite has one schema, main: the
// configured history schema is not used. Private to the runtime.
#pragma once
#include <sqlite3.h>

#include <string>
#include <vector>

#include "schemac/migrate/runner.hpp"

namespace schemac::migrate::sqlite {

class HistoryTable {
public:
    explicit HistoryTable(const std::string& table);

    const std::string& display_name() const { return table_; }   // for messages
    const std::string& table() const { return table_; }

    bool exists(sqlite3* db) const;
    void create(sqlite3* db) const;    // the table and its log, if missing
    void upgrade(sqlite3* db) const;   // what an older table lacks (rolling_back, the log)
    bool up_to_date(sqlite3* db) const;   // nothing for upgrade() to do
    std::vector<HistoryRow> read(sqlite3* db) const;   // by version

    void insert(sqlite3* db, const HistoryRow& r) const;   // applied_at = now
    void set_progress(sqlite3* db, int version, int done, const std::string& error) const;
    void set_counts(sqlite3* db, int version, int done, int total) const;
    void start_rollback(sqlite3* db, int version, int total) const;
    void finish(sqlite3* db, int version, long long ms) const;   // success, now
    void set_checksum(sqlite3* db, int version, const std::string& checksum) const;
    void remove(sqlite3* db, int version) const;
    void log(sqlite3* db, const LogEntry& e) const;
    std::vector<LogEntry> read_log(sqlite3* db) const;   // oldest first; none without the table

private:
    bool table_exists(sqlite3* db, const std::string& name) const;
    bool has_rolling_back(sqlite3* db) const;
    void create_log(sqlite3* db) const;

    std::string table_;
    std::string log_table_;
    std::string qualified_;       // quoted, for SQL
    std::string log_qualified_;
    std::string user_;            // applied_by, performed_by
};

}  // namespace schemac::migrate::sqlite
