// The neutral schema model: what every later stage (diff, plan, codegen,
// inspect) works on. It knows nothing of YAML or SQL text; every node keeps the
// source position it came from so later stages can report at the user's line.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/type.hpp"

namespace schemac {

// A name together with where it was written.
struct Ident {
    std::string name;
    SourcePos pos;
};

// A literal value (checked against the column type, quoted by the dialect) or a
// raw SQL expression (copied verbatim). YAML's unquoted null is Null.
struct Value {
    enum class Kind { Null, Scalar, Array, Sql };
    Kind kind = Kind::Null;
    std::string text;           // Scalar: the value; Sql: the expression
    std::vector<Value> items;   // Array elements
    SourcePos pos;
};

enum class Identity { None, Always, ByDefault };

struct Column {
    std::string name;
    SourcePos pos;
    Type type;
    SourcePos type_pos;
    bool nullable = false;
    std::optional<Value> default_value;
    Identity identity = Identity::None;
    std::string comment;
    std::optional<Ident> renamed_from;
    std::string using_expr;     // for a later type change; "" = plain cast
    std::string backfill;       // SQL expression filling existing rows when the column is added
    // How a change to an existing column is made (not part of the schema, not in
    // snapshots): true = the online forms (a batched backfill outside the DDL
    // transaction, SET NOT NULL through a validated CHECK); false = the direct
    // statements, which hold the table's lock while they scan (small tables).
    bool online = true;
    SourcePos using_pos, backfill_pos;   // where those were written (raw SQL errors point there)
    SourcePos online_pos{};              // where `online` was written (line 0: not written)
    // SQLite's AUTOINCREMENT on an integer primary key: row ids are never
    // reused, even those of deleted rows (SQLite keeps the highest in sqlite_sequence).
    bool autoincrement = false;
    SourcePos autoincrement_pos;
    // GENERATED ALWAYS AS (expression) STORED: computed from the row's other
    // columns on every write and stored; nobody writes it. "" = a plain column.
    std::string generated;
    SourcePos generated_pos;
    bool is_generated() const { return !generated.empty(); }
    // A collation other than the database's default ("C", "en_US"; SQLite's
    // NOCASE, RTRIM): its name as the catalog holds it (catalog_object_name).
    std::string collation;
    SourcePos collation_pos;
};

// PRIMARY KEY and UNIQUE share a shape. `name_given` says whether the user
// wrote the name or schemac chose the dialect's default (SchemaRules).
struct KeyConstraint {
    std::string name;
    bool name_given = false;
    std::vector<Ident> columns;
    SourcePos pos;
    // Added to an existing table through CREATE UNIQUE INDEX CONCURRENTLY and
    // ADD CONSTRAINT ... USING INDEX (false: one ALTER TABLE that blocks writes
    // while it builds the index). Not part of the schema, not in snapshots.
    bool concurrently = true;
    SourcePos concurrently_pos{};   // where `concurrently` was written (line 0: not written)
};

enum class FkAction { NoAction, Restrict, Cascade, SetNull, SetDefault };
enum class Deferrable { No, InitiallyImmediate, InitiallyDeferred };

struct ForeignKey {
    std::string name;
    bool name_given = false;
    std::vector<Ident> columns;
    QualifiedName ref_table;            // schema "" = resolve like an unqualified name
    SourcePos ref_pos;
    std::vector<Ident> ref_columns;     // empty = the referenced primary key
    FkAction on_delete = FkAction::NoAction;
    FkAction on_update = FkAction::NoAction;
    // DEFERRABLE INITIALLY IMMEDIATE / DEFERRED (checked at commit, or when a
    // transaction says SET CONSTRAINTS ... DEFERRED), and MATCH FULL (all the
    // columns NULL, or none): PostgreSQL's, refused on SQLite.
    Deferrable deferrable = Deferrable::No;
    bool match_full = false;
    SourcePos options_pos{};   // where `deferrable` or `match` was written (line 0: neither)
    SourcePos pos;
};

struct Check {
    std::string name;
    std::string expr;
    SourcePos pos;
};

enum class SortOrder { Asc, Desc };
enum class NullsOrder { Default, First, Last };

struct IndexElement {
    std::string column;   // set for a column element
    std::string expr;     // set for an expression element
    SortOrder order = SortOrder::Asc;
    NullsOrder nulls = NullsOrder::Default;
    // An operator class other than the type's default (text_pattern_ops), and a
    // collation other than the column's ("C"): names, not SQL, as PostgreSQL's
    // catalog holds them; "schema.name" when not in pg_catalog. "" = the default.
    std::string opclass;
    std::string collation;
    SourcePos pos;
};

// An index's or table's storage parameter (WITH (fillfactor = 70)): a name
// PostgreSQL knows for the index method or tables and its value as written
// (lower case), which PostgreSQL keeps as it was written too (off stays off).
struct StorageParam {
    std::string name;
    std::string value;
    SourcePos pos{};   // where the name was written (line 0: read from a database)
};

enum class IndexMethod { Btree, Hash, Gist, Gin, Brin };
// "btree", "hash", ...: the spelling YAML, SQL and people all use.
const char* index_method_name(IndexMethod m);

// An operator class or collation name as PostgreSQL's catalog gives it:
// trimmed, and without "pg_catalog." (where the built-in ones live).
std::string catalog_object_name(const std::string& name);
// A storage parameter's value as PostgreSQL keeps it when schemac writes it,
// in one spelling: the booleans (deduplicate_items, autovacuum_enabled, ...)
// as true/false and vacuum_index_cleanup as on/off/auto, whichever of
// on/off/yes/no/1/0 was written; numbers without leading zeros, fractions
// without trailing ones (.050 and 0.05 are one value).
std::string canonical_storage_value(const std::string& name, const std::string& value);
// The same parameters with the same values, in any order and spelling (off
// and false, 070 and 70).
bool same_storage(const std::vector<StorageParam>& a, const std::vector<StorageParam>& b);

// Whether the SQL text `expr` holds `name` as a word, case-insensitively: a
// cautious reading (schemac does not parse expressions), which may also hit
// the word inside a string literal.
bool expression_may_name(const std::string& expr, const std::string& name);

struct Index {
    std::string name;
    bool name_given = false;
    std::vector<IndexElement> elements;
    bool unique = false;
    std::string where;
    SourcePos where_pos;
    IndexMethod method = IndexMethod::Btree;
    SourcePos method_pos;
    // Columns stored in the index beside its keys (INCLUDE), for index-only scans.
    std::vector<Ident> include;
    // UNIQUE NULLS NOT DISTINCT (PostgreSQL 15): two NULLs are duplicates.
    bool nulls_not_distinct = false;
    std::vector<StorageParam> with;   // in the order written (PostgreSQL keeps it)
    SourcePos include_pos, nulls_not_distinct_pos, with_pos;
    // Built and dropped CONCURRENTLY on an existing table (false: the plain
    // statements, which block writes, or for a drop reads too, while they run).
    bool concurrently = true;
    SourcePos pos;
    SourcePos concurrently_pos{};   // where `concurrently` was written (line 0: not written)
    // TimescaleDB's own time index, which create_hypertable makes (analysis
    // adds it to a hypertable that has no one-column index on its time column):
    // compared with a database like any index, never created, dropped or
    // written to a snapshot by schemac.
    bool implied = false;
};

struct Hypertable {
    Ident time_column;
    std::optional<Value> chunk_interval;
    // create_hypertable's create_default_indexes: TimescaleDB adds an index on
    // (time DESC) unless the table already has a one-column index on time.
    bool create_default_indexes = true;
    SourcePos pos;
    // The interval as written, else TimescaleDB's default, as a database reports it.
    std::string interval_text() const {
        return chunk_interval && chunk_interval->kind == Value::Kind::Scalar ? chunk_interval->text : "7 days";
    }
    // The same interval to TimescaleDB ("1 day" and "24 hours" are), else the same text.
    bool same_interval(const Hypertable& other) const;
};

struct SeedRow {
    std::vector<std::pair<Ident, Value>> values;   // in the order written
    SourcePos pos;
    const Value* find(const std::string& column) const;
};

struct Seed {
    std::vector<Ident> key;     // empty in YAML = the primary key (filled by resolve)
    SourcePos pos;
    std::vector<SeedRow> rows;
    // Empty: the rows are part of the schema, written by the migrations in every
    // environment. Else only `apply --env NAME` for these environments writes
    // them (development and test data), after the migrations, never a migration.
    std::vector<Ident> environments;
    bool everywhere() const { return environments.empty(); }
};

struct Table {
    QualifiedName name;
    SourcePos pos;
    SourcePos schema_pos;   // where the schema name was written (file or table level)
    std::string comment;
    std::optional<QualifiedName> renamed_from;
    SourcePos renamed_pos;
    std::vector<Column> columns;
    std::optional<KeyConstraint> primary_key;
    std::vector<KeyConstraint> uniques;
    std::vector<ForeignKey> foreign_keys;
    std::vector<Check> checks;
    std::vector<Index> indexes;
    std::optional<Hypertable> hypertable;
    std::optional<Seed> seed;
    // SQLite's table options: STRICT (every value must be of its column's
    // type) and WITHOUT ROWID (the rows are stored in primary-key order).
    bool strict = false;
    bool without_rowid = false;
    SourcePos strict_pos, without_rowid_pos;
    // PostgreSQL's storage parameters of the table (WITH (fillfactor = 70,
    // autovacuum_enabled = off)), in the order written, and UNLOGGED (not
    // written to the WAL: faster, emptied after a crash, not replicated).
    std::vector<StorageParam> with;
    bool unlogged = false;
    SourcePos with_pos, unlogged_pos;
    // ROW LEVEL SECURITY: enabled (roles other than the owner see only the rows
    // a policy lets them), and forced (the owner too).
    bool row_security = false;
    bool force_row_security = false;
    SourcePos row_security_pos;
    // The seed the migrations write: `seed` unless it is limited to environments.
    const Seed* migrated_seed() const { return seed && seed->everywhere() ? &*seed : nullptr; }

    const Column* find_column(const std::string& n) const;
    Column* find_column(const std::string& n);
    // The primary key's one column when it is `integer` (not an array), else
    // null; on SQLite, a rowid table's such column is the rowid alias, which
    // numbers new rows itself (lang_createtable.html#rowid).
    const Column* sole_integer_key() const;
    const Column* rowid_alias() const { return without_rowid ? nullptr : sole_integer_key(); }
};

// The columns `f` references: its own list, else the primary key of `target`
// (the table it references, or null); empty when there is neither.
const std::vector<Ident>& referenced_columns(const ForeignKey& f, const Table* target);

struct Enum {
    QualifiedName name;
    SourcePos pos;
    SourcePos schema_pos;
    std::vector<Ident> values;
    std::string comment;
};

// A named query declared beside the tables (`queries:`). It is not a database
// object: diff, migrations and the snapshot ignore it; codegen turns it into a
// typed C++ method (see docs/schema-language.md, "Named queries").
struct QueryField {            // a parameter or a result column
    std::string name;          // a lower-case identifier usable as a C++ name: [a-z_][a-z0-9_]*, not a C++ keyword
    SourcePos pos;
    Type type;                 // parsed with parse_type; enums resolved like column types (schema filled in)
    SourcePos type_pos;
    bool nullable = false;     // written with a trailing '?' like column types (`text?`)
};

// YAML: none | one | optional | many | count (count = rows affected, an int64)
enum class QueryResult { None, One, Optional, Many, Count };

struct Query {
    std::string name;          // identifier rules as above; unique within its schema
    std::string schema;        // the schema of the file it is declared in (its C++ namespace later); "" = not written
    SourcePos schema_pos;      // where the file's `schema:` was written, if it was
    SourcePos pos;
    std::string comment;
    std::vector<QueryField> params;    // in written order; $1 is the first
    QueryResult result = QueryResult::None;
    SourcePos result_pos;
    std::vector<QueryField> columns;   // result columns in order (one/optional/many), OR empty when `row:` is used
    std::optional<QualifiedName> row;  // `row: models`: the result rows are that table's row type (resolved; must exist)
    SourcePos row_pos;
    std::string sql;
    SourcePos sql_pos;                 // where the sql value was written
    // Where each '$' of `sql` was written, in order, so a placeholder error can
    // point into a multi-line SQL block; empty when unknown (errors then go to sql_pos).
    std::vector<SourcePos> sql_dollar_pos;
};

// A PostgreSQL extension the schema needs (pgcrypto, citext), created before
// anything that may use it and dropped after. `version` and `schema` empty:
// whatever the server chooses when it is created, and any the database has
// when compared.
struct Extension {
    Ident name;
    std::string version;
    std::string schema;
    SourcePos pos;
};

struct Schema {
    std::vector<Extension> extensions;
    std::vector<Table> tables;
    std::vector<Enum> enums;
    std::vector<Query> queries;   // in file order; not part of diff or the snapshot

    const Table* find_table(const QualifiedName& n) const;
    const Enum* find_enum(const QualifiedName& n) const;
    const Extension* find_extension(const std::string& name) const;
    // An unqualified name (schema "") resolves in `home` first, then in
    // `fallback` (the dialect's default schema).
    const Table* resolve_table(const QualifiedName& n, const std::string& home, const std::string& fallback) const;
    const Enum* resolve_enum(const QualifiedName& n, const std::string& home, const std::string& fallback) const;
};

}  // namespace schemac
