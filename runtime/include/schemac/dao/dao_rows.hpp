// What generated DAOs need beyond single values (schemac/dao/dao.hpp): inserts
// whose column list depends on which OrDefault columns a row gives, COPY rows,
// and checking the shape of a result. Generated code calls these; an
// application rarely needs to.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "schemac/postgres/pg_codec.hpp"
#include "schemac/dao/dao.hpp"
#include "schemac/dao/or_default.hpp"

namespace schemac::pg {

// INSERT INTO t (given columns) VALUES ($1, ...) [ON CONFLICT ... DO UPDATE SET ...] RETURNING ...
// The statement text depends only on which columns are given, so each shape
// is prepared once per connection under a name derived from its text.
class InsertBuilder {
public:
    // `updatable`: with an ON CONFLICT clause, whether DO UPDATE sets this column.
    template <class T>
    void add(const char* column, const T& v, bool updatable = true) {
        given(column, updatable);
        params_.add(v);
    }
    template <class T>
    void add(const char* column, const OrDefault<T>& v, bool updatable = true) {
        if (v.is_default()) return;
        given(column, updatable);
        params_.add(v.value());
    }

    // `prefix` "INSERT INTO t ", `returning` " RETURNING a, b"; for an upsert,
    // `conflict` " ON CONFLICT (k) DO UPDATE SET " and `noop_set` "k = EXCLUDED.k",
    // used when the row gives no column to update (so the stored row still comes back).
    pqxx::result exec(pqxx::transaction_base& tx, const char* prefix, const char* returning,
                      const char* conflict = nullptr, const char* noop_set = nullptr);

private:
    void given(const char* column, bool updatable);

    Params params_;
    std::string columns_, values_, sets_;
};

// The columns of a COPY: every plain column, and the OrDefault columns the
// first row gives. Later rows must give the same ones (COPY has no DEFAULT).
class CopyColumns {
public:
    template <class T>
    void add(const char* column, const T&) {
        append(column);
    }
    template <class T>
    void add(const char* column, const OrDefault<T>& first) {
        names_.push_back(column);
        given_.push_back(!first.is_default());
        if (!first.is_default()) append(column);
    }
    // "t (a, b)" for a table "t".
    std::string target(const char* table) const { return std::string(table) + " (" + list_ + ")"; }

private:
    friend class CopyRowWriter;
    void append(const char* column) {
        list_ += (list_.empty() ? "" : ", ") + std::string(column);
        copied_.push_back(column);
    }
    std::string list_;
    std::vector<const char*> copied_;  // the COPY column list, in order
    std::vector<const char*> names_;   // the OrDefault columns, in order
    std::vector<bool> given_;
};

// Writes rows through COPY FROM STDIN in the text format.
class CopyRowWriter {
public:
    // Bytes per CopyData message. Not CopyWriter's default of 256 KB: the
    // server reads a whole CopyData message before it parses any of it, and
    // CopyWriter formats a whole message before it sends any of it, so with
    // messages larger than the socket buffer the two take turns more than they
    // overlap: with 256 KB the server sat idle ~0.5 s per million rows (about
    // the client's formatting time) and insert_many reached 74-83 % of psql's
    // \copy throughput. With 8 KB messages, as psql sends, the server is not
    // left waiting (16 KB: 88-102 % of psql; 8 KB was faster than 16 KB in
    // each of 6 interleaved rounds; bench/dao_bench.sh, docs/performance.md,
    // "Generated DAOs").
    static constexpr std::size_t kFlushBytes = 8 * 1024;

    CopyRowWriter(pqxx::transaction_base& tx, const char* table, CopyColumns columns);

    template <class T>
    void add(const T& v) {
        field(v);
    }
    template <class T>
    void add(const OrDefault<T>& v) {
        const std::size_t i = defaulted_++;
        if (v.is_default() == columns_.given_[i]) mismatch(i);
        if (!v.is_default()) field(v.value());
    }
    void end_row();
    void complete();

private:
    // One field of the COPY column list, in order; a value that cannot be
    // written is reported with its row and column.
    template <class T>
    void field(const T& v) {
        try {
            writer_.field(v);
        } catch (const PgTextError& e) {
            bad_field(e);
        }
        ++field_;
    }
    [[noreturn]] void mismatch(std::size_t column) const;
    [[noreturn]] void bad_field(const PgTextError& e) const;

    CopyColumns columns_;
    CopyWriter writer_;
    std::size_t row_ = 0, defaulted_ = 0, field_ = 0;
};

// Where each named column is in the result; throws naming `what` and the
// missing column.
std::vector<int> positions_of_columns(const pqxx::result& r, std::initializer_list<const char*> names, const char* what);
// The only row of `r`; throws when there are none or several.
pqxx::row single_row(const pqxx::result& r, const char* what);
// Throws when `r` has more than one row.
void at_most_one_row(const pqxx::result& r, const char* what);
// Throws when a streamed COPY row does not have `n` fields.
void expect_fields(const std::vector<std::optional<std::string_view>>& fields, std::size_t n, const char* what);

}  // namespace schemac::pg
