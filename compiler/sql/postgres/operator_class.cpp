#include "sql/postgres/operator_class.hpp"

namespace schemac::sql::postgres {

// PostgreSQL 15's default operator classes (pg_opclass where opcdefault) for the
// types this language has; tests/integration/pg_limits_test.cpp asks the server
// about every type and method. json has none at all (only jsonb compares).
bool has_default_opclass(const Type& t, std::string_view method) {
    // Arrays: array_ops compare the elements with their btree class, so json[]
    // gets an index PostgreSQL creates but cannot use (the first comparison fails).
    if (t.is_array) return (method == "btree" || method == "hash" || method == "gin") && t.kind != TypeKind::Json;
    const TypeKind k = t.kind;
    if (method == "btree" || method == "hash") return k != TypeKind::Json;
    if (method == "gin") return k == TypeKind::Jsonb;
    if (method == "brin")
        return is_integer(k) || is_text(k) || k == TypeKind::Real || k == TypeKind::Double || k == TypeKind::Numeric ||
               k == TypeKind::Date || k == TypeKind::Time || k == TypeKind::Timestamp || k == TypeKind::TimestampTz ||
               k == TypeKind::Interval || k == TypeKind::Uuid || k == TypeKind::Bytea;
    return false;   // gist: only geometric, range and text-search types, none of which the language has
}

}  // namespace schemac::sql::postgres
