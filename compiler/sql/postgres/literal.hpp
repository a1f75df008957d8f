// Does a literal value fit a column type, by PostgreSQL's input syntax? The
// PostgreSQL rules' check_literal (defaults, seed rows, hypertable intervals),
// and used by inspection too (same rules both ways).
#pragma once
#include <optional>
#include <string>

#include "model/schema.hpp"

namespace schemac::sql::postgres {

// nullopt when `v` is a valid value of `t`; otherwise the reason, phrased to
// follow "value 'x' ". `e` is the resolved enum for TypeKind::Enum, else null.
std::optional<std::string> check_literal(const Type& t, const Value& v, const Enum* e);

// The deepest JSON accepted (docs/schema-language.md, "Limits"). PostgreSQL 15
// parses 10,000 levels with its default max_stack_depth (2MB) and fails with
// "stack depth limit exceeded" at 20,000.
inline constexpr int kMaxJsonDepth = 10'000;

// Each returns true when `s` is valid text for that PostgreSQL type.
// `too_deep` (optional) says whether JSON failed for nesting beyond kMaxJsonDepth.
// jsonb also refuses what it cannot decode: \u0000 and unpaired surrogates.
enum class JsonKind { Json, Jsonb };
bool is_valid_json(const std::string& s, bool* too_deep = nullptr, JsonKind kind = JsonKind::Json);
bool is_valid_date(const std::string& s);
bool is_valid_time(const std::string& s);
bool is_valid_timestamp(const std::string& s, bool with_zone);

// Any text PostgreSQL stores (comments, labels, expressions, values): valid UTF-8
// without NUL bytes (the database encoding is UTF8). nullopt when fine, else
// the reason, phrased to follow "comment of ... ".
std::optional<std::string> check_text(const std::string& s);

}  // namespace schemac::sql::postgres
