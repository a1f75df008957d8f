// The SQLite side of generated DAOs (library schemac_dao_sqlite, the `sqlite3`
// driver of `schemac generate`): an open database, prepared statements that
// bind and read every C++ type of the sqlite3 type mapping (docs/codegen.md),
// and transactions, over the SQLite C API (libsqlite3 >= 3.35: RETURNING).
//
//     schemac::dao_sqlite::Connection db("shop.db");
//     schemac::dao_sqlite::Transaction tx(db);
//     auto st = db.statement("SELECT id, note FROM orders WHERE id = ?1");
//     st.bind_next(id);                         // ?1
//     while (st.step()) {
//         st.read(0, o.id);                     // std::int64_t: NULL throws
//         st.read(1, o.note);                   // std::optional<std::string>: NULL -> nullopt
//     }
//     tx.commit();
//
// Every failure is a schemac::dao_sqlite::Error: SQLite's own message on one
// line, with the statement, and SQLite's extended result code.
//
// This header does not include <sqlite3.h>: code that includes it (generated
// code) never sees SQLite's macros, so no column name can collide with one.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "schemac/postgres/values.hpp"   // Decimal and Bytes: numeric and blob, the types the libpqxx driver uses

struct sqlite3;
struct sqlite3_stmt;

namespace schemac::dao_sqlite {

// What SQLite refused, or a value that does not fit its C++ type. what() is
// one line: SQLite's message, then the statement it ran. code() is SQLite's
// extended result code (SQLITE_CONSTRAINT_UNIQUE, SQLITE_BUSY, ...), or
// SQLITE_MISMATCH (20) for what schemac itself refused: a column that does
// not fit its C++ type, a NULL read into a type that is not std::optional, a
// NaN (which SQLite would store as NULL), a result of the wrong shape (no row
// where one must be, a missing column).
class Error : public std::runtime_error {
public:
    Error(int code, const std::string& message);
    int code() const { return code_; }

private:
    int code_;
};

struct OpenOptions {
    bool create = true;                              // create the file when it is missing
    bool read_only = false;
    std::chrono::milliseconds busy_timeout{5000};    // how long to wait for another connection's lock
    bool foreign_keys = true;                        // PRAGMA foreign_keys = ON, as the migrations expect
};

class Connection;

// A prepared statement, taken from its connection's cache (Connection::statement)
// and given back, reset and with its parameters cleared, when destroyed.
// Parameters are 1-based, as in SQLite (?1 is 1); text and blobs are copied
// when bound. Movable, not copyable; must not outlive its Connection.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    void bind(int index, std::int64_t v);
    void bind(int index, std::int32_t v) { bind(index, static_cast<std::int64_t>(v)); }
    void bind(int index, std::int16_t v) { bind(index, static_cast<std::int64_t>(v)); }
    void bind(int index, bool v) { bind(index, static_cast<std::int64_t>(v ? 1 : 0)); }   // stored as 0 and 1
    void bind(int index, double v);                   // NaN throws: SQLite would store it as NULL
    void bind(int index, std::string_view v);         // text, any bytes (a zero byte included)
    void bind(int index, const std::string& v) { bind(index, std::string_view(v)); }
    void bind(int index, const char* v) { bind(index, std::string_view(v)); }
    void bind(int index, const Decimal& v);           // as text: NUMERIC affinity stores it as INTEGER or REAL
    void bind(int index, const Bytes& v) { bind_blob(index, v.data(), v.size()); }
    void bind_blob(int index, const void* data, std::size_t size);   // an empty blob is an empty blob, not NULL
    void bind_null(int index);
    template <class T> void bind(int index, const std::optional<T>& v) {
        if (v) bind(index, *v);
        else bind_null(index);
    }
    // Binds the next parameter by number: ?1 first, then ?2, ...
    template <class T> void bind_next(const T& v) { bind(++next_, v); }
    // Binds the next parameter by name: $1 first, then $2, ... (a named query's
    // placeholders, which SQLite numbers in order of appearance). A number the
    // SQL does not use is skipped.
    template <class T> void bind_next_named(const T& v) {
        if (const int index = named_index(++next_)) bind(index, v);
    }

    // Runs to the next row: true when there is one, false when the statement is done.
    bool step();
    // Back to before the first step, every parameter cleared (NULL) and bind_next at ?1 again.
    void reset();
    // Steps to the end, whatever rows come.
    void run();
    // The rows the statement inserted, updated or deleted (after it is done).
    std::int64_t changes() const;

    int column_count() const;
    std::string_view column_name(int column) const;
    bool is_null(int column) const;

    // A column of the current row. A value that does not fit (a text in an
    // integer column, 70000 for a std::int16_t, 2 for a bool) throws Error
    // naming the column; NULL throws unless the type is std::optional.
    void read(int column, std::int64_t& out) const;
    void read(int column, std::int32_t& out) const;
    void read(int column, std::int16_t& out) const;
    void read(int column, bool& out) const;           // 0 or 1
    void read(int column, double& out) const;         // REAL or INTEGER
    void read(int column, std::string& out) const;    // TEXT (or a number, as SQLite prints it)
    void read(int column, Decimal& out) const;        // INTEGER, REAL or numeric TEXT
    void read(int column, Bytes& out) const;          // BLOB (or TEXT, its bytes)
    template <class T> void read(int column, std::optional<T>& out) const {
        if (is_null(column)) {
            out.reset();
            return;
        }
        T v{};
        read(column, v);
        out = std::move(v);
    }

    std::string_view sql() const { return *sql_; }
    ::sqlite3_stmt* get() const { return stmt_; }

    // Throws Error with SQLite's message for `rc` (the statement's connection's last error).
    [[noreturn]] void fail(int rc) const;

private:
    friend class Connection;
    Statement(::sqlite3_stmt* stmt, const std::string* sql, std::vector<::sqlite3_stmt*>* idle);
    int named_index(int number) const;
    void check_bind(int rc, int index) const;
    [[noreturn]] void bad_column(int column, const std::string& why) const;
    void non_null(int column) const;
    std::int64_t integer(int column, std::int64_t min, std::int64_t max) const;

    ::sqlite3_stmt* stmt_;
    const std::string* sql_;                // the cache's key: no copy per call
    std::vector<::sqlite3_stmt*>* idle_;    // where it goes back when destroyed
    int next_ = 0;                          // the last parameter bind_next bound
};

// An open database. Prepared statements are kept per SQL text, so each is
// prepared once per connection (more than once only while an earlier one is
// still in use: a DAO call inside a for_each callback). Not copyable or
// movable (statements point at it); one thread at a time, as SQLite's
// connections are.
class Connection {
public:
    // Opens `path` (a file name, ":memory:", or a file: URI); extended result
    // codes on; foreign keys on unless options say otherwise.
    explicit Connection(const std::string& path, const OpenOptions& options = {});
    // Uses a handle the application opened; it stays the application's to
    // close, after this Connection is gone.
    explicit Connection(::sqlite3* borrowed);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    ::sqlite3* get() const { return db_; }
    // Runs SQL that returns no rows (several statements allowed): PRAGMAs, DDL, a migration file.
    void exec(const std::string& sql);
    // The statement for `sql` (one statement), from the cache or prepared now.
    Statement statement(std::string_view sql);
    // Whether a transaction is open (BEGIN ... not yet COMMIT or ROLLBACK).
    bool in_transaction() const;

private:
    ::sqlite3* db_ = nullptr;
    bool owned_ = false;
    // SQL text -> its prepared statements not in use. Entries are never
    // erased, so a Statement keeps pointers to its key and its vector.
    std::map<std::string, std::vector<::sqlite3_stmt*>, std::less<>> idle_;
};

// BEGIN ... COMMIT, rolled back when destroyed without commit() (an
// exception on the way): the DAO methods run in whatever transaction the
// connection has open, and never commit one themselves.
class Transaction {
public:
    enum class Mode { Deferred, Immediate, Exclusive };   // BEGIN DEFERRED / IMMEDIATE / EXCLUSIVE
    explicit Transaction(Connection& db, Mode mode = Mode::Deferred);
    ~Transaction();   // ROLLBACK unless committed or rolled back; never throws
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();
    void rollback();

private:
    Connection& db_;
    bool open_ = true;
};

// SAVEPOINT name ... RELEASE name: a transaction of its own when none is
// open, else nested in the open one. Destroyed without release(), everything
// since the savepoint is rolled back and the caller's transaction goes on.
class Savepoint {
public:
    Savepoint(Connection& db, std::string name);
    ~Savepoint();   // ROLLBACK TO + RELEASE unless released; never throws
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    void release();

private:
    Connection& db_;
    std::string name_;
    bool open_ = true;
};

}  // namespace schemac::dao_sqlite
