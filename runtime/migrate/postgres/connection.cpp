#include "connection.hpp"

#include <schemac/core/ascii.hpp>

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "schemac/migrate/runner.hpp"

namespace schemac {

namespace detail {

std::string one_line(const std::string& message) {
    std::istringstream in(message);
    std::string main, extra;
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
        std::size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos) continue;
        line = line.substr(b);
        if (line.starts_with("LINE ") || line.starts_with("^")) continue;
        if (line.starts_with("ERROR:") || line.starts_with("FATAL:")) {
            std::string text = line.substr(6);
            text = text.substr(std::min(text.find_first_not_of(' '), text.size()));
            main += (main.empty() ? "" : "; ") + text;
        } else if (line.starts_with("DETAIL:") || line.starts_with("HINT:")) {
            const std::size_t colon = line.find(':');
            const std::size_t text = line.find_first_not_of(' ', colon + 1);
            extra += (extra.empty() ? "" : "; ") + line.substr(0, colon + 1) + " " + line.substr(std::min(text, line.size()));
        } else if (line.starts_with("CONTEXT:") || line.starts_with("QUERY:")) {
            continue;
        } else {
            main += (main.empty() ? "" : "; ") + line;
        }
    }
    std::string out = extra.empty() ? main : main + " (" + extra + ")";
    // libpq pads its severity ("failed: FATAL:  role ..."): one space is enough.
    for (std::size_t at = out.find(":  "); at != std::string::npos; at = out.find(":  ", at)) out.erase(at + 1, 1);
    return out;
}

namespace {

// "mysql://..." read as key=value gives "missing "=" after ...": name the scheme instead.
void refuse_other_schemes(const std::string& conninfo) {
    const std::size_t sep = conninfo.find("://");
    if (sep == std::string::npos || sep == 0) return;
    const std::string scheme = conninfo.substr(0, sep);
    const bool word = std::all_of(scheme.begin(), scheme.end(), [](char c) {
        return is_ascii_alnum(c) || c == '+' || c == '-' || c == '.';
    });
    if (!word || scheme == "postgresql" || scheme == "postgres") return;
    throw RunnerError(RunnerErrorKind::invalid_conninfo,
                      "invalid connection string: the URL scheme is \"" + scheme +
                          "://\"; schemac connects to PostgreSQL, whose URLs start with postgresql:// or postgres://");
}

// The settings the SQL schemac writes is read under (docs/runtime.md, "Session
// settings"), with the values pin_session gives them, as SHOW prints them. Set
// at the start of every session and again before each migration file, so a
// file means the same whatever the server, the database, the role or an
// earlier file set; checked after a file's statements (pinned_settings_changed).
constexpr std::pair<const char*, const char*> kPinnedValues[] = {
    {"standard_conforming_strings", "on"}, {"client_encoding", "UTF8"}, {"DateStyle", "ISO, MDY"},
    {"IntervalStyle", "postgres"},         {"TimeZone", "UTC"},         {"extra_float_digits", "1"},
    {"bytea_output", "hex"},               {"array_nulls", "on"},       {"transform_null_equals", "off"},
    {"quote_all_identifiers", "off"},
};

// pin_session's statements: kPinnedValues, then what is set but not checked.
// search_path: public first, then the schemas the database's own path names
// (an extension installed in a schema of its own is still found), never
// pg_catalog by name, so it is searched first and nothing shadows a built-in;
// generated SQL qualifies every name, so a file may change it.
const std::string& pin_statements() {
    static const std::string sql = [] {
        std::string s;
        for (const auto& [name, value] : kPinnedValues) s += std::string("SET ") + name + " = '" + value + "'; ";
        return s + "RESET search_path; SELECT set_config('search_path', array_to_string(ARRAY['public'] ||"
                   " ARRAY(SELECT quote_ident(s) FROM unnest(current_schemas(false)) s"
                   " WHERE s NOT IN ('public', 'pg_catalog')), ', '), false);"
                   " SET timezone_abbreviations = 'Default'; SET application_name = 'schemac';"
                   // WARNINGs reach the runner, which reports them per file (a
                   // database set to 'error' would hide "TimescaleDB is not installed").
                   " SET client_min_messages = 'warning'";
    }();
    return sql;
}

// One row: current_setting() of each of kPinnedValues, in its order.
const std::string& pinned_values_query() {
    static const std::string sql = [] {
        std::string s;
        for (const auto& [name, value] : kPinnedValues) s += std::string(s.empty() ? "SELECT " : ", ") + "current_setting('" + name + "')";
        return s;
    }();
    return sql;
}

}  // namespace

std::string pinned_settings_changed(pqxx::transaction_base& tx) {
    const pqxx::row now = tx.exec_params(pinned_values_query())[0];
    std::string changed;
    for (std::size_t i = 0; i < std::size(kPinnedValues); ++i) {
        const auto& [name, value] = kPinnedValues[i];
        const std::string setting = now[static_cast<pqxx::row::size_type>(i)].as<std::string>();
        if (setting != value) changed += std::string(changed.empty() ? "" : ", ") + name + " is '" + setting + "', not '" + value + "'";
    }
    return changed;
}

std::string client_encoding_changed(const pqxx::connection& c) {
    const std::string encoding = c.get_client_encoding();
    return encoding == "UTF8" ? "" : "client_encoding is '" + encoding + "', not 'UTF8'";
}

void pin_session(pqxx::connection& c, const std::string& also) {
    pqxx::nontransaction tx{c};
    tx.exec(also.empty() ? pin_statements() : pin_statements() + "; " + also);
}

std::unique_ptr<pqxx::connection> connect(const std::string& conninfo) {
    // A malformed conninfo is the caller's mistake, not a server that may come
    // back: say so (exit code 2, not 4). libpq quotes pieces of what it could
    // not parse; scrub_passwords hides those made of the password.
    refuse_other_schemes(conninfo);
    char* parse_error = nullptr;
    if (PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &parse_error)) {
        PQconninfoFree(opts);
    } else {
        const std::string why = parse_error ? parse_error : "out of memory";
        PQfreemem(parse_error);
        throw RunnerError(RunnerErrorKind::invalid_conninfo, "invalid connection string: " + one_line(scrub_passwords(why, conninfo)));
    }
    std::unique_ptr<pqxx::connection> c;
    try {
        c = std::make_unique<pqxx::connection>(conninfo);
    } catch (const std::exception& e) {
        // libpq's message names host, socket, user and database, never the password,
        // but it quotes values it parsed, which may be pieces of a password.
        throw RunnerError(RunnerErrorKind::connection, "cannot connect: " + one_line(scrub_passwords(e.what(), conninfo)));
    }
    try {
        pin_session(*c);
    } catch (const std::exception& e) {
        throw RunnerError(RunnerErrorKind::connection, "cannot set up the session: " + one_line(e.what()));
    }
    return c;
}

std::string describe(pqxx::connection& c, const std::string& conninfo) {
    std::string host = c.hostname() ? c.hostname() : "";
    std::string port = c.port() ? c.port() : "";
    std::string out = std::string(c.username() ? c.username() : "") + "@" + host;
    if (!port.empty()) out += ":" + port;
    // A URL libpq read otherwise than meant (an unencoded '/' in the password)
    // can put pieces of the password into the database name or the user.
    return scrub_passwords(out + "/" + (c.dbname() ? c.dbname() : ""), conninfo);
}

std::string quote_ident(pqxx::connection& c, const std::string& name) { return c.quote_name(name); }

}  // namespace detail
}  // namespace schemac
