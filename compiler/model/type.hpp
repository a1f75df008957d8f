// Column types and qualified names. Parsing a type's spelling lives here (not in
// the loader) because inspect and the builder need the same canonical form.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemac {

struct QualifiedName {
    std::string schema;   // "" = not written (resolved later)
    std::string name;
    bool operator==(const QualifiedName&) const = default;
    auto operator<=>(const QualifiedName&) const = default;
    // "schema.name" ("name" in public), each part double-quoted only when needed.
    std::string display() const;
};

// Parses `name`, `schema.name`, with "double quoted" parts allowed. nullopt on bad syntax.
std::optional<QualifiedName> parse_qualified_name(std::string_view text);
// The name as the user would write it: bare when it is a plain lower-case word.
std::string display_ident(const std::string& name);

enum class TypeKind {
    SmallInt, Integer, BigInt, SmallSerial, Serial, BigSerial, Real, Double, Numeric,
    Varchar, Char, Text, Citext, Boolean, Date, Time, TimeTz, Timestamp, TimestampTz, Interval,
    Uuid, Json, Jsonb, Bytea, Bit, VarBit, Enum
};

struct Type {
    TypeKind kind = TypeKind::Text;
    int precision = -1;        // numeric(p,..), time/timestamp(p); -1 = not given
    int scale = -1;            // numeric(.., s); -1 = not given
    int length = -1;           // varchar(n), char(n), bit(n), varbit(n); -1 = not given
    QualifiedName enum_name;   // kind == Enum (schema filled by resolution)
    bool is_array = false;

    bool operator==(const Type&) const = default;
    // The canonical spelling: `integer`, `numeric(10,2)`, `varchar(20)[]`, `market.side`.
    std::string display() const;
    Type element() const { Type t = *this; t.is_array = false; return t; }
};

// Parses a type spelling (case-insensitive keywords, aliases such as int4/float8).
// Anything that is not a built-in type but is a valid (qualified) name comes back
// as TypeKind::Enum for later resolution. On failure returns nullopt and sets `error`.
std::optional<Type> parse_type(std::string_view text, std::string& error);

bool is_integer(TypeKind k);   // smallint, integer, bigint, smallserial, serial, bigserial
bool is_serial(TypeKind k);
bool is_text(TypeKind k);      // varchar, char, text
bool is_time(TypeKind k);      // date, timestamp, timestamptz
// The built-in type spellings, for "did you mean".
const std::vector<std::string>& builtin_type_names();

}  // namespace schemac
