// The numbered parameters of a named query's SQL, as its dialect's lexer finds
// them (SchemaRules::scan_placeholders; PostgreSQL's $n in
// sql/postgres/placeholders.cpp). No SQL parser: a named query's SQL is
// checked only for its parameters, so the declared params and the statement
// cannot drift apart unnoticed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemac {

struct Placeholder {
    std::size_t offset = 0;     // of its first character in the SQL text
    std::string text;           // as written: "$3", "$0", "$01" in PostgreSQL
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


}  // namespace schemac
