// PostgreSQL 15's rules for what a change costs on a table that has rows:
// rewrites, locks, scans, failures, data loss. Documented in docs/hazards.md.
#pragma once
#include <vector>

#include "model/schema.hpp"
#include "sql/plan.hpp"

namespace schemac::sql::postgres {

std::vector<Hazard> add_column_hazards(const Table& t, const Column& c);
std::vector<Hazard> type_change_hazards(const Table& t, const Column& from, const Column& to);
// `why` the plain statement is used; null: why_not_concurrently(t).
std::vector<Hazard> unique_index_hazards(const Table& t, const char* what, const char* why);
// Why an index or key on an existing table is built with the plain statement:
// the YAML opted out, or the table is a hypertable.
const char* why_not_concurrently(const Table& t);
// True when PostgreSQL has no implicit cast (assignment) between the types, so ALTER TYPE needs USING.
bool needs_using(const Type& from, const Type& to);
// True when some values of `from` do not fit `to`.
bool is_narrowing(const Type& from, const Type& to);
// True when the type change keeps the stored bytes (no rewrite, no index rebuild).
bool is_binary_compatible(const Type& from, const Type& to);

}  // namespace schemac::sql::postgres
