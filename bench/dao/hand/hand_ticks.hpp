// The hand-written counterpart of the generated TicksDao (bench/dao/cpp/bench/ticks.cpp):
// the same operations on bench.ticks written directly against libpqxx 6.4, with
// the same row structs (TicksRow, TicksNew) and the same value conversions
// (schemac::pg::to_text / from_text for timestamptz and numeric, which
// libpqxx 6.4 has no conversion for). bench/dao_bench measures the two side by
// side, and compiles this file next to the generated one (part d).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bench/ticks.hpp"

namespace pqxx {
class connection_base;
class transaction_base;
class row;
}  // namespace pqxx

namespace hand {

using db::bench::TicksNew;
using db::bench::TicksRow;

// Prepares every statement on the connection (once per connection).
void prepare(pqxx::connection_base& conn);

std::int64_t insert_returning_id(pqxx::transaction_base& tx, const TicksNew& row);
TicksRow insert_returning_row(pqxx::transaction_base& tx, const TicksNew& row);
// COPY through libpqxx's stream_to (tuples, its own escaping).
std::size_t insert_many(pqxx::transaction_base& tx, const std::vector<TicksNew>& rows);
std::optional<TicksRow> find_by_id(pqxx::transaction_base& tx, std::int64_t id);
std::vector<TicksRow> list_by_symbol(pqxx::transaction_base& tx, const std::string& symbol);
std::vector<TicksRow> list_by_symbol_and_ts(pqxx::transaction_base& tx, const std::string& symbol, schemac::Timestamp ts);
bool update(pqxx::transaction_base& tx, const TicksRow& row);
bool delete_by_id(pqxx::transaction_base& tx, std::int64_t id);
TicksRow upsert(pqxx::transaction_base& tx, const TicksRow& row);
std::int64_t count(pqxx::transaction_base& tx);
// Every row: one SELECT, the whole result in memory, then field by field.
void select_all(pqxx::transaction_base& tx, const std::function<void(const TicksRow&)>& on_row);
// Every row through libpqxx's stream_from (COPY TO STDOUT) and its tuple conversion.
void for_each(pqxx::transaction_base& tx, const std::function<void(const TicksRow&)>& on_row);

// One result row (columns as in kColumns) into `row`, reusing its strings.
void read_row(const pqxx::row& r, TicksRow& row);

}  // namespace hand
