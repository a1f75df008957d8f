#include "sql/sqlite/rebuild.hpp"

#include <algorithm>
#include <map>

#include "sql/sqlite/quote.hpp"
#include "sql/sqlite/render.hpp"
#include "sql/text.hpp"

namespace schemac::sql::sqlite {

namespace {

using sql::join;

using namespace diff;

bool names(const std::vector<Ident>& ids, const std::string& column) {
    return std::any_of(ids.begin(), ids.end(), [&](const Ident& i) { return i.name == column; });
}

// ALTER TABLE ADD COLUMN's rules: not part of the primary key, a constant
// default, and NOT NULL only with a default that is not NULL.
bool addable(const Table& t, const Column& c) {
    if (c.is_generated()) return false;   // ADD COLUMN adds only VIRTUAL generated columns
    if (t.primary_key && names(t.primary_key->columns, c.name)) return false;
    if (c.default_value && c.default_value->kind == Value::Kind::Sql) return false;
    const bool null_default = !c.default_value || c.default_value->kind == Value::Kind::Null;
    return c.nullable || !null_default;
}

// ALTER TABLE DROP COLUMN's rules: not generated, no key, foreign key or index
// uses it (the indexes on it are dropped first), and no CHECK, generation or
// index expression might name it (schemac does not read expressions, so any
// check or index expression decides).
bool droppable(const Table& t, const Column& c) {
    if (c.is_generated()) return false;
    for (const auto& g : t.columns)
        if (expression_may_name(g.generated, c.name)) return false;
    if (t.primary_key && names(t.primary_key->columns, c.name)) return false;
    for (const auto& u : t.uniques)
        if (names(u.columns, c.name)) return false;
    for (const auto& f : t.foreign_keys)
        if (names(f.columns, c.name)) return false;
    if (!t.checks.empty()) return false;
    return std::none_of(t.indexes.begin(), t.indexes.end(), [](const Index& i) {
        return !i.where.empty() || std::any_of(i.elements.begin(), i.elements.end(), [](const IndexElement& e) { return !e.expr.empty(); });
    });
}

struct Reasons {
    std::vector<std::string> list;
    void add(const std::string& r) {
        if (std::find(list.begin(), list.end(), r) == list.end()) list.push_back(r);
    }
};

// Why the table is rebuilt, in the words of the summary; empty: it need not be.
Reasons reasons(const TableChanges& g) {
    Reasons r;
    for (const Change* change : g.changes) {
        std::visit(
            [&](const auto& c) {
                using C = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<C, AlterColumnType>) r.add("type of " + display_ident(c.to->name));
                else if constexpr (std::is_same_v<C, SetTableOptions>) r.add("strict, without_rowid or autoincrement");
                else if constexpr (std::is_same_v<C, DropExpression>) r.add("generated column " + display_ident(c.to->name) + " made plain");
                else if constexpr (std::is_same_v<C, SetNotNull>) r.add((c.not_null ? "NOT NULL on " : "NULL allowed in ") + display_ident(c.c->name));
                else if constexpr (std::is_same_v<C, SetDefault>) r.add("default of " + display_ident(c.to->name));
                else if constexpr (std::is_same_v<C, AddPrimaryKey> || std::is_same_v<C, DropPrimaryKey>) r.add("primary key");
                else if constexpr (std::is_same_v<C, AddUnique> || std::is_same_v<C, DropUnique>) r.add("unique " + display_ident(c.k->name));
                else if constexpr (std::is_same_v<C, AddForeignKey> || std::is_same_v<C, DropForeignKey>) r.add("foreign key " + display_ident(c.fk->name));
                else if constexpr (std::is_same_v<C, AddCheck> || std::is_same_v<C, DropCheck>) r.add("check " + display_ident(c.c->name));
                else if constexpr (std::is_same_v<C, RenameConstraint>) {
                    if (keeps_name(*g.from, c.from) || keeps_name(*g.to, c.to)) r.add("constraint name " + display_ident(c.to));
                } else if constexpr (std::is_same_v<C, AddColumn>) {
                    // Its reverse, DROP COLUMN, then works too: whatever could stop it
                    // (a key, a check, an index) came with this migration and goes first.
                    if (!addable(*g.to, *c.c)) r.add("new column " + display_ident(c.c->name) + " (beyond ADD COLUMN)");
                } else if constexpr (std::is_same_v<C, DropColumn>) {
                    if (!droppable(*g.from, *c.c)) r.add("dropped column " + display_ident(c.c->name) + " (beyond DROP COLUMN)");
                    else if (!addable(*g.from, *c.c)) r.add("dropped column " + display_ident(c.c->name) + " (its rollback is beyond ADD COLUMN)");
                } else if constexpr (std::is_same_v<C, BackfillColumn>) {
                    if (!c.c->nullable) r.add("NOT NULL on backfilled " + display_ident(c.c->name));
                }
            },
            *change);
    }
    return r;
}

// The statements that rebuild the table now called `current` into `shape`
// (same name), copying the rows of the columns in `copy` (by their names,
// which the renames before made equal on both sides) and filling them from
// `expression` where it has one.
std::vector<std::string> rebuild(const std::string& current, const Table& shape, const std::vector<std::string>& copy,
                                 const std::map<std::string, std::string>& expression) {
    const std::string temporary = "schemac_new_" + shape.name.name;
    std::vector<std::string> out = {create_table(shape, temporary)};
    std::vector<std::string> into, from;
    for (const auto& c : copy) {
        into.push_back(quote_ident(c));
        auto it = expression.find(c);
        from.push_back(it == expression.end() ? quote_ident(c) : it->second);
    }
    if (!into.empty())
        out.push_back("INSERT INTO " + quote_ident(temporary) + " (" + join(into) + ")\n  SELECT " + join(from) + " FROM " +
                      quote_ident(current));
    out.push_back("DROP TABLE " + quote_ident(current));
    out.push_back("ALTER TABLE " + quote_ident(temporary) + " RENAME TO " + quote_ident(current));
    for (const auto& i : shape.indexes) out.push_back(create_index(shape, i));
    return out;
}

}  // namespace

bool needs_rebuild(const TableChanges& g) { return g.from && g.to && !reasons(g).list.empty(); }

PlanStep rebuild_step(const TableChanges& g) {
    const Table& a = *g.from;
    const Table& b = *g.to;
    // Renames first, with ALTER TABLE, in both directions: SQLite then rewrites
    // every reference to the old names (other tables' foreign keys, the
    // table's own checks and indexes), which a copy under new names would not.
    std::vector<std::string> rename_up, rename_down;
    std::map<std::string, std::string> renamed_to;   // old column name -> new
    if (a.name.name != b.name.name) {
        rename_up.push_back("ALTER TABLE " + quote_name(a.name) + " RENAME TO " + quote_name(b.name));
    }
    for (const Change* change : g.changes)
        if (const auto* r = std::get_if<RenameColumn>(change)) {
            renamed_to[r->from] = r->to;
            rename_up.push_back("ALTER TABLE " + quote_name(b.name) + " RENAME COLUMN " + quote_ident(r->from) + " TO " + quote_ident(r->to));
            rename_down.insert(rename_down.begin(),
                               "ALTER TABLE " + quote_name(b.name) + " RENAME COLUMN " + quote_ident(r->to) + " TO " + quote_ident(r->from));
        }
    if (a.name.name != b.name.name) rename_down.push_back("ALTER TABLE " + quote_name(b.name) + " RENAME TO " + quote_name(a.name));

    std::map<std::string, std::string> up_expression;   // new name -> what fills it
    for (const Change* change : g.changes)
        if (const auto* t = std::get_if<AlterColumnType>(change); t && !t->to->using_expr.empty())
            up_expression[t->to->name] = "(" + t->to->using_expr + ")";
    // A generated column is never copied into (its expression fills it); a
    // plain column's values are lost where the other side has none to copy.
    std::vector<std::string> up_copy, down_copy, dropped, added;
    std::map<std::string, const Column*> before;   // new name -> the column in a
    for (const auto& c : a.columns) {
        auto it = renamed_to.find(c.name);
        const std::string now = it == renamed_to.end() ? c.name : it->second;
        before[now] = &c;
        const Column* after = b.find_column(now);
        if (after && !after->is_generated()) up_copy.push_back(now);
        else if (!c.is_generated()) dropped.push_back(display_ident(c.name));
        if (after && !c.is_generated()) down_copy.push_back(c.name);
    }
    for (const auto& c : b.columns) {
        const auto was = before.find(c.name);
        if (!c.is_generated() && (was == before.end() || was->second->is_generated())) added.push_back(display_ident(c.name));
        if (was == before.end() && !c.backfill.empty()) {
            up_copy.push_back(c.name);
            up_expression[c.name] = "(" + c.backfill + ")";
        }
    }

    std::vector<std::string> up = rename_up, down = rename_down;
    for (auto& st : rebuild(b.name.name, b, up_copy, up_expression)) up.push_back(std::move(st));
    for (auto& st : rebuild(a.name.name, a, down_copy, {})) down.push_back(std::move(st));
    const std::string shown = a.name.name == b.name.name ? display_ident(b.name.name)
                                                         : display_ident(a.name.name) + " -> " + display_ident(b.name.name);
    PlanStep s{"~ table " + shown + ": rebuilt for " + join(reasons(g).list), up, down};
    s.foreign_keys_off = true;
    s.hazards.push_back({HazardKind::TableRewrite, "copies every row of " + display_ident(a.name.name) +
                                                       " into a new table and drops the old one: time and disk grow with its rows"});
    s.hazards.push_back({HazardKind::ExclusiveLock, "the whole database is locked for writing until the migration commits; "
                                                    "readers go on (WAL) or wait (rollback journal)"});
    s.hazards.push_back({HazardKind::MayFail, "the copy fails on rows the new shape refuses (NOT NULL, CHECK, UNIQUE), and "
                                              "PRAGMA foreign_key_check before the commit on rows whose foreign keys have no match"});
    if (!dropped.empty()) {
        s.destructive = true;
        s.up_note = "loses the values of " + join(dropped);
        s.hazards.push_back({HazardKind::DataLoss, "the values of " + join(dropped) + " are not copied; back up the database file first"});
    }
    if (!added.empty()) {
        s.down_destructive = true;
        s.down_note = "loses the values of " + join(added) + " (the rebuild back does not copy them)";
    }
    if (!dropped.empty() && s.down_note.empty()) s.down_note = "brings back " + join(dropped) + " empty (their default or NULL)";
    return s;
}

}  // namespace schemac::sql::sqlite
