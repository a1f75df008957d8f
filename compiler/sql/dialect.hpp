// The dialect seam: what differs between the databases schemac writes for.
// The pipeline stages before it (load, model, diff) and after it (migrations,
// the CLI) are generic; a dialect turns typed changes into its SQL. Each
// dialect lives in its own folder with the same file set (sql/postgres/ today;
// sql/sqlite/ next), and is chosen once per project (`dialect:` in
// schemac.yaml, default postgres).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "diff/changes.hpp"
#include "model/rules.hpp"
#include "model/schema.hpp"
#include "schemac/postgres/sql_split.hpp"
#include "sql/dml.hpp"
#include "sql/plan.hpp"

namespace schemac::sql {

class Dialect {
public:
    virtual ~Dialect() = default;
    // The name in schemac.yaml and in messages: "postgres".
    virtual std::string_view name() const = 0;
    // Typed changes, already in dependency order, to steps: up and down SQL,
    // hazards, and whether each may run in a transaction. `from` and `to` are
    // the schemas diff_schemas compared (the changes point into them).
    virtual Plan plan(const std::vector<diff::Change>& changes, const Schema& from, const Schema& to) const = 0;
    // The statements generated data-access code sends.
    virtual const Dml& dml() const = 0;
    // The database client libraries generated code can use with this
    // dialect's statements (templates/cpp/<driver>/); the first is the default.
    // Code generation targets a pair: DML from the dialect, C++ from the driver's templates.
    virtual std::vector<std::string> drivers() const = 0;
    // A migration file's text as the statements its migrator runs one at a
    // time, each with its line: the splitting rules of the dialect's own shell
    // (psql's for PostgreSQL, which the runtime's migrator shares).
    virtual std::vector<SqlStatement> split(std::string_view script) const = 0;
    // The statements that write a table's seed rows outside the migrations
    // (a seed limited to environments, written by `apply --env`): each row
    // inserted when missing and updated when it differs.
    virtual std::vector<std::string> upsert_seed_rows(const Table& t) const = 0;
    // What a schema may contain and the names the database chooses: analysis,
    // the loader and diff take these (model/rules.hpp).
    virtual const SchemaRules& rules() const = 0;
};

// The dialect of `name`, or nullptr; `dialect_names()` lists the known ones.
const Dialect* find_dialect(std::string_view name);
std::vector<std::string> dialect_names();
const Dialect& default_dialect();   // postgres

// diff → plan: the one composition every caller uses (diff, plan, check,
// verify, generate's migration check, normalisation, the tests and benches).
// Changes that cannot be expressed are errors in `diags` and left out.
Plan plan_migration(const Dialect& dialect, const Schema& from, const Schema& to, Diagnostics& diags);

}  // namespace schemac::sql
