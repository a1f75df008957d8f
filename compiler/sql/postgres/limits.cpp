#include "sql/postgres/limits.hpp"

#include <set>
#include <string>

#include "sql/postgres/operator_class.hpp"

namespace schemac::sql::postgres {

namespace {

std::string q(const std::string& name) { return "'" + name + "'"; }

class TableLimits {
public:
    explicit TableLimits(Diagnostics& d) : diags_(d) {}

    // MaxHeapAttributeNumber and INDEX_MAX_KEYS of a standard build.
    static constexpr std::size_t kMaxColumns = 1600, kMaxKeyColumns = 32;

    void too_many_key_columns(std::size_t n, const SourcePos& pos, const std::string& what) {
        if (n > kMaxKeyColumns)
            diags_.error(pos, "too-many-columns", what + " has " + std::to_string(n) + " columns; PostgreSQL allows at most " +
                                                      std::to_string(kMaxKeyColumns) + " in an index, key or foreign key");
    }

    void check_pg_limits(const Table& t) {
        if (t.columns.size() > kMaxColumns)
            diags_.error(t.pos, "too-many-columns", "table " + t.name.display() + " has " + std::to_string(t.columns.size()) +
                                                        " columns; PostgreSQL allows at most " + std::to_string(kMaxColumns));
        if (t.primary_key) too_many_key_columns(t.primary_key->columns.size(), t.primary_key->pos, "the primary key");
        for (const auto& u : t.uniques) too_many_key_columns(u.columns.size(), u.pos, "unique constraint " + q(u.name));
        for (const auto& f : t.foreign_keys) too_many_key_columns(f.columns.size(), f.pos, "foreign key " + q(f.name));
        for (const auto& i : t.indexes) too_many_key_columns(i.elements.size(), i.pos, "index " + q(i.name));
        // The columns every table has implicitly (PostgreSQL 15; oid is an ordinary name since 12).
        static const std::set<std::string> system_columns = {"tableoid", "xmin", "cmin", "xmax", "cmax", "ctid"};
        for (const auto& c : t.columns)
            if (system_columns.count(c.name))
                diags_.error(c.pos, "reserved-column", "column name " + q(c.name) + " is reserved: every PostgreSQL table has a system column of that name");
    }

    // Keys and indexes compare values with the type's default operator class of
    // their access method; a type without one (json for btree, integer for gin) is refused.
    void need_opclass(const Table& t, const std::string& column, const SourcePos& pos, IndexMethod method, const std::string& what) {
        const Column* c = t.find_column(column);
        if (!c || has_default_opclass(c->type, index_method_name(method))) return;
        std::string msg = what + " uses column " + q(c->name) + " of type " + c->type.display() + ", which has no default " +
                          index_method_name(method) + " operator class in PostgreSQL";
        if (c->type.kind == TypeKind::Json) msg += "; use jsonb, which can be compared";
        diags_.error(pos, "no-operator-class", msg);
    }

    void check_operator_classes(const Table& t) {
        if (t.primary_key)
            for (const auto& id : t.primary_key->columns) need_opclass(t, id.name, id.pos, IndexMethod::Btree, "the primary key");
        for (const auto& u : t.uniques)
            for (const auto& id : u.columns) need_opclass(t, id.name, id.pos, IndexMethod::Btree, "unique constraint " + q(u.name));
        for (const auto& i : t.indexes)
            for (const auto& e : i.elements)
                if (e.expr.empty() && e.opclass.empty()) need_opclass(t, e.column, e.pos, i.method, std::string(index_method_name(i.method)) + " index " + q(i.name));
    }

private:
    Diagnostics& diags_;
};

}  // namespace

void check_table_limits(const Table& t, Diagnostics& diags) {
    TableLimits limits(diags);
    limits.check_pg_limits(t);
    limits.check_operator_classes(t);
}

}  // namespace schemac::sql::postgres
