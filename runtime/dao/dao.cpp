// libpqxx 6.4 plumbing for generated DAOs. Only public libpqxx API is used;
// where 6.4 lacks something the choice is explained at the spot (COPY writing
// goes through the deprecated tablewriter, whose write_raw_line is public,
// because stream_to::write_raw_line is private in 6.4).
#include "schemac/dao/dao.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
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
        throw PgTextError("parameter " + std::to_string(values_.size() + 1) +
                          " contains a zero byte, which PostgreSQL text cannot hold (libpq would cut the value there)");
    }
    values_.emplace_back(std::move(text));
}

std::vector<const char*> Params::pointers() const {
    // C strings rather than the std::optional<std::string>s themselves:
    // libpqxx copies each dynamic parameter once more per level of wrapping.
    std::vector<const char*> out;
    out.reserve(values_.size());
    for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
    return out;
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
    : writer_((detail::refuse_while_streaming(tx.conn()), std::make_unique<pqxx::tablewriter>(tx, target))), flush_bytes_(flush_bytes) {
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
    // Several rows in one call: write_raw_line drops one trailing '\n' and
    // libpqxx appends one, so the chunk reaches PQputCopyData exactly as
    // built (the server reads COPY data as a byte stream, not message by
    // message). Checked by "integration: pg_codec: CopyWriter ...".
    writer_->write_raw_line(buffer_);
    buffer_.clear();
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
    // The two-argument constructor: the one taking columns leaves a member
    // uninitialised in 6.4 (random "Too few fields").
    : stream_((detail::refuse_while_streaming(tx.conn()), std::make_unique<pqxx::stream_from>(tx, source))), conn_(&tx.conn()) {
    t_streaming.push_back(conn_);
}

CopyReader::~CopyReader() {
    try {
        while (stream_->get_raw_line(raw_)) {
        }
    } catch (...) {
    }
    try {
        stream_.reset();
    } catch (...) {
    }
    if (auto it = std::find(t_streaming.begin(), t_streaming.end(), conn_); it != t_streaming.end()) t_streaming.erase(it);
}

const std::vector<std::optional<std::string>>* CopyReader::next() {
    if (!stream_->get_raw_line(raw_)) return nullptr;
    // libpq hands over each row with its newline.
    std::string_view line = raw_;
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    split_copy_line(line, fields_);
    return &fields_;
}

// ---------------------------------------------------------------------------
// Cursor

Cursor::Cursor(pqxx::transaction_base& tx, const std::string& sql, const Params& params) : tx_(tx) {
    detail::refuse_while_streaming(tx.conn());
    static std::atomic<unsigned long long> counter{0};
    name_ = "schemac_cursor_" + std::to_string(++counter);
    const std::vector<const char*> values = params.pointers();
    tx_.exec_params("DECLARE " + name_ + " NO SCROLL CURSOR FOR " + sql, pqxx::prepare::make_dynamic_params(values));
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
