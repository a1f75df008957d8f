#include "sql/postgres/hazards.hpp"

#include <schemac/core/ascii.hpp>

#include <algorithm>

namespace schemac::sql::postgres {

namespace {

int int_rank(TypeKind k) {
    switch (k) {
        case TypeKind::SmallInt: case TypeKind::SmallSerial: return 1;
        case TypeKind::Integer: case TypeKind::Serial: return 2;
        case TypeKind::BigInt: case TypeKind::BigSerial: return 3;
        default: return 0;
    }
}

// Functions whose value differs per row: a default calling one makes ADD COLUMN rewrite the table.
bool is_volatile_default(const Value& v) {
    if (v.kind != Value::Kind::Sql) return false;
    const std::string l = ascii_lower(v.text);
    // Volatile functions of PostgreSQL and of the extensions schemas list
    // (pgcrypto, uuid-ossp): a default calling one is evaluated per row.
    for (const char* f : {"random(", "gen_random_uuid(", "uuid_generate_v1", "uuid_generate_v4(", "clock_timestamp(",
                          "timeofday(", "nextval(", "txid_current(", "setseed(", "gen_random_bytes(", "gen_salt(",
                          "pg_current_xact_id("})
        if (l.find(f) != std::string::npos) return true;
    return false;
}

std::string name(const Table& t) { return t.name.display(); }

// timestamp <-> timestamptz keeping or raising the precision: PostgreSQL 15
// rewrites nothing when the session's TimeZone is UTC (the stored values mean
// the same instants there), and schemac's runner pins TimeZone to UTC.
bool reinterpreted_in_utc(const Type& a, const Type& b) {
    const bool pair = (a.kind == TypeKind::Timestamp && b.kind == TypeKind::TimestampTz) ||
                      (a.kind == TypeKind::TimestampTz && b.kind == TypeKind::Timestamp);
    return pair && a.is_array == b.is_array && (b.precision < 0 || (a.precision >= 0 && b.precision >= a.precision));
}

// Whether an index, a primary key or a unique constraint covers the column
// (expression indexes counted: they may use it).
bool indexed(const Table& t, const std::string& column) {
    const auto in_key = [&](const KeyConstraint& k) {
        return std::any_of(k.columns.begin(), k.columns.end(), [&](const Ident& c) { return c.name == column; });
    };
    if (t.primary_key && in_key(*t.primary_key)) return true;
    if (std::any_of(t.uniques.begin(), t.uniques.end(), in_key)) return true;
    return std::any_of(t.indexes.begin(), t.indexes.end(), [&](const Index& i) {
        return std::any_of(i.elements.begin(), i.elements.end(),
                           [&](const IndexElement& e) { return !e.expr.empty() || e.column == column; });
    });
}

}  // namespace

std::vector<Hazard> add_column_hazards(const Table& t, const Column& c) {
    std::vector<Hazard> h;
    if (c.is_generated()) {
        h.push_back({HazardKind::TableRewrite, "computing " + display_ident(c.name) + " for every row rewrites " + name(t) +
                     " under an ACCESS EXCLUSIVE lock: reads and writes wait until it commits"});
        h.push_back({HazardKind::MayFail, "fails if the expression fails on an existing row (a division by zero, a cast)" +
                     std::string(c.nullable ? "" : " or gives NULL for one (the column is NOT NULL)")});
        return h;
    }
    const bool rewrites = is_serial(c.type.kind) || c.identity != Identity::None ||
                          (c.default_value && is_volatile_default(*c.default_value));
    if (rewrites)
        h.push_back({HazardKind::TableRewrite, "filling " + display_ident(c.name) + " per row rewrites " + name(t) +
                     " under an ACCESS EXCLUSIVE lock; add it nullable without a default, backfill in batches, then set the default"});
    if (!c.nullable && !c.default_value && !is_serial(c.type.kind) && c.identity == Identity::None)
        h.push_back({HazardKind::MayFail, "NOT NULL without a default fails if " + name(t) +
                     " has rows; give it a default (no rewrite for a constant) or a `backfill:` SQL expression in the YAML,"
                     " which adds it nullable, fills the existing rows, then sets NOT NULL"});
    return h;
}

bool is_binary_compatible(const Type& a, const Type& b) {
    if (a.is_array != b.is_array) return false;
    if (a == b) return true;
    const bool a_text = a.kind == TypeKind::Varchar || a.kind == TypeKind::Text;
    // varchar(n) → varchar(m ≥ n) / varchar / text, and text → varchar: same bytes.
    if (a_text && b.kind == TypeKind::Text) return true;
    if (a_text && b.kind == TypeKind::Varchar)
        return b.length < 0 || (a.kind == TypeKind::Varchar && a.length >= 0 && b.length >= a.length);
    // numeric(p,s) → numeric(p' ≥ p, s) or unconstrained numeric.
    if (a.kind == TypeKind::Numeric && b.kind == TypeKind::Numeric)
        return b.precision < 0 || (a.precision >= 0 && b.precision >= a.precision && b.scale == a.scale);
    // Between citext and unbounded text: the extension's casts are WITHOUT FUNCTION.
    if ((a_text && b.kind == TypeKind::Citext) || (a.kind == TypeKind::Citext && (b.kind == TypeKind::Text || (b.kind == TypeKind::Varchar && b.length < 0))))
        return true;
    // varbit(n) → varbit(m ≥ n) and bit(n) or varbit(n) → varbit: the same bits.
    // bit(n) → varbit(m) is rewritten (measured: hazard-truth test).
    if (a.kind == TypeKind::VarBit && b.kind == TypeKind::VarBit) return b.length < 0 || (a.length >= 0 && b.length >= a.length);
    if (a.kind == TypeKind::Bit && b.kind == TypeKind::VarBit) return b.length < 0;
    // time/timestamp precision increase.
    if (a.kind == b.kind && (a.kind == TypeKind::Time || a.kind == TypeKind::Timestamp || a.kind == TypeKind::TimestampTz))
        return b.precision < 0 || (a.precision >= 0 && b.precision >= a.precision);
    return false;
}

bool is_narrowing(const Type& a, const Type& b) {
    if (is_binary_compatible(a, b)) return false;
    if (a.is_array == b.is_array && (b.kind == TypeKind::Text || (b.kind == TypeKind::Varchar && b.length < 0)))
        return false;   // every value has a text form
    if ((a.kind == TypeKind::Timestamp || a.kind == TypeKind::TimestampTz || a.kind == TypeKind::Date) &&
        (b.kind == TypeKind::Timestamp || b.kind == TypeKind::TimestampTz))
        return false;   // same instants (timestamp is read in the session's time zone)
    if (int_rank(a.kind) && int_rank(b.kind)) return int_rank(b.kind) < int_rank(a.kind);
    if ((a.kind == TypeKind::Bit || a.kind == TypeKind::VarBit) && b.kind == TypeKind::VarBit)
        return b.length >= 0 && (a.length < 0 || a.length > b.length);   // into fewer bits
    if (is_text(a.kind) && is_text(b.kind)) return b.length >= 0;   // into a bounded type
    if (a.kind == TypeKind::Numeric && b.kind == TypeKind::Numeric) return true;
    if (a.kind == TypeKind::Real && b.kind == TypeKind::Double) return false;
    if (int_rank(a.kind) && (b.kind == TypeKind::Numeric && b.precision < 0)) return false;
    if (int_rank(a.kind) && is_text(b.kind) && b.length < 0) return false;
    return true;   // across families: values may not convert
}

bool needs_using(const Type& a, const Type& b) {
    if (a.is_array != b.is_array) return true;
    const auto numeric_like = [](TypeKind k) {
        return int_rank(k) || k == TypeKind::Numeric || k == TypeKind::Real || k == TypeKind::Double;
    };
    if (numeric_like(a.kind) && numeric_like(b.kind)) return false;
    if (is_text(a.kind) && is_text(b.kind)) return false;
    if (is_time(a.kind) && is_time(b.kind)) return false;
    if (is_text(b.kind)) return false;   // everything has an assignment cast to text
    const auto bits = [](TypeKind k) { return k == TypeKind::Bit || k == TypeKind::VarBit; };
    if (bits(a.kind) && bits(b.kind)) return false;
    if (a.kind == TypeKind::Json && b.kind == TypeKind::Jsonb) return false;
    if (a.kind == TypeKind::Jsonb && b.kind == TypeKind::Json) return false;
    return !(a == b);
}

std::vector<Hazard> type_change_hazards(const Table& t, const Column& from, const Column& to) {
    std::vector<Hazard> h;
    if (is_binary_compatible(from.type, to.type)) {
        // The values stay; what sorts and compares them changes (a collation, or
        // citext's comparison without case), so every index on the column is built again.
        const bool compares_otherwise = from.collation != to.collation ||
                                        (from.type.kind != to.type.kind && (from.type.kind == TypeKind::Citext || to.type.kind == TypeKind::Citext));
        if (compares_otherwise && indexed(t, to.name)) {
            h.push_back({HazardKind::ExclusiveLock, display_ident(to.name) + " now compares otherwise: the indexes on it are rebuilt while " +
                                                        name(t) + " is locked (ACCESS EXCLUSIVE)"});
            h.push_back({HazardKind::MayFail, "a unique index on " + display_ident(to.name) + " fails if two stored values are equal the new "
                                                  "way (citext: equal but for case)"});
        }
        return h;
    }
    if (reinterpreted_in_utc(from.type, to.type) && to.using_expr.empty()) {
        if (indexed(t, to.name))
            h.push_back({HazardKind::ExclusiveLock, "changing " + display_ident(to.name) + " from " + from.type.display() + " to " +
                         to.type.display() + " rebuilds the indexes on it while " + name(t) + " is locked (ACCESS EXCLUSIVE); "
                         "the table itself is not rewritten, because schemac's runner pins TimeZone to UTC"});
        return h;
    }
    h.push_back({HazardKind::TableRewrite, "changing " + display_ident(to.name) + " from " + from.type.display() + " to " +
                 to.type.display() + " rewrites " + name(t) + " and its indexes under an ACCESS EXCLUSIVE lock; on a large table "
                 "add a new column, backfill it in batches, and switch over"});
    const bool rounds = from.type.kind == TypeKind::Numeric && to.type.kind == TypeKind::Numeric && to.type.scale >= 0 &&
                        (from.type.scale < 0 || to.type.scale < from.type.scale);
    if (rounds)
        h.push_back({HazardKind::DataLoss, "values of " + display_ident(to.name) + " are rounded to " + std::to_string(to.type.scale) +
                     " decimal places; values with too many digits before the point make the migration fail"});
    else if (is_narrowing(from.type, to.type))
        // PostgreSQL refuses values that do not fit (it does not truncate them): a failure, not a loss.
        h.push_back({HazardKind::MayFail, "values of " + display_ident(to.name) + " that do not fit " + to.type.display() +
                     " make the migration fail"});
    if (!to.using_expr.empty())
        h.push_back({HazardKind::DataLoss, "the values of " + display_ident(to.name) + " are rewritten by the using expression (" +
                     to.using_expr + "); the rollback cannot recompute the originals"});
    return h;
}

const char* why_not_concurrently(const Table& t) {
    return t.hypertable ? "TimescaleDB builds no index on a hypertable concurrently" : "concurrently: false";
}

std::vector<Hazard> unique_index_hazards(const Table& t, const char* what, const char* why) {
    return {{HazardKind::ExclusiveLock, std::string("the ") + what + "'s index is built while " + name(t) + " is locked against writes (" +
             (why ? why : why_not_concurrently(t)) + ")"},
            {HazardKind::MayFail, "fails if existing rows have duplicates (or NULLs, for a primary key)"}};
}

}  // namespace schemac::sql::postgres
