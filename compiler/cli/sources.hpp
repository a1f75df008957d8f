// A schema source for `plan`, `inspect`, `import` and `verify`: YAML files or
// a live PostgreSQL database (a postgresql:// URI or a libpq key=value string).
#pragma once
#include <string>

#include "diag/diagnostics.hpp"
#include "model/schema.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

// postgresql://..., postgres://..., or "host=... dbname=..." that is not a path on disk.
bool is_database_source(const std::string& spec);

struct Source {
    Schema schema;
    std::string name;       // for messages: the path, or user@host:port/db (never a password)
    std::string conninfo;   // set for a database
    bool timescaledb = false;   // a database: TimescaleDB is installed
    bool live() const { return !conninfo.empty(); }
};

struct SourceOptions {
    std::vector<std::string> schemas;       // database only: these PostgreSQL schemas (empty = all)
    std::string history_table = "public.schemac_migrations";   // never part of a database's schema
    const SchemaRules* rules = &sql::default_dialect().rules();   // the project's dialect's
};

// Loads a YAML path or inspects a database. Problems go to `diags`; a database
// that cannot be reached throws RunnerError.
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
//   (inspect/normalize.hpp). Without CREATE privilege this is an error: texts
//   compared as written would report spelling as change.
void make_comparable(Source& a, Source& b, Diagnostics& diags);


}  // namespace schemac::cli
