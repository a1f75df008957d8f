// A live database's catalog as plain data: what `schemac inspect`, `import`,
// `verify` and `plan` with a database side read. The runtime reads it (it is
// the only libpqxx user); compiler/inspect turns it into the schema model.
//
// Read with a constant number of queries whatever the number of tables (see
// Snapshot::queries), in one read-only repeatable-read transaction, with an
// empty search_path so every expression and type outside pg_catalog comes back
// schema-qualified, the same way on every connection.
#pragma once
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
    std::string default_expr;       // pg_get_expr(adbin): "" = none
    char identity = 0;              // 'a' ALWAYS, 'd' BY DEFAULT, 0 none
    char generated = 0;             // 's' for GENERATED ALWAYS AS (...) STORED, 0 none
    std::string owned_sequence;     // "schema.name" of a sequence owned by this column (serial), "" none
    std::string collation;          // a collation other than the type's default, "" none
    std::string comment;
};

struct Constraint {
    std::string name;
    char type = 0;                       // 'p' primary, 'u' unique, 'f' foreign, 'c' check, 'x' exclusion
    std::vector<std::string> columns;    // in key order (conkey)
    std::string definition;              // pg_get_constraintdef(oid, true)
    std::string check_expr;              // 'c': the expression alone, pg_get_expr(conbin)
    std::string ref_schema, ref_table;   // 'f'
    std::vector<std::string> ref_columns;
    char on_update = 'a', on_delete = 'a';   // a no action, r restrict, c cascade, n set null, d set default
    char match_type = 's';               // s simple, f full, p partial
    bool deferrable = false, deferred = false;
    bool validated = true;               // false: NOT VALID
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
    std::string predicate;              // pg_get_expr(indpred), "" none
    std::string definition;             // pg_get_indexdef(oid)
    bool valid = true;                  // false: a failed CREATE INDEX CONCURRENTLY left it INVALID
    std::string comment;
};

struct Hypertable {
    std::string time_column;
    std::string chunk_interval;         // as TimescaleDB reports it, e.g. "7 days"
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
    std::vector<std::string> inherits;  // parent tables, "schema.name"
};

struct Enum {
    std::string schema, name;
    std::vector<std::string> values;    // in sort order (enumsortorder)
    std::string comment;
};

// Something the schema language cannot express: views, functions, triggers,
// policies, sequences not owned by a column, domains, ... Reported, never dropped silently.
struct Unsupported {
    std::string kind;                   // "view", "function", "trigger", ...
    std::string name;                   // "schema.name", "trigger_name on schema.table", "f(integer)"
};

struct Snapshot {
    std::vector<std::string> schemas;   // user schemas read, sorted
    std::vector<Enum> enums;            // by schema, name
    std::vector<Table> tables;          // by schema, name
    std::vector<Unsupported> unsupported;
    int server_version = 0;             // e.g. 150004
    int queries = 0;                    // catalog queries issued (constant, whatever the size)
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
Snapshot read_catalog_after(const std::string& conninfo, const std::vector<std::string>& statements,
                            const ReadOptions& options);

}  // namespace schemac::catalog
