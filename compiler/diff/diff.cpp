#include "diff/diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace schemac::diff {

namespace {

// Changes are collected into phases and concatenated in phase order, which is
// the dependency order (see docs/migrations.md, "Order of statements").
enum Phase {
    kCreateSchemas, kCreateEnums, kAddEnumValues, kRenames, kDropForeignKeys, kDropSeeds, kDropIndexes,
    kDropConstraints, kDropTables, kDropColumns, kAlterColumns, kCreateTables, kAddColumns, kBackfill,
    kAddConstraints, kCreateIndexes, kAddForeignKeys, kComments, kHypertables, kSeeds, kDropEnums,
    kDropSchemas, kPhaseCount
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
    Differ(const Schema& from, const Schema& to, Diagnostics& d) : from_(from), to_(to), diags_(d) {}

    std::vector<Change> run() {
        diff_namespaces();
        diff_enums();
        match_tables();
        std::vector<Change> out;
        for (auto& phase : phases_) out.insert(out.end(), phase.begin(), phase.end());
        return out;
    }

private:
    const Schema& from_;
    const Schema& to_;
    Diagnostics& diags_;
    std::vector<Change> phases_[kPhaseCount];

    void emit(Phase p, Change c) { phases_[p].push_back(std::move(c)); }

    static std::set<std::string> namespaces(const Schema& s) {
        std::set<std::string> out;
        for (const auto& t : s.tables) out.insert(t.name.schema);
        for (const auto& e : s.enums) out.insert(e.name.schema);
        out.erase("public");   // exists in every database
        return out;
    }

    void diff_namespaces() {
        const auto a = namespaces(from_), b = namespaces(to_);
        for (const auto& n : b) if (!a.count(n)) emit(kCreateSchemas, CreateSchema{n});
        for (auto it = a.rbegin(); it != a.rend(); ++it) if (!b.count(*it)) emit(kDropSchemas, DropSchema{*it});
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

    // PostgreSQL can add enum values anywhere but never remove or reorder them.
    void diff_enum_values(const Enum& o, const Enum& e) {
        std::vector<std::string> ov, nv;
        for (const auto& v : o.values) ov.push_back(v.name);
        for (const auto& v : e.values) nv.push_back(v.name);
        std::size_t k = 0;
        for (const auto& v : nv) if (k < ov.size() && ov[k] == v) ++k;
        if (k != ov.size()) {
            diags_.error(e.pos, "enum-value-removed",
                         "enum " + e.name.display() + " loses or reorders existing values; PostgreSQL cannot remove or move an "
                         "enum value: keep the old values (add new ones anywhere), or create a new enum and migrate the columns");
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
        for (const auto& [a, b] : pairs) diff_table(*a, *b);
    }

    void create_table(const Table& t) {
        emit(kCreateTables, CreateTable{&t});
        for (const auto& i : t.indexes) emit(kCreateIndexes, CreateIndex{&t, &i, true});
        for (const auto& f : t.foreign_keys) emit(kAddForeignKeys, AddForeignKey{&t, &f, false});
        if (!t.comment.empty()) emit(kComments, SetTableComment{&t, "", t.comment});
        for (const auto& c : t.columns)
            if (!c.comment.empty()) emit(kComments, SetColumnComment{&t, &c, "", c.comment});
        if (t.hypertable) emit(kHypertables, CreateHypertable{&t, true});
        if (t.seed) for (const auto& r : t.seed->rows) emit(kSeeds, InsertSeedRow{&t, &r});
    }

    void drop_table(const Table& t) {
        // Foreign keys go first, on their own, so tables can drop in any order
        // and the rollback re-adds them after every table exists again.
        for (const auto& f : t.foreign_keys) emit(kDropForeignKeys, DropForeignKey{&t, &f});
        emit(kDropTables, DropTable{&t});
    }

    void diff_table(const Table& a, const Table& b) {
        // Old column name -> new, so keys and indexes written with old names compare equal.
        std::map<std::string, std::string> renames;
        std::set<std::string> matched_old;
        for (const auto& c : b.columns) {
            if (a.find_column(c.name)) { matched_old.insert(c.name); continue; }
            if (c.renamed_from && a.find_column(c.renamed_from->name) && !matched_old.count(c.renamed_from->name)) {
                renames[c.renamed_from->name] = c.name;
                matched_old.insert(c.renamed_from->name);
                emit(kRenames, RenameColumn{&b, c.renamed_from->name, c.name});
            }
        }
        for (const auto& c : a.columns)
            if (!matched_old.count(c.name)) emit(kDropColumns, DropColumn{&a, &c});
        for (const auto& c : b.columns) {
            const Column* old = a.find_column(c.name);
            if (!old && c.renamed_from && renames.count(c.renamed_from->name)) old = a.find_column(c.renamed_from->name);
            if (!old) {
                emit(kAddColumns, AddColumn{&b, &c});
                if (!c.backfill.empty()) emit(kBackfill, BackfillColumn{&b, &c});
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
        diff_seeds(a, b);
    }

    void diff_column(const Table& t, const Column& a, const Column& b) {
        const bool serial_same = is_serial(a.type.kind) && is_serial(b.type.kind) && a.type.kind == b.type.kind;
        if (!(a.type == b.type) && !serial_same) emit(kAlterColumns, AlterColumnType{&t, &a, &b});
        if (a.nullable != b.nullable && !is_serial(b.type.kind)) emit(kAlterColumns, SetNotNull{&t, &b, !b.nullable});
        if (!same_value(a.default_value, b.default_value)) emit(kAlterColumns, SetDefault{&t, &a, &b});
        if (a.comment != b.comment) emit(kComments, SetColumnComment{&t, &b, a.comment, b.comment});
        if (a.identity != b.identity)
            diags_.error(b.pos, "identity-changed", "changing the identity of column " + display_ident(b.name) +
                         " is not supported yet; drop and add the column, or change it by hand");
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
        auto same_key = [&](const KeyConstraint& x, const KeyConstraint& y) { return names(x.columns, renames) == names(y.columns); };
        // primary key
        std::vector<KeyConstraint> pa, pb;
        if (a.primary_key) pa.push_back(*a.primary_key);
        if (b.primary_key) pb.push_back(*b.primary_key);
        {
            std::vector<const KeyConstraint*> dropped, added;
            std::vector<std::pair<const KeyConstraint*, const KeyConstraint*>> renamed;
            diff_named(pa, pb, same_key, dropped, added, renamed);
            if (!dropped.empty()) emit(kDropConstraints, DropPrimaryKey{&a, &*a.primary_key});
            if (!added.empty()) emit(kAddConstraints, AddPrimaryKey{&b, &*b.primary_key});
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
                return names(x.columns, renames) == names(y.columns) && x.ref_table == y.ref_table &&
                       names(x.ref_columns) == names(y.ref_columns) && x.on_delete == y.on_delete && x.on_update == y.on_update;
            };
            std::vector<const ForeignKey*> dropped, added;
            std::vector<std::pair<const ForeignKey*, const ForeignKey*>> renamed;
            diff_named(a.foreign_keys, b.foreign_keys, same_fk, dropped, added, renamed);
            for (auto* x : dropped) emit(kDropForeignKeys, DropForeignKey{&a, x});
            for (auto* x : added) emit(kAddForeignKeys, AddForeignKey{&b, x, true});
            for (const auto& [x, y] : renamed) emit(kRenames, RenameConstraint{&b, x->name, y->name});
        }
        {
            auto same_check = [](const Check& x, const Check& y) { return x.expr == y.expr; };
            std::vector<const Check*> dropped, added;
            std::vector<std::pair<const Check*, const Check*>> renamed;
            diff_named(a.checks, b.checks, same_check, dropped, added, renamed);
            for (auto* x : dropped) emit(kDropConstraints, DropCheck{&a, x});
            for (auto* x : added) emit(kAddConstraints, AddCheck{&b, x});
            for (const auto& [x, y] : renamed) emit(kRenames, RenameConstraint{&b, x->name, y->name});
        }
    }

    void diff_indexes(const Table& a, const Table& b, const std::map<std::string, std::string>& renames) {
        auto same_index = [&](const Index& x, const Index& y) {
            if (x.unique != y.unique || x.where != y.where || x.method != y.method || x.elements.size() != y.elements.size())
                return false;
            for (std::size_t i = 0; i < x.elements.size(); ++i) {
                const auto& ex = x.elements[i];
                const auto& ey = y.elements[i];
                auto rn = renames.find(ex.column);
                const std::string col = rn == renames.end() ? ex.column : rn->second;
                if (col != ey.column || ex.expr != ey.expr || ex.order != ey.order || ex.nulls != ey.nulls) return false;
            }
            return true;
        };
        std::vector<const Index*> dropped, added;
        std::vector<std::pair<const Index*, const Index*>> renamed;
        diff_named(a.indexes, b.indexes, same_index, dropped, added, renamed);
        for (auto* x : dropped) emit(kDropIndexes, DropIndex{&a, x});
        for (auto* x : added) emit(kCreateIndexes, CreateIndex{&b, x, false});
        for (const auto& [x, y] : renamed) emit(kRenames, RenameIndex{&b, x->name, y->name});
    }

    static std::string row_key(const SeedRow& r, const std::vector<Ident>& key) {
        std::string k;
        for (const auto& c : key) {
            const Value* v = r.find(c.name);
            k += (v ? v->text : std::string("\x1e")) + '\x1f';
        }
        return k;
    }

    static bool same_row(const SeedRow& x, const SeedRow& y) {
        if (x.values.size() != y.values.size()) return false;
        for (const auto& [col, v] : y.values) {
            const Value* o = x.find(col.name);
            if (!o || !same_value(*o, v)) return false;
        }
        return true;
    }

    void diff_seeds(const Table& a, const Table& b) {
        if (!a.seed && !b.seed) return;
        const std::vector<Ident> key = b.seed ? b.seed->key : a.seed->key;
        std::unordered_map<std::string, const SeedRow*> old;
        if (a.seed) for (const auto& r : a.seed->rows) old[row_key(r, key)] = &r;
        if (b.seed) {
            for (const auto& r : b.seed->rows) {
                auto it = old.find(row_key(r, key));
                if (it == old.end()) { emit(kSeeds, InsertSeedRow{&b, &r}); continue; }
                if (!same_row(*it->second, r)) emit(kSeeds, UpdateSeedRow{&b, it->second, &r});
                old.erase(it);
            }
        }
        if (a.seed)
            for (const auto& r : a.seed->rows)
                if (old.count(row_key(r, key))) emit(kDropSeeds, DeleteSeedRow{&a, &r});
    }
};

}  // namespace

std::vector<Change> diff_schemas(const Schema& from, const Schema& to, Diagnostics& diags) {
    return Differ(from, to, diags).run();
}

}  // namespace schemac::diff
