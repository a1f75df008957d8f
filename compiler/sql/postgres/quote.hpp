// The one place that turns names and values into PostgreSQL SQL text.
#pragma once
#include <string>

#include "model/schema.hpp"

namespace schemac::sql::postgres {

// A name as an SQL identifier: bare when it is a lower-case word that is not a
// keyword PostgreSQL reserves in any position, else double-quoted.
std::string quote_ident(const std::string& name);
std::string quote_name(const QualifiedName& q);
// An operator class or collation name of the model ("C", "myschema.my_ops"):
// the schema before the first dot, each part quoted as needed.
std::string quote_object_name(const std::string& name);          // schema.name, each part quoted as needed
// 'it''s'; E'C:\\dir' for C:\dir (a backslash): the same value whatever
// standard_conforming_strings is.
std::string quote_literal(const std::string& text);
// `body` dollar-quoted with the first of $schemac$, $schemac1$, $schemac2$, ...
// that does not occur in it: names inside the body (a table called
// "a$schemac$b") can never end the quote early.
std::string dollar_quoted(const std::string& body);
std::string render_type(const Type& t);                   // integer, varchar(20)[], market."Side"
// A model value as an SQL expression for a column of type t.
std::string render_value(const Type& t, const Value& v);

}  // namespace schemac::sql::postgres
