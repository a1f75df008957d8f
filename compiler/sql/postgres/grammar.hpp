// PostgreSQL's own grammar (libpg_query) applied to the SQL a schema writes by
// hand: check expressions, {sql: ...} defaults, index predicates and index
// expressions, backfills, USING conversions and named queries. The only user
// of libpg_query in the compiler. Strings in, strings out: it knows no model.
//
// Why: each text is later copied verbatim into generated SQL (`CHECK (<e>)`,
// `DEFAULT <e>`, `WHERE <e>`, `SET c = (<e>)`, `USING <e>`, a prepared
// statement). A text that is not exactly one expression (or one statement)
// could close that statement and smuggle in others. So an expression is
// accepted only when
//   1. `SELECT (<e>)` parses as one SELECT with one target and nothing else
//      (no FROM, WHERE, UNION, second statement, top-level comma, alias): the
//      parenthesis we open is the one we close, and the text ends outside any
//      string, quoted name, comment or dollar quote;
//   2. no line comment runs to its end (it would swallow what the renderer
//      writes after it, e.g. the closing parenthesis or the semicolon);
//   3. the statement it is embedded in, as the renderer writes it, parses as
//      exactly one statement;
//   4. all of the above also hold when read with standard_conforming_strings
//      off, where a backslash escapes a quote in '...': the text cannot end a
//      statement on a server set that way either.
// A NUL byte is refused everywhere: C strings (and libpq) would cut the text
// there, so what was checked would not be what is sent.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace schemac::sql::postgres {

enum class RawSqlKind { Check, Default, IndexWhere, IndexExpression, Backfill, Using, Generated, Query };

// Longer texts are refused: PostgreSQL's parser recurses once per nesting level
// of an expression (`1+1+...`), and about 70,000 levels overflow an 8 MiB stack.
// 16 KiB is at most ~8,000 levels; no hand-written expression comes near it.
constexpr std::size_t kMaxExpressionBytes = 16 * 1024;
constexpr std::size_t kMaxQueryBytes = 64 * 1024;

// "check expression", "default", "index predicate (where)", ...: how messages name the field.
const char* raw_sql_field_name(RawSqlKind kind);

struct RawSqlError {
    std::string message;                 // "must be a single SQL expression: syntax error at or near \";\""
    std::optional<std::size_t> offset;   // byte offset into the text, when the grammar could tell
};

// nullopt when `text` is acceptable for `kind`. Named queries must be exactly
// one SELECT (no INTO), INSERT, UPDATE or DELETE, optionally with WITH, or
// VALUES; $1... placeholders are allowed there.
std::optional<RawSqlError> check_raw_sql(RawSqlKind kind, std::string_view text);

// The statement the renderer builds around `text` for `kind` (placeholder
// table and column names, terminated by ";" as in a migration file). Used by
// check 3 above and by tests that assert what the renderer produces.
std::string embed_raw_sql(RawSqlKind kind, std::string_view text);

// The byte offset in `sql` of libpg_query's error cursor, which PostgreSQL
// counts in characters from 1; "at end of input" is one past the text.
std::size_t cursor_byte_offset(std::string_view sql, int cursor);

// How many statements PostgreSQL's grammar finds in `sql`; nullopt when it is
// not valid SQL (or contains a NUL byte). `conforming_strings` false reads it
// as a server with standard_conforming_strings off would.
std::optional<std::size_t> count_statements(std::string_view sql, bool conforming_strings = true);

}  // namespace schemac::sql::postgres
