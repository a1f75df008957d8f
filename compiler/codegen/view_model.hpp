// Step two of code generation: the schema model turned into exactly what the
// templates print. Every C++ name, C++ type, include, SQL statement and
// statement name is computed here, so the templates (templates/cpp/<driver>/*.mustache)
// stay logic-less and a project that overrides them cannot get SQL wrong.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/schema.hpp"
#include "sql/dialect.hpp"

namespace schemac::codegen {

struct GenerateOptions {
    std::string cpp_namespace = "db";   // outer namespace; each PostgreSQL schema is nested in it
    std::string version;                // schemac's version, for the banner
    const sql::Dialect* dialect = &sql::default_dialect();   // writes the statements the DAOs send
    std::string driver;                 // whose templates and type mapping: "" = the dialect's first (drivers())
};

// A column as a member of the row structs.
struct FieldView {
    std::string name;          // C++ identifier
    std::string sql_name;      // the column name as SQL (quoted when needed)
    std::string type;          // C++ type of the member: std::optional<T> when nullable
    std::string new_type;      // its type in the insert struct: schemac::OrDefault<...> when the server can fill it
    std::string param_type;    // how a method takes it: `const std::string&`, `std::int32_t`
    std::string key_param_type;   // the same without std::optional (equality never matches NULL)
    std::string comment;       // as written ("" = none); render makes every comment text inert
    std::string pg_type;       // the PostgreSQL type, for the comment
    bool in_new = true;        // false for GENERATED ALWAYS identity and generated columns
    bool generated = false;    // GENERATED ALWAYS AS (...) STORED: never written, not even with OVERRIDING
    bool defaulted = false;    // the insert may leave it to the server (serial, identity, DEFAULT)
    int index = 0;             // position in every SELECT / RETURNING list
};

// A statement with a fixed text, prepared once per connection.
struct StatementView {
    std::string name;          // the prepared statement's name: "sc_" + a hash of the SQL
    std::string sql;
};

// A DAO method over one fixed statement whose arguments are method parameters.
struct KeyMethodView {
    std::string method;        // find_by_id, list_by_name_and_event, delete_by_id
    std::string params_decl;   // "std::int32_t id, const std::string& name"
    std::vector<std::string> args;   // the parameters in $n order
    std::string key_comment;   // "name, version" for the doc comment
    StatementView statement;
};

// Upsert on a unique key: INSERT ... ON CONFLICT (key) DO UPDATE, built per
// set of given columns at run time from these parts.
struct UpsertView {
    std::string method;           // upsert_by_name_and_version
    std::string conflict_sql;     // " ON CONFLICT (name, version) DO UPDATE SET "
    std::vector<int> key_fields;  // indexes into TableView::fields: never updated
    std::string noop_set;         // "name = EXCLUDED.name": the SET when the row gives nothing to update
    std::string key_comment;
};

struct TableView {
    std::string sql_name;          // "modelstore.models"
    std::string source_file;       // for the banner
    std::string header;            // "modelstore/models.hpp"
    std::string source;            // "modelstore/models.cpp"
    std::string header_include;    // "models.hpp": the header as its source includes it
    std::string cpp_namespace;     // "db::modelstore"
    std::string row;               // ModelsRow
    std::string new_row;           // ModelsNew
    std::string dao;               // ModelsDao
    std::string comment;
    std::vector<std::string> includes;   // <...> and "..." spellings, sorted, for the header
    std::vector<FieldView> fields;
    std::vector<FieldView> new_fields;   // the fields the insert struct has
    std::string select_list;       // "id, name, version"
    std::string insert_prefix;     // "INSERT INTO modelstore.models "
    std::string returning;         // " RETURNING id, name, ..."
    std::string copy_target_table; // "modelstore.models" for COPY ... (cols) FROM STDIN
    StatementView count;
    std::string stream_source;     // "modelstore.models (id, name, ...)", or "(SELECT ...)" for a hypertable: COPY ... TO STDOUT
    StatementView stream;          // "SELECT id, name, ... FROM modelstore.models": for a driver that streams a query
    bool has_primary_key = false;
    std::vector<KeyMethodView> finds;     // primary key first, then each unique key
    std::vector<KeyMethodView> lists;     // each index's leading columns
    std::vector<KeyMethodView> deletes;   // by primary key
    // update by primary key: arguments are row members
    bool has_update = false;
    KeyMethodView update;
    bool has_upsert = false;       // upsert of a whole row on the primary key
    KeyMethodView upsert;
    std::vector<UpsertView> unique_upserts;
};

struct EnumValueView {
    std::string name;     // C++ enumerator
    std::string label;    // the PostgreSQL label
    bool last = false;
};

struct EnumView {
    std::string sql_name;        // "market.side"
    std::string cpp_namespace;   // "db::market"
    std::string name;            // Side
    std::string qualified;       // db::market::Side
    std::string from_string;     // side_from_string: label -> value
    std::string comment;
    std::vector<EnumValueView> values;
};

// The enums of one PostgreSQL schema share a header.
struct EnumFileView {
    std::string header;          // "market/enums.hpp"
    std::string cpp_namespace;
    std::vector<std::string> source_files;
    std::vector<EnumView> enums;
};

struct QueryView {
    std::string method;          // load_latest_active_model
    std::string comment;
    std::string params_decl;     // "const std::string& name, std::int32_t version"
    std::vector<std::string> args;
    StatementView statement;
    std::string result;          // none | one | optional | many | count
    std::string row;             // the row type of one/optional/many ("" otherwise)
    std::string return_type;     // void, Row, std::optional<Row>, std::vector<Row>, std::int64_t
    bool own_row = false;        // the row struct is generated for this query (else a table's)
    std::vector<FieldView> fields;   // own_row: its members
    std::string row_header;      // !own_row: the table header that defines `row`
    std::string dao;             // !own_row: the table's DAO, whose reader is used
};

struct QueryFileView {
    std::string header;          // "modelstore/queries.hpp"
    std::string source;
    std::string header_include;  // "queries.hpp": the header as its source includes it
    std::string cpp_namespace;
    std::string source_file;
    std::vector<std::string> includes;
    std::vector<QueryView> queries;
};

struct MigrationView {
    int version = 0;
    std::string name;
    std::string up_file, down_file;   // file names ("" = no down file)
    std::string up_literal;           // C++ string literal(s) of the contents
    std::string down_literal;
    std::string checksum;
};

struct MigrationsView {
    std::string header = "migrations.hpp";
    std::string source = "migrations.cpp";
    std::string directory;            // for the banner
    std::vector<MigrationView> migrations;
};

struct ViewModel {
    GenerateOptions options;
    std::vector<EnumFileView> enum_files;
    std::vector<TableView> tables;
    std::vector<QueryFileView> query_files;
    bool has_migrations = false;
    MigrationsView migrations;
};

// Builds the view model. Reports (never throws) names that collide once made
// C++ identifiers and types without a C++ mapping.
ViewModel build_view_model(const Schema& schema, const GenerateOptions& options, Diagnostics& diags);

// Adds the migrations of `dir` (read with the runtime's MigrationSet rules);
// a malformed set is reported at the directory.
void add_migrations(ViewModel& vm, const std::string& dir, Diagnostics& diags);

}  // namespace schemac::codegen
