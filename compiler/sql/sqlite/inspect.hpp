// A SQLite database file read into the schema model: the catalog as plain
// data (read_catalog, through the SQLite C API, read-only), then the model
// (schema_from_catalog), with what the pragmas do not say read from the
// CREATE TABLE / CREATE INDEX text SQLite keeps (sql/sqlite/tokenizer.hpp).
//
// What is read, and how:
// - Tables: every table of sqlite_schema except SQLite's own (sqlite_%), the
//   excluded ones (InspectOptions::exclude_tables, "schema.name": the schema
//   part is ignored, a SQLite file has the one schema main), virtual tables
//   and their shadow tables. Each is {"main", name}; tables in name order.
// - Columns (pragma_table_xinfo, in order): the declared type through
//   parse_type (INTEGER, BIGINT, REAL, NUMERIC(10,2), TEXT, BOOLEAN, BLOB as
//   bytea, VARCHAR(n), ...); nullable = !notnull, except for the primary
//   key: a rowid table's INTEGER PRIMARY KEY (the rowid alias) never holds
//   NULL and is NOT NULL; any other key column declared without NOT NULL may
//   hold NULL in a rowid table (SQLite's legacy rule), which the model cannot
//   say (analysis refuses a nullable key column): it is read as NOT NULL,
//   with a warning.
// - Defaults (dflt_value: the text SQLite keeps, the enclosing parentheses of
//   `DEFAULT (expr)` already removed by SQLite): 'text' is the value text,
//   a number (-?digits[.digits][e[+-]digits]) the value as written, TRUE,
//   FALSE, 1 and 0 on a boolean column true/false, NULL a null value,
//   X'0A0B' the bytes \x0a0b; a value that is not valid for the column's
//   type, and anything else, is {sql: <the text>}.
// - Primary key: the pk>0 columns in key order; unique constraints: the
//   indexes SQLite made for UNIQUE (origin 'u'), columns from
//   pragma_index_xinfo; foreign keys: pragma_foreign_key_list by id, columns
//   in seq order, no `to` = the referenced primary key (ref_columns empty);
//   checks: from the CREATE TABLE text only (table and column constraints),
//   the expression verbatim between the parentheses. Constraint names come
//   from `CONSTRAINT name ...` in the text (name_given); unnamed keys and
//   foreign keys get the dialect's default names (assign_default_names),
//   unnamed checks the name PostgreSQL would give: <table>_<column>_check
//   when the expression names exactly one column, else <table>_check (1, 2,
//   ... appended on a clash). Keys, foreign keys and checks are in the order
//   the text has them.
// - Indexes: those created by CREATE INDEX (origin 'c'), in name order:
//   columns with DESC from pragma_index_xinfo, expression elements and the
//   WHERE of a partial index from the CREATE INDEX text, btree.
// What the model cannot represent is a warning naming the object, never
// silently dropped ("unsupported-feature" or "not-represented"): a declared
// type parse_type cannot read, names no built-in type or is an array, or no
// declared type (the column is read as text); VIRTUAL generated columns (read
// as plain columns: the language has STORED ones only); WITHOUT ROWID and STRICT tables, AUTOINCREMENT, collations
// other than BINARY, ON CONFLICT clauses, DEFERRABLE INITIALLY DEFERRED
// foreign keys (read as immediate); a CREATE TABLE or CREATE INDEX text that
// cannot be read (an index whose expressions or predicate are then unknown is
// left out). Views, triggers and virtual tables are left out
// ("unsupported-object"), and so is a foreign key to a table that is not read
// ("fk-outside-inspection"). MATCH clauses are not read: SQLite ignores them
// and pragma_foreign_key_list reports none.
// Every position is {source, 0, 0}. The result is not analyzed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/rules.hpp"
#include "model/schema.hpp"
#include "sql/live.hpp"

namespace schemac::sql::sqlite {

// Where a conninfo says the database is, as the runtime's reader of SQLite
// connection strings (schemac/sqlite/conninfo.hpp) says, which the migrator
// uses too: sqlite:///abs/path.db, sqlite:rel/path.db, sqlite://rel/path.db,
// file: URIs, and paths ending in .db, .sqlite or .sqlite3.
struct Location {
    std::string path;        // the file, percent-decoded; also the database's name in messages
    std::string open_name;   // what sqlite3_open_v2 opens (a path or a file: URI), always with SQLITE_OPEN_READONLY
    bool in_memory = false;  // :memory: or mode=memory: nothing on disk to find
};
// nullopt when `conninfo` names no SQLite database, or names one in a
// malformed way; `error` then says why.
std::optional<Location> parse_location(const std::string& conninfo, std::string& error);

// The catalog as SQLite reports it, unchanged.
namespace catalog {
struct Column {
    std::string name, type;
    bool not_null = false;
    std::optional<std::string> default_text;   // dflt_value
    int pk = 0;                                 // position in the primary key, 1-based; 0 = not in it
    int hidden = 0;                             // 0 plain, 1 hidden (virtual tables), 2 VIRTUAL and 3 STORED generated
};
struct IndexColumn {
    int cid = -1;            // -2: an expression, -1: the rowid
    std::string name;
    bool desc = false;
    std::string collation;   // "BINARY" by default
    bool key = false;
};
struct Index {
    std::string name;
    bool unique = false;
    std::string origin = "c";   // c: CREATE INDEX, u: UNIQUE, pk: PRIMARY KEY
    bool partial = false;
    std::vector<IndexColumn> columns;   // in seqno order
    std::string sql;         // sqlite_schema.sql ("" for the automatic ones)
};
struct ForeignKeyRow {
    int id = 0, seq = 0;
    std::string table, from;
    std::optional<std::string> to;
    std::string on_update, on_delete, match;
};
struct Table {
    std::string name, sql;
    std::vector<Column> columns;
    std::vector<Index> indexes;
    std::vector<ForeignKeyRow> foreign_keys;   // by id, then seq
};
struct Object {               // a view, a trigger, or a virtual table
    std::string type, name, table, sql;
};
struct Snapshot {
    std::vector<Table> tables;     // in name order
    std::vector<Object> others;    // in name order
};
}  // namespace catalog

// Opens the database read-only (SQLITE_OPEN_READONLY, which a file: URI's
// mode=rw or rwc cannot widen: that is an error; and query_only) and reads
// its catalog in one read transaction. Throws RunnerError: connection when
// the file is missing, cannot be opened or is not a database, failure when
// a query fails.
catalog::Snapshot read_catalog(const Location& where, const std::vector<std::string>& exclude_tables);

// A default as SQLite keeps it (dflt_value) as the model's value for a
// column of type `t` (`typed`: false when the declared type could not be
// read); a literal the SQLite rules' check_literal refuses stays {sql: ...}.
Value default_from_text(const std::string& text, const Type& t, bool typed, const SourcePos& pos);

Schema schema_from_catalog(const catalog::Snapshot& snapshot, const std::string& source, Diagnostics& diags);

// parse_location + read_catalog + schema_from_catalog; InspectOptions::schemas
// may only name main (anything else is an error "no-such-schema").
InspectedDatabase inspect_database(const std::string& conninfo, const InspectOptions& options, Diagnostics& diags);

}  // namespace schemac::sql::sqlite
