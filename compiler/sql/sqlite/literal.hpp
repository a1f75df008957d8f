// Which scalar values a column of a type may hold on SQLite, checked before
// any SQL is written: SQLite itself stores almost anything in any column
// (type affinity), so the schema's types are the only guard.
#pragma once
#include <optional>
#include <string>

#include "model/schema.hpp"

namespace schemac::sql::sqlite {

// nullopt when `v` is a valid value of `t`, else why not (follows "value 'x' ").
std::optional<std::string> check_literal(const Type& t, const Value& v);

}  // namespace schemac::sql::sqlite
