#include "schemac/dao_sqlite/dao_rows.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace schemac::dao_sqlite {

void Params::bind(Statement& st) const {
    int i = 0;
    for (const Value& v : values_) {
        ++i;
        switch (v.kind) {
            case Kind::Null: st.bind_null(i); break;
            case Kind::Integer: st.bind(i, v.integer); break;
            case Kind::Real: st.bind(i, v.real); break;
            case Kind::Text: st.bind(i, v.bytes); break;
            case Kind::Blob: st.bind_blob(i, v.bytes.data(), v.bytes.size()); break;
        }
    }
}

void InsertBuilder::given(const char* column, bool updatable) {
    if (!columns_.empty()) {
        columns_ += ", ";
        values_ += ", ";
    }
    columns_ += column;
    values_ += '?' + std::to_string(params_.size() + 1);
    if (updatable) {
        if (!sets_.empty()) sets_ += ", ";
        sets_ += column;
        sets_ += " = EXCLUDED.";
        sets_ += column;
    }
}

Statement InsertBuilder::prepare(Connection& db, const char* prefix, const char* returning, const char* conflict,
                                 const char* noop_set) const {
    std::string sql = prefix;
    if (columns_.empty()) sql += "DEFAULT VALUES";
    else sql += "(" + columns_ + ") VALUES (" + values_ + ")";
    if (conflict) {
        sql += conflict;
        sql += sets_.empty() ? std::string(noop_set) : sets_;
    }
    sql += returning;
    Statement st = db.statement(sql);
    params_.bind(st);
    return st;
}

void BulkColumns::append(const char* column) {
    list_ += (list_.empty() ? "" : ", ") + std::string(column);
    columns_.push_back(column);
}

namespace {

// "INSERT INTO t (a, b) VALUES (?1, ?2)": no RETURNING, nothing to read back per row.
std::string bulk_sql(const char* prefix, const std::string& list, std::size_t n) {
    std::string sql = prefix;
    if (n == 0) return sql + "DEFAULT VALUES";
    sql += "(" + list + ") VALUES (";
    for (std::size_t i = 1; i <= n; ++i) sql += (i > 1 ? ", ?" : "?") + std::to_string(i);
    return sql + ")";
}

}  // namespace

BulkInsert::BulkInsert(Connection& db, const char* prefix, BulkColumns columns)
    : columns_(std::move(columns)),
      savepoint_(db, "schemac_insert_many"),
      statement_(db.statement(bulk_sql(prefix, columns_.list_, columns_.columns_.size()))) {}

void BulkInsert::end_row() {
    try {
        statement_.run();
    } catch (const Error& e) {
        throw Error(e.code(), "insert_many: row " + std::to_string(row_) + ": " + e.what());
    }
    statement_.reset();
    ++row_;
    defaulted_ = 0;
    field_ = 0;
}

std::size_t BulkInsert::complete() {
    savepoint_.release();
    return row_;
}

void BulkInsert::bad_field(const Error& e) const {
    const char* column = field_ < columns_.columns_.size() ? columns_.columns_[field_] : "?";
    throw Error(e.code(), "insert_many: row " + std::to_string(row_) + ", column " + column + ": " + e.what());
}

void BulkInsert::mismatch(std::size_t column) const {
    const std::string name = columns_.defaulted_[column];
    throw std::invalid_argument("insert_many: row " + std::to_string(row_) + (columns_.given_[column] ? " leaves " : " gives ") + name +
                                (columns_.given_[column] ? " to its default but row 0 gives it" : " but row 0 leaves it to its default") +
                                " (one prepared statement takes one column list for all rows: insert such rows in separate calls)");
}

std::vector<int> positions_of_columns(const Statement& st, std::initializer_list<const char*> names, const char* what) {
    std::vector<int> at;
    at.reserve(names.size());
    const int count = st.column_count();
    for (const char* n : names) {
        int found = -1;
        for (int i = 0; i < count && found < 0; ++i)
            if (st.column_name(i) == n) found = i;
        if (found < 0) throw Error(SQLITE_MISMATCH, std::string(what) + ": the result has no column \"" + n + "\"");
        at.push_back(found);
    }
    return at;
}

void expect_row(Statement& st, const char* what) {
    if (!st.step()) throw Error(SQLITE_MISMATCH, std::string(what) + ": expected exactly one row, got none");
}

void expect_end(Statement& st, const char* what) {
    if (st.step()) throw Error(SQLITE_MISMATCH, std::string(what) + ": expected at most one row, got more");
}

}  // namespace schemac::dao_sqlite
