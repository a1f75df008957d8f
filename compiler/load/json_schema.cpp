#include "load/json_schema.hpp"

#include <utility>

#include "diag/diagnostics.hpp"

namespace schemac {

Json Json::array(std::vector<Json> items) {
    Json j;
    j.kind_ = Kind::Array;
    j.items_ = std::move(items);
    return j;
}

Json& Json::set(const std::string& key, Json value) {
    for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] == key) {
            items_[i] = std::move(value);
            return *this;
        }
    keys_.push_back(key);
    items_.push_back(std::move(value));
    return *this;
}

const Json* Json::get(const std::string& key) const {
    for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] == key) return &items_[i];
    return nullptr;
}

namespace {

// JSON strings are escaped by the one function that escapes diagnostics' JSON.
void quote(std::string& out, const std::string& s) { out += '"' + json_escape(s) + '"'; }

}  // namespace

std::string Json::dump() const {
    std::string out;
    dump_to(out, 0);
    return out;
}

void Json::dump_to(std::string& out, int depth) const {
    const std::string pad(static_cast<std::size_t>(depth + 1) * 2, ' ');
    switch (kind_) {
        case Kind::Null: out += "null"; return;
        case Kind::Bool: out += bool_ ? "true" : "false"; return;
        case Kind::Integer: out += std::to_string(int_); return;
        case Kind::String: quote(out, text_); return;
        case Kind::Array:
        case Kind::Object: {
            const bool object = kind_ == Kind::Object;
            if (items_.empty()) {
                out += object ? "{}" : "[]";
                return;
            }
            out += object ? "{\n" : "[\n";
            for (std::size_t i = 0; i < items_.size(); ++i) {
                out += pad;
                if (object) {
                    quote(out, keys_[i]);
                    out += ": ";
                }
                items_[i].dump_to(out, depth + 1);
                out += i + 1 < items_.size() ? ",\n" : "\n";
            }
            out += std::string(static_cast<std::size_t>(depth) * 2, ' ');
            out += object ? '}' : ']';
            return;
        }
    }
}

namespace {

// ---- building blocks --------------------------------------------------------

Json described(Json schema, const std::string& description) {
    return schema.set("description", description);
}

Json string_value(const std::string& description) {
    return Json::object().set("type", "string").set("description", description);
}

Json boolean_value(const std::string& description) {
    return Json::object().set("type", "boolean").set("description", description);
}

Json one_of_words(std::vector<Json> words, const std::string& description) {
    return Json::object().set("type", "string").set("enum", Json::array(std::move(words))).set("description", description);
}

Json list_of(Json item, const std::string& description) {
    return Json::object().set("type", "array").set("minItems", 1).set("items", std::move(item)).set("description", description);
}

// A mapping whose keys are names the user chooses (tables, columns, ...).
Json named(Json value, const std::string& description) {
    return Json::object().set("type", "object").set("additionalProperties", std::move(value)).set("description", description);
}

// A mapping with a fixed set of keys: `properties` is exactly what the loader
// accepts, anything else is an error, as schemac check says.
Json record(Json properties, const std::string& description, std::vector<Json> required = {}) {
    Json j = Json::object().set("type", "object").set("description", description).set("properties", std::move(properties));
    if (!required.empty()) j.set("required", Json::array(std::move(required)));
    return j.set("additionalProperties", false);
}

Json any_of(std::vector<Json> alternatives, const std::string& description) {
    return Json::object().set("anyOf", Json::array(std::move(alternatives))).set("description", description);
}

Json identifiers(const std::string& description) {
    return list_of(Json::object().set("type", "string"), description);
}

// ---- schema files -----------------------------------------------------------

// A type as schemac spells it: a PostgreSQL type or enum name, optional
// modifiers in parentheses, optional [] for an array, optional ? for nullable.
// The shape is checked here; the name itself is checked by schemac check
// (an enum's name is the user's own).
Json type_value(const std::string& description) {
    return Json::object()
        .set("type", "string")
        .set("pattern", R"(^\s*[^\s()\[\]?,:#]+( [^\s()\[\]?,:#]+)*\s*(\(\s*[0-9]+\s*(,\s*[0-9]+\s*)?\))?( with(out)? time zone)?(\[\])?\s*\??\s*$)")
        .set("patternErrorMessage", "Not a type: a name, optional (n) or (p,s), optional [], optional ?; in flow style "
                                    "quote it: \"numeric(10,2)\".")
        .set("description", description +
                                " Built in: smallint, integer (int, int4), bigint (int8), smallserial, serial, bigserial, real, "
                                "double precision, numeric(p,s), varchar(n), char(n), text, citext, boolean, date, time, timetz, timestamp, "
                                "timestamptz, interval, "
                                "uuid, json, jsonb, bytea, or an enum's name; `[]` makes an array, a trailing `?` makes it nullable. "
                                "Quote it in flow style: {type: \"numeric(10,2)\"}.");
}

const char* kFkActionHelp = "What happens to referencing rows when the referenced row is ";

Json fk_action(const std::string& event) {
    return one_of_words({"no_action", "restrict", "cascade", "set_null", "set_default"},
                        std::string(kFkActionHelp) + event + " (default no_action).");
}

Json reference_map(bool with_actions) {
    Json p = Json::object()
                 .set("table", string_value("The referenced table, `table` or `schema.table`."))
                 .set("columns", identifiers("The referenced columns (default: the referenced table's primary key)."));
    if (with_actions) {
        p.set("on_delete", fk_action("deleted"))
            .set("on_update", fk_action("updated"))
            .set("name", string_value("The foreign key constraint's name (default: derived from table and columns)."));
    }
    return record(std::move(p), "The referenced table and columns.", {"table"});
}

Json references(bool with_actions, const std::string& description) {
    return any_of({string_value("`table`, `table(column, ...)` or `schema.table(column)`."), reference_map(with_actions)},
                  description);
}

Json sql_expression() {
    return record(Json::object().set("sql", string_value("A SQL expression, used as written (e.g. now(), gen_random_uuid()).")),
                  "A SQL expression instead of a literal value.", {"sql"});
}

Json column() {
    Json p = Json::object()
                 .set("type", type_value("The column's type."))
                 .set("nullable", boolean_value("Whether the column accepts NULL (default false; `type: text?` says the same)."))
                 .set("default", any_of({Json::object().set("type", Json::array({"string", "number", "boolean", "null", "array"})),
                                         sql_expression()},
                                        "The default value: a literal checked against the type, a list for an array, or "
                                        "{sql: expression}."))
                 .set("comment", string_value("Becomes COMMENT ON COLUMN, and a comment in generated code."))
                 .set("primary_key", boolean_value("This column alone is the primary key."))
                 .set("unique", boolean_value("This column alone is unique."))
                 .set("references", references(true, "A foreign key from this column."))
                 .set("identity", one_of_words({"always", "by_default", "by default"},
                                               "GENERATED ALWAYS / BY DEFAULT AS IDENTITY (integer types)."))
                 .set("renamed_from", string_value("The column's previous name: the migration renames instead of dropping and adding."))
                 .set("using", string_value("The USING expression for a type change that PostgreSQL cannot cast implicitly."))
                 .set("backfill", string_value("A SQL expression that fills existing rows when the column becomes NOT NULL or is "
                                               "added NOT NULL without a default."))
                 .set("online", boolean_value("How a change to this existing column is made (default true): a backfill in "
                                              "committed batches outside the DDL transaction and SET NOT NULL through a "
                                              "validated CHECK. false: one UPDATE and a plain SET NOT NULL, which hold the "
                                              "table's lock while they scan (for small tables)."))
                 .set("autoincrement", boolean_value("SQLite: AUTOINCREMENT on an integer primary key of one column (row ids are "
                                                     "never reused)."))
                 .set("collate", string_value("A collation other than the database's default: \"C\", \"en_US\" (PostgreSQL); "
                                              "nocase, rtrim (SQLite). Text, varchar, char and citext columns."))
                 .set("generated", string_value("GENERATED ALWAYS AS (expression) STORED: a SQL expression over this row's other "
                                                "columns, computed on every write and stored; nobody writes the column."));
    return any_of({type_value("The column's type (short form)."), record(std::move(p), "A column.", {"type"})},
                  "A column: its type alone, or a mapping.");
}

Json key_constraint(const std::string& what) {
    Json p = Json::object()
                 .set("name", string_value("The constraint's name (default: derived from table and columns)."))
                 .set("columns", identifiers("The columns, in order."))
                 .set("concurrently", boolean_value("On an existing table (default true): build the unique index with "
                                                    "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX. "
                                                    "false: one ALTER TABLE that blocks writes while it builds."));
    return any_of({identifiers("The columns, in order."), record(std::move(p), "A named " + what + ".", {"columns"})},
                  "The " + what + ": a list of columns, or {name, columns}.");
}

Json foreign_key() {
    Json p = Json::object()
                 .set("name", string_value("The constraint's name (default: derived from table and columns)."))
                 .set("columns", identifiers("The referencing columns of this table."))
                 .set("references", references(false, "The referenced table and columns."))
                 .set("on_delete", fk_action("deleted"))
                 .set("on_update", fk_action("updated"))
                 .set("deferrable", one_of_words({"initially_deferred", "initially_immediate", "false"},
                                                 "DEFERRABLE: checked at commit (initially_deferred), or when a transaction says "
                                                 "SET CONSTRAINTS ... DEFERRED (PostgreSQL; default false)."))
                 .set("match", one_of_words({"full", "simple"}, "MATCH FULL: all the columns NULL or none (PostgreSQL; default simple)."));
    return record(std::move(p), "A foreign key over one or more columns.", {"columns", "references"});
}

Json index_element() {
    Json p = Json::object()
                 .set("column", string_value("A column of the table."))
                 .set("expr", string_value("A SQL expression instead of a column, e.g. lower(email)."))
                 .set("order", one_of_words({"asc", "desc"}, "Sort order (default asc)."))
                 .set("nulls", one_of_words({"first", "last"}, "Where NULLs sort."))
                 .set("opclass", string_value("An operator class other than the type's default, e.g. text_pattern_ops "
                                              "(PostgreSQL)."))
                 .set("collate", string_value("A collation other than the column's, e.g. C (PostgreSQL)."));
    return any_of({string_value("A column, optionally followed by asc/desc and nulls first/last."),
                   record(std::move(p), "An index element.")},
                  "An index element: `column [asc|desc] [nulls first|last]`, or a mapping.");
}

Json index() {
    Json p = Json::object()
                 .set("name", string_value("The index's name (default: derived from table and columns)."))
                 .set("columns", list_of(index_element(), "The indexed columns or expressions, in order."))
                 .set("unique", boolean_value("A unique index."))
                 .set("where", string_value("A SQL condition: a partial index over the rows it holds for."))
                 .set("method", one_of_words({"btree", "hash", "gist", "gin", "brin"}, "The index method (default btree)."))
                 .set("concurrently", boolean_value("On an existing table (default true): CREATE and DROP INDEX "
                                                    "CONCURRENTLY, in a migration file of their own, so reads and writes "
                                                    "go on. false: the plain statements, which block writes while they run."))
                 .set("include", identifiers("Columns stored in the index beside its keys (INCLUDE), for index-only scans "
                                             "(PostgreSQL, btree and gist)."))
                 .set("nulls_not_distinct", boolean_value("A unique index where two NULLs are duplicates (PostgreSQL 15)."))
                 .set("with", named(Json::object().set("type", Json::array({"string", "number", "boolean"})),
                                    "Storage parameters, e.g. {fillfactor: 70} (PostgreSQL)."));
    return record(std::move(p), "An index.", {"columns"});
}

Json seed_rows() {
    return Json::object()
        .set("type", "array")
        .set("items", named(Json::object(), "A row: column name to value."))
        .set("description", "The rows, each a mapping of column name to value.");
}

Json seed() {
    Json p = Json::object()
                 .set("key", identifiers("The columns that identify a row (default: the primary key)."))
                 .set("rows", seed_rows())
                 .set("environments", identifiers("Only these environments of schemac.yaml get the rows (development and test "
                                                  "data): `schemac apply --env NAME` writes them after the migrations, which "
                                                  "hold none of them. Default: every environment, through the migrations."));
    return any_of({seed_rows(), record(std::move(p), "Seed rows with the columns that identify them.", {"rows"})},
                  "Rows kept in the table: a list of rows (reference data, through the migrations), or {key, rows, environments}.");
}

Json table() {
    Json p = Json::object()
                 .set("schema", string_value("The PostgreSQL schema of this table (default: the file's schema)."))
                 .set("comment", string_value("Becomes COMMENT ON TABLE, and a comment in generated code."))
                 .set("renamed_from", string_value("The table's previous name: the migration renames instead of dropping and creating."))
                 .set("columns", named(column(), "The columns, in order: name to type or mapping."))
                 .set("primary_key", key_constraint("primary key"))
                 .set("unique", list_of(key_constraint("unique constraint"), "Unique constraints."))
                 .set("foreign_keys", list_of(foreign_key(), "Foreign keys over one or more columns."))
                 .set("checks", named(string_value("A SQL boolean expression."), "CHECK constraints: name to SQL expression."))
                 .set("indexes", list_of(index(), "Indexes."))
                 .set("hypertable", record(Json::object()
                                               .set("time_column", string_value("The time column that partitions the table."))
                                               .set("chunk_interval", described(Json::object(), "Each chunk's time span, e.g. '1 day'."))
                                               .set("create_default_indexes",
                                                    boolean_value("TimescaleDB's index on (time DESC), made by create_hypertable "
                                                                  "unless a one-column index on the time column exists (default true).")),
                                           "Make this a TimescaleDB hypertable.", {"time_column"}))
                 .set("seed", seed())
                 .set("strict", boolean_value("SQLite: a STRICT table (each value must be of its column's type: integer, real, "
                                              "text or blob columns only)."))
                 .set("without_rowid", boolean_value("SQLite: a WITHOUT ROWID table, stored in primary-key order (needs a primary key)."))
                 .set("unlogged", boolean_value("PostgreSQL: an UNLOGGED table, not written to the WAL: faster writes, emptied after a "
                                                "crash, not on replicas."))
                 .set("with", named(Json::object().set("type", Json::array({"string", "number", "boolean"})),
                                    "Storage parameters, e.g. {fillfactor: 70, autovacuum_vacuum_scale_factor: 0.05} (PostgreSQL)."))
                 .set("row_level_security",
                      Json::object()
                          .set("enum", Json::array({true, false, "true", "false", "enabled", "forced"}))
                          .set("description", "PostgreSQL: ENABLE ROW LEVEL SECURITY (true) and FORCE it for the owner too (forced)."));
    return record(std::move(p), "A table.", {"columns"});
}

Json enum_type() {
    Json p = Json::object()
                 .set("values", identifiers("The labels, in order. New labels may be added anywhere; removing one is destructive."))
                 .set("comment", string_value("Becomes COMMENT ON TYPE."))
                 .set("schema", string_value("The PostgreSQL schema of this type (default: the file's schema)."));
    return any_of({identifiers("The labels, in order."), record(std::move(p), "An enum type.", {"values"})},
                  "An enum type: its labels, or {values, comment, schema}.");
}

Json query() {
    const Json field = type_value("The type, written as a column's (`text?` is nullable).");
    Json p = Json::object()
                 .set("comment", string_value("A comment on the generated function."))
                 .set("params", named(field, "The parameters, in order: name to type; the SQL uses them as $1, $2, ..."))
                 .set("returns", one_of_words({"none", "one", "optional", "many", "count"},
                                              "What the query gives back: nothing, exactly one row, at most one row, any number "
                                              "of rows, or the number of rows affected."))
                 .set("columns", named(field, "The result columns, in order: name to type."))
                 .set("row", string_value("The result rows are rows of this table (instead of columns)."))
                 .set("sql", string_value("The SQL statement, checked by PostgreSQL's own parser."));
    return record(std::move(p), "A named query: schemac generate writes a typed C++ function for it.", {"sql"});
}

// ---- schemac.yaml -----------------------------------------------------------

Json duration(const std::string& description) {
    return Json::object()
        .set("type", "string")
        .set("pattern", "^[0-9]+(ms|s|m|h)$")
        .set("patternErrorMessage", "Not a duration: a positive integer with ms, s, m or h, e.g. 60s.")
        .set("examples", Json::array({"60s", "500ms", "2m"}))
        .set("description", description + " A positive integer with ms, s, m or h, at most 24h.");
}

Json retries(const std::string& description) {
    return Json::object().set("type", "integer").set("minimum", 0).set("maximum", 100).set("description", description);
}

// The settings of migration statements, at the top level and per environment.
Json& statement_settings(Json& p, const std::string& where) {
    return p.set("statement_lock_timeout", duration("How long each migration statement waits for a table lock" + where +
                                                    " before it is rolled back and retried (default 3s)."))
        .set("lock_retries", retries("How many times a statement that timed out on a lock is retried, after 1s, 2s, 4s, ..." + where +
                                     " (default 5)."))
        .set("statement_timeout", duration("How long each migration statement may run" + where + " (default: no limit)."))
        .set("heartbeat", duration("While a migration runs longer, a progress line this often" + where + " (default 5s)."))
        .set("warn_after", duration("Warn about a migration that takes longer than this" + where + " (default: none)."))
        .set("max_duration", duration("Cancel a migration that runs longer than this" + where + " (default: none)."));
}

Json environment() {
    Json p = Json::object()
                 .set("url", string_value("The database URL or libpq conninfo. Prefer url_env for any database with a password."))
                 .set("url_env", string_value("The environment variable that holds the URL at run time."))
                 .set("protected", boolean_value("apply and rollback refuse migrations with data-loss, table-rewrite or "
                                                 "exclusive-lock hazards here unless --allow-unsafe or a `-- schemac:approved` line."))
                 .set("lock_timeout", duration("How long to wait for another runner in this environment."));
    statement_settings(p, " in this environment");
    Json j = record(std::move(p), "A database environment, chosen with --env NAME: exactly one of url and url_env.");
    return j.set("oneOf", Json::array({Json::object().set("required", Json::array({"url"})),
                                       Json::object().set("required", Json::array({"url_env"}))}));
}

// No title: yaml-language-server would name it in every nested type error.
Json with_header(Json schema) {
    Json j = Json::object().set("$schema", "http://json-schema.org/draft-07/schema#");
    for (std::size_t i = 0; i < schema.keys().size(); ++i) j.set(schema.keys()[i], schema.items()[i]);
    return j;
}

}  // namespace

Json schema_file_json_schema() {
    Json p = Json::object()
                 .set("schema", string_value("The PostgreSQL schema of this file's tables and types (default public)."))
                 .set("extensions",
                      list_of(any_of({string_value("The extension's name (pgcrypto, citext, pg_trgm)."),
                                      record(Json::object()
                                                 .set("name", string_value("The extension's name."))
                                                 .set("version", string_value("The version to create (default: the server's default "
                                                                              "version); a change is ALTER EXTENSION ... UPDATE TO."))
                                                 .set("schema", string_value("The schema of its objects (default: the first of the "
                                                                             "session's search_path, public).")),
                                             "An extension with a version or a schema.", {"name"})},
                                     "An extension: its name, or {name, version, schema}."),
                              "PostgreSQL extensions the schema needs, created before the tables (CREATE EXTENSION IF NOT EXISTS)."))
                 .set("enums", named(enum_type(), "Enum types: name to {values}."))
                 .set("tables", named(table(), "Tables: name to table."))
                 .set("queries", named(query(), "Named queries: name to query."));
    return with_header(record(std::move(p), "A schemac schema file: tables, enums and queries of one PostgreSQL schema."));
}

Json config_json_schema(const std::vector<std::string>& dialects, const std::vector<std::string>& drivers) {
    std::vector<Json> names(dialects.begin(), dialects.end());
    std::vector<Json> driver_names(drivers.begin(), drivers.end());
    Json p = Json::object()
                 .set("dialect", one_of_words(std::move(names), "The database the migrations and generated code are for (default postgres)."))
                 .set("schema", string_value("The schema directory or file (default schema)."))
                 .set("migrations", string_value("The migrations directory (default generated/migrations)."))
                 .set("history_table", string_value("The table that records applied migrations, `schema.table` or `table` "
                                                    "(default public.schemac_migrations)."))
                 .set("lock_timeout", duration("How long to wait for another runner (default 60s)."));
    statement_settings(p, "");
    p.set("environments", named(environment(), "Named databases (dev, production, ...): name to {url} or {url_env}."))
                 .set("codegen", record(Json::object()
                                            .set("out", string_value("Where schemac generate writes (default generated/cpp)."))
                                            .set("namespace", string_value("The outer C++ namespace, e.g. db or acme::db (default db)."))
                                            .set("templates", string_value("A directory of NAME.mustache files that replace the built-in "
                                                                           "templates."))
                                            .set("driver", one_of_words(std::move(driver_names),
                                                                        "The client library the generated code uses (default: the "
                                                                        "dialect's first; postgres: libpqxx).")),
                                        "Settings of schemac generate."));
    return with_header(record(std::move(p), "schemac.yaml: where the schema and migrations live, and the database environments."));
}

}  // namespace schemac
