#include "sql/postgres/normalize.hpp"

#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <vector>

#include "migrations/history.hpp"
#include "schemac/catalog/catalog.hpp"
#include "sql/postgres/dialect.hpp"
#include "sql/postgres/inspect.hpp"
#include "sql/postgres/quote.hpp"
#include "sql/postgres/render.hpp"
#include "sql/postgres/rewrite_schemas.hpp"

namespace schemac::sql::postgres {

namespace {

std::string random_tag() {
    std::random_device rd;
    std::mt19937_64 g(rd() ^ static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(g()));
    return std::string(buf, 12);
}

// Relation locks creating `t` takes, over-estimated: the table, its TOAST
// table and index, and one per key, index, foreign key and sequence.
std::size_t table_locks(const Table& t) {
    std::size_t n = 3 + (t.primary_key ? 1 : 0) + t.uniques.size() + t.indexes.size() + t.foreign_keys.size();
    for (const auto& c : t.columns)
        n += is_serial(c.type.kind) || c.identity != Identity::None ? 1 : 0;
    return n;
}

// The tables in rounds that each take at most migrations::kLockBudget
// relation locks, so that a schema of any size is created on a server with
// the default lock table (one transaction per round, each rolled back). Every
// round has all the enums; a foreign key to a table of another round is left
// out (it is only there to learn the referenced columns, which are then taken
// from the model).
std::vector<Schema> in_rounds(const Schema& build) {
    Schema skeleton;
    skeleton.enums = build.enums;
    std::vector<Schema> rounds{skeleton};
    std::size_t locks = 0;
    for (const auto& t : build.tables) {
        const std::size_t need = table_locks(t);
        if (!rounds.back().tables.empty() && locks + need > migrations::kLockBudget) {
            rounds.push_back(skeleton);
            locks = 0;
        }
        rounds.back().tables.push_back(t);
        locks += need;
    }
    if (rounds.size() == 1) return rounds;
    for (auto& r : rounds) {
        std::set<QualifiedName> here;
        for (const auto& t : r.tables) here.insert(t.name);
        for (auto& t : r.tables) std::erase_if(t.foreign_keys, [&](const ForeignKey& f) { return !here.count(f.ref_table); });
    }
    return rounds;
}

void set_pos(Value& v, const SourcePos& pos) {
    v.pos = pos;
    for (auto& item : v.items) set_pos(item, pos);
}

}  // namespace

Schema normalize_through_server(const Schema& yaml, const std::string& conninfo, Diagnostics& diags) {
    // Scratch schema names, and the model's own tables and enums (only
    // references to those follow the scratch schemas inside expressions).
    std::set<std::string> schemas;
    std::set<QualifiedName> objects;
    for (const auto& t : yaml.tables) {
        schemas.insert(t.name.schema);
        objects.insert(t.name);
    }
    for (const auto& e : yaml.enums) {
        schemas.insert(e.name.schema);
        objects.insert(e.name);
    }
    if (schemas.empty()) return yaml;
    const std::string tag = random_tag();
    std::map<std::string, std::string> to_scratch, from_scratch;
    for (const auto& s : schemas) {
        const std::string n = "schemac_norm_" + tag + "_" + std::to_string(to_scratch.size() + 1);
        to_scratch[s] = n;
        from_scratch[n] = s;
    }
    const SchemaReplacer in = [&](const std::string& schema, const std::string& name) -> std::optional<std::string> {
        if (!objects.count({schema, name})) return std::nullopt;
        return to_scratch.at(schema);
    };
    const SchemaReplacer back = [&](const std::string& schema, const std::string&) -> std::optional<std::string> {
        const auto it = from_scratch.find(schema);
        if (it == from_scratch.end()) return std::nullopt;
        return quote_ident(it->second);
    };
    auto sql_in = [&](const std::string& text) { return rewrite_schemas(text, in); };
    auto sql_back = [&](const std::string& text) { return rewrite_schemas(text, back); };
    auto scratch = [&](QualifiedName q) {
        if (auto it = to_scratch.find(q.schema); it != to_scratch.end()) q.schema = it->second;
        return q;
    };

    // The model to create: in the scratch schemas, without what the catalog
    // comparison does not need (or what cannot run in a transaction).
    Schema build = yaml;
    // Extensions are made where they are missing, like the scratch schemas in
    // the transaction that is rolled back, so an expression can call one: in
    // their own schemas, which may exist already (IF NOT EXISTS both).
    std::vector<std::string> extensions;
    for (const auto& x : build.extensions) {
        if (!x.schema.empty()) extensions.push_back("CREATE SCHEMA IF NOT EXISTS " + quote_ident(x.schema));
        extensions.push_back(create_extension(x));
    }
    build.extensions.clear();
    for (auto& e : build.enums) {
        e.name = scratch(e.name);
        e.comment.clear();
    }
    for (auto& t : build.tables) {
        t.name = scratch(t.name);
        t.comment.clear();
        t.renamed_from.reset();
        t.hypertable.reset();
        t.seed.reset();
        for (auto& c : t.columns) {
            if (c.type.kind == TypeKind::Enum) c.type.enum_name = scratch(c.type.enum_name);
            c.comment.clear();
            c.renamed_from.reset();
            c.using_expr.clear();
            c.backfill.clear();
            if (c.default_value && c.default_value->kind == Value::Kind::Sql) c.default_value->text = sql_in(c.default_value->text);
            c.generated = sql_in(c.generated);
        }
        for (auto& f : t.foreign_keys) f.ref_table = scratch(f.ref_table);
        for (auto& k : t.checks) k.expr = sql_in(k.expr);
        for (auto& i : t.indexes) {
            i.concurrently = false;
            i.where = sql_in(i.where);
            for (auto& e : i.elements)
                if (!e.expr.empty()) e.expr = sql_in(e.expr);
        }
    }
    catalog::ReadOptions options;
    for (const auto& [s, n] : to_scratch) options.schemas.push_back(n);
    Diagnostics plan_diags;
    catalog::Snapshot snap;
    for (const Schema& round : in_rounds(build)) {
        // Through a PostgreSQL server: the statements are PostgreSQL's, whatever the project's dialect.
        const sql::Plan plan = plan_migration(dialect(), Schema{}, round, plan_diags);
        std::vector<std::string> statements = extensions;
        if (to_scratch.count("public")) statements.push_back("SET LOCAL search_path = " + to_scratch.at("public") + ", public");
        for (const auto& step : plan.steps)
            for (const auto& s : step.up) statements.push_back(s);
        catalog::Snapshot part = catalog::read_catalog_after(conninfo, statements, options);
        if (snap.tables.empty() && snap.enums.empty()) {   // every round has them all
            snap.enums = std::move(part.enums);
            snap.extensions = std::move(part.extensions);   // the types of citext columns come from one
        }
        for (auto& t : part.tables) snap.tables.push_back(std::move(t));
    }
    Diagnostics inspect_diags;
    const Schema got = schema_from_catalog(snap, "normalization", inspect_diags);
    if (inspect_diags.has_errors() || plan_diags.has_errors()) {
        std::string first;
        for (const auto& d : inspect_diags.all())
            if (d.severity == Severity::Error) { first = d.message; break; }
        for (const auto& d : plan_diags.all())
            if (first.empty() && d.severity == Severity::Error) first = d.message;
        diags.warning({std::make_shared<const std::string>("normalization"), 0, 0}, "not-normalized",
                      "the schema could not be put into PostgreSQL's normal form (" + first + "); it is compared as written");
        return yaml;
    }

    // Copy PostgreSQL's forms into the YAML model, matched by name.
    std::map<QualifiedName, const Table*> inspected;
    for (const auto& t : got.tables) {
        QualifiedName q = t.name;
        if (auto it = from_scratch.find(q.schema); it != from_scratch.end()) q.schema = it->second;
        inspected[q] = &t;
    }
    Schema out = yaml;
    for (auto& t : out.tables) {
        const auto found = inspected.find(t.name);
        if (found == inspected.end()) continue;
        const Table& g = *found->second;
        for (auto& c : t.columns) {
            const Column* gc = g.find_column(c.name);
            if (!gc) continue;
            c.type = gc->type;
            if (c.type.kind == TypeKind::Enum)
                if (auto it = from_scratch.find(c.type.enum_name.schema); it != from_scratch.end()) c.type.enum_name.schema = it->second;
            const SourcePos pos = c.default_value ? c.default_value->pos : c.pos;
            if (c.is_generated() && gc->is_generated()) c.generated = sql_back(gc->generated);
            c.default_value = gc->default_value;
            if (c.default_value) {
                if (c.default_value->kind == Value::Kind::Sql) c.default_value->text = sql_back(c.default_value->text);
                set_pos(*c.default_value, pos);
            }
        }
        for (auto& k : t.checks)
            for (const auto& gk : g.checks)
                if (gk.name == k.name) k.expr = sql_back(gk.expr);
        for (auto& i : t.indexes) {
            for (const auto& gi : g.indexes) {
                if (gi.name != i.name || gi.elements.size() != i.elements.size()) continue;
                i.where = sql_back(gi.where);
                for (std::size_t k = 0; k < i.elements.size(); ++k) {
                    auto& e = i.elements[k];
                    const auto& ge = gi.elements[k];
                    if (!e.expr.empty() && !ge.expr.empty()) {
                        e.expr = sql_back(ge.expr);
                        // An expression over a column with a collation has that collation,
                        // which the catalog reports as the element's own.
                        if (e.collation.empty()) e.collation = ge.collation;
                    }
                    if (e.order == ge.order) e.nulls = ge.nulls;
                }
            }
        }
        for (auto& f : t.foreign_keys) {
            if (!f.ref_columns.empty()) continue;
            for (const auto& gf : g.foreign_keys)
                if (gf.name == f.name) f.ref_columns = gf.ref_columns;
            // Created in another round: PostgreSQL would take the primary key.
            const Table* target = yaml.find_table(f.ref_table);
            if (f.ref_columns.empty() && target && target->primary_key) f.ref_columns = target->primary_key->columns;
            for (auto& r : f.ref_columns) r.pos = f.ref_pos;
        }
    }
    return out;
}

namespace {

// Every text normalising copies, in model order.
std::vector<std::string> normal_texts(const Schema& s) {
    std::vector<std::string> v;
    for (const auto& t : s.tables) {
        for (const auto& c : t.columns) {
            v.push_back(c.type.display());
            v.push_back(c.generated);
            if (!c.default_value) v.push_back("-");
            else if (c.default_value->kind == Value::Kind::Sql) v.push_back("sql:" + c.default_value->text);
            else {
                v.push_back("value:" + c.default_value->text);
                for (const auto& item : c.default_value->items) v.push_back(item.kind == Value::Kind::Null ? "null" : item.text);
            }
        }
        for (const auto& k : t.checks) v.push_back(k.expr);
        for (const auto& i : t.indexes) {
            v.push_back(i.where);
            for (const auto& e : i.elements) v.push_back(e.expr + (e.nulls == NullsOrder::Default ? "" : "nulls"));
        }
    }
    return v;
}

}  // namespace

Schema normalize_to_fixed_point(const Schema& schema, const std::string& conninfo, Diagnostics& diags) {
    Schema current = schema;
    for (int round = 0; round < 3; ++round) {
        const std::size_t before = diags.all().size();
        Schema next = normalize_through_server(current, conninfo, diags);
        if (diags.all().size() != before) return next;   // not normalised: compared as written
        const bool stable = normal_texts(next) == normal_texts(current);
        current = std::move(next);
        if (stable) break;
    }
    return current;
}

}  // namespace schemac::sql::postgres
