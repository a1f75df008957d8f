// Finds the $n parameters of an SQL statement the way PostgreSQL's lexer
// would: a '$' inside a string literal, a quoted identifier, a dollar-quoted
// string, a comment or an identifier (`a$1` is one name) is not a parameter.
// No SQL parser: a named query's SQL is checked only for its parameters, so
// the declared params and the statement cannot drift apart unnoticed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemac {

struct Placeholder {
    std::size_t offset = 0;     // of the '$' in the SQL text
    std::string text;           // as written: "$3", "$0", "$01"
    std::uint32_t number = 0;   // its value; kTooLarge when it does not fit
    static constexpr std::uint32_t kTooLarge = 1'000'000'000;
};

struct Unterminated {
    std::size_t offset = 0;     // where the literal, identifier or comment starts
    std::string what;           // "string literal", "quoted identifier", "dollar-quoted string", "comment"
};

struct PlaceholderScan {
    std::vector<Placeholder> placeholders;    // in order of appearance
    std::optional<Unterminated> unterminated;  // the scan stopped there: the rest is inside it
};

// The lexical rules are PostgreSQL's, from the shared SQL scanner
// (schemac/postgres/sql_scanner.hpp).
PlaceholderScan scan_placeholders(std::string_view sql);

}  // namespace schemac
