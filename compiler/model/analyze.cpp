#include "model/analyze.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <tuple>
#include <set>
#include <unordered_map>

#include <schemac/core/ascii.hpp>

#include "diag/did_you_mean.hpp"
#include "model/interval.hpp"
#include "model/queries.hpp"
#include "model/reported.hpp"

namespace schemac {

namespace {

struct QNameHash {
    std::size_t operator()(const QualifiedName& q) const {
        return std::hash<std::string>()(q.schema) * 31 + std::hash<std::string>()(q.name);
    }
};

std::string q(const std::string& name) { return "'" + name + "'"; }

// A value as a diagnostic can show it: control characters, and every byte of
// text that is not valid UTF-8, as \xNN, so the terminal sees what was written.
std::string printable(const std::string& s) {
    const bool utf8 = utf8_length(s) >= 0;
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && !utf8)) {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out;
}

std::vector<std::string> column_names(const Table& t) {
    std::vector<std::string> v;
    v.reserve(t.columns.size());
    for (const auto& c : t.columns) v.push_back(c.name);
    return v;
}

std::set<std::string> name_set(const std::vector<Ident>& ids) {
    std::set<std::string> s;
    for (const auto& i : ids) s.insert(i.name);
    return s;
}

const char* type_family(const Type& t) {
    if (t.is_array) return nullptr;
    if (is_integer(t.kind)) return "integer";
    if (is_text(t.kind)) return "text";
    if (t.kind == TypeKind::Real || t.kind == TypeKind::Double) return "float";
    return nullptr;
}

bool fk_compatible(const Type& a, const Type& b) {
    const char* fa = type_family(a);
    const char* fb = type_family(b);
    if (fa && fb) return std::string(fa) == fb;
    if (a.kind == TypeKind::Numeric && b.kind == TypeKind::Numeric) return a.is_array == b.is_array;
    if ((a.kind == TypeKind::Timestamp || a.kind == TypeKind::TimestampTz) && a.kind == b.kind) return a.is_array == b.is_array;
    return a.kind == b.kind && a.is_array == b.is_array && (a.kind != TypeKind::Enum || a.enum_name == b.enum_name);
}

class Analyzer {
public:
    Analyzer(Schema& s, const SchemaRules& r, Diagnostics& d) : schema_(s), rules_(r), diags_(d), loaded_(d) {}

    void run() {
        place_in_default_schema();
        index_enums();
        index_tables();
        for (auto& t : schema_.tables) resolve_table(t);
        for (auto& t : schema_.tables) add_timescaledb_index(t);
        rules_.assign_default_names(schema_);
        check_namespaces();
        check_extensions();
        check_serial_sequences();
        for (const auto& e : schema_.enums) check_enum_text(e);
        for (const auto& t : schema_.tables) {
            check_table(t);
            rules_.check_table(t, diags_);
            check_table_text(t);
        }
        analyze_queries(schema_, rules_, loaded_, diags_);
        rules_.check_raw_sql(schema_, diags_);
    }

private:
    Schema& schema_;
    const SchemaRules& rules_;
    Diagnostics& diags_;
    const ReportedBefore loaded_;   // what the loader reported, before analysis added anything
    std::unordered_map<QualifiedName, const Enum*, QNameHash> enums_;
    std::unordered_map<QualifiedName, Table*, QNameHash> tables_;
    std::vector<std::string> all_type_words_;
    std::set<std::string> reported_schemas_;
    std::unordered_map<QualifiedName, SourcePos, QNameHash> relations_;   // tables, indexes, key constraints
    std::optional<NameMatcher> table_matcher_;
    std::unordered_map<std::string, std::string> table_hints_;

    // A table, enum or query whose file names no schema lives in the dialect's default one.
    void place_in_default_schema() {
        const std::string& home = rules_.default_schema();
        for (auto& t : schema_.tables) if (t.name.schema.empty() && !t.schema_pos.line) t.name.schema = home;
        for (auto& e : schema_.enums) if (e.name.schema.empty() && !e.schema_pos.line) e.name.schema = home;
        for (auto& q : schema_.queries) if (q.schema.empty() && !q.schema_pos.line) q.schema = home;
    }

    void unsupported(const SourcePos& pos, Feature f, const std::string& where) { report_unsupported(rules_, f, pos, where, diags_); }

    void ident(const std::string& name, const SourcePos& pos, const char* what) {
        if (auto why = rules_.check_identifier(name)) diags_.error(pos, "bad-identifier", std::string(what) + " name " + q(name) + " " + *why);
    }

    // Once per place: a file-level `schema:` covers many tables.
    void schema_name(const std::string& name, const SourcePos& pos) {
        if (!reported_schemas_.insert(pos.file_name() + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column)).second) return;
        ident(name, pos, "schema");
        if (auto why = rules_.reserved_schema(name))
            diags_.error(pos, "bad-identifier", "schema name " + q(name) + " is reserved: " + *why);
        if (name != rules_.default_schema() && !rules_.supports(Feature::Schemas))
            unsupported(pos, Feature::Schemas, "schema " + q(name) + "; the default is " + q(rules_.default_schema()));
    }

    // Error at the later of the two places (in file, line, column order), note at the earlier.
    void duplicate(const SourcePos& a, const SourcePos& b, const std::string& code, const std::string& msg) {
        const bool a_first = std::tie(a.file_name(), a.line, a.column) < std::tie(b.file_name(), b.line, b.column);
        auto& d = diags_.error(a_first ? b : a, code, msg);
        Diagnostics::add_note(d, a_first ? a : b, "first defined here");
    }

    void index_enums() {
        for (const auto& e : schema_.enums) {
            schema_name(e.name.schema, e.schema_pos.line ? e.schema_pos : e.pos);
            ident(e.name.name, e.pos, "enum");
            if (!rules_.supports(Feature::EnumTypes)) unsupported(e.pos, Feature::EnumTypes, "enum " + e.name.display());
            auto [it, fresh] = enums_.emplace(e.name, &e);
            if (!fresh) {
                duplicate(e.pos, it->second->pos, "duplicate-enum", "enum " + e.name.display() + " is defined twice");
                continue;
            }
            std::unordered_map<std::string, const Ident*> seen;
            for (const auto& v : e.values) {
                if (v.name.empty()) diags_.error(v.pos, "bad-enum-value", "enum value is empty");
                else if (v.name.size() > rules_.max_identifier_bytes())
                    diags_.error(v.pos, "bad-enum-value", "enum value " + q(v.name) + " is " + std::to_string(v.name.size()) +
                                                              " bytes long; " + std::string(rules_.database_name()) + " allows at most " +
                                                              std::to_string(rules_.max_identifier_bytes()));
                auto [vit, vfresh] = seen.emplace(v.name, &v);
                if (!vfresh) duplicate(v.pos, vit->second->pos, "duplicate-enum-value",
                                       "enum " + e.name.display() + " lists value " + q(v.name) + " twice");
            }
            all_type_words_.push_back(e.name.name);
        }
        for (const auto& w : builtin_type_names()) all_type_words_.push_back(w);
    }

    void index_tables() {
        for (auto& t : schema_.tables) {
            schema_name(t.name.schema, t.schema_pos.line ? t.schema_pos : t.pos);
            ident(t.name.name, t.pos, "table");
            auto [it, fresh] = tables_.emplace(t.name, &t);
            if (!fresh) duplicate(t.pos, it->second->pos, "duplicate-table", "table " + t.name.display() + " is defined twice");
            // A table is also a composite type of the same name.
            if (auto e = enums_.find(t.name); e != enums_.end())
                duplicate(t.pos, e->second->pos, "duplicate-type",
                          "table " + t.name.display() + " has the same name as an enum (a table is also a type in " + std::string(rules_.database_name()) + ")");
        }
    }

    const Enum* lookup_enum(const QualifiedName& n, const std::string& home) const {
        auto find = [&](const QualifiedName& k) -> const Enum* {
            auto it = enums_.find(k);
            return it == enums_.end() ? nullptr : it->second;
        };
        if (!n.schema.empty()) return find(n);
        if (auto e = find({home, n.name})) return e;
        return find({rules_.default_schema(), n.name});
    }

    Table* lookup_table(const QualifiedName& n, const std::string& home) const {
        auto find = [&](const QualifiedName& k) -> Table* {
            auto it = tables_.find(k);
            return it == tables_.end() ? nullptr : it->second;
        };
        if (!n.schema.empty()) return find(n);
        if (auto t = find({home, n.name})) return t;
        return find({rules_.default_schema(), n.name});
    }

    void resolve_table(Table& t) {
        for (auto& c : t.columns) {
            if (c.type.kind != TypeKind::Enum) continue;
            if (const Enum* e = lookup_enum(c.type.enum_name, t.name.schema)) {
                c.type.enum_name = e->name;
            } else {
                diags_.error(c.type_pos, "unknown-type",
                             with_hint("unknown type " + q(c.type.enum_name.display()), c.type.enum_name.name, all_type_words_));
                c.type.kind = TypeKind::Text;   // keep analysing without cascades
                c.type.enum_name = {};
                c.default_value.reset();
            }
        }
        for (auto& f : t.foreign_keys)
            if (Table* target = lookup_table(f.ref_table, t.name.schema)) f.ref_table = target->name;
        if (t.seed && t.seed->key.empty() && t.primary_key) t.seed->key = t.primary_key->columns;
    }

    // One entry per extension (PostgreSQL names them per database), a name
    // and schema the database takes, a version that is not blank.
    void check_extensions() {
        std::unordered_map<std::string, SourcePos> seen;
        for (const auto& e : schema_.extensions) {
            if (!rules_.supports(Feature::Extensions)) {
                unsupported(e.pos, Feature::Extensions, "extension " + q(e.name.name));
                continue;
            }
            ident(e.name.name, e.name.pos, "extension");
            if (!e.schema.empty()) schema_name(e.schema, e.pos);
            if (e.version.empty() != ascii_trim(e.version).empty() || (!e.version.empty() && rules_.check_text(e.version)))
                diags_.error(e.pos, "bad-value", "extension " + q(e.name.name) + " has a blank or unprintable version");
            if (auto [it, fresh] = seen.emplace(e.name.name, e.pos); !fresh)
                duplicate(e.pos, it->second, "duplicate-name", "extension " + q(e.name.name) + " is listed twice");
        }
    }

    // Relation names (tables, indexes, key constraints) are unique per schema;
    // constraint names are unique per table.
    void check_namespaces() {
        auto& relations = relations_;
        for (const auto& t : schema_.tables) relations.emplace(t.name, t.pos);
        auto relation = [&](const std::string& schema, const std::string& name, const SourcePos& pos, const char* what) {
            auto [it, fresh] = relations.emplace(QualifiedName{schema, name}, pos);
            if (!fresh)
                duplicate(pos, it->second, "duplicate-name",
                          std::string(what) + " name " + q(name) + " is already used in schema " + q(schema) +
                              " (tables, indexes and key constraints share one namespace)");
        };
        for (const auto& t : schema_.tables) {
            std::unordered_map<std::string, SourcePos> cons;
            auto constraint = [&](const std::string& name, const SourcePos& pos) {
                ident(name, pos, "constraint");
                auto [it, fresh] = cons.emplace(name, pos);
                if (!fresh)
                    duplicate(pos, it->second, "duplicate-constraint",
                              "constraint name " + q(name) + " is used twice on table " + t.name.display());
            };
            if (t.primary_key) {
                constraint(t.primary_key->name, t.primary_key->pos);
                relation(t.name.schema, t.primary_key->name, t.primary_key->pos, "primary key");
            }
            for (const auto& u : t.uniques) {
                constraint(u.name, u.pos);
                relation(t.name.schema, u.name, u.pos, "unique constraint");
            }
            for (const auto& f : t.foreign_keys) constraint(f.name, f.pos);
            for (const auto& c : t.checks) constraint(c.name, c.pos);
            for (const auto& i : t.indexes) {
                ident(i.name, i.pos, "index");
                relation(t.name.schema, i.name, i.pos, "index");
            }
        }
    }

    // Reports columns of a key/index list that do not exist or repeat; true when all exist.
    bool check_columns(const Table& t, const std::vector<Ident>& cols, const std::string& what) {
        bool ok = true;
        std::set<std::string> seen;
        if (cols.empty()) return false;
        for (const auto& c : cols) {
            if (!t.find_column(c.name)) {
                diags_.error(c.pos, "unknown-column",
                             with_hint(what + " names column " + q(c.name) + ", which table " + t.name.display() +
                                           " does not have", c.name, column_names(t)));
                ok = false;
            } else if (!seen.insert(c.name).second) {
                diags_.error(c.pos, "duplicate-column", what + " lists column " + q(c.name) + " twice");
                ok = false;
            }
        }
        return ok;
    }

    void check_value(const Column& c, const Value& v, const char* what) {
        if (v.kind == Value::Kind::Sql) {
            if (v.text.empty()) diags_.error(v.pos, "bad-default", std::string(what) + " of column " + q(c.name) + " has an empty SQL expression");
            return;
        }
        if (v.kind == Value::Kind::Null) {
            if (!c.nullable && std::string(what) != "default")
                diags_.error(v.pos, "null-in-not-null", std::string(what) + " of column " + q(c.name) + " is null, but the column is NOT NULL");
            return;
        }
        const Enum* e = c.type.kind == TypeKind::Enum ? lookup_enum(c.type.enum_name, "") : nullptr;
        if (c.type.is_array && v.kind == Value::Kind::Array) {
            for (const auto& item : v.items) {
                if (item.kind == Value::Kind::Null) continue;
                if (auto why = rules_.check_literal(item.kind == Value::Kind::Array ? c.type : c.type.element(), item, e))
                    diags_.error(item.pos, "bad-value", std::string(what) + " of column " + q(c.name) + " (" + c.type.display() +
                                                            ") has an element " + (item.kind == Value::Kind::Array ? "that is a list" : q(printable(item.text)) + " that " + *why) +
                                                            (item.kind == Value::Kind::Array ? "; only one-dimensional arrays are supported" : ""));
            }
            return;
        }
        if (auto why = rules_.check_literal(c.type, v, e)) {
            const std::string shown = v.kind == Value::Kind::Array ? "[...]" : q(printable(v.text));
            diags_.error(v.pos, "bad-value", std::string(what) + " " + shown + " of column " + q(c.name) + " (" +
                                                 c.type.display() + ") " + *why);
        }
    }

    // PostgreSQL's row level security, storage parameters and UNLOGGED: the
    // dialect checks the parameters' names and values (check_table); here,
    // what needs the rest of the table.
    void check_table_storage(const Table& t) {
        if (t.row_security && !rules_.supports(Feature::RowSecurity))
            unsupported(t.row_security_pos, Feature::RowSecurity, "table " + t.name.display());
        else if (t.force_row_security && t.migrated_seed())
            diags_.error(t.row_security_pos, "bad-table", "table " + t.name.display() +
                                                              " has seed rows, which a migration could not write with row level security "
                                                              "forced and no policy letting its role: write true instead of forced");
        if (t.with.empty() && !t.unlogged) return;
        if (!rules_.supports(Feature::TableStorage)) {
            unsupported(t.unlogged ? t.unlogged_pos : t.with_pos, Feature::TableStorage, "table " + t.name.display());
            return;
        }
        if (t.unlogged && t.hypertable)
            diags_.error(t.unlogged_pos, "bad-table", "hypertable " + t.name.display() +
                                                          " cannot be unlogged: schemac plans TimescaleDB's chunks as logged tables");
    }

    // SQLite's table options (strict, without_rowid, autoincrement): what SQLite
    // itself would refuse, said at the line that asks for it.
    void check_sqlite_options(const Table& t) {
        const bool any_autoincrement = std::any_of(t.columns.begin(), t.columns.end(), [](const Column& c) { return c.autoincrement; });
        if (!t.strict && !t.without_rowid && !any_autoincrement) return;
        if (!rules_.supports(Feature::SqliteTables)) {
            const SourcePos& at = t.strict ? t.strict_pos : t.without_rowid ? t.without_rowid_pos : t.pos;
            unsupported(at, Feature::SqliteTables, "table " + t.name.display());
            return;
        }
        if (t.without_rowid && !t.primary_key)
            diags_.error(t.without_rowid_pos, "bad-table", "a WITHOUT ROWID table needs a primary key (table " + t.name.display() + ")");
        for (const auto& c : t.columns) {
            if (t.strict && !c.type.is_array &&
                !(c.type.kind == TypeKind::Integer || c.type.kind == TypeKind::Real || c.type.kind == TypeKind::Text ||
                  c.type.kind == TypeKind::Bytea))
                diags_.error(c.type_pos, "bad-type", "column " + q(c.name) + " of STRICT table " + t.name.display() + " is " +
                                                         c.type.display() + "; a STRICT table's columns are integer, real, text or blob "
                                                         "(integer is 64-bit, real is double precision, booleans are integer 0/1)");
            if (!c.autoincrement) continue;
            if (t.sole_integer_key() != &c)
                diags_.error(c.autoincrement_pos, "bad-autoincrement",
                             "autoincrement is for an integer primary key of one column (column " + q(c.name) + " of table " +
                                 t.name.display() + ")");
            else if (t.without_rowid)
                diags_.error(c.autoincrement_pos, "bad-autoincrement",
                             "a WITHOUT ROWID table has no row ids to autoincrement (column " + q(c.name) + " of table " +
                                 t.name.display() + ")");
        }
    }

    void check_column(const Table& t, const Column& c) {
        ident(c.name, c.pos, "column");
        check_type_supported(rules_, c.type, c.type_pos, "column " + q(c.name), diags_);
        if (c.identity != Identity::None && !rules_.supports(Feature::Identity))
            unsupported(c.pos, Feature::Identity, "column " + q(c.name) + " of table " + t.name.display());
        if (is_serial(c.type.kind)) {
            if (c.type.is_array) diags_.error(c.type_pos, "bad-serial", "serial types cannot be array elements; use integer[] or bigint[]");
            if (c.nullable) diags_.error(c.type_pos, "bad-serial", "column " + q(c.name) + " is " + c.type.display() + ", which is always NOT NULL; remove the nullable mark");
            if (c.default_value) diags_.error(c.default_value->pos, "bad-serial", "column " + q(c.name) + " is " + c.type.display() + ", which has its own default (the sequence)");
        }
        if (c.identity != Identity::None) {
            if (!(c.type.kind == TypeKind::SmallInt || c.type.kind == TypeKind::Integer || c.type.kind == TypeKind::BigInt) || c.type.is_array)
                diags_.error(c.type_pos, "bad-identity", "identity column " + q(c.name) + " must be smallint, integer or bigint, not " + c.type.display());
            if (c.nullable) diags_.error(c.type_pos, "bad-identity", "identity column " + q(c.name) + " is always NOT NULL; remove the nullable mark");
            if (c.default_value) diags_.error(c.default_value->pos, "bad-identity", "identity column " + q(c.name) + " cannot have a default");
        }
        if (c.default_value && !c.is_generated()) check_value(c, *c.default_value, "default");
        if (c.type.kind == TypeKind::Citext && rules_.supports(Feature::Extensions) && !schema_.find_extension("citext"))
            diags_.error(c.type_pos, "missing-extension", "column " + q(c.name) + " of table " + t.name.display() +
                                                              " is citext, the type of extension citext, which the schema does not "
                                                              "list: add `extensions: [citext]`");
        if (c.is_generated()) check_generated(t, c);
        if (c.renamed_from) {
            if (c.renamed_from->name == c.name)
                diags_.error(c.renamed_from->pos, "bad-rename", "column " + q(c.name) + " is renamed from itself");
            else if (t.find_column(c.renamed_from->name))
                diags_.error(c.renamed_from->pos, "bad-rename", "column " + q(c.name) + " is renamed from " + q(c.renamed_from->name) +
                                                                    ", but table " + t.name.display() + " still has a column of that name");
        }
    }

    // What the database refuses of a generated column, said at the key that
    // asks for it: nobody writes the column, and its expression reads only
    // plain columns of the same row.
    void check_generated(const Table& t, const Column& c) {
        const std::string col = "generated column " + q(c.name) + " of table " + t.name.display();
        const auto refuse = [&](const SourcePos& at, const std::string& what) {
            diags_.error(at.line ? at : c.generated_pos, "bad-generated", col + " " + what);
        };
        if (c.default_value) refuse(c.default_value->pos, "cannot have a default: its expression gives every value");
        if (c.identity != Identity::None || is_serial(c.type.kind))
            refuse(c.type_pos, "cannot be an identity or serial column: its expression gives every value");
        if (c.autoincrement) refuse(c.autoincrement_pos, "cannot autoincrement: its expression gives every value");
        if (!c.backfill.empty()) refuse(c.backfill_pos, "needs no backfill: the database computes its existing rows");
        if (!c.using_expr.empty()) refuse(c.using_pos, "needs no using: the database computes it again from its expression");
        for (const auto& other : t.columns)
            if (&other != &c && other.is_generated() && expression_may_name(c.generated, other.name))
                refuse(c.generated_pos, "may name generated column " + q(other.name) +
                                            "; a generation expression reads only plain columns (write out its expression instead)");
        if (t.hypertable && t.hypertable->time_column.name == c.name)
            refuse(t.hypertable->time_column.pos, "cannot be a hypertable's time column");
    }

    // `concurrently:` and `online:` written on a dialect that has no such forms:
    // said where they are written, so nobody counts on them.
    void online_forms_ignored(const Table& t) {
        if (rules_.supports(Feature::OnlineForms)) return;
        const auto warn = [&](const SourcePos& at, const std::string& what) {
            if (at.line)
                diags_.warning(at, "ignored", what + " has no meaning on dialect " + std::string(rules_.dialect_name()) + "; " +
                                                  rules_.hint(Feature::OnlineForms));
        };
        for (const auto& c : t.columns) warn(c.online_pos, "online");
        for (const auto& i : t.indexes) warn(i.concurrently_pos, "concurrently");
        for (const auto& u : t.uniques) warn(u.concurrently_pos, "concurrently");
        if (t.primary_key) warn(t.primary_key->concurrently_pos, "concurrently");
    }

    // SQLite's rowid alias (a rowid table's integer primary key of one column)
    // numbers new rows itself and never takes its default: said, not ignored.
    void rowid_alias_default(const Table& t) {
        const Column* c = t.rowid_alias();
        if (!rules_.supports(Feature::SqliteTables) || !c || !c->default_value) return;
        diags_.warning(c->default_value->pos, "ignored",
                       "the default of column " + q(c->name) + " of table " + t.name.display() +
                           " is never used: an integer primary key is SQLite's rowid alias, which numbers new rows itself "
                           "(remove `default:`)");
    }

    void check_table(const Table& t) {
        check_sqlite_options(t);
        check_table_storage(t);
        rowid_alias_default(t);
        online_forms_ignored(t);
        std::unordered_map<std::string, const Ident*> renames;
        for (const auto& c : t.columns) {
            check_column(t, c);
            if (c.renamed_from) {
                auto [it, fresh] = renames.emplace(c.renamed_from->name, &*c.renamed_from);
                if (!fresh) duplicate(c.renamed_from->pos, it->second->pos, "bad-rename",
                                      "two columns are renamed from " + q(c.renamed_from->name));
            }
        }
        if (t.renamed_from && QualifiedName{t.renamed_from->schema.empty() ? t.name.schema : t.renamed_from->schema,
                                            t.renamed_from->name} == t.name)
            diags_.error(t.renamed_pos, "bad-rename", "table " + t.name.display() + " is renamed from itself");
        if (t.primary_key && check_columns(t, t.primary_key->columns, "primary key")) {
            for (const auto& id : t.primary_key->columns)
                if (const Column* c = t.find_column(id.name); c->nullable && !is_serial(c->type.kind) && c->identity == Identity::None)
                    diags_.error(id.pos, "nullable-primary-key", "primary key column " + q(id.name) + " is marked nullable; primary key columns are always NOT NULL");
        }
        for (const auto& u : t.uniques) check_columns(t, u.columns, "unique constraint");
        for (const auto& f : t.foreign_keys) check_foreign_key(t, f);
        for (const auto& c : t.checks)
            if (c.expr.empty()) diags_.error(c.pos, "bad-check", "check " + q(c.name) + " has an empty expression");
        for (const auto& i : t.indexes) check_index(t, i);
        if (t.hypertable) check_hypertable(t, *t.hypertable);
        if (t.seed) check_seed(t, *t.seed);
    }

    // The database names the sequence of a serial or identity column (PostgreSQL:
    // <table>_<column>_seq), and picks another name when that one is taken
    // (or the relation created later fails: "already exists"). The model (diff,
    // inspect) relies on the predictable name, so a clash with any relation the
    // schema declares is an error rather than a silent rename.
    void check_serial_sequences() {
        for (const auto& t : schema_.tables) {
            if (tables_.at(t.name) != &t) continue;   // a table defined twice is reported once, as that
            for (const auto& c : t.columns) {
                const bool serial = is_serial(c.type.kind);
                if (!serial && c.identity == Identity::None) continue;
                const QualifiedName seq{t.name.schema, rules_.sequence_name(t.name.name, c.name)};
                auto [it, fresh] = relations_.emplace(seq, c.type_pos);
                if (fresh) continue;
                auto& d = diags_.error(c.type_pos, "duplicate-name",
                                       std::string(serial ? "serial" : "identity") + " column " + q(c.name) + " of table " +
                                           t.name.display() + " needs a sequence named " + q(seq.name) +
                                           ", but that name is already used in schema " + q(seq.schema) + "; rename one of them");
                Diagnostics::add_note(d, it->second, "that name is used here");
            }
        }
    }

    // Text the database stores (PostgreSQL: valid UTF-8 without NUL bytes).
    void text(const std::string& s, const SourcePos& pos, const std::string& what) {
        if (auto why = rules_.check_text(s)) diags_.error(pos, "bad-text", what + " " + *why);
    }

    void check_enum_text(const Enum& e) {
        text(e.comment, e.pos, "the comment of enum " + e.name.display());
        for (const auto& v : e.values) text(v.name, v.pos, "a value of enum " + e.name.display());
    }

    // A dialect without stored comments keeps them in the generated C++ only:
    // said once, at the first table that has one, so the user knows the
    // database will not have them (a warning per table would drown the rest).
    bool comments_warned_ = false;
    void comments_kept(const Table& t) {
        if (rules_.supports(Feature::Comments) || comments_warned_) return;
        const Column* commented = nullptr;
        for (const auto& c : t.columns) if (!c.comment.empty() && !commented) commented = &c;
        if (t.comment.empty() && !commented) return;
        comments_warned_ = true;
        diags_.warning(t.comment.empty() ? commented->pos : t.pos, "comment-not-stored",
                       std::string(feature_name(Feature::Comments)) + " are not stored by dialect " + std::string(rules_.dialect_name()) +
                           " (table " + t.name.display() + " is the first with one); " + rules_.hint(Feature::Comments));
    }

    void check_table_text(const Table& t) {
        comments_kept(t);
        const std::string of_table = " of table " + t.name.display();
        text(t.comment, t.pos, "the comment" + of_table);
        for (const auto& c : t.columns) {
            const std::string of_column = " of column " + q(c.name);
            text(c.comment, c.pos, "the comment" + of_column);
            if (c.default_value && c.default_value->kind == Value::Kind::Sql)
                text(c.default_value->text, c.default_value->pos, "the default" + of_column);
            text(c.using_expr, c.pos, "the using expression" + of_column);
            text(c.backfill, c.pos, "the backfill expression" + of_column);
            text(c.generated, c.pos, "the generation expression" + of_column);
        }
        for (const auto& c : t.checks) text(c.expr, c.pos, "check " + q(c.name));
        for (const auto& i : t.indexes) {
            text(i.where, i.pos, "the where clause of index " + q(i.name));
            for (const auto& e : i.elements) text(e.expr, e.pos, "an expression of index " + q(i.name));
        }
    }

    // "Did you mean" for a missing foreign key target, among all table names in
    // sorted order. The matcher is built once and answers are remembered: a large
    // schema with many missing targets must not compare every pair of tables.
    const std::string& table_hint(const std::string& missing) {
        if (!table_matcher_) {
            std::vector<std::string> names;
            names.reserve(tables_.size());
            for (const auto& [k, v] : tables_) names.push_back(k.name);
            std::sort(names.begin(), names.end());
            table_matcher_.emplace(std::move(names));
        }
        auto [it, fresh] = table_hints_.try_emplace(missing);
        if (fresh) it->second = table_matcher_->closest(missing);
        return it->second;
    }

    bool is_key_of(const Table& target, const std::set<std::string>& cols) const {
        if (target.primary_key && name_set(target.primary_key->columns) == cols) return true;
        for (const auto& u : target.uniques)
            if (name_set(u.columns) == cols) return true;
        return false;
    }

    void check_foreign_key(const Table& t, const ForeignKey& f) {
        if ((f.deferrable != Deferrable::No || f.match_full) && !rules_.supports(Feature::ForeignKeyOptions))
            unsupported(f.options_pos.line ? f.options_pos : f.pos, Feature::ForeignKeyOptions, "foreign key " + q(f.name));
        const bool cols_ok = check_columns(t, f.columns, "foreign key");
        const Table* target = lookup_table(f.ref_table, t.name.schema);
        if (!target) {
            std::string msg = "foreign key references table " + q(f.ref_table.display()) + ", which does not exist";
            msg += did_you_mean(table_hint(f.ref_table.name));
            diags_.error(f.ref_pos, "fk-missing-table", std::move(msg));
            return;
        }
        std::vector<Ident> ref = f.ref_columns;
        if (ref.empty()) {
            if (!target->primary_key) {
                diags_.error(f.ref_pos, "fk-no-key", "foreign key references table " + target->name.display() +
                                                         ", which has no primary key; name the referenced columns");
                return;
            }
            ref = target->primary_key->columns;
            for (auto& r : ref) r.pos = f.ref_pos;
        }
        bool ref_ok = true;
        for (const auto& r : ref)
            if (!target->find_column(r.name)) {
                diags_.error(r.pos, "fk-missing-column",
                             with_hint("foreign key references column " + q(r.name) + ", which table " + target->name.display() + " does not have",
                                       r.name, column_names(*target)));
                ref_ok = false;
            }
        if (!cols_ok || !ref_ok) return;
        if (target->unlogged && !t.unlogged && target != &t)
            diags_.error(f.ref_pos, "bad-foreign-key", "foreign key " + q(f.name) + " of table " + t.name.display() +
                                                           " references unlogged table " + target->name.display() +
                                                           "; PostgreSQL lets only unlogged tables reference unlogged ones");
        // The database would have to write a generated column to carry the action out.
        const bool writes = f.on_delete == FkAction::SetNull || f.on_delete == FkAction::SetDefault ||
                            f.on_update == FkAction::SetNull || f.on_update == FkAction::SetDefault || f.on_update == FkAction::Cascade;
        for (const auto& c : f.columns)
            if (writes && t.find_column(c.name)->is_generated())
                diags_.error(c.pos, "bad-generated", "foreign key " + q(f.name) + " has generated column " + q(c.name) +
                                                         ", which its ON DELETE / ON UPDATE action would have to write; use NO ACTION, "
                                                         "RESTRICT or (on delete) CASCADE");
        if (ref.size() != f.columns.size()) {
            diags_.error(f.ref_pos, "fk-arity", "foreign key has " + std::to_string(f.columns.size()) + " column(s) but references " +
                                                    std::to_string(ref.size()));
            return;
        }
        for (std::size_t i = 0; i < ref.size(); ++i) {
            const Column* a = t.find_column(f.columns[i].name);
            const Column* b = target->find_column(ref[i].name);
            if (!fk_compatible(a->type, b->type))
                diags_.error(f.columns[i].pos, "fk-type-mismatch",
                             "foreign key column " + q(a->name) + " is " + a->type.display() + " but references " +
                                 target->name.display() + "." + display_ident(b->name) + " of type " + b->type.display());
            if (f.on_delete == FkAction::SetNull || f.on_update == FkAction::SetNull)
                if (!a->nullable)
                    diags_.error(f.pos, "fk-set-null", "foreign key action set_null on NOT NULL column " + q(a->name) + " would always fail");
            if (f.on_delete == FkAction::SetDefault || f.on_update == FkAction::SetDefault)
                if (!a->default_value && !a->nullable)
                    diags_.error(f.pos, "fk-set-default", "foreign key action set_default on column " + q(a->name) + ", which has no default and is NOT NULL");
        }
        if (!is_key_of(*target, name_set(ref)))
            diags_.error(f.ref_pos, "fk-not-unique", "foreign key references columns of " + target->name.display() +
                                                         " that are not its primary key or a unique constraint");
    }

    void check_index(const Table& t, const Index& i) {
        if (i.elements.empty()) diags_.error(i.pos, "bad-index", "index " + q(i.name) + " has no columns");
        std::set<std::string> seen;
        for (const auto& e : i.elements) {
            if (e.expr.empty() && !t.find_column(e.column))
                diags_.error(e.pos, "unknown-column", with_hint("index " + q(i.name) + " names column " + q(e.column) + ", which table " +
                                                                    t.name.display() + " does not have", e.column, column_names(t)));
            if (e.nulls != NullsOrder::Default && !rules_.supports(Feature::NullsOrder))
                unsupported(e.pos, Feature::NullsOrder, "index " + q(i.name));
            if (i.method != IndexMethod::Btree && (e.order == SortOrder::Desc || e.nulls != NullsOrder::Default))
                diags_.error(e.pos, "bad-index", "only btree indexes have an order; index " + q(i.name) + " uses another method");
        }
        if (i.method != IndexMethod::Btree && !rules_.supports(Feature::IndexMethods))
            unsupported(i.method_pos.line ? i.method_pos : i.pos, Feature::IndexMethods, "index " + q(i.name) + " uses " + index_method_name(i.method));
        if (i.unique && i.method != IndexMethod::Btree)
            diags_.error(i.method_pos, "bad-index", "only btree indexes can be unique (index " + q(i.name) + ")");
        if (i.method == IndexMethod::Hash && i.elements.size() > 1)
            diags_.error(i.method_pos, "bad-index", "hash indexes have exactly one column (index " + q(i.name) + ")");
        check_index_options(t, i);
    }

    // INCLUDE, NULLS NOT DISTINCT, storage parameters, operator classes and
    // collations: what every dialect that has them means by them (which index
    // methods and parameters exist is the dialect's check_table).
    void check_index_options(const Table& t, const Index& i) {
        if (!rules_.supports(Feature::IndexOptions)) {
            const auto refuse = [&](const SourcePos& at) { unsupported(at.line ? at : i.pos, Feature::IndexOptions, "index " + q(i.name)); };
            for (const auto& e : i.elements)
                if (!e.opclass.empty() || !e.collation.empty()) refuse(e.pos);
            if (!i.include.empty()) refuse(i.include_pos);
            if (i.nulls_not_distinct) refuse(i.nulls_not_distinct_pos);
            if (!i.with.empty()) refuse(i.with_pos);
            return;
        }
        if (i.nulls_not_distinct && !i.unique)
            diags_.error(i.nulls_not_distinct_pos, "bad-index", "nulls_not_distinct is for a unique index (index " + q(i.name) + ")");
        if (!i.include.empty()) check_columns(t, i.include, "the INCLUDE of index " + q(i.name));
    }

    // What create_hypertable does with create_default_indexes (TimescaleDB's
    // indexing.c): an index on (time DESC), named by the database, unless some
    // index has exactly one column and it is the time column. Last in the
    // table's list, as create_hypertable runs after the table's indexes.
    void add_timescaledb_index(Table& t) const {
        if (!t.hypertable || !t.hypertable->create_default_indexes || !rules_.supports(Feature::Hypertables)) return;
        const std::string& time = t.hypertable->time_column.name;
        if (!t.find_column(time)) return;   // check_hypertable says so
        for (const auto& i : t.indexes)
            if (i.elements.size() == 1 && i.elements[0].expr.empty() && i.elements[0].column == time) return;
        // ... and the indexes of its keys (a primary key or unique constraint on the time column alone).
        auto on_time_alone = [&](const std::vector<Ident>& cols) { return cols.size() == 1 && cols[0].name == time; };
        if (t.primary_key && on_time_alone(t.primary_key->columns)) return;
        for (const auto& u : t.uniques)
            if (on_time_alone(u.columns)) return;
        Index i;
        IndexElement e;
        e.column = time;
        e.order = SortOrder::Desc;
        e.pos = t.hypertable->pos;
        i.elements.push_back(std::move(e));
        i.pos = t.hypertable->pos;
        i.implied = true;
        t.indexes.push_back(std::move(i));
    }

    void check_hypertable(const Table& t, const Hypertable& h) {
        if (!rules_.supports(Feature::Hypertables)) unsupported(h.pos, Feature::Hypertables, "table " + t.name.display());
        const Column* c = t.find_column(h.time_column.name);
        if (!c) {
            diags_.error(h.time_column.pos, "hypertable-time-column",
                         with_hint("hypertable time column " + q(h.time_column.name) + " is not a column of table " + t.name.display(),
                                   h.time_column.name, column_names(t)));
            return;
        }
        if (!is_time(c->type.kind) || c->type.is_array)
            diags_.error(h.time_column.pos, "hypertable-time-column", "hypertable time column " + q(c->name) + " is " + c->type.display() +
                                                                          "; it must be date, timestamp or timestamptz");
        if (c->nullable)
            diags_.error(h.time_column.pos, "hypertable-time-column", "hypertable time column " + q(c->name) + " must be NOT NULL");
        Type interval;
        interval.kind = TypeKind::Interval;
        if (h.chunk_interval && h.chunk_interval->kind == Value::Kind::Scalar) {
            if (auto why = rules_.check_literal(interval, *h.chunk_interval, nullptr))
                diags_.error(h.chunk_interval->pos, "bad-value", "chunk_interval " + q(printable(h.chunk_interval->text)) + " " + *why);
            else if (auto us = interval_microseconds(h.chunk_interval->text); us && *us <= 0)
                diags_.error(h.chunk_interval->pos, "bad-value", "chunk_interval " + q(printable(h.chunk_interval->text)) +
                                                                     " is not a positive interval; TimescaleDB cuts chunks of that length");
        }
        auto must_include = [&](const std::vector<Ident>& cols, const SourcePos& pos, const std::string& what) {
            if (!name_set(cols).count(c->name))
                diags_.error(pos, "hypertable-unique", what + " of hypertable " + t.name.display() + " must include the time column " + q(c->name) +
                                                           " (TimescaleDB partitions by it)");
        };
        if (t.primary_key) must_include(t.primary_key->columns, t.primary_key->pos, "the primary key");
        for (const auto& u : t.uniques) must_include(u.columns, u.pos, "unique constraint " + q(u.name));
        for (const auto& i : t.indexes) {
            if (!i.unique) continue;
            std::vector<Ident> cols;
            for (const auto& e : i.elements) if (e.expr.empty()) cols.push_back({e.column, e.pos});
            must_include(cols, i.pos, "unique index " + q(i.name));
        }
    }

    // A seed value the loader could not read is kept as null at its error
    // (a null as written sits at its column name): nothing more is said about it.
    bool unreadable(const Ident& col, const Value& v) const {
        const bool at_column = v.pos.line == col.pos.line && v.pos.column == col.pos.column && v.pos.file_name() == col.pos.file_name();
        return v.kind == Value::Kind::Null && !at_column && loaded_.at(v.pos);
    }

    const Value* readable(const SeedRow& row, const std::string& column) const {
        for (const auto& [col, val] : row.values)
            if (col.name == column && !unreadable(col, val)) return &val;
        return nullptr;
    }

    void check_seed(const Table& t, const Seed& s) {
        if (s.key.empty()) {
            diags_.error(s.pos, "seed-key", "seed rows of table " + t.name.display() + " need a key: give 'key:' or a primary key");
            return;
        }
        if (!check_columns(t, s.key, "seed key")) return;
        if (!is_key_of(t, name_set(s.key))) {
            diags_.error(s.key.front().pos, "seed-key", "seed key of table " + t.name.display() + " must be its primary key or the columns of a unique constraint");
            return;
        }
        for (const auto& k : s.key)
            if (t.find_column(k.name)->is_generated()) {
                diags_.error(k.pos, "seed-key", "seed key column " + q(k.name) + " of table " + t.name.display() +
                                                    " is generated, so no seed row can give it; key the rows by other columns");
                return;
            }
        std::map<std::vector<std::string>, SourcePos> keys;
        const auto names = column_names(t);
        for (const auto& row : s.rows) {
            for (const auto& [col, val] : row.values) {
                if (unreadable(col, val)) continue;
                const Column* c = t.find_column(col.name);
                if (!c) {
                    diags_.error(col.pos, "seed-unknown-column",
                                 with_hint("seed row names column " + q(col.name) + ", which table " + t.name.display() + " does not have", col.name, names));
                    continue;
                }
                if (c->is_generated()) {
                    diags_.error(col.pos, "seed-generated-column", "seed row gives generated column " + q(col.name) +
                                                                       ", which its expression computes; remove the value");
                    continue;
                }
                check_value(*c, val, "seed value");
            }
            std::vector<std::string> key;
            bool complete = true;
            for (const auto& k : s.key) {
                const Value* v = readable(row, k.name);
                if (!v) {
                    diags_.error(row.pos, "seed-missing-key", "seed row has no value for key column " + q(k.name));
                    complete = false;
                } else if (v->kind == Value::Kind::Null) {
                    // A NOT NULL column's null is reported by check_value already.
                    if (t.find_column(k.name)->nullable)
                        diags_.error(v->pos, "seed-missing-key", "seed row has null for key column " + q(k.name) + "; a key identifies the row");
                    complete = false;
                } else {
                    key.push_back(v->kind == Value::Kind::Array ? "[...]" : v->text);
                }
            }
            for (const auto& c : t.columns) {
                const bool required = !c.nullable && !c.default_value && !is_serial(c.type.kind) && c.identity == Identity::None &&
                                      !c.is_generated();
                const bool given = row.find(c.name) != nullptr;   // also when the loader could not read it
                if (required && !given && name_set(s.key).count(c.name) == 0)
                    diags_.error(row.pos, "seed-missing-column", "seed row has no value for NOT NULL column " + q(c.name) + ", which has no default");
            }
            if (!complete) continue;
            if (auto [it, fresh] = keys.emplace(key, row.pos); !fresh) {
                std::string shown;
                for (const auto& part : key) shown += (shown.empty() ? "" : ", ") + q(part);
                auto& d = diags_.error(row.pos, "seed-duplicate-key",
                                       "two seed rows of table " + t.name.display() + " have the same key (" + shown + ")");
                Diagnostics::add_note(d, it->second, "first row with that key");
            }
        }
    }
};

}  // namespace

void analyze(Schema& schema, const SchemaRules& rules, Diagnostics& diags) { Analyzer(schema, rules, diags).run(); }

}  // namespace schemac
