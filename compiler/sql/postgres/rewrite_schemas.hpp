// Rewriting the schema part of qualified names `schema.name` inside SQL text
// (expressions, defaults, predicates): normalisation moves a model into scratch
// schemas and back (sql/postgres/normalize.cpp). Lexing is the shared SQL scanner's
// (schemac/postgres/sql_scanner.hpp), so strings, quoted identifiers, dollar quotes and
// comments are never rewritten.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace schemac::sql::postgres {

// Given a qualified name's schema and name (bare words folded to lower case,
// ASCII only as PostgreSQL does in UTF-8; "quoted" ones unquoted), the text to
// write instead of the schema, or nullopt to keep it.
using SchemaReplacer = std::function<std::optional<std::string>(const std::string& schema, const std::string& name)>;

// `sql` with the schema of every `identifier . identifier` pair (spaces allowed
// around the dot) replaced as `replace` says; all other bytes copied as they
// are. A U&"..." identifier is never rewritten (its escapes are not decoded).
std::string rewrite_schemas(std::string_view sql, const SchemaReplacer& replace);

}  // namespace schemac::sql::postgres
