#include "sql/dml.hpp"

#include "sql/text.hpp"

namespace schemac::sql {

std::string CommonDml::select(const std::string& table, const std::string& columns, const std::string& where,
                              const std::vector<std::string>& order_by) const {
    std::string sql = "SELECT " + columns + " FROM " + table + " WHERE " + where;
    if (!order_by.empty()) sql += " ORDER BY " + join(order_by);
    return sql;
}

std::string CommonDml::count(const std::string& table) const { return "SELECT count(*) FROM " + table; }

std::string CommonDml::delete_rows(const std::string& table, const std::string& where) const {
    return "DELETE FROM " + table + " WHERE " + where;
}

std::string CommonDml::update(const std::string& table, const std::vector<std::string>& sets, const std::string& where) const {
    return "UPDATE " + table + " SET " + join(sets) + " WHERE " + where;
}

std::string CommonDml::insert_prefix(const std::string& table) const { return "INSERT INTO " + table + " "; }

std::string CommonDml::returning(const std::string& columns) const { return " RETURNING " + columns; }

std::string CommonDml::upsert(const std::string& table, const std::vector<std::string>& columns, bool overriding,
                              const std::vector<std::string>& key, const std::vector<std::string>& updated,
                              const std::string& returning) const {
    std::vector<std::string> params, sets;
    for (std::size_t i = 1; i <= columns.size(); ++i) params.push_back(parameter(static_cast<int>(i)));
    for (const auto& c : updated) sets.push_back(set_to_proposed(c));
    // DO UPDATE, not DO NOTHING, even with nothing to update: only then does RETURNING give the row.
    if (sets.empty()) sets.push_back(set_to_proposed(key.front()));
    return "INSERT INTO " + table + " (" + join(columns) + ")" + (overriding ? overriding_clause() : "") + " VALUES (" +
           join(params) + ")" + upsert_clause(key) + join(sets) + returning;
}

std::string CommonDml::upsert_clause(const std::vector<std::string>& key) const {
    return " ON CONFLICT (" + join(key) + ") DO UPDATE SET ";
}

std::string CommonDml::set_to_proposed(const std::string& column) const { return column + " = EXCLUDED." + column; }

}  // namespace schemac::sql
