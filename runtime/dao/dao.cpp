// libpqxx 6.4 plumbing for generated DAOs. Only public libpqxx API is used;
// where 6.4 lacks something the choice is explained at the spot (COPY writing
// goes through the deprecated tablewriter, whose write_raw_line is public,
// because stream_to::write_raw_line is private in 6.4).
#include "schemac/dao/dao.hpp"

#include "raw_connection.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

namespace schemac::pg {

namespace {

// The connections of this thread that are streaming rows out (for_each's
// COPY ... TO STDOUT). While a COPY runs the connection carries its rows and
// nothing else: a statement sent from inside for_each's callback would end
// the COPY, and libpqxx 6.4 would fail later with "no COPY in progress". So
// every DAO entry point refuses on such a connection first, saying what to do.
// A connection is used by one thread at a time, so thread-local suffices.
thread_local std::vector<const pqxx::connection_base*> t_streaming;

}  // namespace

namespace detail {

void refuse_while_streaming(const pqxx::connection_base& conn) {
    if (std::find(t_streaming.begin(), t_streaming.end(), &conn) == t_streaming.end()) return;
    throw std::logic_error(
        "schemac: a DAO call on a connection that is streaming rows to a for_each() callback; the statement would end "
        "the stream: collect what the callback needs before or after the loop, or use a second connection");
}

}  // namespace detail

// ---------------------------------------------------------------------------
// Parameters and statements

void Params::push(std::string text) {
    if (std::memchr(text.data(), '\0', text.size()) != nullptr) {
        throw PgTextError("parameter " + std::to_string(size() + 1) +
                          " contains a zero byte, which PostgreSQL text cannot hold (libpq would cut the value there)");
    }
    block_.lengths.push_back(static_cast<int>(text.size()));
    block_.nonnulls.push_back(1);
    block_.binaries.push_back(0);
    block_.strings.push_back(std::move(text));
}

void Params::add(const Bytes& v) {
    if (v.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw PgTextError("parameter " + std::to_string(size() + 1) + ": a bytea of " + std::to_string(v.size()) +
                          " bytes is more than libpq can send (2 GiB - 1); PostgreSQL's limit is 1 GB");
    }
    block_.lengths.push_back(static_cast<int>(v.size()));
    block_.nonnulls.push_back(1);
    block_.binaries.push_back(1);
    block_.bin_strings.emplace_back(v.data(), v.size());
}

void Params::add_null() {
    block_.lengths.push_back(0);
    block_.nonnulls.push_back(0);
    block_.binaries.push_back(0);
}

pqxx::result exec(pqxx::transaction_base& tx, const Statement& st, const Params& params) {
    return exec(tx, std::string(st.name), std::string(st.sql), params);
}

namespace detail {

void throw_null_column(std::string_view column) {
    throw PgTextError("column \"" + std::string(column) + "\" is NULL, read into a type that is not std::optional");
}

void throw_bad_column(std::string_view column, const std::exception& cause) {
    throw PgTextError("column \"" + std::string(column) + "\": " + cause.what());
}

}  // namespace detail

// ---------------------------------------------------------------------------
// CopyWriter

// tablewriter's constructors are marked deprecated in 6.4 (in favour of
// stream_to, whose raw-line writer is private): it is used only for its
// COPY ... FROM STDIN set-up, write_raw_line and end of COPY.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
CopyWriter::CopyWriter(pqxx::transaction_base& tx, const std::string& target, std::size_t flush_bytes)
    : writer_((detail::refuse_while_streaming(tx.conn()), std::make_unique<pqxx::tablewriter>(tx, target))),
      raw_(detail::RawConnection::of(tx)),
      flush_bytes_(flush_bytes) {
    buffer_.reserve(flush_bytes_ + flush_bytes_ / 8);
}
#pragma GCC diagnostic pop

CopyWriter::~CopyWriter() {
    if (!done_) {
        // libpqxx 6.4 cannot end a COPY with an error (PQputCopyEnd with a
        // message), so make the server fail it: a row of 1601 fields is more
        // than any table has (at most 1600 columns), whatever `target` is. The
        // server then rejects the whole COPY; ~tablewriter records its error on
        // the transaction, so the next statement or commit throws instead of
        // committing a partial load.
        try {
            std::string poison = "schemac: CopyWriter destroyed without complete(), COPY aborted";
            poison.append(1600, '\t');
            writer_->write_raw_line(poison);
        } catch (...) {
        }
    }
    try {
        writer_.reset();
    } catch (...) {
    }
}

void CopyWriter::end_line() {
    buffer_ += '\n';
    fields_in_line_ = 0;
    ++rows_;
    if (buffer_.size() >= flush_bytes_) flush();
}

void CopyWriter::flush() {
    if (buffer_.empty()) return;
    // The server reads COPY data as a byte stream, not message by message:
    // a piece may end anywhere, mid-row included. libpq takes it as it is;
    // libpqxx's write_raw_line copies it twice and ends it with a '\n' (it
    // drops one trailing '\n' first, so whole rows pass unchanged: checked by
    // "integration: pg_codec: CopyWriter ...").
    if (raw_ != nullptr) {
        if (PQputCopyData(raw_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
            throw pqxx::failure(std::string("COPY: ") + PQerrorMessage(raw_));
        }
    } else {
        writer_->write_raw_line(buffer_);
    }
    buffer_.clear();
}

void CopyWriter::bytes_field(const Bytes& v) {
    // In the hex format "\x..." with the backslash escaped for COPY text.
    buffer_ += "\\\\x";
    constexpr std::size_t kPiece = 32 * 1024;
    for (std::size_t at = 0; at < v.size(); at += kPiece) {
        append_bytea_hex(buffer_, v.data() + at, std::min(kPiece, v.size() - at));
        if (raw_ != nullptr && buffer_.size() >= flush_bytes_) flush();
    }
}

void CopyWriter::complete() {
    if (done_) return;
    if (fields_in_line_ > 0 || (!buffer_.empty() && buffer_.back() != '\n')) {
        throw std::logic_error("CopyWriter::complete: the last row was not ended with end_line()");
    }
    done_ = true;  // whatever happens now, the COPY is over: no poison row afterwards
    flush();
    writer_->complete();
}

// ---------------------------------------------------------------------------
// CopyReader

CopyReader::CopyReader(pqxx::transaction_base& tx, const std::string& source)
    : conn_((detail::refuse_while_streaming(tx.conn()), &tx.conn())),
      raw_(detail::RawConnection::of(tx)),
      query_("COPY " + source + " TO STDOUT") {
    if (raw_ != nullptr) {
        PGresult* started = PQexec(raw_, query_.c_str());
        if (PQresultStatus(started) != PGRES_COPY_OUT) {
            const char* state = PQresultErrorField(started, PG_DIAG_SQLSTATE);
            pqxx::sql_error error(started ? PQresultErrorMessage(started) : PQerrorMessage(raw_), query_,
                                  state ? state : nullptr);
            PQclear(started);
            // A COPY that did start (never: COPY TO STDOUT either starts or fails) would be drained by finish().
            throw error;
        }
        PQclear(started);
    } else {
        // The two-argument constructor: the one taking columns leaves a member
        // uninitialised in 6.4 (random "Too few fields").
        stream_ = std::make_unique<pqxx::stream_from>(tx, source);
    }
    t_streaming.push_back(conn_);
}

CopyReader::~CopyReader() {
    // The rest of the rows, read and dropped without splitting them (a row
    // that failed to split is why some readers end early).
    if (row_ != nullptr) PQfreemem(row_);
    if (raw_ != nullptr && !done_) {
        char* rest = nullptr;
        while (PQgetCopyData(raw_, &rest, 0) > 0) PQfreemem(rest);
        try {
            finish();
        } catch (...) {
        }
    }
    try {
        if (stream_) {
            while (stream_->get_raw_line(line_)) {
            }
        }
    } catch (...) {
    }
    try {
        stream_.reset();
    } catch (...) {
    }
    if (auto it = std::find(t_streaming.begin(), t_streaming.end(), conn_); it != t_streaming.end()) t_streaming.erase(it);
}

void CopyReader::finish() {
    done_ = true;
    std::string message, state;
    while (PGresult* r = PQgetResult(raw_)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && message.empty()) {
            message = PQresultErrorMessage(r);
            if (const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE)) state = s;
        }
        PQclear(r);
    }
    if (!message.empty()) throw pqxx::sql_error(message, query_, state.empty() ? nullptr : state.c_str());
}

const std::vector<std::optional<std::string_view>>* CopyReader::next() {
    char* data = nullptr;
    std::size_t size = 0;
    if (raw_ != nullptr) {
        if (done_) return nullptr;
        if (row_ != nullptr) {
            PQfreemem(row_);
            row_ = nullptr;
        }
        const int n = PQgetCopyData(raw_, &row_, 0);
        if (n == -1) {
            finish();
            return nullptr;
        }
        if (n < 0) {
            done_ = true;
            throw pqxx::failure(std::string("COPY: ") + PQerrorMessage(raw_));
        }
        data = row_;
        size = static_cast<std::size_t>(n);
    } else {
        if (!stream_->get_raw_line(line_)) return nullptr;
        data = line_.data();
        size = line_.size();
    }
    // libpq hands over each row with its newline.
    if (size > 0 && data[size - 1] == '\n') --size;
    split_copy_line_in_place(data, size, fields_);
    return &fields_;
}

// ---------------------------------------------------------------------------
// Cursor

Cursor::Cursor(pqxx::transaction_base& tx, const std::string& sql, const Params& params) : tx_(tx) {
    detail::refuse_while_streaming(tx.conn());
    static std::atomic<unsigned long long> counter{0};
    name_ = "schemac_cursor_" + std::to_string(++counter);
    tx_.exec_params("DECLARE " + name_ + " NO SCROLL CURSOR FOR " + sql, params.libpqxx());
    open_ = true;
}

Cursor::~Cursor() {
    try {
        close();
    } catch (...) {
    }
}

pqxx::result Cursor::fetch(std::size_t rows) { return tx_.exec("FETCH " + std::to_string(rows) + " FROM " + name_); }

void Cursor::close() {
    if (!open_) return;
    open_ = false;
    tx_.exec("CLOSE " + name_);
}

}  // namespace schemac::pg
