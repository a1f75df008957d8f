// Opening connections for the runner and turning libpq/libpqxx errors into one
// clear line without a password. Private to the runtime.
#pragma once
#include <pqxx/pqxx>

#include <memory>
#include <string>

namespace schemac::detail {

// Connects and names the session "schemac" (pg_stat_activity shows who holds
// the lock). Failure: RunnerError(connection) with libpq's reason on one line.
// The session's settings are pinned (pin_session).
std::unique_ptr<pqxx::connection> connect(const std::string& conninfo);

// Sets what generated SQL assumes (standard_conforming_strings, client_encoding,
// search_path, DateStyle, ...: docs/runtime.md "Session settings"), overriding
// whatever the server, database, role or an earlier migration file set.
// `also`: statements of the caller's own (built from numbers, never user text), sent with them.
void pin_session(pqxx::connection& c, const std::string& also = "");

// The pinned settings a migration file's statements changed, as one phrase
// ("TimeZone is 'Pacific/Kiritimati', not 'UTC'"), or "" when all are as
// pinned. A raw SQL expression may call set_config(); a later literal of the
// same file would then be read under another encoding, time zone or
// IntervalStyle. One query (pg_settings).
std::string pinned_settings_changed(pqxx::transaction_base& tx);

// The same for client_encoding alone, without a query: libpq tracks it from
// the server's ParameterStatus reports. Checked after every statement, since an
// encoding such as SJIS can change where a string literal ends.
std::string client_encoding_changed(const pqxx::connection& c);

// user@host:port/dbname for messages (a socket directory stands for the host),
// with any piece of the conninfo's password hidden.
std::string describe(pqxx::connection& c, const std::string& conninfo);

// A server or libpq message as one line: "ERROR:  x\nDETAIL:  y\n" -> "x (DETAIL: y)";
// LINE/caret context lines are dropped (positions are relative to the statement).
std::string one_line(const std::string& message);

// The only way the runtime quotes an identifier (libpq's PQescapeIdentifier).
std::string quote_ident(pqxx::connection& c, const std::string& name);

}  // namespace schemac::detail
