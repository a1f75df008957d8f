// Which scalar values a column of a type may hold on SQLite, checked before
// any SQL is written: SQLite itself stores almost anything in any column
// (type affinity), so the schema's types are the only guard.
#pragma once
#include <optional>
#include <string>

#include "model/schema.hpp"

namespace schemac::sql::sqlite {

// Whether `s` is a number as SQLite reads one: digits with an optional
// fraction and exponent (".5" and "5." too), after an optional '-' (and '+'
// when `plus` is allowed).
bool is_number(const std::string& s, bool plus);

// nullopt when `v` is a valid value of `t`, else why not (follows "value 'x' ").
std::optional<std::string> check_literal(const Type& t, const Value& v);

}  // namespace schemac::sql::sqlite
