// The type mapping of generated code (docs/codegen.md): PostgreSQL type ->
// C++ type. Exact by design: numeric is schemac::Decimal, never double, and a
// type without a mapping is an error, never a silent std::string.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "model/schema.hpp"

namespace schemac::codegen {

struct CppType {
    std::string name;                 // "std::int32_t", "std::vector<std::optional<schemac::Decimal>>"
    std::set<std::string> includes;   // "<cstdint>", "\"market/enums.hpp\""
    bool pass_by_value = false;       // small scalars: parameters by value, else const&
};

// How generated code names an enum of the schema: the caller knows the namespaces.
struct EnumNaming {
    std::string qualified;   // "db::market::Side"
    std::string header;      // "market/enums.hpp"
};

// Each driver maps the types its database stores (docs/codegen.md): libpqxx
// PostgreSQL's; sqlite3 SQLite's, whose integers are all 8 bytes (`integer`,
// the rowid alias included, is std::int64_t) and whose REAL is a double.
enum class TypeMapping { Libpqxx, Sqlite3 };
// "sqlite3" -> Sqlite3; every other driver (libpqxx) -> Libpqxx.
TypeMapping type_mapping(std::string_view driver);

// The C++ type of a value of type `t` (nullable: wrapped in std::optional).
// `enum_naming` resolves enum types; nullopt when the type has no mapping
// (the caller reports it at the column's type position).
std::optional<CppType> cpp_type(const Type& t, bool nullable,
                                 const std::optional<EnumNaming>& enum_naming,
                                 TypeMapping mapping = TypeMapping::Libpqxx);

// "const std::string&" or "std::int32_t".
std::string param_type(const CppType& t);

}  // namespace schemac::codegen
