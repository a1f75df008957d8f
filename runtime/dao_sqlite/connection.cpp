#include "schemac/dao_sqlite/connection.hpp"

#include <sqlite3.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

namespace schemac::dao_sqlite {

namespace {

// Errors are one line: SQLite's messages are, statements may not be.
std::string one_line(std::string_view text, std::size_t max = 200) {
    std::string out;
    for (char c : text.substr(0, max)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (text.size() > max) out += "...";
    return out;
}

[[noreturn]] void throw_error(::sqlite3* db, int rc, std::string_view sql) {
    const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    // The extended code of the last failure on the connection (the plain rc of
    // step/prepare may be the primary one).
    const int code = db ? sqlite3_extended_errcode(db) : rc;
    std::string what = one_line(message ? message : sqlite3_errstr(rc));
    if (!sql.empty()) what += " (in: " + one_line(sql) + ")";
    throw Error(code, what);
}

const char* storage_class(int type) {
    switch (type) {
        case SQLITE_INTEGER: return "an INTEGER";
        case SQLITE_FLOAT: return "a REAL";
        case SQLITE_TEXT: return "a TEXT";
        case SQLITE_BLOB: return "a BLOB";
        default: return "NULL";
    }
}

// The shortest text that reads back as the same double (std::to_chars).
std::string shortest(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

}  // namespace

Error::Error(int code, const std::string& message) : std::runtime_error(message), code_(code) {}

// ---------------------------------------------------------------------------
// Statement

Statement::Statement(::sqlite3_stmt* stmt, const std::string* sql, std::vector<::sqlite3_stmt*>* idle)
    : stmt_(stmt), sql_(sql), idle_(idle) {}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), sql_(other.sql_), idle_(other.idle_), next_(other.next_) {}

// Back to the connection's cache, reset and with its parameters cleared.
Statement::~Statement() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    try {
        idle_->push_back(stmt_);
    } catch (...) {
        sqlite3_finalize(stmt_);   // out of memory: not kept
    }
}

void Statement::fail(int rc) const { throw_error(sqlite3_db_handle(stmt_), rc, *sql_); }

void Statement::check_bind(int rc, int index) const {
    if (rc == SQLITE_OK) return;
    if (rc == SQLITE_RANGE)
        throw Error(rc, "parameter " + std::to_string(index) + " is out of range: the statement has " +
                            std::to_string(sqlite3_bind_parameter_count(stmt_)) + " (in: " + one_line(*sql_) + ")");
    fail(rc);
}

void Statement::bind(int index, std::int64_t v) { check_bind(sqlite3_bind_int64(stmt_, index, v), index); }

void Statement::bind(int index, double v) {
    if (std::isnan(v))
        throw Error(SQLITE_MISMATCH, "parameter " + std::to_string(index) + " is NaN, which SQLite would store as NULL (in: " +
                                         one_line(*sql_) + ")");
    check_bind(sqlite3_bind_double(stmt_, index, v), index);
}

void Statement::bind(int index, std::string_view v) {
    check_bind(sqlite3_bind_text64(stmt_, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
}

void Statement::bind(int index, const Decimal& v) { bind(index, std::string_view(v.text())); }

void Statement::bind_blob(int index, const void* data, std::size_t size) {
    // A null pointer would bind NULL: an empty blob is a zero-length blob.
    if (size == 0) check_bind(sqlite3_bind_zeroblob(stmt_, index, 0), index);
    else check_bind(sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT), index);
}

void Statement::bind_null(int index) { check_bind(sqlite3_bind_null(stmt_, index), index); }

int Statement::named_index(int number) const {
    const std::string name = "$" + std::to_string(number);
    return sqlite3_bind_parameter_index(stmt_, name.c_str());
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(rc);
}

void Statement::reset() {
    sqlite3_reset(stmt_);   // returns the last step's error, already thrown by step()
    sqlite3_clear_bindings(stmt_);
    next_ = 0;
}

void Statement::run() {
    while (step()) {
    }
}

std::int64_t Statement::changes() const {
#if SQLITE_VERSION_NUMBER >= 3037000
    return sqlite3_changes64(sqlite3_db_handle(stmt_));
#else
    return sqlite3_changes(sqlite3_db_handle(stmt_));
#endif
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

std::string_view Statement::column_name(int column) const {
    const char* name = sqlite3_column_name(stmt_, column);
    return name ? std::string_view(name) : std::string_view();
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

void Statement::bad_column(int column, const std::string& why) const {
    throw Error(SQLITE_MISMATCH, "column \"" + std::string(column_name(column)) + "\": " + why + " (in: " + one_line(*sql_) + ")");
}

void Statement::non_null(int column) const {
    if (is_null(column)) bad_column(column, "is NULL, read into a type that is not std::optional");
}

// An integer of the column within [min, max]. A REAL is taken only when it is
// a whole number in range (an INTEGER column keeps 1.5 as REAL; 2.0 as 2).
std::int64_t Statement::integer(int column, std::int64_t min, std::int64_t max) const {
    non_null(column);
    const int type = sqlite3_column_type(stmt_, column);
    std::int64_t v = 0;
    if (type == SQLITE_INTEGER) {
        v = sqlite3_column_int64(stmt_, column);
    } else if (type == SQLITE_FLOAT) {
        const double d = sqlite3_column_double(stmt_, column);
        // 2^63 is exact as a double; every whole double below it fits an int64.
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) || std::trunc(d) != d)
            bad_column(column, "the REAL " + shortest(d) + " is not an integer in the range of its C++ type");
        v = static_cast<std::int64_t>(d);
    } else {
        bad_column(column, std::string(storage_class(type)) + " value where an integer belongs");
    }
    if (v < min || v > max)
        bad_column(column, std::to_string(v) + " is out of range for its C++ type [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    return v;
}

void Statement::read(int column, std::int64_t& out) const {
    out = integer(column, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
}
void Statement::read(int column, std::int32_t& out) const {
    out = static_cast<std::int32_t>(integer(column, std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()));
}
void Statement::read(int column, std::int16_t& out) const {
    out = static_cast<std::int16_t>(integer(column, std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int16_t>::max()));
}

void Statement::read(int column, bool& out) const {
    non_null(column);
    if (sqlite3_column_type(stmt_, column) != SQLITE_INTEGER) bad_column(column, std::string(storage_class(sqlite3_column_type(stmt_, column))) + " value where a boolean (0 or 1) belongs");
    const std::int64_t v = sqlite3_column_int64(stmt_, column);
    if (v != 0 && v != 1) bad_column(column, std::to_string(v) + " is not a boolean (0 or 1)");
    out = v == 1;
}

void Statement::read(int column, double& out) const {
    non_null(column);
    const int type = sqlite3_column_type(stmt_, column);
    if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) bad_column(column, std::string(storage_class(type)) + " value where a number belongs");
    out = sqlite3_column_double(stmt_, column);
}

void Statement::read(int column, std::string& out) const {
    non_null(column);
    const int type = sqlite3_column_type(stmt_, column);
    if (type == SQLITE_BLOB) bad_column(column, "a BLOB value where text belongs");
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);   // after column_text: the size of the text form
    out.assign(text ? text : "", static_cast<std::size_t>(size));
}

void Statement::read(int column, Decimal& out) const {
    non_null(column);
    const int type = sqlite3_column_type(stmt_, column);
    std::string text;
    if (type == SQLITE_INTEGER) text = std::to_string(sqlite3_column_int64(stmt_, column));
    else if (type == SQLITE_FLOAT) text = shortest(sqlite3_column_double(stmt_, column));
    else if (type == SQLITE_TEXT) read(column, text);
    else bad_column(column, "a BLOB value where a number belongs");
    std::string why;
    auto d = Decimal::parse(text, &why);
    if (!d) bad_column(column, "invalid numeric \"" + one_line(text, 40) + "\": " + why);
    out = std::move(*d);
}

void Statement::read(int column, Bytes& out) const {
    non_null(column);
    const int type = sqlite3_column_type(stmt_, column);
    if (type != SQLITE_BLOB && type != SQLITE_TEXT) bad_column(column, std::string(storage_class(type)) + " value where a blob belongs");
    const auto* data = static_cast<const std::byte*>(type == SQLITE_BLOB ? sqlite3_column_blob(stmt_, column)
                                                                            : static_cast<const void*>(sqlite3_column_text(stmt_, column)));
    const int size = sqlite3_column_bytes(stmt_, column);
    out.assign(data, data + (data ? size : 0));
}

// ---------------------------------------------------------------------------
// Connection

Connection::Connection(const std::string& path, const OpenOptions& options) : owned_(true) {
    int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.create && !options.read_only) flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_URI;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        throw Error(rc, "cannot open " + one_line(path) + ": " + one_line(message));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, static_cast<int>(options.busy_timeout.count()));
    try {
        if (options.foreign_keys) exec("PRAGMA foreign_keys = ON");
    } catch (...) {
        sqlite3_close_v2(db_);
        throw;
    }
}

Connection::Connection(::sqlite3* borrowed) : db_(borrowed), owned_(false) {
    if (!db_) throw Error(SQLITE_MISUSE, "schemac::dao_sqlite::Connection: no database handle");
}

Connection::~Connection() {
    for (auto& [sql, stmts] : idle_)
        for (auto* s : stmts) sqlite3_finalize(s);
    if (owned_) sqlite3_close_v2(db_);
}

void Connection::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return;
    std::string what = one_line(message ? message : sqlite3_errstr(rc)) + " (in: " + one_line(sql) + ")";
    sqlite3_free(message);
    throw Error(sqlite3_extended_errcode(db_), what);
}

Statement Connection::statement(std::string_view sql) {
    auto it = idle_.find(sql);
    if (it == idle_.end()) it = idle_.emplace(std::string(sql), std::vector<::sqlite3_stmt*>{}).first;
    if (!it->second.empty()) {
        ::sqlite3_stmt* stmt = it->second.back();
        it->second.pop_back();
        return Statement(stmt, &it->first, &it->second);
    }
    ::sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) throw_error(db_, rc, sql);
    if (!stmt) throw Error(SQLITE_MISUSE, "no statement in: " + one_line(sql));
    const std::string_view rest = sql.substr(static_cast<std::size_t>(tail - sql.data()));
    if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
        sqlite3_finalize(stmt);
        throw Error(SQLITE_MISUSE, "more than one statement in: " + one_line(sql));
    }
    return Statement(stmt, &it->first, &it->second);
}

bool Connection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

// ---------------------------------------------------------------------------
// Transaction, Savepoint

Transaction::Transaction(Connection& db, Mode mode) : db_(db) {
    db_.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : mode == Mode::Exclusive ? "BEGIN EXCLUSIVE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        if (db_.in_transaction()) db_.exec("ROLLBACK");
    } catch (...) {
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");   // a failed COMMIT (SQLITE_BUSY) leaves the transaction open: the destructor rolls it back
    open_ = false;
}

void Transaction::rollback() {
    open_ = false;
    if (db_.in_transaction()) db_.exec("ROLLBACK");
}

Savepoint::Savepoint(Connection& db, std::string name) : db_(db), name_(std::move(name)) { db_.exec("SAVEPOINT " + name_); }

Savepoint::~Savepoint() {
    if (!open_) return;
    try {
        db_.exec("ROLLBACK TO " + name_);
        db_.exec("RELEASE " + name_);
    } catch (...) {
    }
}

void Savepoint::release() {
    db_.exec("RELEASE " + name_);
    open_ = false;
}

}  // namespace schemac::dao_sqlite
