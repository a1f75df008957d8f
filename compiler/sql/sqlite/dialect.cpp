#include "sql/sqlite/dialect.hpp"

#include "sql/sqlite/dml.hpp"
#include "sql/sqlite/render.hpp"
#include "sql/sqlite/rules.hpp"

namespace schemac::sql::sqlite {

namespace {

class Sqlite final : public Dialect {
public:
    std::string_view name() const override { return "sqlite"; }
    Plan plan(const std::vector<diff::Change>& changes, const Schema& from, const Schema& to) const override {
        return render_plan(changes, from, to);
    }
    const Dml& dml() const override { return sqlite::dml(); }
    std::vector<std::string> drivers() const override { return {"sqlite3"}; }
    // psql's rules split SQLite's files too, except a trigger body (BEGIN ... END
    // holds semicolons), which schemac does not write.
    std::vector<SqlStatement> split(std::string_view script) const override { return split_sql(script); }
    const SchemaRules& rules() const override { return sqlite::rules(); }
    std::vector<std::string> upsert_seed_rows(const Table& t) const override { return sqlite::upsert_seed_rows(t); }
};

}  // namespace

const Dialect& dialect() {
    static const Sqlite instance;
    return instance;
}

}  // namespace schemac::sql::sqlite
