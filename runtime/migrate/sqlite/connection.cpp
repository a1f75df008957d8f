#include "connection.hpp"

#include <pwd.h>
#include <unistd.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "schemac/migrate/runner.hpp"

namespace schemac::migrate::sqlite {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// Called every 1000 virtual machine instructions: a migration statement past
// its deadline (statement_timeout) or past max_duration (the Watch) is
// interrupted (SQLITE_INTERRUPT). The runner's own statements never are.
int on_progress(void* p) {
    auto& in = *static_cast<Interrupts*>(p);
    if (!in.in_statement.load(std::memory_order_relaxed)) return 0;
    if (in.cancel.load(std::memory_order_relaxed)) {
        in.cancelled = true;
        return 1;
    }
    const std::int64_t deadline = in.deadline_ns.load(std::memory_order_relaxed);
    if (deadline != 0 && now_ns() > deadline) {
        in.timed_out = true;
        return 1;
    }
    return 0;
}

// Another connection holds a lock this one needs: wait, in short sleeps, up
// to busy_timeout (as sqlite3_busy_timeout would), and give up at once when
// the running migration statement is to be cancelled.
int on_busy(void* p, int count) {
    auto& in = *static_cast<Interrupts*>(p);
    static constexpr int kSleepMs[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    thread_local Clock::time_point started;
    if (count == 0) started = Clock::now();
    if (in.in_statement && in.cancel) return 0;
    const auto waited = Clock::now() - started;
    if (waited >= in.busy_timeout) {
        in.waiting = false;
        return 0;
    }
    in.waiting = true;
    const int step = count < static_cast<int>(std::size(kSleepMs)) ? kSleepMs[count] : 100;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(in.busy_timeout - waited);
    std::this_thread::sleep_for(std::min(std::chrono::milliseconds(step), left + std::chrono::milliseconds(1)));
    return 1;
}

}  // namespace

SqliteError error_of(sqlite3* db, int rc) {
    const int code = db ? sqlite3_extended_errcode(db) : rc;
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (message.empty() || message == "not an error") message = sqlite3_errstr(rc);
    for (char& c : message)
        if (c == '\n' || c == '\r') c = ' ';
    return SqliteError(code, message);
}

std::string quote_ident(std::string_view name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string os_user() {
    std::vector<char> buffer(16384);
    passwd pw{};
    passwd* found = nullptr;
    if (getpwuid_r(geteuid(), &pw, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name) return found->pw_name;
    return "uid " + std::to_string(geteuid());
}

Connection::Connection(const SqlitePath& path, bool create, std::chrono::milliseconds busy_timeout) {
    namespace fs = std::filesystem;
    if (!path.error.empty()) throw RunnerError(RunnerErrorKind::invalid_conninfo, "invalid SQLite connection string: " + path.error);
    if (!path.memory) {
        std::error_code ec;
        const bool exists = fs::exists(path.path, ec);
        if (!exists && (!create || path.read_only))
            throw RunnerError(RunnerErrorKind::connection,
                              "the SQLite database file " + path.path + " does not exist (`schemac apply` creates it)");
        if (!exists) {
            const fs::path dir = fs::path(path.path).parent_path();
            if (!dir.empty() && !fs::is_directory(dir, ec))
                throw RunnerError(RunnerErrorKind::connection,
                                  "cannot create the SQLite database file " + path.path + ": its directory " + dir.string() + " does not exist");
        }
    }
    int flags = path.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !path.read_only) flags |= SQLITE_OPEN_CREATE;
    if (path.uri) flags |= SQLITE_OPEN_URI;
    const int rc = sqlite3_open_v2(path.filename.c_str(), &db_, flags, nullptr);
    const auto fail = [&](const std::string& why) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
        return RunnerError(RunnerErrorKind::connection, "cannot open the SQLite database " + path.path + ": " + why);
    };
    if (rc != SQLITE_OK) throw fail(error_of(db_, rc).what());
    sqlite3_extended_result_codes(db_, 1);
    interrupts_.busy_timeout = busy_timeout;
    sqlite3_busy_handler(db_, on_busy, &interrupts_);
    sqlite3_progress_handler(db_, 1000, on_progress, &interrupts_);
    try {
        // Reads the header (a file that is not a database fails here; a hot
        // journal a killed writer left is rolled back here).
        Statement(db_, "SELECT count(*) FROM sqlite_master").run();
        exec("PRAGMA foreign_keys = ON");
    } catch (const SqliteError& e) {
        throw fail(e.what());
    }
}

Connection::~Connection() {
    if (!db_) return;
    rollback_quietly();
    sqlite3_close_v2(db_);
}

void Connection::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    interrupts_.waiting = false;   // whatever lock it waited for, it no longer does
    if (rc == SQLITE_OK) return;
    std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw SqliteError(sqlite3_extended_errcode(db_), text);
}

void Connection::rollback_quietly() noexcept {
    if (in_transaction()) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, &tail);
    if (rc != SQLITE_OK) throw error_of(db, rc);
    // Whatever follows the first statement must be nothing but spaces and
    // comments: SQLite reports those as an empty statement.
    const char* end = sql.data() + sql.size();
    while (tail && tail < end) {
        sqlite3_stmt* next = nullptr;
        const char* after = nullptr;
        const int rc2 = sqlite3_prepare_v2(db, tail, static_cast<int>(end - tail), &next, &after);
        if (next) sqlite3_finalize(next);
        if (rc2 != SQLITE_OK || next) {
            sqlite3_finalize(stmt_);
            stmt_ = nullptr;
            throw SqliteError(SQLITE_ERROR, "the text holds more than one statement (SQLite reads a statement end where schemac's "
                                            "splitter did not): nothing of it ran");
        }
        if (after == tail) break;
        tail = after;
    }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, long long v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
}

Statement& Statement::bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int i, const std::optional<int>& v) {
    if (v) sqlite3_bind_int64(stmt_, i, *v);
    else sqlite3_bind_null(stmt_, i);
    return *this;
}

Statement& Statement::bind_text_or_null(int i, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(stmt_, i);
    else bind(i, v);
    return *this;
}

bool Statement::step() {
    if (!stmt_) return false;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const SqliteError e = error_of(db_, rc);
    sqlite3_reset(stmt_);
    throw e;
}

std::string Statement::text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p) return "";
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

}  // namespace schemac::migrate::sqlite
