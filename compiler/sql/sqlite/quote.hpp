// The one place that turns names, types and values into SQLite SQL text.
#pragma once
#include <string>

#include "model/schema.hpp"

namespace schemac::sql::sqlite {

// A name as an SQL identifier: bare when it is a lower-case word that is not
// one of SQLite's keywords, else double-quoted.
std::string quote_ident(const std::string& name);
// A table's name: SQLite has one schema (main), so never qualified.
std::string quote_name(const QualifiedName& q);
std::string quote_literal(const std::string& text);   // 'it''s'
// The declared type as SQLite users write it: INTEGER, TEXT, REAL, BLOB,
// NUMERIC(10,2), BOOLEAN; an `integer` primary key is the rowid alias.
std::string render_type(const Type& t);
// A model value as an SQL expression for a column of type t: 42, 'text',
// TRUE, X'00ff', (expression).
std::string render_value(const Type& t, const Value& v);

}  // namespace schemac::sql::sqlite
