// Opening a SQLite database for the runner, and the few pieces of the SQLite C
// API it uses (a prepared statement, an error with SQLite's code). Private to
// the runtime.
#pragma once
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "schemac/sqlite/conninfo.hpp"

namespace schemac::migrate::sqlite {

using schemac::sqlite::SqlitePath;

// What SQLite refused, with its (extended) result code; what() is SQLite's message.
struct SqliteError : std::runtime_error {
    SqliteError(int code, const std::string& message) : std::runtime_error(message), code(code) {}
    int code;
};

// What the session's progress and busy handlers read, and the Watch sets
// (another thread): whether a migration statement runs, its deadline
// (statement_timeout), and whether it must be cancelled (max_duration).
struct Interrupts {
    std::atomic<bool> in_statement{false};
    std::atomic<std::int64_t> deadline_ns{0};   // steady_clock, 0: none
    std::atomic<bool> timed_out{false};         // a statement ran past its deadline and was interrupted
    std::atomic<bool> cancel{false};            // max_duration passed: interrupt the running statement
    std::atomic<bool> cancelled{false};         // ... and one was
    std::atomic<bool> waiting{false};           // in the busy handler: another connection holds a lock
    std::chrono::milliseconds busy_timeout{0};
};

// One open database. A missing file is created only when `create`; otherwise
// it is RunnerError(connection) saying that it does not exist. The session
// waits up to `busy_timeout` for another connection's lock; foreign keys are on.
class Connection {
public:
    Connection(const SqlitePath& path, bool create, std::chrono::milliseconds busy_timeout);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* get() const { return db_; }
    Interrupts& interrupts() { return interrupts_; }

    // The runner's own SQL (no user text, possibly several statements).
    void exec(const std::string& sql);
    // Whether a transaction is open on this connection.
    bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
    // ROLLBACK if a transaction is open; never throws.
    void rollback_quietly() noexcept;

private:
    sqlite3* db_ = nullptr;
    Interrupts interrupts_;
};

// A prepared statement: bind, step, read columns. Throws SqliteError.
class Statement {
public:
    // `sql` must be one statement; text after it other than spaces and
    // comments is an error (the splitter and SQLite disagree: nothing runs).
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool empty() const { return stmt_ == nullptr; }   // only spaces and comments
    Statement& bind(int i, long long v);
    Statement& bind(int i, const std::string& v);
    Statement& bind(int i, const std::optional<int>& v);
    Statement& bind_text_or_null(int i, const std::string& v);   // "" binds NULL
    Statement& bind_bool(int i, bool v) { return bind(i, static_cast<long long>(v ? 1 : 0)); }
    bool step();   // true: a row is there
    void run() {
        while (step()) {
        }
    }
    long long integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string text(int col) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// SQLite's last error on `db` as a SqliteError (message and extended code).
SqliteError error_of(sqlite3* db, int rc);

// The one way the SQLite driver quotes an identifier: "name", " doubled.
std::string quote_ident(std::string_view name);

// The operating system's name of the user running schemac (SQLite has no
// roles): applied_by and performed_by of the history and the audit log.
std::string os_user();

}  // namespace schemac::migrate::sqlite
