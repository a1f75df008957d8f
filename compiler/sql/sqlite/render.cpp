#include "sql/sqlite/render.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "diff/by_table.hpp"
#include "sql/postgres/naming.hpp"
#include "sql/sqlite/quote.hpp"
#include "sql/sqlite/rebuild.hpp"
#include "sql/text.hpp"

namespace schemac::sql::sqlite {

namespace {

using sql::join;

using namespace diff;

std::string cols(const std::vector<Ident>& ids) {
    std::vector<std::string> names;
    for (const auto& i : ids) names.push_back(quote_ident(i.name));
    return "(" + join(names) + ")";
}

std::string column_def(const Column& c) {
    std::string s = quote_ident(c.name) + " " + render_type(c.type);
    if (!c.collation.empty()) s += " COLLATE " + quote_ident(c.collation);
    if (!c.nullable) s += " NOT NULL";
    if (c.default_value) s += " DEFAULT " + render_value(c.type, *c.default_value);
    if (c.is_generated()) s += " GENERATED ALWAYS AS (" + c.generated + ") STORED";
    return s;
}

const char* action(FkAction a) {
    switch (a) {
        case FkAction::NoAction: return "NO ACTION";
        case FkAction::Restrict: return "RESTRICT";
        case FkAction::Cascade: return "CASCADE";
        case FkAction::SetNull: return "SET NULL";
        case FkAction::SetDefault: return "SET DEFAULT";
    }
    return "NO ACTION";
}

std::vector<std::string> names_of(const std::vector<Ident>& ids) {
    std::vector<std::string> out;
    for (const auto& i : ids) out.push_back(i.name);
    return out;
}

// SQLite keeps a constraint's name only in the CREATE TABLE text: a name other
// than the default one is written, the default is left to the reader
// (inspection gives it again), so renaming a table or a column never needs its
// constraints renamed. (Snapshots keep every name, given or not: the name
// itself decides.)
std::string constraint(const std::string& name, const std::string& default_name) {
    return name == default_name ? "" : "CONSTRAINT " + quote_ident(name) + " ";
}

std::string default_pkey(const Table& t) { return postgres::pg_object_name(t.name.name, "", "pkey"); }
std::string default_key(const Table& t, const KeyConstraint& k) {
    return postgres::pg_object_name(t.name.name, postgres::pg_name_addition(names_of(k.columns)), "key");
}
std::string default_fkey(const Table& t, const ForeignKey& f) {
    return postgres::pg_object_name(t.name.name, postgres::pg_name_addition(names_of(f.columns)), "fkey");
}

std::string fk_def(const Table& t, const ForeignKey& f) {
    std::string s = constraint(f.name, default_fkey(t, f)) + "FOREIGN KEY " + cols(f.columns) + " REFERENCES " + quote_name(f.ref_table);
    if (!f.ref_columns.empty()) s += " " + cols(f.ref_columns);
    if (f.on_delete != FkAction::NoAction) s += std::string(" ON DELETE ") + action(f.on_delete);
    if (f.on_update != FkAction::NoAction) s += std::string(" ON UPDATE ") + action(f.on_update);
    return s;
}

std::string tbl(const Table* t) { return quote_name(t->name); }
std::string shown(const Table* t) { return display_ident(t->name.name); }
std::string col_name(const Table* t, const std::string& c) { return shown(t) + "." + display_ident(c); }

std::string where_key(const Table* t, const SeedRow& r) {
    std::vector<std::string> conds;
    for (const auto& k : t->seed->key) {
        const Value* v = r.find(k.name);
        const Column* c = t->find_column(k.name);
        conds.push_back(quote_ident(k.name) + " = " + (v && c ? render_value(c->type, *v) : "NULL"));
    }
    return " WHERE " + join(conds, " AND ");
}

// The ON CONFLICT target for the seed key of `t`. SQLite matches a target with
// the columns of a unique index, and in an index the rowid alias (an INTEGER
// primary key of one column) stands for the rowid, which no target names: a key
// that holds it besides other columns matches nothing ("ON CONFLICT clause does
// not match any PRIMARY KEY or UNIQUE constraint"). Such a key is unique by the
// rowid alias alone, which is then the target.
std::string conflict_target(const Table& t) {
    const auto& key = t.seed->key;
    if (const Column* pk = t.sole_integer_key(); pk && key.size() > 1)
        for (const auto& k : key)
            if (k.name == pk->name) return "(" + quote_ident(pk->name) + ")";
    return cols(key);
}

std::string insert_row(const Table* t, const SeedRow& r) {
    std::vector<std::string> names, values;
    for (const auto& [col, v] : r.values) {
        const Column* c = t->find_column(col.name);
        names.push_back(quote_ident(col.name));
        values.push_back(c ? render_value(c->type, v) : "NULL");
    }
    return "INSERT INTO " + tbl(t) + " (" + join(names) + ") VALUES (" + join(values) + ") ON CONFLICT " + conflict_target(*t) +
           " DO NOTHING";
}

std::string key_text(const Table* t, const SeedRow& r) {
    std::vector<std::string> parts;
    for (const auto& k : t->seed->key) {
        const Value* v = r.find(k.name);
        parts.push_back(k.name + "=" + (v ? v->text : "?"));
    }
    return join(parts);
}

// What a column takes when a seed row stops giving it: its default (SQLite's
// UPDATE has no SET col = DEFAULT).
std::string default_of(const Column& c) { return c.default_value ? render_value(c.type, *c.default_value) : "NULL"; }

std::vector<std::string> indexes_of(const Table& t) {
    std::vector<std::string> out;
    for (const auto& i : t.indexes) out.push_back(create_index(t, i));
    return out;
}

const Index* find_index(const Table& t, const std::string& name) {
    for (const auto& i : t.indexes)
        if (i.name == name) return &i;
    return nullptr;
}

// A table's changes with its index renames in an order that frees each new
// name before it is taken. SQLite builds a renamed index again (DROP, then
// CREATE under the new name), and new names can chain: the default names of
// indexes renamed or renumbered (ix_2 -> t_a_idx while t_a_idx -> t_a_idx1),
// where the rename away from a name must go first. (A cycle keeps the order.)
std::vector<const Change*> index_renames_in_order(const std::vector<const Change*>& changes) {
    std::vector<const Change*> out = changes, pending;
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < changes.size(); ++i)
        if (std::holds_alternative<RenameIndex>(*changes[i])) {
            pending.push_back(changes[i]);
            at.push_back(i);
        }
    for (std::size_t k = 0; k < at.size(); ++k) {
        auto next = std::find_if(pending.begin(), pending.end(), [&](const Change* r) {
            return std::none_of(pending.begin(), pending.end(), [&](const Change* o) {
                return o != r && std::get<RenameIndex>(*o).from == std::get<RenameIndex>(*r).to;
            });
        });
        if (next == pending.end()) next = pending.begin();
        out[at[k]] = *next;
        pending.erase(next);
    }
    return out;
}

class Planner {
public:
    Plan run(const std::vector<Change>& changes, const Schema& from, const Schema& to) {
        for (const auto& step : group_by_table(changes, from, to)) {
            if (const auto* g = std::get_if<TableChanges>(&step)) table(*g);
            else other(**std::get_if<const Change*>(&step));
        }
        // Seed rows after every table change: SQLite looks a table's foreign keys
        // up whenever one of its rows changes, and refuses the row ("no such
        // table", even for a NULL reference) while a table it references is not
        // created or renamed yet, which a later group may do. Deleted rows go
        // before every change instead, as PostgreSQL's plan has them: they are
        // written in the old table's names (its rollback inserts them again once
        // everything is back), which renames and rebuilds would leave behind.
        for (auto& s : seeds_) plan_.steps.push_back(std::move(s));
        plan_.shared_lock_table = false;
        plan_.steps.insert(plan_.steps.begin(), std::make_move_iterator(deleted_seeds_.begin()),
                           std::make_move_iterator(deleted_seeds_.end()));
        return std::move(plan_);
    }

private:
    // Schemas, enums and hypertables: analysis refuses them on SQLite (the
    // default schema, main, is never created or dropped), so none arrives here.
    void other(const Change&) {}

    void add(PlanStep s) { plan_.steps.push_back(std::move(s)); }
    void add_seed(PlanStep s) { seeds_.push_back(std::move(s)); }

    void table(const TableChanges& g) {
        if (!g.from) create(*g.to);
        else if (!g.to) drop(*g.from);
        else if (needs_rebuild(g)) add(rebuild_step(g));
        else for (const Change* c : index_renames_in_order(g.changes)) direct(*c, g);
        if (g.to) for (const Change* c : g.changes) seed(*c, g.from);
    }

    void create(const Table& t) {
        std::vector<std::string> up = {create_table(t)};
        for (auto& i : indexes_of(t)) up.push_back(std::move(i));
        PlanStep s{"+ table " + shown(&t), up, {"DROP TABLE " + tbl(&t)}};
        s.down_note = "drops table " + shown(&t) + " with every row written since it was created";
        s.down_destructive = true;
        add(std::move(s));
    }

    void drop(const Table& t) {
        std::vector<std::string> down = {create_table(t)};
        for (auto& i : indexes_of(t)) down.push_back(std::move(i));
        const Seed* seed = t.migrated_seed();
        if (seed)
            for (const auto& r : seed->rows) down.push_back(insert_row(&t, r));
        PlanStep s{"- table " + shown(&t), {"DROP TABLE " + tbl(&t)}, down};
        // The rollback inserts its rows again while a table its foreign keys name
        // may not be back yet (dropped or renamed by another step, undone after
        // this one), and SQLite refuses such a row even for a NULL reference ("no
        // such table"): the file runs with foreign keys off, every one checked
        // before it commits, as for a rebuild.
        if (seed && !seed->rows.empty() && !t.foreign_keys.empty()) s.foreign_keys_off = true;
        s.up_note = "loses every row of " + shown(&t);
        s.down_note = "recreates " + shown(&t) + " empty: its rows are not restored";
        s.destructive = true;
        s.hazards.push_back({HazardKind::DataLoss, "every row of " + shown(&t) + " is deleted; back up the database file first"});
        s.hazards.push_back({HazardKind::BreaksApp, "a running application that still reads " + shown(&t) +
                                                        " fails: deploy the code that stops using it first"});
        add(std::move(s));
    }

    // A change ALTER TABLE, CREATE INDEX or DROP INDEX makes (needs_rebuild said so).
    void direct(const Change& change, const TableChanges& g) {
        std::visit(
            [&](const auto& c) {
                using C = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<C, RenameTable>) {
                    PlanStep s{"> table " + shown(c.from) + " -> " + shown(c.to), {"ALTER TABLE " + tbl(c.from) + " RENAME TO " + tbl(c.to)},
                               {"ALTER TABLE " + tbl(c.to) + " RENAME TO " + tbl(c.from)}};
                    s.hazards.push_back({HazardKind::BreaksApp, "SQL that names " + shown(c.from) +
                                                                    " stops working; deploy code that works with both names first"});
                    add(std::move(s));
                } else if constexpr (std::is_same_v<C, RenameColumn>) {
                    PlanStep s{"> column " + col_name(c.t, c.from) + " -> " + display_ident(c.to),
                               {"ALTER TABLE " + tbl(c.t) + " RENAME COLUMN " + quote_ident(c.from) + " TO " + quote_ident(c.to)},
                               {"ALTER TABLE " + tbl(c.t) + " RENAME COLUMN " + quote_ident(c.to) + " TO " + quote_ident(c.from)}};
                    s.hazards.push_back({HazardKind::BreaksApp, "SQL that names column " + display_ident(c.from) +
                                                                    " stops working; deploy code that works with both names first"});
                    add(std::move(s));
                } else if constexpr (std::is_same_v<C, AddColumn>) {
                    PlanStep s{"+ column " + col_name(c.t, c.c->name), {"ALTER TABLE " + tbl(c.t) + " ADD COLUMN " + column_def(*c.c)},
                               {"ALTER TABLE " + tbl(c.t) + " DROP COLUMN " + quote_ident(c.c->name)}};
                    s.down_note = "loses the values of column " + col_name(c.t, c.c->name);
                    s.down_destructive = true;
                    add(std::move(s));
                } else if constexpr (std::is_same_v<C, DropColumn>) {
                    PlanStep s{"- column " + col_name(c.t, c.c->name), {"ALTER TABLE " + tbl(c.t) + " DROP COLUMN " + quote_ident(c.c->name)},
                               {"ALTER TABLE " + tbl(c.t) + " ADD COLUMN " + column_def(*c.c)}};
                    s.up_note = "loses the values of column " + col_name(c.t, c.c->name);
                    s.down_note = "brings the column back empty (its default or NULL)";
                    s.destructive = true;
                    s.hazards.push_back({HazardKind::DataLoss, "the values of " + col_name(c.t, c.c->name) + " are deleted"});
                    s.hazards.push_back({HazardKind::TableRewrite, "SQLite rewrites every row of " + shown(c.t) +
                                                                       " to drop the column, with the database locked for writing"});
                    add(std::move(s));
                } else if constexpr (std::is_same_v<C, CreateIndex>) {
                    PlanStep s{"+ index " + display_ident(c.i->name) + " on " + shown(c.t), {create_index(*c.t, *c.i)},
                               {"DROP INDEX " + quote_ident(c.i->name)}};
                    s.hazards.push_back({HazardKind::FullScan, "reads every row of " + shown(c.t) +
                                                                   " to build the index, with the database locked for writing"});
                    if (c.i->unique)
                        s.hazards.push_back({HazardKind::MayFail, "fails if existing rows of " + shown(c.t) + " have duplicates"});
                    add(std::move(s));
                } else if constexpr (std::is_same_v<C, DropIndex>) {
                    add({"- index " + display_ident(c.i->name) + " on " + shown(c.t), {"DROP INDEX " + quote_ident(c.i->name)},
                         {create_index(*c.t, *c.i)}});
                } else if constexpr (std::is_same_v<C, RenameIndex>) {
                    // SQLite cannot rename an index: it is built again under the new name.
                    const Index* now = find_index(*g.to, c.to);
                    const Index* was = find_index(*g.from, c.from);
                    if (!now || !was) throw std::logic_error("index rename without both indexes: " + c.from + " -> " + c.to);
                    // The down runs before the column renames are undone: the old name
                    // over the new definition, which those renames then rewrite.
                    Index back = *now;
                    back.name = was->name;
                    PlanStep s{"> index " + display_ident(c.from) + " -> " + display_ident(c.to) + " (built again: SQLite cannot rename one)",
                               {"DROP INDEX " + quote_ident(c.from), create_index(*g.to, *now)},
                               {"DROP INDEX " + quote_ident(c.to), create_index(*g.to, back)}};
                    s.hazards.push_back({HazardKind::FullScan, "reads every row of " + shown(g.to) + " to build the index again"});
                    add(std::move(s));
                } else if constexpr (std::is_same_v<C, BackfillColumn>) {
                    PlanStep s{"~ backfill " + col_name(c.t, c.c->name),
                               {"UPDATE " + tbl(c.t) + " SET " + quote_ident(c.c->name) + " = (" + c.c->backfill + ") WHERE " +
                                quote_ident(c.c->name) + " IS NULL"},
                               {}};
                    s.down_note = "nothing to undo here: the column's own reverse drops it";
                    s.hazards.push_back({HazardKind::FullScan, "updates every existing row of " + shown(c.t) + " in one statement"});
                    add(std::move(s));
                }
                // Nothing to write: names SQLite does not keep (a default constraint
                // name, a sequence), comments it does not store, validation that a
                // rebuild would do, and seed rows (after every table change, below).
            },
            change);
    }

    // `from`: the table before the migration (nullptr when it creates it).
    void seed(const Change& change, const Table* from) {
        if (const auto* c = std::get_if<InsertSeedRow>(&change)) {
            add_seed({"+ seed row " + shown(c->t) + " (" + key_text(c->t, *c->row) + ")", {insert_row(c->t, *c->row)},
                      {"DELETE FROM " + tbl(c->t) + where_key(c->t, *c->row)}});
        } else if (const auto* c = std::get_if<UpdateSeedRow>(&change)) {
            std::vector<std::string> set_new, set_old;
            for (const auto& [col, v] : c->to->values) {
                const Column* column = c->t->find_column(col.name);
                if (!column) continue;
                const Value* old = c->from->find(col.name);
                if (!old && column->renamed_from) old = c->from->find(column->renamed_from->name);
                // The rollback puts back the old value as the old column has it: a
                // literal of its type (X'00ff' stays bytes in a column now TEXT, for
                // the rebuild back), or, when the old row left it out, its default
                // (this UPDATE runs before the default itself is undone).
                const Column* was = from ? from->find_column(col.name) : nullptr;
                if (!was && from && column->renamed_from) was = from->find_column(column->renamed_from->name);
                if (!was) was = column;
                const std::string nv = render_value(column->type, v);
                const std::string ov = old ? render_value(was->type, *old) : default_of(*was);
                if (nv == ov) continue;
                set_new.push_back(quote_ident(col.name) + " = " + nv);
                set_old.push_back(quote_ident(col.name) + " = " + ov);
            }
            for (const auto& [col, v] : c->from->values) {
                const Column* column = c->t->find_column(col.name);
                // The old row names a renamed column by its old name: the new table
                // knows it by its renamed_from (else the value would stay).
                if (!column)
                    for (const auto& renamed : c->t->columns)
                        if (renamed.renamed_from && renamed.renamed_from->name == col.name && !c->from->find(renamed.name)) column = &renamed;
                if (!column || c->to->find(column->name)) continue;
                const Column* was = from ? from->find_column(col.name) : nullptr;
                set_new.push_back(quote_ident(column->name) + " = " + default_of(*column));
                set_old.push_back(quote_ident(column->name) + " = " + render_value((was ? was : column)->type, v));
            }
            if (set_new.empty()) return;   // only the spelling changed (TRUE for true): the same values
            add_seed({"~ seed row " + shown(c->t) + " (" + key_text(c->t, *c->to) + ")",
                      {"UPDATE " + tbl(c->t) + " SET " + join(set_new) + where_key(c->t, *c->to)},
                      {"UPDATE " + tbl(c->t) + " SET " + join(set_old) + where_key(c->t, *c->to)}});
        } else if (const auto* c = std::get_if<DeleteSeedRow>(&change)) {
            PlanStep s{"- seed row " + shown(c->t) + " (" + key_text(c->t, *c->row) + ")",
                       {"DELETE FROM " + tbl(c->t) + where_key(c->t, *c->row)}, {insert_row(c->t, *c->row)}};
            s.up_note = "deletes the seed row " + key_text(c->t, *c->row) + " of " + shown(c->t);
            s.destructive = true;
            s.hazards.push_back({HazardKind::DataLoss, "the row is deleted (and rows referencing it, if their foreign key cascades)"});
            deleted_seeds_.push_back(std::move(s));
        }
    }

    Plan plan_;
    std::vector<PlanStep> seeds_;           // inserted and updated seed rows, after every other step
    std::vector<PlanStep> deleted_seeds_;   // deleted seed rows, before every other step
};

}  // namespace

std::string create_table(const Table& t, const std::string& name) {
    std::vector<std::string> parts;
    // AUTOINCREMENT exists only in the column form: PRIMARY KEY goes there.
    const Column* autoincrement = nullptr;
    for (const auto& c : t.columns)
        if (c.autoincrement) autoincrement = &c;
    for (const auto& c : t.columns) {
        parts.push_back(column_def(c));
        if (&c == autoincrement)
            parts.back() += " " + constraint(t.primary_key->name, default_pkey(t)) + "PRIMARY KEY AUTOINCREMENT";
    }
    if (t.primary_key && !autoincrement)
        parts.push_back(constraint(t.primary_key->name, default_pkey(t)) + "PRIMARY KEY " + cols(t.primary_key->columns));
    for (const auto& u : t.uniques) parts.push_back(constraint(u.name, default_key(t, u)) + "UNIQUE " + cols(u.columns));
    for (const auto& f : t.foreign_keys) parts.push_back(fk_def(t, f));
    for (const auto& c : t.checks) parts.push_back("CONSTRAINT " + quote_ident(c.name) + " CHECK (" + c.expr + ")");
    std::vector<std::string> options;
    if (t.without_rowid) options.push_back("WITHOUT ROWID");
    if (t.strict) options.push_back("STRICT");
    return "CREATE TABLE " + (name.empty() ? tbl(&t) : quote_ident(name)) + " (\n    " + join(parts, ",\n    ") + "\n)" +
           (options.empty() ? "" : " " + join(options));
}

bool keeps_name(const Table& t, const std::string& name) {
    if (t.primary_key && t.primary_key->name == name) return name != default_pkey(t);
    for (const auto& u : t.uniques)
        if (u.name == name) return name != default_key(t, u);
    for (const auto& f : t.foreign_keys)
        if (f.name == name) return name != default_fkey(t, f);
    return true;   // a check: always written with its name
}

std::string create_index(const Table& t, const Index& i) {
    std::vector<std::string> elements;
    for (const auto& e : i.elements) {
        std::string s = e.expr.empty() ? quote_ident(e.column) : "(" + e.expr + ")";
        if (e.order == SortOrder::Desc) s += " DESC";
        elements.push_back(s);
    }
    std::string s = std::string("CREATE ") + (i.unique ? "UNIQUE " : "") + "INDEX " + quote_ident(i.name) + " ON " + tbl(&t) + " (" +
                    join(elements) + ")";
    if (!i.where.empty()) s += " WHERE " + i.where;
    return s;
}

std::vector<std::string> upsert_seed_rows(const Table& t) {
    std::vector<std::string> out;
    if (!t.seed) return out;
    for (const auto& r : t.seed->rows) {
        std::vector<std::string> names, values, sets;
        for (const auto& [col, v] : r.values) {
            const Column* c = t.find_column(col.name);
            names.push_back(quote_ident(col.name));
            values.push_back(c ? render_value(c->type, v) : "NULL");
            bool key = false;
            for (const auto& k : t.seed->key) key = key || k.name == col.name;
            if (!key) sets.push_back(quote_ident(col.name) + " = excluded." + quote_ident(col.name));
        }
        std::string s = "INSERT INTO " + tbl(&t) + " (" + join(names) + ") VALUES (" + join(values) + ") ON CONFLICT " + conflict_target(t);
        s += sets.empty() ? " DO NOTHING" : " DO UPDATE SET " + join(sets);
        out.push_back(s);
    }
    return out;
}

Plan render_plan(const std::vector<Change>& changes, const Schema& from, const Schema& to) { return Planner().run(changes, from, to); }

}  // namespace schemac::sql::sqlite
