// What a dialect decides about a schema, as the model stage sees it: which
// schema-language features exist, what an identifier and a literal may be,
// the names the database gives unnamed objects, the default schema, and the
// checks only its grammar and catalogs can answer (raw SQL, limits). The model
// depends on this interface only; each dialect implements it beside its SQL
// (sql/postgres/rules.hpp) and hands it out as `Dialect::rules()`, so the
// pipeline stays diag <- model <- load <- diff <- sql.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"
#include "model/placeholders.hpp"
#include "model/schema.hpp"

namespace schemac {

// Parts of the schema language a database may lack. Analysis refuses a schema
// that uses one its dialect does not support, naming the dialect.
enum class Feature {
    Arrays,        // `integer[]`
    EnumTypes,     // `enums:` as named types
    Schemas,       // schemas other than the default one
    Hypertables,   // TimescaleDB's `hypertable:`
    IndexMethods,  // index methods other than btree
    NullsOrder,    // NULLS FIRST / LAST in an index
    Identity,      // identity columns and serial types
    Comments,      // comments stored in the database (lacking: a warning, they stay in the generated C++)
    SqliteTables,  // SQLite's strict, without_rowid and autoincrement
    OnlineForms,   // `concurrently` and `online`: building indexes and changing columns while writes go on
    IndexOptions,  // an index's opclass, collate, include, nulls_not_distinct and with (PostgreSQL's)
    ForeignKeyOptions,  // a foreign key's deferrable and match (PostgreSQL's)
    Extensions,    // `extensions:` (PostgreSQL's CREATE EXTENSION)
    TableStorage,  // a table's `with:` storage parameters and `unlogged:` (PostgreSQL's)
    RowSecurity,   // a table's `row_level_security:` (PostgreSQL's)
};
// "array types", "enum types", ...: how a message names the feature.
const char* feature_name(Feature f);

class SchemaRules {
public:
    virtual ~SchemaRules() = default;

    // The dialect's name in schemac.yaml ("postgres"): messages about what it
    // does not support name it, so the user sees which setting refuses.
    virtual std::string_view dialect_name() const = 0;
    // The database as messages about its limits name it ("PostgreSQL").
    virtual std::string_view database_name() const = 0;
    // Where a table, enum or query lives when its file names no schema, and
    // where an unqualified name is looked up after the file's own schema.
    virtual const std::string& default_schema() const = 0;

    virtual bool supports(Feature f) const = 0;
    virtual bool supports(TypeKind k) const = 0;
    // What to write instead of a feature or type the dialect lacks, phrased to
    // follow "; " ("write text with a check: col IN ('a', 'b')"), or "".
    virtual std::string hint(Feature) const { return ""; }
    virtual std::string hint(TypeKind) const { return ""; }

    // The longest identifier (and enum value) in bytes.
    virtual std::size_t max_identifier_bytes() const = 0;
    // Why a schema name belongs to the database itself, phrased to follow
    // "schema name 'x' is reserved: "; nullopt when it is free.
    virtual std::optional<std::string> reserved_schema(const std::string& name) const = 0;
    // Any text the database stores (comments, labels, expressions, values).
    // nullopt when fine, else the reason, phrased to follow "comment of ... ".
    virtual std::optional<std::string> check_text(const std::string& s) const = 0;
    // nullopt when `v` is a valid value of `t`; otherwise the reason, phrased to
    // follow "value 'x' ". `e` is the resolved enum for TypeKind::Enum, else null.
    virtual std::optional<std::string> check_literal(const Type& t, const Value& v, const Enum* e) const = 0;

    // Fills every constraint and index name the user did not give with the
    // one the database would choose, so an inspected database matches the model.
    virtual void assign_default_names(Schema& schema) const = 0;
    // The name of the sequence behind a serial or identity column.
    virtual std::string sequence_name(const std::string& table, const std::string& column) const = 0;

    // What only the database can tell about one table (column and key limits,
    // reserved column names, index operator classes); called after the
    // generic checks of that table.
    virtual void check_table(const Table& t, Diagnostics& diags) const = 0;
    // Every raw SQL text of the schema checked against the database's grammar.
    // Called last, after the named queries were checked.
    virtual void check_raw_sql(const Schema& schema, Diagnostics& diags) const = 0;
    // The numbered parameters of a named query's SQL, found with the
    // database's own lexical rules (PostgreSQL: $n outside strings and comments).
    virtual PlaceholderScan scan_placeholders(std::string_view sql) const = 0;

    // Identifier rules: 1..max_identifier_bytes() bytes, valid UTF-8, no
    // control characters. nullopt when legal, else the reason.
    std::optional<std::string> check_identifier(const std::string& name) const;
};

// "<feature> are not supported by dialect <name> (<where>)" at `pos`.
void report_unsupported(const SchemaRules& rules, Feature f, const SourcePos& pos, const std::string& where, Diagnostics& diags);
// Reports what of type `t` the dialect lacks: the type itself, or arrays.
// Enum types are reported once, where the enum is defined. `owner` names what
// has the type ("column 'tags'").
void check_type_supported(const SchemaRules& rules, const Type& t, const SourcePos& pos, const std::string& owner, Diagnostics& diags);

// The identifier rules every dialect shares, with its length limit: for a
// name checked before any dialect is known (the project file's own settings).
std::optional<std::string> check_identifier(const std::string& name, std::size_t max_bytes, std::string_view database);

// Number of UTF-8 characters of `s`; -1 when it is not valid UTF-8.
long utf8_length(const std::string& s);

}  // namespace schemac
