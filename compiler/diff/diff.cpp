#include "diff/diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <schemac/core/ascii.hpp>


namespace schemac::diff {

namespace {

// Changes are collected into phases and concatenated in phase order, which is
// the dependency order (see docs/migrations.md, "Order of statements").
// Drops come before renames, so they still name objects as they are; seed rows
// go in before foreign keys are added or validated, so lookups they reference exist.
enum Phase {
    kCreateSchemas, kExtensions, kCreateEnums, kAddEnumValues, kDropForeignKeys, kDropSeeds, kDropIndexes,
    kDropConstraints, kDropTables, kDropColumns, kRenames, kAlterColumns, kRecreateEnums, kCreateTables, kAddColumns, kBackfill,
    kAddConstraints, kCreateIndexes, kComments, kHypertables, kSeeds, kAddForeignKeys, kValidate, kDropEnums,
    kDropExtensions, kDropSchemas, kPhaseCount
};

std::string key_of(const QualifiedName& q) { return q.schema + '\x1f' + q.name; }

std::vector<std::string> names(const std::vector<Ident>& ids, const std::map<std::string, std::string>& renames = {}) {
    std::vector<std::string> v;
    for (const auto& i : ids) {
        auto it = renames.find(i.name);
        v.push_back(it == renames.end() ? i.name : it->second);
    }
    return v;
}

bool same_value(const std::optional<Value>& a, const std::optional<Value>& b);
bool same_value(const Value& a, const Value& b) {
    if (a.kind != b.kind || a.text != b.text || a.items.size() != b.items.size()) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (!same_value(a.items[i], b.items[i])) return false;
    return true;
}
bool same_value(const std::optional<Value>& a, const std::optional<Value>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || same_value(*a, *b);
}

class Differ {
public:
    Differ(const Schema& from, const Schema& to, const SchemaRules& r, Diagnostics& d) : from_(from), to_(to), rules_(r), diags_(d) {}

    std::vector<Change> run() {
        diff_namespaces();
        diff_extensions();
        diff_enums();
        match_tables();
        recreate_enums();
        std::vector<Change> out;
        for (auto& phase : phases_) out.insert(out.end(), phase.begin(), phase.end());
        return out;
    }

private:
    const Schema& from_;
    const Schema& to_;
    const SchemaRules& rules_;
    Diagnostics& diags_;
    std::vector<Change> phases_[kPhaseCount];
    // Old name -> new name of renamed tables, and per new table its column renames,
    // so a foreign key to a renamed table or column compares equal to itself.
    std::unordered_map<std::string, QualifiedName> table_renames_;
    std::unordered_map<std::string, std::map<std::string, std::string>> column_renames_;

    void emit(Phase p, Change c) { phases_[p].push_back(std::move(c)); }
    // Columns (new names) of the table being compared that are dropped and
    // added again, or whose DROP EXPRESSION's reverse does that: every key,
    // index, check and foreign key that names one goes before and comes back
    // after, since dropping a column takes them with it.
    std::set<std::string> remade_;
    std::vector<std::pair<const Enum*, const Enum*>> recreated_;   // enums whose values were removed or reordered
    std::vector<std::pair<const Table*, const Table*>> pairs_;      // tables in both schemas (from, to)
    std::set<const Table*> persistence_changes_;                    // tables (after) that become logged or unlogged

    // The schemas `s` needs: its tables', enums' and extensions'. An extension
    // that names none stays where `other` has it.
    std::set<std::string> namespaces(const Schema& s, const Schema& other) const {
        std::set<std::string> out;
        for (const auto& t : s.tables) out.insert(t.name.schema);
        for (const auto& e : s.enums) out.insert(e.name.schema);
        for (const auto& e : s.extensions) {
            if (!e.schema.empty()) out.insert(e.schema);
            else if (const Extension* o = other.find_extension(e.name.name); o && !o->schema.empty()) out.insert(o->schema);
        }
        out.erase(rules_.default_schema());   // exists in every database
        return out;
    }

    void diff_namespaces() {
        const auto a = namespaces(from_, to_), b = namespaces(to_, from_);
        for (const auto& n : b) if (!a.count(n)) emit(kCreateSchemas, CreateSchema{n});
        for (auto it = a.rbegin(); it != a.rend(); ++it) if (!b.count(*it)) emit(kDropSchemas, DropSchema{*it});
    }

    // Extensions by name. A version counts where both sides name one; a
    // schema where the target names one (CREATE EXTENSION without a schema
    // puts it into the default one). The extensions' schemas are created
    // before and dropped after them (diff_namespaces).
    void diff_extensions() {
        for (const auto& e : to_.extensions) {
            const Extension* o = from_.find_extension(e.name.name);
            if (!o) {
                emit(kExtensions, CreateExtension{&e});
                continue;
            }
            const bool update = !o->version.empty() && !e.version.empty() && o->version != e.version;
            const std::string& now = o->schema.empty() ? rules_.default_schema() : o->schema;
            const std::string move_from = !e.schema.empty() && now != e.schema ? now : "";
            if (update || !move_from.empty()) emit(kExtensions, AlterExtension{o, &e, update, move_from});
        }
        for (auto it = from_.extensions.rbegin(); it != from_.extensions.rend(); ++it)
            if (!to_.find_extension(it->name.name)) emit(kDropExtensions, DropExtension{&*it});
    }

    void diff_enums() {
        std::unordered_map<std::string, const Enum*> old;
        for (const auto& e : from_.enums) old[key_of(e.name)] = &e;
        for (const auto& e : to_.enums) {
            auto it = old.find(key_of(e.name));
            if (it == old.end()) {
                emit(kCreateEnums, CreateEnum{&e});
                if (!e.comment.empty()) emit(kComments, SetEnumComment{&e, "", e.comment});
                continue;
            }
            const Enum& o = *it->second;
            old.erase(it);
            diff_enum_values(o, e);
            if (o.comment != e.comment) emit(kComments, SetEnumComment{&e, o.comment, e.comment});
        }
        for (const auto& e : from_.enums)
            if (old.count(key_of(e.name))) emit(kDropEnums, DropEnum{&e});
    }

    // Enum values can be added anywhere but never removed or reordered (PostgreSQL's
    // rule; a dialect without enum types refuses them in analysis).
    void diff_enum_values(const Enum& o, const Enum& e) {
        std::vector<std::string> ov, nv;
        for (const auto& v : o.values) ov.push_back(v.name);
        for (const auto& v : e.values) nv.push_back(v.name);
        std::size_t k = 0;
        for (const auto& v : nv) if (k < ov.size() && ov[k] == v) ++k;
        if (k != ov.size()) {
            recreated_.push_back({&o, &e});   // made again once the tables are matched
            return;
        }
        // Walk the new list; each value not in the old list goes before the next old value.
        std::set<std::string> existing(ov.begin(), ov.end());
        for (std::size_t i = 0; i < nv.size(); ++i) {
            if (existing.count(nv[i])) continue;
            std::string before;
            for (std::size_t j = i + 1; j < nv.size(); ++j)
                if (existing.count(nv[j])) { before = nv[j]; break; }
            emit(kAddEnumValues, AddEnumValue{&e, nv[i], before});
        }
    }

    void match_tables() {
        std::unordered_map<std::string, const Table*> old;
        for (const auto& t : from_.tables) old[key_of(t.name)] = &t;
        std::vector<std::pair<const Table*, const Table*>> pairs;
        std::vector<const Table*> created;
        for (const auto& t : to_.tables) {
            auto it = old.find(key_of(t.name));
            if (it != old.end()) {
                pairs.emplace_back(it->second, &t);
                old.erase(it);
                continue;
            }
            if (t.renamed_from) {
                QualifiedName prev = *t.renamed_from;
                if (prev.schema.empty()) prev.schema = t.name.schema;
                auto r = old.find(key_of(prev));
                if (r != old.end()) {
                    emit(kRenames, RenameTable{r->second, &t});
                    pairs.emplace_back(r->second, &t);
                    old.erase(r);
                    continue;
                }
            }
            created.push_back(&t);
        }
        for (const Table* t : created) create_table(*t);
        for (const auto& t : from_.tables)
            if (old.count(key_of(t.name))) drop_table(t);
        for (const auto& [a, b] : pairs) {
            if (!(a->name == b->name)) table_renames_[key_of(a->name)] = b->name;
            column_renames_[key_of(b->name)] = column_renames(*a, *b);
        }
        for (const auto& [a, b] : pairs)
            if (a->unlogged != b->unlogged) persistence_changes_.insert(b);
        for (const auto& [a, b] : pairs) diff_table(*a, *b);
        pairs_ = std::move(pairs);
    }

    // Every column of a table in both schemas that has the enum (or an array of
    // it) after the migration and existed before it. A check or index
    // expression that may name such a column would be parsed again against the
    // old type when the column changes type, and fail: refused by name.
    void recreate_enums() {
        for (const auto& [o, e] : recreated_) {
            RecreateEnum r{o, e, {}};
            for (const auto& [a, b] : pairs_) {
                const auto& renames = column_renames_[key_of(b->name)];
                for (const auto& c : b->columns) {
                    if (c.type.kind != TypeKind::Enum || !(c.type.enum_name == e->name)) continue;
                    std::string before = c.name;
                    for (const auto& [old_name, new_name] : renames)
                        if (new_name == c.name) before = old_name;
                    if (!a->find_column(before)) continue;   // added after the type is made again
                    std::string why = expression_naming(*b, c.name);
                    if (why.empty()) why = foreign_key_on(*b, c.name);
                    if (!why.empty()) {
                        diags_.error(e->pos, "enum-value-removed",
                                     "enum " + e->name.display() + " loses or reorders values, so it is made again and column " +
                                         b->name.display() + "." + display_ident(c.name) + " converted, but " + why +
                                         " would no longer fit the new type: drop it in one migration and add it back in the next");
                        continue;
                    }
                    r.uses.push_back({b, &c});
                }
            }
            emit(kRecreateEnums, std::move(r));
        }
    }

    // The first check, generation or index expression of `t` whose text holds
    // `column` as a word (expression_may_name), "" none.
    static std::string expression_naming(const Table& t, const std::string& column) {
        const auto names = [&](const std::string& text) { return expression_may_name(text, column); };
        for (const auto& k : t.checks)
            if (names(k.expr)) return "check " + display_ident(k.name) + " may name the column and";
        for (const auto& g : t.columns)
            if (names(g.generated)) return "generated column " + display_ident(g.name) + " may name the column and";
        for (const auto& i : t.indexes) {
            bool hit = names(i.where);
            for (const auto& el : i.elements) hit = hit || names(el.expr);
            if (hit) return "index " + display_ident(i.name) + " may name the column and";
        }
        return "";
    }

    // A foreign key of the schema after the migration from or to t.column, ""
    // none: its two sides would have different types while one is converted.
    std::string foreign_key_on(const Table& t, const std::string& column) const {
        for (const auto& o : to_.tables)
            for (const auto& f : o.foreign_keys) {
                const bool from_here = &o == &t && std::any_of(f.columns.begin(), f.columns.end(), [&](const Ident& i) { return i.name == column; });
                const Table* ref = to_.find_table(f.ref_table);
                const std::vector<Ident>& refs = referenced_columns(f, ref);
                const bool to_here = ref == &t && std::any_of(refs.begin(), refs.end(), [&](const Ident& i) { return i.name == column; });
                if (from_here || to_here) return "foreign key " + display_ident(f.name) + " of " + o.name.display();
            }
        return "";
    }

    void create_table(const Table& t) {
        emit(kCreateTables, CreateTable{&t});
        if (t.row_security) emit(kAddForeignKeys, SetRowSecurity{&t, nullptr});
        for (const auto& i : t.indexes)
            if (!i.implied) emit(kCreateIndexes, CreateIndex{&t, &i, true});
        for (const auto& f : t.foreign_keys) emit(kAddForeignKeys, AddForeignKey{&t, &f, false});
        if (!t.comment.empty()) emit(kComments, SetTableComment{&t, "", t.comment});
        for (const auto& c : t.columns)
            if (!c.comment.empty()) emit(kComments, SetColumnComment{&t, &c, "", c.comment});
        if (t.hypertable) emit(kHypertables, CreateHypertable{&t, true});
        if (const Seed* seed = t.migrated_seed()) for (const auto& r : seed->rows) emit(kSeeds, InsertSeedRow{&t, &r});
    }

    void drop_table(const Table& t) {
        // Foreign keys go first, on their own, so tables can drop in any order
        // and the rollback re-adds them after every table exists again.
        for (const auto& f : t.foreign_keys) emit(kDropForeignKeys, DropForeignKey{&t, &f});
        emit(kDropTables, DropTable{&t});
    }

    // Old column name -> new for the columns of b declared renamed_from a column of a.
    static std::map<std::string, std::string> column_renames(const Table& a, const Table& b) {
        std::map<std::string, std::string> renames;
        std::set<std::string> taken;
        for (const auto& c : b.columns) if (a.find_column(c.name)) taken.insert(c.name);
        for (const auto& c : b.columns) {
            if (a.find_column(c.name) || !c.renamed_from) continue;
            if (a.find_column(c.renamed_from->name) && !taken.count(c.renamed_from->name)) {
                renames[c.renamed_from->name] = c.name;
                taken.insert(c.renamed_from->name);
            }
        }
        return renames;
    }

    static const KeyConstraint* stable_key(const Table& a, const Table& b, const std::map<std::string, std::string>& renames) {
        if (!a.primary_key || !b.primary_key) return nullptr;
        return names(a.primary_key->columns, renames) == names(b.primary_key->columns) ? &*b.primary_key : nullptr;
    }

    // SQLite's table options, and which columns autoincrement (by their new names).
    static bool same_options(const Table& a, const Table& b, const std::map<std::string, std::string>& renames) {
        if (a.strict != b.strict || a.without_rowid != b.without_rowid) return false;
        std::set<std::string> ai_a, ai_b;
        for (const auto& c : a.columns)
            if (c.autoincrement) ai_a.insert(renames.count(c.name) ? renames.at(c.name) : c.name);
        for (const auto& c : b.columns)
            if (c.autoincrement) ai_b.insert(c.name);
        return ai_a == ai_b;
    }

    void diff_table(const Table& a, const Table& b) {
        // Old column name -> new, so keys and indexes written with old names compare equal.
        const std::map<std::string, std::string>& renames = column_renames_[key_of(b.name)];
        if (!same_options(a, b, renames)) emit(kAlterColumns, SetTableOptions{&b, &a});
        if (!same_storage(a.with, b.with)) emit(kAlterColumns, SetStorageParams{&b, &a});
        if (a.unlogged != b.unlogged) emit(kAlterColumns, SetPersistence{&b, b.unlogged});
        if (a.row_security != b.row_security || a.force_row_security != b.force_row_security) {
            // Tightened after the seed rows are written (a forced table's owner
            // could not write them), loosened before.
            const bool tightens = (b.row_security && !a.row_security) || (b.force_row_security && !a.force_row_security);
            emit(tightens ? kAddForeignKeys : kAlterColumns, SetRowSecurity{&b, &a});
        }
        std::set<std::string> matched_old;
        for (const auto& c : b.columns) if (a.find_column(c.name)) matched_old.insert(c.name);
        for (const auto& [from, to] : renames) {
            matched_old.insert(from);
            emit(kRenames, RenameColumn{&b, from, to});
        }
        // Serial sequences are named after their table and column (PostgreSQL:
        // table_column_seq): they follow a renamed table or column.
        for (const auto& c : b.columns) {
            if (!is_serial(c.type.kind)) continue;
            std::string old_col = c.name;
            for (const auto& [from, to] : renames) if (to == c.name) old_col = from;
            const Column* oc = a.find_column(old_col);
            if (!oc || !is_serial(oc->type.kind)) continue;
            const std::string before = rules_.sequence_name(a.name.name, old_col);
            const std::string after = rules_.sequence_name(b.name.name, c.name);
            if (before != after) emit(kRenames, RenameSequence{&b, before, after});
        }
        const std::set<std::string> remade = remade_columns(a, b, renames);
        remade_ = remade;
        for (const auto& c : b.columns)
            if (const Column* old = a.find_column(c.name); old && old->is_generated() && !c.is_generated()) remade_.insert(c.name);
        check_remade(b, renames);
        // Made again first (a generated column goes before the columns it reads),
        // then dropped last column first, so the rollback re-adds them in their order.
        for (auto it = b.columns.rbegin(); it != b.columns.rend(); ++it)
            if (remade.count(it->name)) emit(kDropColumns, DropColumn{&a, a.find_column(it->name)});
        for (auto it = a.columns.rbegin(); it != a.columns.rend(); ++it)
            if (!matched_old.count(it->name)) emit(kDropColumns, DropColumn{&a, &*it});
        for (const auto& c : b.columns) {
            const Column* old = a.find_column(c.name);
            if (!old && c.renamed_from && renames.count(c.renamed_from->name)) old = a.find_column(c.renamed_from->name);
            if (old && remade.count(c.name)) old = nullptr;
            if (!old) {
                emit(kAddColumns, AddColumn{&b, &c});
                if (!c.backfill.empty()) emit(kBackfill, BackfillColumn{&b, &c, stable_key(a, b, renames)});
                if (!c.comment.empty()) emit(kComments, SetColumnComment{&b, &c, "", c.comment});
                continue;
            }
            diff_column(b, *old, c);
        }
        diff_keys(a, b, renames);
        diff_indexes(a, b, renames);
        if (a.comment != b.comment) emit(kComments, SetTableComment{&b, a.comment, b.comment});
        if (!a.hypertable && b.hypertable) emit(kHypertables, CreateHypertable{&b, false});
        if (a.hypertable && !b.hypertable)
            diags_.error(b.pos, "hypertable-removed", "table " + b.name.display() +
                         " is no longer a hypertable; TimescaleDB cannot turn a hypertable back into a plain table: "
                         "create a new table and copy the rows");
        if (a.hypertable && b.hypertable) diff_hypertable(a, b, renames);
        diff_seeds(a, b, renames);
    }

    // A hypertable's settings: the chunk interval can change (new chunks only);
    // the time column cannot, its chunks are cut along it.
    void diff_hypertable(const Table& a, const Table& b, const std::map<std::string, std::string>& renames) {
        const Hypertable& ha = *a.hypertable;
        const Hypertable& hb = *b.hypertable;
        auto rn = renames.find(ha.time_column.name);
        const std::string old_time = rn == renames.end() ? ha.time_column.name : rn->second;
        if (old_time != hb.time_column.name) {
            diags_.error(hb.time_column.pos, "hypertable-time-column-changed",
                         "hypertable " + b.name.display() + " is partitioned by " + display_ident(ha.time_column.name) +
                             "; TimescaleDB cannot change the time column of a hypertable, whose chunks are cut along it: "
                             "create a new hypertable partitioned by " + display_ident(hb.time_column.name) +
                             ", copy the rows into it, and drop the old one");
            return;
        }
        if (!ha.same_interval(hb)) emit(kHypertables, SetChunkInterval{&b, &ha, &hb});
    }

    // The columns of b that are dropped and added again (by their names, which
    // a has too): a generated column whose expression or type changes, or that
    // may read a column whose type changes (PostgreSQL cannot convert a column
    // a generated one reads), and a plain column that becomes generated.
    static std::set<std::string> remade_columns(const Table& a, const Table& b, const std::map<std::string, std::string>& renames) {
        std::map<std::string, const Column*> old;   // new name -> the column in a
        for (const auto& c : a.columns) {
            auto rn = renames.find(c.name);
            old[rn == renames.end() ? c.name : rn->second] = &c;
        }
        std::vector<std::string> retyped;
        for (const auto& c : b.columns)
            if (auto it = old.find(c.name); it != old.end() && (!(it->second->type == c.type) || it->second->collation != c.collation))
                retyped.push_back(c.name);
        std::set<std::string> out;
        for (const auto& c : b.columns) {
            auto it = old.find(c.name);
            if (!c.is_generated() || it == old.end()) continue;
            const Column& o = *it->second;
            bool remake = !o.is_generated() || o.generated != c.generated || !(o.type == c.type);
            for (const auto& r : retyped) remake = remake || expression_may_name(c.generated, r);
            if (remake) out.insert(c.name);
        }
        return out;
    }

    // What a column made again cannot take along: a new name in the same
    // migration, and another table's foreign key to it (its key is dropped).
    void check_remade(const Table& b, const std::map<std::string, std::string>& renames) {
        for (const auto& [from, to] : renames)
            if (remade_.count(to))
                diags_.error(b.find_column(to)->pos, "generated-changed",
                             "column " + display_ident(to) + " of table " + b.name.display() + " is renamed from " + display_ident(from) +
                                 " and its generation changes in the same migration, which makes it again: rename it in one "
                                 "migration and change it in the next");
        for (const auto& o : to_.tables) {
            if (&o == &b) continue;
            for (const auto& f : o.foreign_keys) {
                if (to_.find_table(f.ref_table) != &b) continue;
                for (const auto& r : referenced_columns(f, &b))
                    if (remade_.count(r.name))
                        diags_.error(b.find_column(r.name)->pos, "generated-changed",
                                     "column " + display_ident(r.name) + " of table " + b.name.display() +
                                         " is made again for its generation change, but foreign key " + display_ident(f.name) +
                                         " of " + o.name.display() + " references it: drop that foreign key in one migration "
                                         "and add it back in the next");
            }
        }
    }

    // Whether a key, index, check or foreign key of the table after the
    // migration names a column made again (so it is dropped and added again).
    bool names_remade(const std::vector<Ident>& columns) const {
        return std::any_of(columns.begin(), columns.end(), [&](const Ident& i) { return remade_.count(i.name) > 0; });
    }
    bool text_names_remade(const std::string& text) const {
        return std::any_of(remade_.begin(), remade_.end(), [&](const std::string& c) { return expression_may_name(text, c); });
    }
    bool names_remade(const Index& i) const {
        if (names_remade(i.include) || text_names_remade(i.where)) return true;
        return std::any_of(i.elements.begin(), i.elements.end(), [&](const IndexElement& e) {
            return remade_.count(e.column) > 0 || text_names_remade(e.expr);
        });
    }

    void diff_column(const Table& t, const Column& a, const Column& b) {
        // Before any type change: a column a generated one reads cannot change type.
        if (a.is_generated() && !b.is_generated()) emit(kDropColumns, DropExpression{&t, &a, &b});
        const bool serial_same = is_serial(a.type.kind) && is_serial(b.type.kind) && a.type.kind == b.type.kind;
        // A collation is changed by ALTER COLUMN ... TYPE ... COLLATE, as a type is.
        const bool type_changes = (!(a.type == b.type) && !serial_same) || a.collation != b.collation;
        const bool identity_changes = a.identity != b.identity;
        if (identity_changes && (is_serial(a.type.kind) || is_serial(b.type.kind))) {
            diags_.error(b.pos, "identity-changed", "column " + display_ident(b.name) +
                         " changes between serial and identity; schemac changes an identity only on a smallint, integer or "
                         "bigint column: make it one in one migration, the identity in the next");
            return;
        }
        // Dropped before the NOT NULL and the default change (an identity column
        // keeps NOT NULL and has no default), added after them.
        if (identity_changes && b.identity == Identity::None) emit(kAlterColumns, SetIdentity{&t, &a, &b});
        if (type_changes) emit(kAlterColumns, AlterColumnType{&t, &a, &b});
        if (a.nullable != b.nullable && !is_serial(b.type.kind)) emit(kAlterColumns, SetNotNull{&t, &b, !b.nullable});
        const bool default_in_type_change = type_changes && (a.default_value || b.default_value);
        if (!same_value(a.default_value, b.default_value) && !default_in_type_change) emit(kAlterColumns, SetDefault{&t, &a, &b});
        if (identity_changes && b.identity != Identity::None) emit(kAlterColumns, SetIdentity{&t, &a, &b});
        if (a.comment != b.comment) emit(kComments, SetColumnComment{&t, &b, a.comment, b.comment});
    }

    template <typename T, typename Same>
    void diff_named(const std::vector<T>& a, const std::vector<T>& b, Same same,
                    std::vector<const T*>& dropped, std::vector<const T*>& added,
                    std::vector<std::pair<const T*, const T*>>& renamed) {
        std::unordered_map<std::string, const T*> old;
        for (const auto& x : a) old[x.name] = &x;
        std::vector<const T*> fresh;
        for (const auto& x : b) {
            auto it = old.find(x.name);
            if (it != old.end() && same(*it->second, x)) { old.erase(it); continue; }
            fresh.push_back(&x);
        }
        // Same definition under another name: a rename, not drop + add.
        for (const T* x : fresh) {
            auto it = std::find_if(old.begin(), old.end(), [&](const auto& kv) { return same(*kv.second, *x); });
            if (it != old.end() && !x->name.empty()) {
                renamed.emplace_back(it->second, x);
                old.erase(it);
            } else {
                added.push_back(x);
            }
        }
        for (const auto& x : a) if (old.count(x.name)) dropped.push_back(&x);
    }

    void diff_keys(const Table& a, const Table& b, const std::map<std::string, std::string>& renames) {
        auto same_key = [&](const KeyConstraint& x, const KeyConstraint& y) {
            return names(x.columns, renames) == names(y.columns) && !names_remade(y.columns);
        };
        // primary key
        std::vector<KeyConstraint> pa, pb;
        if (a.primary_key) pa.push_back(*a.primary_key);
        if (b.primary_key) pb.push_back(*b.primary_key);
        {
            std::vector<const KeyConstraint*> dropped, added;
            std::vector<std::pair<const KeyConstraint*, const KeyConstraint*>> renamed;
            diff_named(pa, pb, same_key, dropped, added, renamed);
            if (!dropped.empty()) emit(kDropConstraints, DropPrimaryKey{&a, &*a.primary_key});
            if (!added.empty()) emit(kAddConstraints, AddPrimaryKey{&b, &*b.primary_key, !dropped.empty()});
            for (const auto& [x, y] : renamed) emit(kRenames, RenameConstraint{&b, x->name, y->name});
        }
        {
            std::vector<const KeyConstraint*> dropped, added;
            std::vector<std::pair<const KeyConstraint*, const KeyConstraint*>> renamed;
            diff_named(a.uniques, b.uniques, same_key, dropped, added, renamed);
            for (auto* x : dropped) emit(kDropConstraints, DropUnique{&a, x});
            for (auto* x : added) emit(kAddConstraints, AddUnique{&b, x});
            for (const auto& [x, y] : renamed) emit(kRenames, RenameConstraint{&b, x->name, y->name});
        }
        {
            auto same_fk = [&](const ForeignKey& x, const ForeignKey& y) {
                auto tr = table_renames_.find(key_of(x.ref_table));
                const QualifiedName ref = tr == table_renames_.end() ? x.ref_table : tr->second;
                auto cr = column_renames_.find(key_of(ref));
                const auto& ref_renames = cr == column_renames_.end() ? std::map<std::string, std::string>{} : cr->second;
                if (names_remade(y.columns) || (to_.find_table(y.ref_table) == &b && names_remade(referenced_columns(y, &b)))) return false;
                // A key between two tables that both become unlogged (or both
                // logged) stands in the way of whichever goes first.
                const Table* target = to_.find_table(y.ref_table);
                if (target && target != &b && persistence_changes_.count(&b) && persistence_changes_.count(target) &&
                    b.unlogged == target->unlogged)
                    return false;
                return names(x.columns, renames) == names(y.columns) && ref == y.ref_table &&
                       names(x.ref_columns, ref_renames) == names(y.ref_columns) && x.on_delete == y.on_delete &&
                       x.on_update == y.on_update && x.deferrable == y.deferrable && x.match_full == y.match_full;
            };
            std::vector<const ForeignKey*> dropped, added;
            std::vector<std::pair<const ForeignKey*, const ForeignKey*>> renamed;
            diff_named(a.foreign_keys, b.foreign_keys, same_fk, dropped, added, renamed);
            for (auto* x : dropped) emit(kDropForeignKeys, DropForeignKey{&a, x});
            for (auto* x : added) {
                emit(kAddForeignKeys, AddForeignKey{&b, x, true});
                emit(kValidate, ValidateConstraint{&b, x->name});
            }
            for (const auto& [x, y] : renamed) emit(kRenames, RenameConstraint{&b, x->name, y->name});
        }
        {
            auto same_check = [&](const Check& x, const Check& y) { return x.expr == y.expr && !text_names_remade(y.expr); };
            std::vector<const Check*> dropped, added;
            std::vector<std::pair<const Check*, const Check*>> renamed;
            diff_named(a.checks, b.checks, same_check, dropped, added, renamed);
            for (auto* x : dropped) emit(kDropConstraints, DropCheck{&a, x});
            for (auto* x : added) {
                emit(kAddConstraints, AddCheck{&b, x});
                emit(kValidate, ValidateConstraint{&b, x->name});
            }
            for (const auto& [x, y] : renamed) emit(kRenames, RenameConstraint{&b, x->name, y->name});
        }
    }

    // An index column's collation as the catalog tells it: none when it is the
    // column's own (an index takes that one anyway).
    static const std::string& element_collation(const Table& t, const IndexElement& e) {
        static const std::string none;
        const Column* c = e.column.empty() ? nullptr : t.find_column(e.column);
        return c && c->collation == e.collation ? none : e.collation;
    }

    void diff_indexes(const Table& a, const Table& b, const std::map<std::string, std::string>& renames) {
        auto same_index = [&](const Index& x, const Index& y) {
            // TimescaleDB's index is not one of the schema's own of the same shape: a
            // table left plain where TimescaleDB is missing has only the latter.
            if (x.unique != y.unique || x.where != y.where || x.method != y.method || x.elements.size() != y.elements.size() ||
                x.implied != y.implied || x.nulls_not_distinct != y.nulls_not_distinct || !same_storage(x.with, y.with) ||
                names(x.include, renames) != names(y.include) || names_remade(y))
                return false;
            for (std::size_t i = 0; i < x.elements.size(); ++i) {
                const auto& ex = x.elements[i];
                const auto& ey = y.elements[i];
                auto rn = renames.find(ex.column);
                const std::string col = rn == renames.end() ? ex.column : rn->second;
                if (col != ey.column || ex.expr != ey.expr || ex.order != ey.order || ex.nulls != ey.nulls || ex.opclass != ey.opclass ||
                    element_collation(a, ex) != element_collation(b, ey))
                    return false;
            }
            return true;
        };
        std::vector<const Index*> dropped, added;
        std::vector<std::pair<const Index*, const Index*>> renamed;
        diff_named(a.indexes, b.indexes, same_index, dropped, added, renamed);
        // TimescaleDB's own index comes with create_hypertable (a new table or
        // one made a hypertable); on a hypertable that stays one it follows
        // the schema. A renamed table renames it only where it exists (a
        // hypertable left a plain table has none).
        const bool stays_hypertable = a.hypertable && b.hypertable;
        for (auto* x : dropped) {
            if (!x->implied) emit(kDropIndexes, DropIndex{&a, x, b.hypertable.has_value()});
            else if (stays_hypertable) emit(kDropIndexes, SetTimescaleIndex{&a, x, false});
        }
        for (auto* x : added) {
            if (!x->implied) emit(kCreateIndexes, CreateIndex{&b, x, false});
            else if (stays_hypertable) emit(kCreateIndexes, SetTimescaleIndex{&b, x, true});
        }
        for (const auto& [x, y] : renamed) emit(kRenames, RenameIndex{&b, x->name, y->name, x->implied || y->implied});
    }

    // `new_to_old`: for a row of the old table, whose key columns may have been renamed since.
    static std::string row_key(const SeedRow& r, const std::vector<Ident>& key,
                               const std::map<std::string, std::string>& new_to_old = {}) {
        std::string k;
        for (const auto& c : key) {
            auto renamed = new_to_old.find(c.name);
            const Value* v = r.find(renamed == new_to_old.end() ? c.name : renamed->second);
            k += (v ? v->text : std::string("\x1e")) + '\x1f';
        }
        return k;
    }

    // x is a row of the old table, y of the new table `b`. A value of a column the
    // migration drops goes with the column, and a renamed column's value is compared
    // under its new name (found by the random pairs: such rows came out "changed",
    // an UPDATE with nothing to SET, or one whose rollback reset the value).
    static bool same_row(const SeedRow& x, const SeedRow& y, const Table& b, const std::map<std::string, std::string>& renames) {
        std::map<std::string, const Value*> old;
        for (const auto& [col, v] : x.values) {
            auto renamed = renames.find(col.name);
            const std::string name = renamed == renames.end() ? col.name : renamed->second;
            if (b.find_column(name)) old[name] = &v;
        }
        if (old.size() != y.values.size()) return false;
        for (const auto& [col, v] : y.values) {
            auto o = old.find(col.name);
            if (o == old.end() || !same_value(*o->second, v)) return false;
        }
        return true;
    }

    // Seeds limited to environments are not the migrations' (apply writes them).
    void diff_seeds(const Table& a, const Table& b, const std::map<std::string, std::string>& renames) {
        const Seed* sa = a.migrated_seed();
        const Seed* sb = b.migrated_seed();
        if (!sa && !sb) return;
        const std::vector<Ident> key = sb ? sb->key : sa->key;
        std::map<std::string, std::string> new_to_old;
        for (const auto& [from, to] : renames) new_to_old[to] = from;
        std::unordered_map<std::string, const SeedRow*> old;
        if (sa) for (const auto& r : sa->rows) old[row_key(r, key, new_to_old)] = &r;
        if (sb) {
            for (const auto& r : sb->rows) {
                auto it = old.find(row_key(r, key));
                if (it == old.end()) { emit(kSeeds, InsertSeedRow{&b, &r}); continue; }
                if (!same_row(*it->second, r, b, renames)) emit(kSeeds, UpdateSeedRow{&b, it->second, &r});
                old.erase(it);
            }
        }
        if (sa)
            for (const auto& r : sa->rows)
                if (old.count(row_key(r, key, new_to_old))) emit(kDropSeeds, DeleteSeedRow{&a, &r});
    }
};

}  // namespace

std::vector<Change> diff_schemas(const Schema& from, const Schema& to, const SchemaRules& rules, Diagnostics& diags) {
    return Differ(from, to, rules, diags).run();
}

}  // namespace schemac::diff
