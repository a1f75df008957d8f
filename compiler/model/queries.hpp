// Named queries: the checks that need the whole schema (enum types, `row:`
// tables, names unique per schema) and the ones that need none but must hold
// for a query built in code as much as for a loaded one (C++ names, result
// shape, $n placeholders against the declared params). Called by analyze().
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"
#include "model/reported.hpp"
#include "model/rules.hpp"
#include "model/schema.hpp"

namespace schemac {

// "none", "one", "optional", "many", "count": the YAML spelling.
const char* query_result_name(QueryResult r);
std::optional<QueryResult> parse_query_result(std::string_view text);

// A C++20 keyword (including the alternative tokens such as `and`, `not_eq`).
bool is_cpp_keyword(std::string_view word);
// nullopt when `name` can be a query, parameter or column name in the
// generated C++: [a-z_][a-z0-9_]*, not a keyword, no "__" (reserved by C++).
// Otherwise why not, as a phrase: "is a C++ keyword".
std::optional<std::string> check_cpp_name(std::string_view name);

// `loaded` holds the errors the loader reported (a query's SQL missing or not text).
void analyze_queries(Schema& schema, const SchemaRules& rules, const ReportedBefore& loaded, Diagnostics& diags);

}  // namespace schemac
