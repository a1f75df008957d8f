#include "sql/postgres/dialect.hpp"

#include "sql/postgres/dml.hpp"
#include "sql/postgres/render.hpp"
#include "sql/postgres/rules.hpp"

namespace schemac::sql::postgres {

namespace {

class Postgres final : public Dialect {
public:
    std::string_view name() const override { return "postgres"; }
    Plan plan(const std::vector<diff::Change>& changes, const Schema&, const Schema&) const override { return render_plan(changes); }
    const Dml& dml() const override { return postgres::dml(); }
    std::vector<std::string> drivers() const override { return {"libpqxx"}; }
    std::vector<SqlStatement> split(std::string_view script) const override { return split_sql(script); }
    const SchemaRules& rules() const override { return postgres::rules(); }
    std::vector<std::string> upsert_seed_rows(const Table& t) const override { return postgres::upsert_seed_rows(t); }
};

}  // namespace

const Dialect& dialect() {
    static const Postgres instance;
    return instance;
}

}  // namespace schemac::sql::postgres
