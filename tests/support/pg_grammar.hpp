// Checking generated SQL against the real PostgreSQL 15 grammar (libpg_query),
// without a server. Link with -lpg_query.
//
// Only the grammar is checked: names, types and functions are not looked up,
// so `SELECT create_hypertable('x', 't')` is valid while a missing comma or an
// unbalanced parenthesis is not.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace schemac::test {

struct GrammarError {
    std::string message;    // PostgreSQL's message, e.g. `syntax error at or near "TABEL"`
    int cursor = 0;         // 1-based position in the whole text, counted in characters
                            // (UTF-8), as PostgreSQL reports it; 0 when the error has none
    std::string statement;  // the statement containing the cursor, without surrounding
                            // whitespace and comments; empty when it cannot be told
};

// Parses the whole text (any number of statements, comments allowed) with the
// PostgreSQL 15 grammar. Returns the first error, or nullopt when it is valid.
std::optional<GrammarError> parse_error(const std::string& sql);

// The statements of a script, in order, split by PostgreSQL's own parser
// (pg_query_split_with_parser): semicolons inside strings, quoted identifiers,
// comments, dollar quotes (DO $$ ... $$) and BEGIN ATOMIC bodies do not split.
// Each statement is its own source text without the terminating semicolon,
// with leading/trailing whitespace and comments removed (comments inside a
// statement are kept). Empty statements (`;;`, comment-only tails) are dropped.
// Throws std::invalid_argument (with PostgreSQL's message and cursor) when the
// text is not valid SQL: check it with parse_error first to get the details.
std::vector<std::string> split_statements(const std::string& sql);

}  // namespace schemac::test
