// Changes → PostgreSQL 15 plan steps, each with its reverse, hazards and notes.
#pragma once
#include <vector>

#include "diff/changes.hpp"
#include "sql/plan.hpp"

namespace schemac::sql::postgres {

Plan render_plan(const std::vector<diff::Change>& changes);

// One INSERT ... ON CONFLICT (key) per seed row of `t`: a missing row is
// inserted, one that differs is updated, an equal one left alone.
std::vector<std::string> upsert_seed_rows(const Table& t);

// The statement that makes a table a TimescaleDB hypertable, on its own (the
// plan wraps it in a DO block that skips it loudly where the extension is missing).
std::string create_hypertable_call(const Table& t);

// CREATE EXTENSION IF NOT EXISTS, with the extension's schema and version
// when it names them.
std::string create_extension(const Extension& e);

}  // namespace schemac::sql::postgres
