// A schema source for `plan`, `inspect`, `import` and `verify`: YAML files or
// a live database (a postgresql:// URI or a libpq key=value string), read and
// normalised by the live side of the project's dialect (sql/live.hpp).
#pragma once
#include <string>

#include "diag/diagnostics.hpp"
#include "model/schema.hpp"
#include "sql/dialect.hpp"
#include "sql/live.hpp"

namespace schemac::cli {

// postgresql://..., postgres://..., or "host=... dbname=..." that is not a path on disk.
bool is_database_source(const std::string& spec);

struct Source {
    Schema schema;
    std::string name;       // for messages: the path, or user@host:port/db (never a password)
    std::string conninfo;   // set for a database
    bool timescaledb = false;   // a database: TimescaleDB is installed
    const sql::LiveDatabase* database = nullptr;   // a database: what read it, and normalises against it
    bool live() const { return !conninfo.empty(); }
};

struct SourceOptions {
    const sql::Dialect* dialect = &sql::default_dialect();   // the project's: whose live side reads a database
    std::vector<std::string> schemas;       // database only: these PostgreSQL schemas (empty = all)
    std::string history_table = "public.schemac_migrations";   // never part of a database's schema
};

// The dialect a database is read and planned in: the project's when there is
// a schemac.yaml (its `dialect:`, default postgres), else the one the
// connection string names (outside a project an SQLite file is SQLite's).
const sql::Dialect* database_dialect(const sql::Dialect* project, bool project_says, const std::string& conninfo);

// Loads a YAML path or inspects a database. Problems go to `diags`; a database
// that cannot be reached throws RunnerError, a dialect without a live side
// sql::NoLiveDatabase.
Source load_source(const std::string& spec, const SourceOptions& opts, Diagnostics& diags);
// The same for a string that is a database whatever it looks like (--db).
Source load_database(const std::string& conninfo, const SourceOptions& opts, Diagnostics& diags);

// Makes two sources comparable when at least one is a live database (YAML
// with YAML is compared as written):
// - the YAML side leaves out seed rows (data, which a catalog does not show)
//   and, when the database has no TimescaleDB, hypertables (schemac's
//   migrations skip them there with a warning);
// - both sides are put into the form PostgreSQL itself stores (expressions,
//   defaults, types) by creating them in scratch schemas of the database inside
//   a transaction that is rolled back, until the texts stop changing
//   (sql/postgres/normalize.hpp). Without CREATE privilege this is an error: texts
//   compared as written would report spelling as change.
void make_comparable(Source& a, Source& b, Diagnostics& diags);


}  // namespace schemac::cli
