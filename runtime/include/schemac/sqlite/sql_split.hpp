// Splitting a migration file into statements by SQLite's rules: a semicolon
// ends a statement unless it is inside a string ('...', with '' for a quote),
// a quoted identifier ("...", `...`, [...]), a comment (-- to the end of the
// line, /* */, not nested), or the BEGIN ... END body of CREATE TRIGGER. For
// the trigger body, SQLite's own sqlite3_complete() decides: at each semicolon
// outside strings and comments of a statement that holds the word TRIGGER,
// the text so far is asked whether it is complete; other statements end at
// their first such semicolon without asking (so the cost stays linear, except
// for one pass over a trigger per semicolon in its body).
//
// As the PostgreSQL splitter (schemac/postgres/sql_split.hpp), for the same
// reasons: statements with only whitespace or comments between two semicolons
// are dropped, a last statement without a semicolon is kept, and an
// unterminated string, quoted identifier or /* comment runs to the end of the
// text as part of the statement, so SQLite reports it when it is executed.
// Part of the runtime (schemac_runtime_sqlite, over libsqlite3); the compiler's
// SQLite dialect splits with it too.
#pragma once
#include <string_view>
#include <vector>

#include "schemac/core/sql_statement.hpp"

namespace schemac::sqlite {

std::vector<SqlStatement> split_sql(std::string_view sql);

}  // namespace schemac::sqlite
