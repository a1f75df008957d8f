// Model → canonical schemac YAML: the committed schema snapshot beside the
// migrations, and later `schemac inspect`. Read back by the same loader.
// Canonical: one YAML document per PostgreSQL schema (sorted), every
// constraint and index name explicit, values double-quoted, transition hints
// (renamed_from, using, backfill) left out. Same model, same bytes.
// Named queries are left out too: they are not database objects, so the
// snapshot (what the database holds) and its checksum do not change with them.
#pragma once
#include <string>

#include "model/schema.hpp"

namespace schemac {

std::string write_schema_yaml(const Schema& schema, const std::string& header_comment);

}  // namespace schemac
