// What a DAO keeps true about its session: the settings the codecs read
// under, and the prepared statements libpqxx believes the server holds. A pool
// that resets connections (DISCARD ALL, RESET ALL, DEALLOCATE ALL) or a column
// whose type changes breaks both behind libpqxx's back; this file notices and
// repairs, or says what to do where a repair is not safe. See dao.hpp.
#include "schemac/dao/dao.hpp"

#include "raw_connection.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace schemac::pg {

namespace {

// What this library knows of one connection's session. A connection is used
// by one thread at a time, so a Session is touched without a lock; only the
// table that finds it is shared.
struct Session {
    int backend_pid = 0;
    // The TimeZone spelling the settings were made with, as the server reports
    // it; empty until they are made. See make_settings.
    std::string time_zone;
    // Statements that ran here: name -> SQL. libpqxx holds them as prepared.
    std::unordered_map<std::string, std::string> prepared;
    // Statements to prepare again before the next use: name -> SQL.
    std::map<std::string, std::string> broken;
    // A reset may have dropped statements: compare with the server's list.
    bool check_prepared = false;

    bool needs_repair() const { return check_prepared || !broken.empty(); }
};

// Sessions by connection. The backend's pid tells a reconnected (or a new
// connection at a reused address) from the one recorded: its record starts
// over. Entries of closed connections are never told apart from live ones, so
// the table is emptied when it grows past kMaxSessions; a connection whose
// record went that way only loses the list of statements to check after a
// reset, and then repairs a dropped statement when it fails (exec).
class Sessions {
public:
    // The last connection a thread used is remembered without the lock: a DAO
    // call looks its session up twice (prepare_session, exec) and a thread
    // mostly works on one connection.
    std::shared_ptr<Session>& of(const pqxx::connection_base& conn) {
        struct Last {
            const pqxx::connection_base* conn = nullptr;
            std::shared_ptr<Session> session;
        };
        thread_local Last last;
        const int pid = conn.backendpid();
        if (last.conn != &conn || !last.session || last.session->backend_pid != pid) {
            last.conn = &conn;
            last.session = lookup(conn, pid);
        }
        return last.session;
    }

private:
    std::shared_ptr<Session> lookup(const pqxx::connection_base& conn, int pid) {
        std::lock_guard lock(mutex_);
        auto& slot = sessions_[&conn];
        if (!slot || slot->backend_pid != pid) {
            if (!slot && sessions_.size() > kMaxSessions) {
                sessions_.clear();
                return sessions_[&conn] = fresh(pid);
            }
            slot = fresh(pid);
        }
        return slot;
    }

    static constexpr std::size_t kMaxSessions = 4096;
    static std::shared_ptr<Session> fresh(int pid) {
        auto s = std::make_shared<Session>();
        s->backend_pid = pid;
        return s;
    }
    std::mutex mutex_;
    std::unordered_map<const pqxx::connection_base*, std::shared_ptr<Session>> sessions_;
};

Sessions& sessions() {
    static Sessions all;
    return all;
}

// The settings, as set_config takes them; `reported`: the server reports the
// setting to libpq on its own (ParameterStatus), so it can be checked free.
struct Setting {
    const char* name;
    const char* value;
    bool reported;
};
constexpr Setting kSettings[] = {
    {"DateStyle", "ISO", true},              // keeps the user's day/month order for input; output is ISO either way
    {"IntervalStyle", "iso_8601", true},     // "P1Y2M3DT4H5M6S": exact, unambiguous
    {"bytea_output", "hex", false},          // "\x0102"
    {"extra_float_digits", "1", false},      // shortest exact float text (PostgreSQL 12+); 0 rounds to 15 digits
    {"client_encoding", "UTF8", true},       // the codecs read and write UTF-8; LATIN1 would come back as other bytes
    {"standard_conforming_strings", "on", true},   // a backslash in a literal of a named query means itself
};

// DateStyle is shown with the day order after the style ("ISO, MDY").
bool has_value(const Setting& s, const char* actual) {
    if (actual == nullptr) return false;
    const std::string_view a(actual);
    if (std::string_view(s.name) == "DateStyle") return a.substr(0, 4) == "ISO,";
    return a == s.value;
}

// Whether the session still has the settings made for it. TimeZone is the
// witness for the settings the server does not report (bytea_output,
// extra_float_digits): all are made in one statement and a reset (RESET ALL,
// DISCARD ALL, the abort of the transaction that made them) restores them
// all, and TimeZone was spelled unlike the value a reset restores. In a
// dbtransaction this reads what libpq was told and sends nothing; a
// nontransaction asks the server for every setting (one round trip).
bool settings_in_place(pqxx::transaction_base& tx, const Session& s) {
    if (s.time_zone.empty()) return false;
    if (PGconn* raw = detail::RawConnection::of(tx)) {
        const char* tz = PQparameterStatus(raw, "TimeZone");
        if (tz == nullptr || s.time_zone != tz) return false;
        for (const Setting& setting : kSettings) {
            if (setting.reported && !has_value(setting, PQparameterStatus(raw, setting.name))) return false;
        }
        return true;
    }
    static const std::string sql = [] {
        std::string q = "SELECT current_setting('TimeZone')";
        for (const Setting& setting : kSettings) q += std::string(", current_setting('") + setting.name + "')";
        return q;
    }();
    const pqxx::row row = tx.exec(sql).at(0);
    if (row[0].c_str() != s.time_zone) return false;
    for (std::size_t i = 0; i < std::size(kSettings); ++i) {
        if (!has_value(kSettings[i], row[static_cast<int>(i + 1)].c_str())) return false;
    }
    return true;
}

// Makes every setting in one statement. TimeZone is UTC, spelled 'UTC' unless
// that is what a reset would restore (the server's reset_val), then
// 'Etc/UTC': either way timestamptz prints "+00", and a reset shows.
void make_settings(pqxx::transaction_base& tx, Session& s) {
    static const std::string sql = [] {
        std::string q =
            "SELECT set_config('TimeZone', CASE WHEN (SELECT reset_val FROM pg_catalog.pg_settings WHERE name = 'TimeZone') "
            "= 'UTC' THEN 'Etc/UTC' ELSE 'UTC' END, false)";
        for (const Setting& setting : kSettings) q += std::string(", set_config('") + setting.name + "', '" + setting.value + "', false)";
        return q;
    }();
    const bool reset = !s.time_zone.empty();
    s.time_zone = tx.exec(sql).at(0)[0].c_str();
    // The settings were there and are gone: whatever reset them may have
    // dropped the prepared statements too (DISCARD ALL does).
    if (reset) s.check_prepared = true;
}

// Makes the server hold what libpqxx believes it holds: a statement it lacks
// is prepared under its name again (so libpqxx's exec_prepared finds it), a
// broken one is deallocated first. Each command goes alone through the
// extended protocol, which refuses a string holding two: a statement's SQL
// can only ever be the body of its own PREPARE.
void repair(pqxx::transaction_base& tx, Session& s) {
    std::set<std::string> present;
    for (const auto& row : tx.exec("SELECT name FROM pg_catalog.pg_prepared_statements")) present.insert(row[0].c_str());
    auto prepare = [&](const std::string& name, const std::string& sql) { tx.exec_params("PREPARE " + tx.quote_name(name) + " AS " + sql); };
    for (const auto& [name, sql] : s.broken) {
        if (present.count(name) != 0) tx.exec_params("DEALLOCATE " + tx.quote_name(name));
        prepare(name, sql);
    }
    if (s.check_prepared) {
        for (const auto& [name, sql] : s.prepared) {
            if (present.count(name) == 0 && s.broken.count(name) == 0) prepare(name, sql);
        }
    }
    s.broken.clear();
    s.check_prepared = false;
}

enum class Lost { no, dropped, replanned };

Lost lost_statement(const pqxx::sql_error& e, const std::string& name) {
    const std::string what = e.what();
    // 26000 for the statement itself, not for a name inside the SQL.
    if (e.sqlstate() == "26000" && what.find("prepared statement \"" + name + "\" does not exist") != std::string::npos) {
        return Lost::dropped;
    }
    if (e.sqlstate() == "0A000" && what.find("cached plan must not change result type") != std::string::npos) {
        return Lost::replanned;
    }
    return Lost::no;
}

[[noreturn]] void throw_lost(const pqxx::sql_error& e, const std::string& name, Lost why) {
    const std::string cause =
        why == Lost::dropped ? "was dropped from the session (DISCARD ALL or DEALLOCATE ALL ran on this connection)"
                             : "was planned for another result type (a column's type changed since it was prepared)";
    throw StatementLost("schemac: prepared statement \"" + name + "\" " + cause +
                            ", which aborted the transaction: roll it back and run it again; the next call prepares "
                            "the statement anew",
                        e.query(), e.sqlstate().c_str());
}

}  // namespace

void prepare_session(pqxx::transaction_base& tx) {
    detail::refuse_while_streaming(tx.conn());
    const std::shared_ptr<Session> s = sessions().of(tx.conn());
    if (!settings_in_place(tx, *s)) make_settings(tx, *s);
}

pqxx::result exec(pqxx::transaction_base& tx, const std::string& name, const std::string& sql, const Params& params) {
    detail::refuse_while_streaming(tx.conn());
    // Held, not borrowed: a callee could look up another connection and
    // replace the thread's remembered one.
    const std::shared_ptr<Session> s = sessions().of(tx.conn());
    if (s->needs_repair()) repair(tx, *s);
    // Idempotent in libpqxx 6.4 for the same SQL (a map lookup and a string
    // compare); the server sees PREPARE only at the first exec_prepared on this
    // connection, and again after libpqxx reconnects.
    tx.conn().prepare(name, sql);
    auto run = [&] {
        pqxx::result r = tx.exec_prepared(name, params.libpqxx());
        if (s->prepared.find(name) == s->prepared.end()) s->prepared.emplace(name, sql);
        return r;
    };
    try {
        return run();
    } catch (const pqxx::sql_error& e) {
        const Lost why = lost_statement(e, name);
        if (why == Lost::no) throw;
        s->broken[name] = sql;
        if (why == Lost::dropped) s->check_prepared = true;   // DEALLOCATE ALL took the others too
        // Only without a transaction block did the failed call leave nothing
        // behind: retry once. Inside one the server has aborted the transaction.
        if (dynamic_cast<pqxx::nontransaction*>(&tx) == nullptr) throw_lost(e, name, why);
        repair(tx, *s);
        return run();
    }
}

}  // namespace schemac::pg
