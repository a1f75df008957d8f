#include "schemac/dao/dao_rows.hpp"

#include <charconv>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include <pqxx/pqxx>

#include "schemac/core/statement_name.hpp"

namespace schemac::pg {

namespace {

// The statement name of an INSERT's text. statement_name() hashes the text with
// SHA-256, which for a 150-byte INSERT cost about as many instructions as all
// the rest of TicksDao::insert on the client (bench/dao_bench, docs/performance.md):
// remember it per text instead. Per thread, so no lock; a program has a few
// shapes per table (which OrDefault columns it gives), and the cache is
// emptied if it ever holds more than kMaxNames.
const std::string& cached_statement_name(const std::string& sql) {
    constexpr std::size_t kMaxNames = 4096;
    thread_local std::unordered_map<std::string, std::string> names;
    if (auto it = names.find(sql); it != names.end()) return it->second;
    if (names.size() >= kMaxNames) names.clear();
    return names.emplace(sql, statement_name(sql)).first->second;
}

}  // namespace

// Appends only (no temporary strings): this runs once per column per insert.
void InsertBuilder::given(const char* column, bool updatable) {
    if (columns_.empty()) {
        columns_.reserve(128);
        values_.reserve(64);
    } else {
        columns_ += ", ";
        values_ += ", ";
    }
    columns_ += column;
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, params_.size() + 1).ptr;
    values_ += '$';
    values_.append(digits, end);
    if (updatable) {
        if (!sets_.empty()) sets_ += ", ";
        sets_ += column;
        sets_ += " = EXCLUDED.";
        sets_ += column;
    }
}

pqxx::result InsertBuilder::exec(pqxx::transaction_base& tx, const char* prefix, const char* returning, const char* conflict,
                                 const char* noop_set) {
    std::string sql;
    sql.reserve(std::strlen(prefix) + columns_.size() + values_.size() + std::strlen(returning) + 32 +
                (conflict ? std::strlen(conflict) + sets_.size() + (noop_set ? std::strlen(noop_set) : 0) : 0));
    sql += prefix;
    if (columns_.empty()) {
        sql += "DEFAULT VALUES";
    } else {
        sql += '(';
        sql += columns_;
        sql += ") VALUES (";
        sql += values_;
        sql += ')';
    }
    if (conflict) {
        sql += conflict;
        sql += sets_.empty() ? std::string_view(noop_set) : std::string_view(sets_);
    }
    sql += returning;
    return pg::exec(tx, cached_statement_name(sql), sql, params_);
}

CopyRowWriter::CopyRowWriter(pqxx::transaction_base& tx, const char* table, CopyColumns columns)
    : columns_(std::move(columns)), writer_(tx, columns_.target(table), kFlushBytes) {}

void CopyRowWriter::end_row() {
    writer_.end_line();
    ++row_;
    defaulted_ = 0;
    field_ = 0;
}

void CopyRowWriter::complete() { writer_.complete(); }

void CopyRowWriter::bad_field(const PgTextError& e) const {
    const char* column = field_ < columns_.copied_.size() ? columns_.copied_[field_] : "?";
    throw PgTextError("insert_many: row " + std::to_string(row_) + ", column " + column + ": " + e.what());
}

void CopyRowWriter::mismatch(std::size_t column) const {
    const std::string name = columns_.names_[column];
    throw std::invalid_argument("insert_many: row " + std::to_string(row_) + (columns_.given_[column] ? " leaves " : " gives ") +
                                name + (columns_.given_[column] ? " to its default but row 0 gives it" : " but row 0 leaves it to its default") +
                                " (COPY takes one column list for all rows: insert such rows in separate calls)");
}

std::vector<int> positions_of_columns(const pqxx::result& r, std::initializer_list<const char*> names, const char* what) {
    std::vector<int> at;
    at.reserve(names.size());
    for (const char* n : names) {
        int found = -1;
        for (pqxx::row::size_type i = 0; i < r.columns(); ++i)
            if (std::string_view(r.column_name(i)) == n) {
                found = static_cast<int>(i);
                break;
            }
        if (found < 0) throw std::runtime_error(std::string(what) + ": the result has no column \"" + n + "\"");
        at.push_back(found);
    }
    return at;
}

pqxx::row single_row(const pqxx::result& r, const char* what) {
    if (r.size() != 1)
        throw std::runtime_error(std::string(what) + ": expected exactly one row, got " + std::to_string(r.size()));
    return r[0];
}

void at_most_one_row(const pqxx::result& r, const char* what) {
    if (r.size() > 1) throw std::runtime_error(std::string(what) + ": expected at most one row, got " + std::to_string(r.size()));
}

void expect_fields(const std::vector<std::optional<std::string_view>>& fields, std::size_t n, const char* what) {
    if (fields.size() != n)
        throw std::runtime_error(std::string(what) + ": COPY row has " + std::to_string(fields.size()) + " fields, expected " + std::to_string(n));
}

}  // namespace schemac::pg
