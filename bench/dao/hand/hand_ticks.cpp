// See hand_ticks.hpp.
#include "hand_ticks.hpp"

#include <stdexcept>
#include <string_view>
#include <tuple>

#include <pqxx/pqxx>
#include <schemac/postgres/pg_codec.hpp>

namespace hand {
namespace {

using db::bench::TickSide;

#define HAND_COLUMNS "id, symbol, ts, price, qty, side, note"
#define HAND_INSERT "INSERT INTO bench.ticks (symbol, ts, price, qty, side, note) VALUES ($1, $2, $3, $4, $5, $6)"

const char* side_label(TickSide s) { return s == TickSide::buy ? "buy" : "sell"; }

TickSide side_of(std::string_view s) {
    if (auto v = db::bench::tick_side_from_string(s)) return *v;
    throw std::runtime_error("bench.ticks: bad side \"" + std::string(s) + "\"");
}

std::string_view text(const pqxx::field& f) { return {f.c_str(), f.size()}; }

std::vector<TicksRow> all_rows(const pqxx::result& res) {
    std::vector<TicksRow> rows(res.size());
    for (std::size_t i = 0; i < rows.size(); ++i) read_row(res[static_cast<pqxx::result::size_type>(i)], rows[i]);
    return rows;
}

}  // namespace

void prepare(pqxx::connection_base& c) {
    c.prepare("hand_insert_id", HAND_INSERT " RETURNING id");
    c.prepare("hand_insert_row", HAND_INSERT " RETURNING " HAND_COLUMNS);
    c.prepare("hand_find_by_id", "SELECT " HAND_COLUMNS " FROM bench.ticks WHERE id = $1");
    // The generated statements' SQL, to the byte.
    c.prepare("hand_list_by_symbol", "SELECT " HAND_COLUMNS " FROM bench.ticks WHERE symbol = $1 ORDER BY ts, id");
    c.prepare("hand_list_by_symbol_ts", "SELECT " HAND_COLUMNS " FROM bench.ticks WHERE symbol = $1 AND ts = $2 ORDER BY id");
    c.prepare("hand_update",
              "UPDATE bench.ticks SET symbol = $1, ts = $2, price = $3, qty = $4, side = $5, note = $6 WHERE id = $7");
    c.prepare("hand_delete", "DELETE FROM bench.ticks WHERE id = $1");
    c.prepare("hand_upsert",
              "INSERT INTO bench.ticks (id, symbol, ts, price, qty, side, note) VALUES ($1, $2, $3, $4, $5, $6, $7) "
              "ON CONFLICT (id) DO UPDATE SET symbol = EXCLUDED.symbol, ts = EXCLUDED.ts, price = EXCLUDED.price, "
              "qty = EXCLUDED.qty, side = EXCLUDED.side, note = EXCLUDED.note RETURNING " HAND_COLUMNS);
    c.prepare("hand_count", "SELECT count(*) FROM bench.ticks");
}

void read_row(const pqxx::row& r, TicksRow& row) {
    row.id = r[0].as<std::int64_t>();
    row.symbol.assign(r[1].c_str(), r[1].size());
    row.ts = schemac::pg::from_text<schemac::Timestamp>(text(r[2]));
    row.price = schemac::pg::from_text<schemac::Decimal>(text(r[3]));
    row.qty = r[4].as<std::int64_t>();
    row.side = side_of(text(r[5]));
    if (r[6].is_null()) {
        row.note.reset();
    } else {
        if (!row.note) row.note.emplace();
        row.note->assign(r[6].c_str(), r[6].size());
    }
}

std::int64_t insert_returning_id(pqxx::transaction_base& tx, const TicksNew& t) {
    const pqxx::result r = tx.exec_prepared("hand_insert_id", t.symbol, schemac::pg::to_text(t.ts), t.price.text(), t.qty,
                                            side_label(t.side), t.note);
    return r.at(0).at(0).as<std::int64_t>();
}

TicksRow insert_returning_row(pqxx::transaction_base& tx, const TicksNew& t) {
    const pqxx::result r = tx.exec_prepared("hand_insert_row", t.symbol, schemac::pg::to_text(t.ts), t.price.text(), t.qty,
                                            side_label(t.side), t.note);
    TicksRow row;
    read_row(r.at(0), row);
    return row;
}

std::size_t insert_many(pqxx::transaction_base& tx, const std::vector<TicksNew>& rows) {
    // The two-argument constructor with the column list in the name (TOOLCHAIN.md).
    pqxx::stream_to s(tx, "bench.ticks (symbol, ts, price, qty, side, note)");
    for (const TicksNew& t : rows)
        s << std::make_tuple(t.symbol, schemac::pg::to_text(t.ts), t.price.text(), t.qty, side_label(t.side), t.note);
    s.complete();
    return rows.size();
}

std::optional<TicksRow> find_by_id(pqxx::transaction_base& tx, std::int64_t id) {
    const pqxx::result r = tx.exec_prepared("hand_find_by_id", id);
    if (r.empty()) return std::nullopt;
    TicksRow row;
    read_row(r[0], row);
    return row;
}

std::vector<TicksRow> list_by_symbol(pqxx::transaction_base& tx, const std::string& symbol) {
    return all_rows(tx.exec_prepared("hand_list_by_symbol", symbol));
}

std::vector<TicksRow> list_by_symbol_and_ts(pqxx::transaction_base& tx, const std::string& symbol, schemac::Timestamp ts) {
    return all_rows(tx.exec_prepared("hand_list_by_symbol_ts", symbol, schemac::pg::to_text(ts)));
}

bool update(pqxx::transaction_base& tx, const TicksRow& t) {
    return tx.exec_prepared("hand_update", t.symbol, schemac::pg::to_text(t.ts), t.price.text(), t.qty, side_label(t.side), t.note, t.id)
               .affected_rows() > 0;
}

bool delete_by_id(pqxx::transaction_base& tx, std::int64_t id) {
    return tx.exec_prepared("hand_delete", id).affected_rows() > 0;
}

TicksRow upsert(pqxx::transaction_base& tx, const TicksRow& t) {
    const pqxx::result r = tx.exec_prepared("hand_upsert", t.id, t.symbol, schemac::pg::to_text(t.ts), t.price.text(), t.qty,
                                            side_label(t.side), t.note);
    TicksRow row;
    read_row(r.at(0), row);
    return row;
}

std::int64_t count(pqxx::transaction_base& tx) { return tx.exec_prepared("hand_count").at(0).at(0).as<std::int64_t>(); }

void select_all(pqxx::transaction_base& tx, const std::function<void(const TicksRow&)>& on_row) {
    const pqxx::result res = tx.exec("SELECT " HAND_COLUMNS " FROM bench.ticks");
    TicksRow row;
    for (const auto& r : res) {
        read_row(r, row);
        on_row(row);
    }
}

void for_each(pqxx::transaction_base& tx, const std::function<void(const TicksRow&)>& on_row) {
    pqxx::stream_from s(tx, "bench.ticks (" HAND_COLUMNS ")");
    std::tuple<std::int64_t, std::string, std::string, std::string, std::int64_t, std::string, std::optional<std::string>> t;
    TicksRow row;
    while (s >> t) {
        row.id = std::get<0>(t);
        row.symbol = std::get<1>(t);
        row.ts = schemac::pg::from_text<schemac::Timestamp>(std::get<2>(t));
        row.price = schemac::pg::from_text<schemac::Decimal>(std::get<3>(t));
        row.qty = std::get<4>(t);
        row.side = side_of(std::get<5>(t));
        row.note = std::get<6>(t);
        on_row(row);
    }
    s.complete();
}

}  // namespace hand
