// What PostgreSQL 15 accepts of an index's INCLUDE columns, storage
// parameters (WITH) and collations, checked before any SQL is written.
#pragma once
#include "diag/diagnostics.hpp"
#include "model/schema.hpp"

namespace schemac::sql::postgres {

// INCLUDE only on btree and gist; storage parameters the index method knows,
// with values of their kind and range; COLLATE only on a column whose type
// has collations. Errors into `diags`.
void check_index_options(const Table& t, Diagnostics& diags);

}  // namespace schemac::sql::postgres
