// What PostgreSQL 15 accepts of an index's INCLUDE columns, storage
// parameters (WITH) and collations, and of a table's storage parameters,
// checked before any SQL is written.
#pragma once
#include "diag/diagnostics.hpp"
#include "model/schema.hpp"

namespace schemac::sql::postgres {

// INCLUDE only on btree and gist; storage parameters the index method (or a
// table) knows, with values of their kind and range; COLLATE only on a column whose type
// has collations. Errors into `diags`.
void check_index_options(const Table& t, Diagnostics& diags);

// Whether `name` is a storage parameter of tables the language has (not
// toast.*, not user_catalog_table).
bool is_table_storage_param(const std::string& name);

}  // namespace schemac::sql::postgres
