// PostgreSQL's numbered parameters ($1, $2, ...) of a named query, found the
// way its lexer would: a '$' inside a string literal, a quoted identifier, a
// dollar-quoted string, a comment or an identifier (`a$1` is one name) is not
// a parameter. The lexical rules are the shared SQL scanner's
// (schemac/postgres/sql_scanner.hpp); PostgresRules hands this out as
// SchemaRules::scan_placeholders.
#pragma once
#include <string_view>

#include "model/placeholders.hpp"

namespace schemac::sql::postgres {

PlaceholderScan scan_placeholders(std::string_view sql);

}  // namespace schemac::sql::postgres
