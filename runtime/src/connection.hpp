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
void pin_session(pqxx::connection& c);

// user@host:port/dbname for messages (a socket directory stands for the host).
std::string describe(pqxx::connection& c);

// A server or libpq message as one line: "ERROR:  x\nDETAIL:  y\n" -> "x (DETAIL: y)";
// LINE/caret context lines are dropped (positions are relative to the statement).
std::string one_line(const std::string& message);

// The only way the runtime quotes an identifier (libpq's PQescapeIdentifier).
std::string quote_ident(pqxx::connection& c, const std::string& name);

}  // namespace schemac::detail
