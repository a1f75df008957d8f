// SQLite's answers to what a schema may contain: one schema (`main`), no enum
// or array types, no identity columns, no index methods but btree, comments
// kept in the generated C++ only; SQLite's literal syntax and grammar.
#pragma once
#include "model/rules.hpp"

namespace schemac::sql::sqlite {

const SchemaRules& rules();

}  // namespace schemac::sql::sqlite
