// A live database's catalog as plain data: what `schemac inspect`, `import`,
// `verify` and `plan` with a database side read. The runtime reads it (it is
// the only libpqxx user); compiler/sql/postgres/inspect turns it into the schema model.
//
// Read with a constant number of queries whatever the number of tables (see
// Snapshot::queries), in one read-only repeatable-read transaction, with an
// empty search_path so every expression and type outside pg_catalog comes back
// schema-qualified, the same way on every connection.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace schemac::catalog {

struct Column {
    std::string name;
    int number = 0;                 // attnum
    std::string type;               // format_type(): "character varying(20)", "integer[]", "alphaplus.side"
    std::string type_schema;        // the (element) type's schema: "pg_catalog" for built-ins
    std::string type_name;          // the (element) type's name: "varchar", "side"
    char type_category = 0;         // pg_type.typcategory of the element type ('E' = enum)
    bool is_array = false;
    bool not_null = false;
    std::string default_expr;       // pg_get_expr(adbin, adrelid, true): "" = none
    char identity = 0;              // 'a' ALWAYS, 'd' BY DEFAULT, 0 none
    char generated = 0;             // 's' for GENERATED ALWAYS AS (...) STORED, 0 none
    std::string owned_sequence;     // "schema.name" of a sequence owned by this column (serial), "" none;
                                    // each part quoted as quote_ident() would, so it reads exactly as
                                    // in the default's nextval('...'::regclass)
    std::string collation;          // a collation other than the type's default, "" none
    std::string comment;
    // Added: physical settings the model cannot say (so inspect warns, never drops them silently).
    std::string storage;            // SET STORAGE other than the type's default: "plain", "external", ...; "" default
    std::string compression;        // SET COMPRESSION: "pglz", "lz4"; "" default
    int statistics = -1;            // SET STATISTICS n; -1 default
    std::vector<std::string> options;   // attoptions (n_distinct=...), as stored
    std::string sequence_options;   // the owned (serial) or identity sequence's options that differ from
                                    // what CREATE would choose: "START 100 CACHE 20"; "" none
    std::vector<std::string> sequence_grants;   // privileges of other roles on that sequence, as Table::grants
    std::vector<std::string> grants;            // column privileges of other roles (GRANT SELECT (c)), as Table::grants
};

struct Constraint {
    std::string name;
    char type = 0;                       // 'p' primary, 'u' unique, 'f' foreign, 'c' check, 'x' exclusion
    std::vector<std::string> columns;    // in key order (conkey)
    std::string definition;              // pg_get_constraintdef(oid, true)
    std::string check_expr;              // 'c': the expression alone, pg_get_expr(conbin, conrelid, true)
    std::string ref_schema, ref_table;   // 'f'
    std::vector<std::string> ref_columns;
    char on_update = 'a', on_delete = 'a';   // a no action, r restrict, c cascade, n set null, d set default
    char match_type = 's';               // s simple, f full, p partial
    bool deferrable = false, deferred = false;
    bool validated = true;               // false: NOT VALID
    bool no_inherit = false;             // 'c': NO INHERIT (added: the model cannot say it)
    std::string comment;
};

struct IndexElement {
    std::string column;        // a plain column, or
    std::string expr;          // an expression: pg_get_indexdef(oid, k, true)
    bool desc = false;
    bool nulls_first = false;  // as stored; the default is NULLS LAST for ASC, FIRST for DESC
    std::string opclass;       // a non-default operator class, "" none
    std::string collation;     // a non-default collation, "" none
};

struct Index {
    std::string name;
    std::string method;                 // "btree", "hash", "gist", "gin", "brin", ...
    bool unique = false;
    bool primary = false;
    std::string constraint;             // the constraint it backs (pkey/unique/exclusion), "" none
    std::vector<IndexElement> elements; // key columns only
    std::vector<std::string> include;   // INCLUDE (...) columns
    std::string predicate;              // pg_get_expr(indpred, indrelid, true), "" none
    std::string definition;             // pg_get_indexdef(oid)
    bool valid = true;                  // false: a failed CREATE INDEX CONCURRENTLY left it INVALID
    bool nulls_not_distinct = false;    // UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+; added: the model cannot say it)
    std::string comment;
    // Added: physical settings the model cannot say (warned about).
    std::vector<std::string> options;   // storage parameters (reloptions): "fillfactor=70"
    std::string tablespace;             // "" the database's default
    bool clustered = false;             // ALTER TABLE ... CLUSTER ON this index
};

struct Hypertable {
    std::string time_column;
    std::string chunk_interval;         // as TimescaleDB reports it, e.g. "7 days"
    int dimensions = 1;                 // added: more than 1 = space partitioning too (not in the model)
};

struct Table {
    std::string schema, name;
    char kind = 'r';                    // 'r' table, 'p' partitioned table
    std::string comment;
    std::vector<Column> columns;        // by attnum (dropped columns left out)
    std::vector<Constraint> constraints;   // by name
    std::vector<Index> indexes;         // by name
    bool has_hypertable = false;
    Hypertable hypertable;
    std::vector<std::string> inherits;  // parent tables (or the partitioned parent), "schema.name" with
                                        // each part quoted as quote_ident() would
    // Added: what a table may carry that the model cannot say (warned about).
    std::vector<std::string> options;   // storage parameters (reloptions): "fillfactor=70", "autovacuum_enabled=false"
    std::string tablespace;             // "" the database's default
    std::string access_method;          // a table access method other than heap, "" heap
    bool unlogged = false;              // CREATE UNLOGGED TABLE
    bool row_security = false;          // ENABLE ROW LEVEL SECURITY
    bool force_row_security = false;    // FORCE ROW LEVEL SECURITY
    char replica_identity = 'd';        // d default, n nothing, f full, i index
    std::vector<std::string> grants;    // privileges of other roles: "app_read: SELECT", "PUBLIC: INSERT, SELECT"
};

struct Enum {
    std::string schema, name;
    std::vector<std::string> values;    // in sort order (enumsortorder)
    std::string comment;
};

// An installed extension, whichever schemas are read (an extension belongs to
// the database); not listed: one in pg_catalog, and plpgsql and timescaledb,
// which the server and the hypertable support own.
struct Extension {
    std::string name, version, schema;
};

// Something the schema language cannot express: views, functions, triggers,
// policies, sequences not owned by a column, domains, ... Reported, never dropped silently.
// Kinds: "view", "materialized view", "foreign table", "sequence", "composite type",
// "domain", "range type", "base type", "function", "procedure", "aggregate",
// "window function", "trigger", "constraint trigger", "policy", "rule", "collation", "statistics", "operator",
// "text search configuration", "event trigger" (only when no schema
// filter is given: they belong to no schema). Names are shown with quote_ident()
// quoting, e.g. "public.v", "trg on public.t", "public.f(integer)". Not listed:
// objects that belong to an extension, triggers whose function belongs to one
// (TimescaleDB's ts_insert_blocker), the extensions plpgsql and timescaledb, and
// anything on an excluded table.
struct Unsupported {
    std::string kind;                   // "view", "function", "trigger", ...
    std::string name;                   // "schema.name", "trigger_name on schema.table", "f(integer)"
};

struct Snapshot {
    std::string database;               // user@host:port/dbname, for messages (never a password)
    std::vector<std::string> schemas;   // user schemas read, sorted
    std::map<std::string, std::vector<std::string>> schema_grants;   // schema -> privileges of other roles, as Table::grants
    std::vector<Extension> extensions;  // by name
    std::vector<Enum> enums;            // by schema, name
    std::vector<Table> tables;          // by schema, name
    std::vector<Unsupported> unsupported;
    int server_version = 0;             // e.g. 150004
    bool timescaledb = false;           // added: TimescaleDB is installed, so hypertables can exist (without
                                        // it a plan's create_hypertable is skipped: compare YAML without them)
    int queries = 0;                    // catalog queries issued (constant, whatever the size): the
                                        // session settings, schemas, extensions, enums, tables,
                                        // columns, constraints, indexes, unsupported objects = 9, and
                                        // hypertables (+1) where TimescaleDB is installed
};

struct ReadOptions {
    std::vector<std::string> schemas;            // only these; empty = every user schema
    std::vector<std::string> exclude_tables;     // "schema.name", e.g. the migration history table
};

// Reads the catalog of the database at `conninfo`. Throws RunnerError
// (connection or failure) with one clear line, never a password.
Snapshot read_catalog(const std::string& conninfo, const ReadOptions& options);

// Runs `statements` in a transaction, reads the catalog as it is then, and
// rolls everything back: how a schema written in YAML is put into PostgreSQL's
// own normal form (types, expressions, defaults) without changing the database.
// The statements run with the session's own settings (search_path, TimeZone, ...),
// as a migration would; the reading settings are set after them. Each must be
// able to run in a transaction block (no CREATE INDEX CONCURRENTLY). A failing
// statement throws RunnerError(failure) naming it (number and first line).
// Nothing can be committed: each statement is sent alone over the extended
// protocol (a string of several commands is an error), and transaction control
// (COMMIT, END, ROLLBACK, PREPARE TRANSACTION, ...) is refused unsent.
Snapshot read_catalog_after(const std::string& conninfo, const std::vector<std::string>& statements,
                            const ReadOptions& options);

}  // namespace schemac::catalog
