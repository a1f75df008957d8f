#include "sql/postgres/placeholders.hpp"
#include "sql/postgres/rules.hpp"

#include "sql/postgres/index_options.hpp"
#include "sql/postgres/limits.hpp"
#include "sql/postgres/literal.hpp"
#include "sql/postgres/naming.hpp"
#include "sql/postgres/raw_sql.hpp"

namespace schemac::sql::postgres {

namespace {

class PostgresRules final : public SchemaRules {
public:
    std::string_view dialect_name() const override { return "postgres"; }
    std::string_view database_name() const override { return "PostgreSQL"; }
    const std::string& default_schema() const override {
        static const std::string kPublic = "public";
        return kPublic;
    }
    bool supports(Feature f) const override { return f != Feature::SqliteTables; }
    std::string hint(Feature f) const override {
        return f == Feature::SqliteTables ? "they are SQLite's table options: remove them (dialect: sqlite in schemac.yaml for SQLite)" : "";
    }
    bool supports(TypeKind) const override { return true; }
    std::size_t max_identifier_bytes() const override { return 63; }   // NAMEDATALEN - 1

    std::optional<std::string> reserved_schema(const std::string& name) const override {
        if (name.rfind("pg_", 0) == 0) return "names starting with 'pg_' belong to PostgreSQL";
        if (name == "information_schema") return "PostgreSQL keeps the SQL-standard catalog views there";
        return std::nullopt;
    }
    std::optional<std::string> check_text(const std::string& s) const override { return postgres::check_text(s); }
    std::optional<std::string> check_literal(const Type& t, const Value& v, const Enum* e) const override {
        return postgres::check_literal(t, v, e);
    }

    void assign_default_names(Schema& schema) const override { postgres::assign_default_names(schema); }
    std::string sequence_name(const std::string& table, const std::string& column) const override {
        return pg_object_name(table, column, "seq");
    }

    void check_table(const Table& t, Diagnostics& diags) const override {
        check_table_limits(t, diags);
        check_index_options(t, diags);
    }
    void check_raw_sql(const Schema& schema, Diagnostics& diags) const override { check_raw_sql_fields(schema, diags); }
    PlaceholderScan scan_placeholders(std::string_view sql) const override { return postgres::scan_placeholders(sql); }
};

}  // namespace

const SchemaRules& rules() {
    static const PostgresRules instance;
    return instance;
}

}  // namespace schemac::sql::postgres
