#include "sql/postgres/dml.hpp"

#include "sql/postgres/quote.hpp"

namespace schemac::sql::postgres {

namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

class PostgresDml final : public Dml {
public:
    std::string qualified_name(const QualifiedName& name) const override { return quote_name(name); }
    std::string column_name(const std::string& name) const override { return quote_ident(name); }
    std::string type_name(const Type& type) const override { return render_type(type); }
    std::string parameter(int number) const override { return "$" + std::to_string(number); }
    std::string typed_parameter(const std::string& marker, const Type& type) const override {
        return "(" + marker + "::" + render_type(type) + ")";
    }

    std::string select(const std::string& table, const std::string& columns, const std::string& where,
                       const std::vector<std::string>& order_by) const override {
        std::string sql = "SELECT " + columns + " FROM " + table + " WHERE " + where;
        if (!order_by.empty()) sql += " ORDER BY " + join(order_by, ", ");
        return sql;
    }
    std::string count(const std::string& table) const override { return "SELECT count(*) FROM " + table; }
    std::string delete_rows(const std::string& table, const std::string& where) const override {
        return "DELETE FROM " + table + " WHERE " + where;
    }
    std::string update(const std::string& table, const std::vector<std::string>& sets, const std::string& where) const override {
        return "UPDATE " + table + " SET " + join(sets, ", ") + " WHERE " + where;
    }
    std::string insert_prefix(const std::string& table) const override { return "INSERT INTO " + table + " "; }
    std::string returning(const std::string& columns) const override { return " RETURNING " + columns; }
    std::string upsert(const std::string& table, const std::vector<std::string>& columns, bool overriding,
                       const std::vector<std::string>& key, const std::vector<std::string>& updated,
                       const std::string& returning) const override {
        std::vector<std::string> params, sets;
        for (std::size_t i = 1; i <= columns.size(); ++i) params.push_back(parameter(static_cast<int>(i)));
        for (const auto& c : updated) sets.push_back(set_to_proposed(c));
        // DO UPDATE, not DO NOTHING, even with nothing to update: only then does RETURNING give the row.
        if (sets.empty()) sets.push_back(set_to_proposed(key.front()));
        return "INSERT INTO " + table + " (" + join(columns, ", ") + ")" + (overriding ? " OVERRIDING SYSTEM VALUE" : "") +
               " VALUES (" + join(params, ", ") + ")" + upsert_clause(key) + join(sets, ", ") + returning;
    }
    std::string upsert_clause(const std::vector<std::string>& key) const override {
        return " ON CONFLICT (" + join(key, ", ") + ") DO UPDATE SET ";
    }
    std::string set_to_proposed(const std::string& column) const override { return column + " = EXCLUDED." + column; }
};

}  // namespace

const Dml& dml() {
    static const PostgresDml instance;
    return instance;
}

}  // namespace schemac::sql::postgres
