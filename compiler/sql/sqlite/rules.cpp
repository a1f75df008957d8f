#include "sql/sqlite/rules.hpp"

#include "sql/postgres/naming.hpp"
#include "sql/postgres/placeholders.hpp"
#include "sql/sqlite/literal.hpp"
#include "sql/sqlite/raw_sql.hpp"

namespace schemac::sql::sqlite {

namespace {

class SqliteRules final : public SchemaRules {
public:
    std::string_view dialect_name() const override { return "sqlite"; }
    std::string_view database_name() const override { return "SQLite"; }
    const std::string& default_schema() const override {
        static const std::string kMain = "main";   // the database file itself; attached ones are not schemac's
        return kMain;
    }
    bool supports(Feature f) const override {
        switch (f) {
            case Feature::Arrays:
            case Feature::EnumTypes:
            case Feature::Schemas:
            case Feature::Hypertables:
            case Feature::IndexMethods:
            case Feature::NullsOrder:
            case Feature::Identity:
            case Feature::Comments: return false;
            case Feature::SqliteTables: return true;
            case Feature::OnlineForms:
            case Feature::IndexOptions:
            case Feature::ForeignKeyOptions:
            case Feature::Extensions: return false;
            case Feature::TableStorage: return false;
            case Feature::RowSecurity: return false;
        }
        return false;
    }
    bool supports(TypeKind k) const override {
        switch (k) {
            case TypeKind::SmallInt:
            case TypeKind::Integer:
            case TypeKind::BigInt:
            case TypeKind::Real:
            case TypeKind::Double:
            case TypeKind::Numeric:
            case TypeKind::Text:
            case TypeKind::Boolean:
            case TypeKind::Bytea: return true;
            default: return false;
        }
    }
    std::string hint(Feature f) const override {
        switch (f) {
            case Feature::Arrays: return "store them as text (json_array) or in a table of their own";
            case Feature::EnumTypes: return "use a text column with a check such as `side IN ('buy', 'sell')`";
            case Feature::Schemas: return "SQLite has one schema, main: leave `schema:` out";
            case Feature::Hypertables: return "hypertables are TimescaleDB's; on SQLite the table stays plain: remove `hypertable:`";
            case Feature::IndexMethods: return "SQLite indexes are b-trees: remove `method:`";
            case Feature::NullsOrder: return "SQLite sorts NULLs first ascending and last descending: remove `nulls:`";
            case Feature::Identity:
                return "an `integer` primary key is SQLite's rowid alias and numbers new rows itself: remove `identity:`";
            case Feature::Comments: return "they are kept in the generated C++ only";
            case Feature::SqliteTables: return "";
            case Feature::OnlineForms:
                return "SQLite has one writer at a time: an index is built, and a column changed, with the database locked "
                       "for writing whatever they say; they are ignored";
            case Feature::ForeignKeyOptions: return "remove `deferrable:` and `match:`";
            case Feature::Extensions:
                return "SQLite loads an extension into each connection (sqlite3_load_extension), not into the database file: "
                       "remove `extensions:`";
            case Feature::TableStorage:
                return "SQLite has no storage parameters and every table is in the journal: remove `with:` and `unlogged:`";
            case Feature::RowSecurity:
                return "SQLite has no roles: every connection reads and writes every row; remove `row_level_security:`";
            case Feature::IndexOptions:
                return "they are PostgreSQL's: remove `opclass:`, `collate:`, `include:`, `nulls_not_distinct:` and `with:`";
        }
        return "";
    }
    std::string hint(TypeKind k) const override {
        switch (k) {
            case TypeKind::SmallSerial:
            case TypeKind::Serial:
            case TypeKind::BigSerial:
                return "write `integer` and make it the primary key: SQLite's rowid alias numbers new rows itself";
            case TypeKind::Varchar:
            case TypeKind::Char: return "write `text` (SQLite does not enforce a length; add a check such as `length(code) <= 20`)";
            case TypeKind::Date:
            case TypeKind::Time:
            case TypeKind::TimeTz:
            case TypeKind::Timestamp:
            case TypeKind::TimestampTz:
                return "write `integer` (Unix time, as D1 schemas store it: `DEFAULT (unixepoch())`) or `text` (ISO 8601)";
            case TypeKind::Interval: return "write `integer` (seconds or milliseconds)";
            case TypeKind::Uuid: return "write `text` (or `blob` for the 16 bytes)";
            case TypeKind::Citext: return "write `text`, and compare with COLLATE NOCASE or lower() in queries";
            case TypeKind::Bit:
            case TypeKind::VarBit: return "write `integer` for up to 64 flags (bitwise & and | in SQL), or `blob`";
            case TypeKind::Json:
            case TypeKind::Jsonb: return "write `text`: SQLite's json functions read and write text";
            default: return "";
        }
    }
    // SQLite has no limit of its own; schemac keeps PostgreSQL's, so a name
    // means the same on both and default names are cut at the same length.
    std::size_t max_identifier_bytes() const override { return 63; }

    std::optional<std::string> reserved_schema(const std::string& name) const override {
        if (name == "temp" || name == "temporary") return "SQLite keeps temporary objects there";
        return std::nullopt;
    }
    std::optional<std::string> check_text(const std::string& s) const override {
        if (s.find('\0') != std::string::npos) return "contains a NUL byte";
        if (utf8_length(s) < 0) return "is not valid UTF-8";
        return std::nullopt;
    }
    std::optional<std::string> check_literal(const Type& t, const Value& v, const Enum*) const override {
        return sqlite::check_literal(t, v);
    }

    // Unnamed constraints have no name in SQLite; schemac gives them
    // PostgreSQL's, so names read the same in both dialects and an index, which
    // SQLite does name, gets the one PostgreSQL would choose.
    void assign_default_names(Schema& schema) const override { postgres::assign_default_names(schema); }
    std::string sequence_name(const std::string& table, const std::string& column) const override {
        return table + "_" + column + "_seq";   // never used: SQLite has no sequences (identity is refused)
    }

    void check_table(const Table& t, Diagnostics& diags) const override { check_table_rules(t, diags); }
    void check_raw_sql(const Schema& schema, Diagnostics& diags) const override { check_raw_sql_fields(schema, diags); }
    // Named queries number their parameters $1, $2 ... as on PostgreSQL; SQLite
    // binds "$1" as a named parameter, which the generated code uses by number.
    PlaceholderScan scan_placeholders(std::string_view sql) const override { return postgres::scan_placeholders(sql); }
};

}  // namespace

const SchemaRules& rules() {
    static const SqliteRules instance;
    return instance;
}

}  // namespace schemac::sql::sqlite
