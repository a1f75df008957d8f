#include "sql/postgres/live.hpp"

#include <algorithm>
#include <memory>

#include "schemac/catalog/catalog.hpp"
#include "schemac/postgres/pg_errors.hpp"
#include "schemac/migrate/runner.hpp"
#include "sql/postgres/inspect.hpp"
#include "sql/postgres/normalize.hpp"

namespace schemac::sql::postgres {

namespace {

SourcePos at(const std::string& database) { return {std::make_shared<const std::string>(database), 0, 0}; }

class Live final : public LiveDatabase {
public:
    std::string_view dialect() const override { return "postgres"; }

    InspectedDatabase inspect(const std::string& conninfo, const InspectOptions& options, Diagnostics& diags) const override {
        catalog::ReadOptions ro;
        ro.schemas = options.schemas;
        ro.exclude_tables = options.exclude_tables;
        const catalog::Snapshot snap = catalog::read_catalog(conninfo, ro);
        InspectedDatabase db;
        db.name = snap.database;
        for (const auto& want : options.schemas)   // a typo (--schema Public) must not look like an empty schema
            if (std::find(snap.schemas.begin(), snap.schemas.end(), want) == snap.schemas.end())
                diags.error(at(db.name), "no-such-schema", "--schema " + want + ": the database has no such schema");
        db.timescaledb = snap.timescaledb;
        db.schema = schema_from_catalog(snap, db.name, diags);
        return db;
    }

    void normalize(Schema& a, Schema& b, const std::string& conninfo, const std::string& database,
                   Diagnostics& diags) const override {
        try {
            for (Schema* s : {&a, &b}) *s = normalize_to_fixed_point(*s, conninfo, diags);
        } catch (const RunnerError& e) {
            if (e.kind != RunnerErrorKind::failure) throw;
            // Comparing texts as written would report spelling as change (every
            // check dropped and re-added): no answer is better than a wrong one.
            // Name the cause the server gave: a full lock table is not a missing privilege.
            const std::string why = is_lock_table_full(e.what()) ? pg_error_advice("53200")
                                    : "it needs the CREATE privilege on the database (it creates scratch schemas in a transaction "
                                      "that is rolled back)";
            diags.error(at(database), "not-normalized",
                        std::string("cannot compare with ") + database + ": putting both sides into PostgreSQL's normal form failed: " +
                            e.what() + "; " + why);
        }
    }
};

}  // namespace

const LiveDatabase& live() {
    static const Live instance;
    return instance;
}

}  // namespace schemac::sql::postgres
