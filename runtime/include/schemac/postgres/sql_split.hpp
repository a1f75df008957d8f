// Splitting a migration file into statements, the way psql does: a semicolon
// ends a statement unless it is inside a string ('...', E'...' with backslash
// escapes, $tag$...$tag$), a quoted identifier, a comment (-- and nested /* */),
// parentheses, or the BEGIN ... END body of CREATE [OR REPLACE] FUNCTION/PROCEDURE
// (BEGIN ATOMIC, PostgreSQL 14+).
//
// The lexical rules are PostgreSQL 15's (scan.l): B'', X'', N'' and U&'' strings
// take no backslash escapes (standard_conforming_strings on, the default since
// 9.1); a string continued after a newline ('a'<newline>'b') is one string and
// keeps its kind; `$1` is a parameter and `a$b` an identifier, neither opens a
// dollar quote. BEGIN/CASE/END are counted as psql counts them: only in a
// statement whose first bare words are CREATE [OR REPLACE] FUNCTION|PROCEDURE,
// only outside parentheses, CASE only inside a BEGIN. Like psql, that heuristic
// can be fooled by a bare word BEGIN at depth 0 in a routine's header (a
// function named `begin`); quote such a name.
//
// The runner executes statements one at a time so that an error names the
// statement, and so that a non-transactional file can record its progress and
// resume. Part of the runtime: standard library only. Linear in the text's size.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "schemac/core/sql_statement.hpp"

namespace schemac {

// Statements with only whitespace or comments between two semicolons are
// dropped; a last statement without a semicolon is kept. Never throws: an
// unterminated string, quoted identifier, dollar quote or /* comment runs to
// the end of the text and is part of the statement (even a statement of
// nothing but an unterminated comment), so PostgreSQL reports the error when
// the statement is executed instead of the text being silently dropped.
std::vector<SqlStatement> split_sql(std::string_view sql);

// The statement's first line with runs of whitespace as one space, for progress
// lines and error messages. When the statement is longer (a longer line, or
// more lines after it) the result ends with "..." and has at most `max` bytes,
// never cutting a UTF-8 character; with max < 3 it is that many dots.
std::string statement_preview(std::string_view statement, std::size_t max = 80);

}  // namespace schemac
