#include "codegen/cpp_types.hpp"

namespace schemac::codegen {

namespace {

// The element type of a scalar (non-array, non-null) value.
std::optional<CppType> scalar(const Type& t, const std::optional<EnumNaming>& enum_naming) {
    const std::string values = "<schemac/postgres/values.hpp>";
    switch (t.kind) {
        case TypeKind::SmallInt:
        case TypeKind::SmallSerial: return CppType{"::std::int16_t", {"<cstdint>"}, true};
        case TypeKind::Integer:
        case TypeKind::Serial: return CppType{"::std::int32_t", {"<cstdint>"}, true};
        case TypeKind::BigInt:
        case TypeKind::BigSerial: return CppType{"::std::int64_t", {"<cstdint>"}, true};
        case TypeKind::Real: return CppType{"float", {}, true};
        case TypeKind::Double: return CppType{"double", {}, true};
        case TypeKind::Numeric: return CppType{"::schemac::Decimal", {values}, false};
        case TypeKind::Varchar:
        case TypeKind::Char:
        case TypeKind::Text:
        case TypeKind::Citext: return CppType{"::std::string", {"<string>"}, false};
        case TypeKind::Boolean: return CppType{"bool", {}, true};
        case TypeKind::Date: return CppType{"::schemac::Date", {values}, true};
        case TypeKind::Time: return CppType{"::schemac::TimeOfDay", {values}, true};
        case TypeKind::TimeTz: return CppType{"::schemac::TimeOfDayTz", {values}, true};
        case TypeKind::Timestamp: return CppType{"::schemac::LocalTimestamp", {values}, true};
        case TypeKind::TimestampTz: return CppType{"::schemac::Timestamp", {values}, true};
        case TypeKind::Interval: return CppType{"::schemac::Interval", {values}, true};
        case TypeKind::Uuid: return CppType{"::schemac::Uuid", {values}, false};
        case TypeKind::Json:
        case TypeKind::Jsonb: return CppType{"::schemac::Json", {values}, false};
        case TypeKind::Bytea: return CppType{"::schemac::Bytes", {values}, false};
        // A bit string as PostgreSQL's text form: one '0' or '1' per bit, first bit first.
        case TypeKind::Bit:
        case TypeKind::VarBit: return CppType{"::std::string", {"<string>"}, false};
        case TypeKind::Enum:
            if (!enum_naming) return std::nullopt;
            return CppType{enum_naming->qualified, {'"' + enum_naming->header + '"'}, true};
    }
    return std::nullopt;   // a kind added to the model without a mapping here
}

// SQLite's: the types the sqlite dialect accepts (sql/sqlite/rules). Every
// integer is stored in up to 8 bytes, so `integer` (SQLite's INTEGER, the
// rowid alias) is std::int64_t; smallint keeps its C++ width, checked when a
// value is read. REAL is 8 bytes: double for real and double precision alike.
// numeric and blob take the libpqxx driver's types, Decimal and Bytes. SQLite
// has no enums, arrays, dates, uuids or json: no mapping.
std::optional<CppType> sqlite3_scalar(const Type& t) {
    const std::string values = "<schemac/postgres/values.hpp>";
    switch (t.kind) {
        case TypeKind::SmallInt: return CppType{"::std::int16_t", {"<cstdint>"}, true};
        case TypeKind::Integer:
        case TypeKind::BigInt: return CppType{"::std::int64_t", {"<cstdint>"}, true};
        case TypeKind::Real:
        case TypeKind::Double: return CppType{"double", {}, true};
        case TypeKind::Numeric: return CppType{"::schemac::Decimal", {values}, false};
        case TypeKind::Text:
        case TypeKind::Citext: return CppType{"::std::string", {"<string>"}, false};
        case TypeKind::Boolean: return CppType{"bool", {}, true};
        case TypeKind::Bytea: return CppType{"::schemac::Bytes", {values}, false};
        default: return std::nullopt;
    }
}

}  // namespace

TypeMapping type_mapping(std::string_view driver) { return driver == "sqlite3" ? TypeMapping::Sqlite3 : TypeMapping::Libpqxx; }

std::optional<CppType> cpp_type(const Type& t, bool nullable, const std::optional<EnumNaming>& enum_naming, TypeMapping mapping) {
    if (mapping == TypeMapping::Sqlite3 && t.is_array) return std::nullopt;
    auto c = mapping == TypeMapping::Sqlite3 ? sqlite3_scalar(t) : scalar(t, enum_naming);
    if (!c) return std::nullopt;
    if (t.is_array) {
        // Elements are optional: any PostgreSQL array can hold NULL, whatever the column says.
        c->name = "::std::vector<::std::optional<" + c->name + ">>";
        c->includes.insert({"<optional>", "<vector>"});
        c->pass_by_value = false;
    }
    if (nullable) {
        c->name = "::std::optional<" + c->name + ">";
        c->includes.insert("<optional>");
        c->pass_by_value = false;
    }
    return c;
}

std::string param_type(const CppType& t) { return t.pass_by_value ? t.name : "const " + t.name + "&"; }

}  // namespace schemac::codegen
