// The libpqxx 6.4 side of generated DAOs (library schemac_dao): session
// settings, parameters, prepared statements, result fields and COPY, all in
// text form through the codecs of schemac/postgres/pg_codec.hpp. Generated code uses
// only this header and pg_codec.hpp, never libpqxx's own conversions (which
// differ between libpqxx versions and know none of the schemac value types).
//
// Typical generated code:
//
//     pg::prepare_session(tx);                           // every call: nothing is sent when in place
//     static constexpr pg::Statement kFind{"schemac_orders_find", "SELECT ... WHERE id = $1"};
//     pg::Params p;
//     p.add(id);                                         // Codec<std::int64_t>
//     for (const auto& row : pg::exec(tx, kFind, p)) {
//         Order o;
//         pg::read(row[0], o.id);                        // std::int64_t: NULL throws
//         pg::read(row[1], o.note);                      // std::optional<std::string>: NULL -> nullopt
//     }
#pragma once

#include <pqxx/pqxx>
#include <pqxx/tablewriter>  // not part of <pqxx/pqxx> in 6.4; see CopyWriter

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "schemac/postgres/pg_codec.hpp"

namespace schemac::pg {

// Makes sure the session prints what the codecs read, in one statement
// (set_config) when it does not:
//     DateStyle = ISO, TimeZone = UTC, IntervalStyle = iso_8601,
//     bytea_output = hex, extra_float_digits = 1, client_encoding = UTF8,
//     standard_conforming_strings = on.
// Every DAO method calls it first, so settings a pool took away (RESET ALL,
// DISCARD ALL), or the abort of the transaction that made them, are made
// again before a value is read or written. In a dbtransaction (pqxx::work and
// the like) the check reads what the server reported to libpq and sends
// nothing; bytea_output and extra_float_digits, which the server does not
// report, are covered by TimeZone, which is made with them and spelled unlike
// the value a reset restores. In a pqxx::nontransaction the check asks the
// server (one query per call). A SET of one unreported setting on its own, by
// hand on the DAO's connection, is not seen: leave those two alone.
// Also notes that prepared statements may be gone after a reset, for exec.
void prepare_session(pqxx::transaction_base& tx);

// A prepared statement of a DAO went missing from the session (DISCARD ALL,
// DEALLOCATE ALL) or no longer fits the table (a column's type changed) while
// a transaction block was open: the server aborted the transaction, so
// nothing can be retried in it. Roll back and run the transaction again; the
// next call prepares the statement anew. sqlstate() is the server's (26000,
// 0A000). Outside a transaction block (pqxx::nontransaction) exec repairs and
// retries once instead.
class StatementLost : public pqxx::sql_error {
public:
    using pqxx::sql_error::sql_error;
};

// Statement parameters: text form through the codecs, NULL for an empty
// optional, and a bytea (Bytes) in binary form, its bytes as they are: a
// 100 MB value costs 100 MB here and in libpq's send buffer, where its hex
// text would cost 200 MB in each, plus a copy by libpqxx. Built straight
// into libpqxx 6.4's parameter block (pqxx::internal::params, whose fields
// are public: the only way 6.4 takes text and binary parameters in one
// call); libpqxx copies the texts once when it runs the statement and
// shares the binary values.
class Params {
public:
    template <class T> void add(const T& v) {
        std::string text;
        Codec<T>::write(text, v);
        push(std::move(text));
    }
    void add(const Bytes& v);
    template <class T> void add(const std::optional<T>& v) {
        if (v) add(*v);
        else add_null();
    }
    void add_null();
    void clear() { block_ = {}; }
    std::size_t size() const { return block_.lengths.size(); }
    bool is_null(std::size_t i) const { return block_.nonnulls.at(i) == 0; }
    bool is_binary(std::size_t i) const { return block_.binaries.at(i) != 0; }

    // What tx.exec_prepared(name, params.libpqxx()) and exec_params take.
    const pqxx::internal::params& libpqxx() const { return block_; }

private:
    // Throws PgTextError for a zero byte: libpq sends text parameters as C
    // strings and would silently cut the value there.
    void push(std::string text);
    pqxx::internal::params block_;
};

// A prepared statement, registered on the connection the first time it runs
// there (libpqxx 6.4 prepares lazily; defining the same name with the same SQL
// again is a no-op, with different SQL an error). The name must be unique per
// SQL text on a connection. exec keeps libpqxx's belief true: statements a
// reset dropped are prepared again before the next use (prepare_session
// notices resets); one that fails as dropped or as planned for another
// result type is prepared again and retried once in a pqxx::nontransaction,
// and throws StatementLost inside a transaction block.
struct Statement {
    const char* name;
    const char* sql;
};

pqxx::result exec(pqxx::transaction_base& tx, const Statement& st, const Params& params);
// The same for a statement built at run time (an INSERT whose column set varies).
pqxx::result exec(pqxx::transaction_base& tx, const std::string& name, const std::string& sql, const Params& params);

// ---------------------------------------------------------------------------
// Reading values: T is a codec type U (NULL throws) or std::optional<U>
// (NULL gives nullopt). Errors are PgTextError naming the column:
//     column "price": invalid numeric "abc": no digits
//     column "price" is NULL, read into a type that is not std::optional

namespace detail {
// Throws std::logic_error when conn is streaming rows to a for_each callback.
void refuse_while_streaming(const pqxx::connection_base& conn);

template <class T> struct is_optional : std::false_type {};
template <class U> struct is_optional<std::optional<U>> : std::true_type {};

[[noreturn]] void throw_null_column(std::string_view column);
[[noreturn]] void throw_bad_column(std::string_view column, const std::exception& cause);

template <class T> void read_text(const char* text, std::size_t size, bool is_null, T& out, std::string_view column) {
    if constexpr (is_optional<T>::value) {
        if (is_null) {
            out.reset();
            return;
        }
        try {
            out = Codec<typename T::value_type>::read(std::string_view(text, size));
        } catch (const PgTextError& e) {
            throw_bad_column(column, e);
        }
    } else {
        if (is_null) throw_null_column(column);
        try {
            out = Codec<T>::read(std::string_view(text, size));
        } catch (const PgTextError& e) {
            throw_bad_column(column, e);
        }
    }
}
}  // namespace detail

template <class T> void read(const pqxx::field& f, T& out) {
    detail::read_text(f.c_str(), f.size(), f.is_null(), out, f.name());
}

// A field from CopyReader::next() or split_copy_line; `column` names it in errors.
template <class T> void read(const std::optional<std::string_view>& copy_field, T& out, const char* column) {
    detail::read_text(copy_field ? copy_field->data() : nullptr, copy_field ? copy_field->size() : 0,
                      !copy_field.has_value(), out, column);
}
template <class T> void read(const std::optional<std::string>& copy_field, T& out, const char* column) {
    detail::read_text(copy_field ? copy_field->data() : nullptr, copy_field ? copy_field->size() : 0,
                      !copy_field.has_value(), out, column);
}

// ---------------------------------------------------------------------------
// Bulk insert with COPY ... FROM STDIN (text format).
//
//     pg::CopyWriter w(tx, R"("shop"."orders" ("id", "note"))");
//     for (const Order& o : orders) {
//         w.field(o.id);
//         w.field(o.note);          // std::optional: \N when empty
//         w.end_line();
//     }
//     w.complete();
//
// `target` is pasted after COPY as it is: quote the names yourself. Rows are
// buffered and sent in chunks of about flush_bytes. complete() must be called;
// it throws what the server reports (a constraint violation, a bad value).
// Destroyed without complete() (an exception while producing rows), the COPY
// is made to fail: nothing of it is inserted, the destructor does not throw,
// and the transaction is aborted (its next statement or commit throws with
// "CopyWriter ... destroyed without complete()").
class CopyWriter {
public:
    static constexpr std::size_t kDefaultFlushBytes = 256 * 1024;

    CopyWriter(pqxx::transaction_base& tx, const std::string& target, std::size_t flush_bytes = kDefaultFlushBytes);
    ~CopyWriter();
    CopyWriter(const CopyWriter&) = delete;
    CopyWriter& operator=(const CopyWriter&) = delete;

    // Appends a field to the current row (the tab before it is added for you).
    // A text holding a zero byte throws PgTextError: PostgreSQL text cannot
    // hold one, and the server would only say "invalid byte sequence".
    // A large value does not wait for the end of its row: in a dbtransaction
    // the buffer goes out whenever it reaches flush_bytes, and a bytea is
    // hex-encoded piece by piece into it, so a 100 MB value never exists as
    // text in full (in a nontransaction libpqxx takes whole lines only).
    template <class T> void field(const T& v) {
        separate();
        if constexpr (std::is_same_v<T, Bytes>) {
            bytes_field(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
            refuse_zero_byte(v);
            append_copy_field(buffer_, v);
        } else {
            scratch_.clear();
            Codec<T>::write(scratch_, v);
            refuse_zero_byte(scratch_);
            append_copy_field(buffer_, scratch_);
        }
        if (raw_ != nullptr && buffer_.size() >= flush_bytes_) flush();
    }
    template <class T> void field(const std::optional<T>& v) {
        if (v) field(*v);
        else null_field();
    }
    void null_field() {
        separate();
        append_copy_null(buffer_);
    }

    // The raw buffer, for building a row by hand with append_copy_field /
    // append_copy_null: then append the '\t' between fields yourself, and do
    // not mix with field() within that row.
    std::string& line() { return buffer_; }

    // Ends the current row; sends the buffer when it has reached flush_bytes.
    void end_line();
    // Sends what is left and ends the COPY; throws the server's error.
    void complete();
    std::size_t rows() const { return rows_; }

private:
    void separate() {
        if (fields_in_line_++ > 0) buffer_ += '\t';
    }
    static void refuse_zero_byte(std::string_view text) {
        if (text.find('\0') != std::string_view::npos)
            throw PgTextError("the value contains a zero byte, which PostgreSQL text cannot hold");
    }
    void flush();
    void bytes_field(const Bytes& v);

    std::unique_ptr<pqxx::tablewriter> writer_;
    pqxx::internal::pq::PGconn* raw_;   // libpq's connection, to send pieces of rows; null in a nontransaction
    std::string buffer_;   // whole rows, each ending in '\n', then the row being built
    std::string scratch_;  // one field's codec text before escaping
    std::size_t flush_bytes_;
    std::size_t fields_in_line_ = 0;
    std::size_t rows_ = 0;
    bool done_ = false;
};

// ---------------------------------------------------------------------------
// Streaming read with COPY ... TO STDOUT (text format): one row in memory at a
// time. `source` is pasted after COPY: `"schema"."table" ("a", "b")` or
// `(SELECT ...)`; COPY takes no parameters, so quote any literal in it
// yourself (or use stream_query below).
//
//     pg::CopyReader r(tx, R"("shop"."orders" ("id", "note"))");
//     while (const auto* f = r.next()) {
//         pg::read((*f)[0], o.id, "id");
//         pg::read((*f)[1], o.note, "note");
//     }
//
// Destroyed before the end, it reads and discards the remaining rows so that
// the transaction can be used again.
//
// In a dbtransaction it runs the COPY on libpq's connection itself (libpqxx
// 6.4's stream_from copies every row into a std::string first) and unescapes
// each row where libpq left it: a row costs its COPY text once beside libpq's
// own input buffer, so a 100 MB bytea peaks at 4x its size plus the value
// read from it. Before it returns, the COPY is over as far as libpqxx knows.
class CopyReader {
public:
    CopyReader(pqxx::transaction_base& tx, const std::string& source);
    ~CopyReader();
    CopyReader(const CopyReader&) = delete;
    CopyReader& operator=(const CopyReader&) = delete;

    // The next row's fields (unescaped; nullopt = NULL), views valid until
    // the next call, or nullptr at the end.
    const std::vector<std::optional<std::string_view>>* next();

private:
    void finish();   // after the last row: the COPY's result, an error thrown

    std::unique_ptr<pqxx::stream_from> stream_;   // in a nontransaction only
    const pqxx::connection_base* conn_;   // streaming until destroyed: DAO calls on it are refused meanwhile
    pqxx::internal::pq::PGconn* raw_;     // libpq's connection, or null in a nontransaction
    std::string query_;                   // the COPY statement, for errors
    char* row_ = nullptr;                 // the current row as libpq handed it over (raw_)
    bool done_ = false;
    std::string line_;                    // the current row (stream_)
    std::vector<std::optional<std::string_view>> fields_;
};

// ---------------------------------------------------------------------------
// Streaming a parameterised query through a server-side cursor:
//     DECLARE <name> NO SCROLL CURSOR FOR <sql>  (with the parameters), then
//     FETCH <batch> until fewer rows come back, then CLOSE.
// on_row(const pqxx::row&) sees every row; at most `batch` rows are held in
// memory. Needs a real transaction (not pqxx::nontransaction): cursors live
// in transaction blocks.

class Cursor {
public:
    Cursor(pqxx::transaction_base& tx, const std::string& sql, const Params& params);
    ~Cursor();  // CLOSE if still open; never throws
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    pqxx::result fetch(std::size_t rows);
    void close();

private:
    pqxx::transaction_base& tx_;
    std::string name_;
    bool open_ = false;
};

template <class F>
void stream_query(pqxx::transaction_base& tx, const Statement& st, const Params& params, std::size_t batch, F&& on_row) {
    if (batch == 0) throw std::invalid_argument("stream_query: batch must be at least 1");
    Cursor cursor(tx, st.sql, params);
    for (;;) {
        const pqxx::result r = cursor.fetch(batch);
        for (const auto& row : r) on_row(row);
        if (r.size() < batch) break;
    }
    cursor.close();
}

}  // namespace schemac::pg
