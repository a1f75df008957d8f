// What generated SQLite DAOs need beyond single values (connection.hpp):
// inserts whose column list depends on which OrDefault columns a row gives,
// the bulk insert, and checking the shape of a result. Generated code calls
// these; an application rarely needs to.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schemac/dao/or_default.hpp"
#include "schemac/dao_sqlite/connection.hpp"

namespace schemac::dao_sqlite {

// Parameter values held until their statement is prepared, bound as ?1, ?2,
// ... in the order added. Text, Decimal and Bytes are kept as views of the
// caller's values, which must outlive bind() (temporaries are refused).
class Params {
public:
    void add(std::int64_t v) { values_.push_back({Kind::Integer, v, 0, {}}); }
    void add(std::int32_t v) { add(static_cast<std::int64_t>(v)); }
    void add(std::int16_t v) { add(static_cast<std::int64_t>(v)); }
    void add(bool v) { add(static_cast<std::int64_t>(v ? 1 : 0)); }
    void add(double v) { values_.push_back({Kind::Real, 0, v, {}}); }
    void add(const std::string& v) { values_.push_back({Kind::Text, 0, 0, v}); }
    void add(const Decimal& v) { values_.push_back({Kind::Text, 0, 0, v.text()}); }
    void add(const Bytes& v) {
        values_.push_back({Kind::Blob, 0, 0, std::string_view(reinterpret_cast<const char*>(v.data()), v.size())});
    }
    void add(std::string&&) = delete;
    void add(Decimal&&) = delete;
    void add(Bytes&&) = delete;
    template <class T> void add(const std::optional<T>& v) {
        if (v) add(*v);
        else add_null();
    }
    template <class T> void add(std::optional<T>&&) = delete;
    void add_null() { values_.push_back({Kind::Null, 0, 0, {}}); }

    std::size_t size() const { return values_.size(); }
    void bind(Statement& st) const;

private:
    enum class Kind { Null, Integer, Real, Text, Blob };
    struct Value {
        Kind kind;
        std::int64_t integer;
        double real;
        std::string_view bytes;   // Text and Blob
    };
    std::vector<Value> values_;
};

// INSERT INTO t (given columns) VALUES (?1, ...) [ON CONFLICT ... DO UPDATE SET ...] RETURNING ...
// The statement text depends only on which columns are given, so each shape
// is prepared once per connection (Connection::statement keeps it).
class InsertBuilder {
public:
    // `column` as SQL (quoted when needed). `updatable`: with an ON CONFLICT
    // clause, whether DO UPDATE sets this column.
    template <class T> void add(const char* column, const T& v, bool updatable = true) {
        given(column, updatable);
        params_.add(v);
    }
    template <class T> void add(const char* column, const OrDefault<T>& v, bool updatable = true) {
        if (v.is_default()) return;
        given(column, updatable);
        params_.add(v.value());
    }

    // `prefix` "INSERT INTO t ", `returning` " RETURNING a, b"; for an upsert,
    // `conflict` " ON CONFLICT (k) DO UPDATE SET " and `noop_set` "k = EXCLUDED.k",
    // used when the row gives no column to update (so the stored row still
    // comes back). Returns the statement, bound and not yet stepped.
    Statement prepare(Connection& db, const char* prefix, const char* returning, const char* conflict = nullptr,
                      const char* noop_set = nullptr) const;

private:
    void given(const char* column, bool updatable);

    Params params_;
    std::string columns_, values_, sets_;
};

// insert_many: every row through ONE prepared INSERT (no RETURNING), in ONE
// transaction: a savepoint, which is a transaction of its own when none is
// open and nests in the caller's otherwise. complete() releases it; an
// exception before (a constraint, a value that cannot be bound) rolls back
// every row of the call, and the caller's transaction goes on.
//
//     BulkColumns c;  c.add("name", rows.front().name);  c.add("id", rows.front().id);
//     BulkInsert bulk(db, "INSERT INTO t ", std::move(c));
//     for (const auto& r : rows) { bulk.add(r.name); bulk.add(r.id); bulk.end_row(); }
//     bulk.complete();
//
// The column list is every plain column and the OrDefault columns the first
// row gives; every later row must give the same ones (one statement, one
// column list), else std::invalid_argument naming the row and the column.
class BulkColumns {
public:
    template <class T> void add(const char* column, const T&) { append(column); }
    template <class T> void add(const char* column, const OrDefault<T>& first) {
        defaulted_.push_back(column);
        given_.push_back(!first.is_default());
        if (!first.is_default()) append(column);
    }

private:
    friend class BulkInsert;
    void append(const char* column);
    std::string list_;                    // "a, b"
    std::vector<const char*> columns_;    // the column list, in order
    std::vector<const char*> defaulted_;  // the OrDefault columns, in order
    std::vector<bool> given_;
};

class BulkInsert {
public:
    BulkInsert(Connection& db, const char* prefix, BulkColumns columns);
    BulkInsert(const BulkInsert&) = delete;
    BulkInsert& operator=(const BulkInsert&) = delete;

    template <class T> void add(const T& v) {
        try {
            statement_.bind_next(v);
        } catch (const Error& e) {
            bad_field(e);
        }
        ++field_;
    }
    template <class T> void add(const OrDefault<T>& v) {
        const std::size_t i = defaulted_++;
        if (v.is_default() == columns_.given_[i]) mismatch(i);
        if (!v.is_default()) add(v.value());
    }
    // Inserts the row bound since the last end_row(); errors name the row.
    void end_row();
    // Commits the savepoint; returns the number of rows inserted.
    std::size_t complete();

private:
    [[noreturn]] void mismatch(std::size_t column) const;
    [[noreturn]] void bad_field(const Error& e) const;

    BulkColumns columns_;
    Savepoint savepoint_;
    Statement statement_;
    std::size_t row_ = 0, defaulted_ = 0, field_ = 0;
};

// Where each named column is in the statement's result; throws naming `what`
// and the missing column.
std::vector<int> positions_of_columns(const Statement& st, std::initializer_list<const char*> names, const char* what);
// Steps to the first row; throws naming `what` when there is none.
void expect_row(Statement& st, const char* what);
// Steps past the row just read; throws naming `what` when another one follows.
void expect_end(Statement& st, const char* what);

}  // namespace schemac::dao_sqlite
