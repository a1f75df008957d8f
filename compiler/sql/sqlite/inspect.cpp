#include "sql/sqlite/inspect.hpp"

#include <schemac/core/ascii.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "schemac/migrate/runner.hpp"
#include "schemac/sqlite/conninfo.hpp"
#include "sql/postgres/naming.hpp"
#include "sql/sqlite/literal.hpp"
#include "sql/sqlite/rules.hpp"
#include "sql/sqlite/tokenizer.hpp"

namespace schemac::sql::sqlite {

// ---------------------------------------------------------------------------
// Where the database is: the runtime's reader of SQLite connection strings
// (schemac/sqlite/conninfo.hpp), the one the migrator uses too.

std::optional<Location> parse_location(const std::string& conninfo, std::string& error) {
    const auto parsed = schemac::sqlite::parse_sqlite_conninfo(conninfo);
    if (!parsed) {
        // Not echoed: a PostgreSQL URL given by mistake may hold a password.
        error = "the connection string names no SQLite database: write sqlite:///ABSOLUTE/PATH, sqlite:RELATIVE/PATH, a file: "
                "URI or a path ending in .db, .sqlite or .sqlite3";
        return std::nullopt;
    }
    if (!parsed->error.empty()) {
        error = "cannot use SQLite database " + conninfo + ": " + parsed->error;
        return std::nullopt;
    }
    Location l;
    l.path = parsed->path;
    l.open_name = parsed->filename;
    l.in_memory = parsed->memory;
    return l;
}

// ---------------------------------------------------------------------------
// Reading the catalog.

namespace {

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;
using Stmt = std::unique_ptr<sqlite3_stmt, Finalize>;

class Reader {
public:
    Reader(sqlite3* db, std::string name) : db_(db), name_(std::move(name)) {}

    [[noreturn]] void fail(const std::string& doing) const {
        const int code = sqlite3_errcode(db_);
        const auto kind = code == SQLITE_NOTADB || code == SQLITE_CANTOPEN || code == SQLITE_CORRUPT ? RunnerErrorKind::connection
                                                                                                      : RunnerErrorKind::failure;
        throw RunnerError(kind, "cannot read SQLite database " + name_ + " (" + doing + "): " + sqlite3_errmsg(db_));
    }

    void exec(const char* sql) const {
        if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
    }

    // Runs `sql` with its text parameters, calling `row` for each row.
    template <typename F>
    bool query(const char* sql, const std::vector<std::string>& params, F&& row, bool may_fail = false) const {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &raw, nullptr) != SQLITE_OK) {
            if (may_fail) return false;
            fail(sql);
        }
        const Stmt stmt(raw);
        for (std::size_t i = 0; i < params.size(); ++i)
            sqlite3_bind_text(raw, static_cast<int>(i + 1), params[i].data(), static_cast<int>(params[i].size()), SQLITE_TRANSIENT);
        while (true) {
            const int rc = sqlite3_step(raw);
            if (rc == SQLITE_DONE) return true;
            if (rc != SQLITE_ROW) {
                if (may_fail) return false;
                fail(sql);
            }
            row(raw);
        }
    }

    static std::optional<std::string> text(sqlite3_stmt* s, int col) {
        const auto* p = sqlite3_column_text(s, col);
        if (!p) return std::nullopt;
        return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s, col)));
    }
    static std::string str(sqlite3_stmt* s, int col) { return text(s, col).value_or(""); }
    static int num(sqlite3_stmt* s, int col) { return sqlite3_column_int(s, col); }

private:
    sqlite3* db_;
    std::string name_;
};

bool excluded(const std::string& table, const std::vector<std::string>& exclude) {
    for (const auto& e : exclude) {
        const std::size_t dot = e.find('.');
        if (same_name(dot == std::string::npos ? e : e.substr(dot + 1), table)) return true;
    }
    return false;
}

Db open_read_only(const Location& where) {
    if (!where.in_memory) {
        std::error_code ec;
        const auto st = std::filesystem::status(where.path, ec);
        if (!std::filesystem::exists(st))
            throw RunnerError(RunnerErrorKind::connection, "SQLite database " + where.path +
                                                               " does not exist (it is opened read-only and never created)");
        if (std::filesystem::is_directory(st))
            throw RunnerError(RunnerErrorKind::connection, "SQLite database " + where.path + " is a directory, not a database file");
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(where.open_name.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    Db db(raw);
    if (rc != SQLITE_OK)
        throw RunnerError(RunnerErrorKind::connection, "cannot open SQLite database " + where.path + " read-only: " +
                                                           (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_extended_result_codes(raw, 0);
    return db;
}

}  // namespace

catalog::Snapshot read_catalog(const Location& where, const std::vector<std::string>& exclude_tables) {
    const Db db = open_read_only(where);
    const Reader r(db.get(), where.path);
    r.exec("PRAGMA query_only = ON");
    r.exec("BEGIN");   // one read transaction: every query sees the same schema
    catalog::Snapshot snap;

    // What kind of table each is (3.37+): shadow tables belong to a virtual table.
    std::map<std::string, std::string> kinds;
    const bool have_list = r.query("SELECT name, type FROM pragma_table_list WHERE schema = 'main'", {},
                                   [&](sqlite3_stmt* s) { kinds[Reader::str(s, 0)] = Reader::str(s, 1); }, true);

    struct Entry {
        std::string type, name, table, sql;
    };
    std::vector<Entry> entries;
    r.query("SELECT type, name, tbl_name, sql FROM main.sqlite_schema ORDER BY name", {}, [&](sqlite3_stmt* s) {
        entries.push_back({Reader::str(s, 0), Reader::str(s, 1), Reader::str(s, 2), Reader::str(s, 3)});
    });
    std::map<std::string, std::string> index_sql;
    std::vector<std::string> virtual_tables;
    for (const auto& e : entries) {
        if (e.type == "index") index_sql[e.name] = e.sql;
        if (e.type == "table" && parse_create_table(e.sql).virtual_table) virtual_tables.push_back(e.name);
    }
    auto is_shadow = [&](const std::string& name) {
        if (have_list) return kinds.count(name) && kinds.at(name) == "shadow";
        for (const auto& v : virtual_tables)   // before 3.37: <virtual table>_<suffix>
            if (name.size() > v.size() + 1 && same_name(name.substr(0, v.size() + 1), v + "_")) return true;
        return false;
    };

    for (const auto& e : entries) {
        if (e.type != "table" || same_name(e.name.substr(0, 7), "sqlite_") || excluded(e.name, exclude_tables) || is_shadow(e.name)) {
            if ((e.type == "view" || e.type == "trigger") && !excluded(e.table, exclude_tables))
                snap.others.push_back({e.type, e.name, e.table, e.sql});
            continue;
        }
        if (parse_create_table(e.sql).virtual_table) {
            snap.others.push_back({"virtual table", e.name, e.table, e.sql});
            continue;
        }
        catalog::Table t;
        t.name = e.name;
        t.sql = e.sql;
        r.query("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1, 'main')", {t.name},
                [&](sqlite3_stmt* s) {
                    catalog::Column c;
                    c.name = Reader::str(s, 0);
                    c.type = Reader::str(s, 1);
                    c.not_null = Reader::num(s, 2) != 0;
                    c.default_text = Reader::text(s, 3);
                    c.pk = Reader::num(s, 4);
                    c.hidden = Reader::num(s, 5);
                    t.columns.push_back(std::move(c));
                });
        r.query("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1, 'main') ORDER BY name", {t.name},
                [&](sqlite3_stmt* s) {
                    catalog::Index i;
                    i.name = Reader::str(s, 0);
                    i.unique = Reader::num(s, 1) != 0;
                    i.origin = Reader::str(s, 2);
                    i.partial = Reader::num(s, 3) != 0;
                    if (const auto it = index_sql.find(i.name); it != index_sql.end()) i.sql = it->second;
                    t.indexes.push_back(std::move(i));
                });
        for (auto& i : t.indexes)
            r.query("SELECT cid, name, \"desc\", coll, key FROM pragma_index_xinfo(?1, 'main') ORDER BY seqno", {i.name},
                    [&](sqlite3_stmt* s) {
                        i.columns.push_back({Reader::num(s, 0), Reader::str(s, 1), Reader::num(s, 2) != 0, Reader::str(s, 3),
                                             Reader::num(s, 4) != 0});
                    });
        r.query("SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" "
                "FROM pragma_foreign_key_list(?1, 'main') ORDER BY id, seq",
                {t.name}, [&](sqlite3_stmt* s) {
                    t.foreign_keys.push_back({Reader::num(s, 0), Reader::num(s, 1), Reader::str(s, 2), Reader::str(s, 3),
                                              Reader::text(s, 4), Reader::str(s, 5), Reader::str(s, 6), Reader::str(s, 7)});
                });
        snap.tables.push_back(std::move(t));
    }
    r.exec("COMMIT");
    return snap;
}

// ---------------------------------------------------------------------------
// The catalog as the model.

Value default_from_text(const std::string& raw, const Type& t, bool typed, const SourcePos& pos) {
    const std::string s = ascii_trim(raw);
    const Value sql{Value::Kind::Sql, s, {}, pos};
    Value v{Value::Kind::Scalar, "", {}, pos};
    const auto tokens = tokenize(s);
    const bool boolean = typed && t.kind == TypeKind::Boolean && !t.is_array;
    const std::string upper = ascii_upper(s);
    if (tokens.size() == 1 && tokens[0].kind == TokenKind::String) {
        v.text = tokens[0].text;
    } else if (is_number(s, false)) {
        v.text = boolean && s == "1" ? "true" : boolean && s == "0" ? "false" : s;
    } else if (boolean && (upper == "TRUE" || upper == "FALSE")) {
        v.text = upper == "TRUE" ? "true" : "false";
    } else if (upper == "NULL") {
        return Value{Value::Kind::Null, "", {}, pos};
    } else if (tokens.size() == 1 && tokens[0].kind == TokenKind::Blob && tokens[0].text.size() % 2 == 0 &&
               std::all_of(tokens[0].text.begin(), tokens[0].text.end(), [](char c) { return is_ascii_xdigit(c); })) {
        v.text = "\\x" + ascii_lower(tokens[0].text);
    } else {
        return sql;
    }
    // A value the column's type does not take (1.5 for an integer) stays the expression it is.
    if (typed && rules().check_literal(t, v, nullptr)) return sql;
    return v;
}

namespace {

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

bool same_names(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same_name(a[i], b[i])) return false;
    return true;
}

FkAction fk_action(const std::string& s) {
    const std::string u = ascii_upper(s);
    if (u == "RESTRICT") return FkAction::Restrict;
    if (u == "CASCADE") return FkAction::Cascade;
    if (u == "SET NULL") return FkAction::SetNull;
    if (u == "SET DEFAULT") return FkAction::SetDefault;
    return FkAction::NoAction;
}

class Inspector {
public:
    Inspector(const catalog::Snapshot& snap, const std::string& source, Diagnostics& diags)
        : snap_(snap), diags_(diags), pos_{std::make_shared<const std::string>(source), 0, 0} {
        for (const auto& t : snap.tables) tables_.push_back(&t);
    }

    Schema run() {
        Schema out;
        for (const auto& o : snap_.others) other(o);
        for (const auto& t : snap_.tables) out.tables.push_back(table_of(t));
        name_checks(out);
        rules().assign_default_names(out);
        return out;
    }

private:
    const catalog::Snapshot& snap_;
    Diagnostics& diags_;
    SourcePos pos_;
    std::vector<const catalog::Table*> tables_;

    // A table that is read, found ignoring case as SQLite finds it.
    const catalog::Table* find_table(const std::string& name) const {
        for (const auto* t : tables_)
            if (t->name == name) return t;
        for (const auto* t : tables_)
            if (same_name(t->name, name)) return t;
        return nullptr;
    }

    void not_represented(const std::string& what, const std::string& has, const std::string& so) {
        diags_.warning(pos_, "not-represented", what + " " + has + ", which cannot be represented yet; " + so);
    }

    void other(const catalog::Object& o) {
        std::string what = o.type + " " + display_ident(o.name);
        if (o.type == "trigger") what += " on table " + display_ident(o.table);
        if (o.type == "virtual table") {
            const auto tokens = tokenize(o.sql);
            for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
                if (tokens[i].is_keyword("USING")) {
                    what += " (USING " + tokens[i + 1].text + ")";
                    break;
                }
            what += " and its shadow tables";
        }
        diags_.warning(pos_, "unsupported-object",
                       what + " cannot be represented yet: left out of the model, and plans never create, change or drop it");
    }

    std::string column_what(const std::string& table, const std::string& column) const {
        return "column " + display_ident(table) + "." + display_ident(column);
    }

    Column column_of(const catalog::Table& t, const catalog::Column& c, const TableText& text) {
        const std::string what = column_what(t.name, c.name);
        Column out;
        out.name = c.name;
        out.pos = out.type_pos = pos_;
        out.nullable = !c.not_null;
        std::string err;
        std::optional<Type> type = c.type.empty() ? std::nullopt : parse_type(c.type, err);
        if (type && (type->kind == TypeKind::Enum || type->is_array)) {
            err = type->is_array ? "SQLite has no array types" : "no type of the schema language is named so";
            type.reset();
        }
        if (!type) {
            const std::string has = c.type.empty() ? "has no declared type" : "has declared type '" + c.type + "' (" + err + ")";
            diags_.warning(pos_, "unsupported-feature",
                           what + " " + has + ", which cannot be represented in the schema language; it is read as text");
        }
        out.type = type.value_or(Type{});
        const TextColumn* tc = text.find_column(c.name);
        if (c.hidden == 3 && tc && !tc->generated.empty()) {
            out.generated = tc->generated;
        } else if (c.hidden == 2 || c.hidden == 3) {
            const std::string expr = tc && !tc->generated.empty() ? "(" + tc->generated + ")" : "(...)";
            diags_.warning(pos_, "unsupported-feature",
                           what + " is a generated column (GENERATED ALWAYS AS " + expr + (c.hidden == 3 ? " STORED" : " VIRTUAL") +
                               "), which the schema language has only as STORED; it is read as a plain column");
        }
        if (tc && !tc->collation.empty() && !same_name(tc->collation, "BINARY")) out.collation = tc->collation;
        if (tc && !tc->on_conflict.empty())
            not_represented(what, "has NOT NULL ON CONFLICT " + tc->on_conflict, "it is not compared");
        if (c.default_text && c.hidden == 0) out.default_value = default_from_text(*c.default_text, out.type, type.has_value(), pos_);
        return out;
    }

    // The name of the column of `t` SQLite means by `n` (names ignore case).
    std::string column_name(const catalog::Table& t, const std::string& n) const {
        for (const auto& c : t.columns)
            if (c.name == n) return c.name;
        for (const auto& c : t.columns)
            if (same_name(c.name, n)) return c.name;
        return n;
    }

    std::vector<Ident> idents(const std::vector<std::string>& names) const {
        std::vector<Ident> v;
        for (const auto& n : names) v.push_back({n, pos_});
        return v;
    }

    static std::vector<std::string> key_columns(const catalog::Index& i) {
        std::vector<std::string> v;
        for (const auto& c : i.columns)
            if (c.key) v.push_back(c.name);
        return v;
    }

    void collations(const std::string& what, const catalog::Table& t, const catalog::Index& i, const TableText& text) {
        for (const auto& c : i.columns) {
            if (!c.key || c.collation.empty() || same_name(c.collation, "BINARY")) continue;
            // A column's own collation is reported with the column.
            const TextColumn* tc = c.cid >= 0 ? text.find_column(c.name) : nullptr;
            if (tc && same_name(tc->collation, c.collation)) continue;
            const std::string element = c.cid >= 0 ? display_ident(column_name(t, c.name)) : "an expression";
            not_represented(what, "uses collation " + c.collation + " for " + element, "it is not compared");
        }
    }

    Table table_of(const catalog::Table& t) {
        const std::string what = "table " + display_ident(t.name);
        const TableText text = parse_create_table(t.sql);
        if (!text.parsed)
            diags_.warning(pos_, "not-represented",
                           what + ": its CREATE TABLE text could not be read, so constraint names, checks and collations are "
                                  "not known (names are the default ones, checks are missing)");
        Table out;
        out.name = {"main", t.name};
        out.pos = out.schema_pos = out.renamed_pos = pos_;
        out.without_rowid = text.without_rowid;
        out.strict = text.strict;
        for (const auto& c : t.columns)
            if (c.hidden != 1) out.columns.push_back(column_of(t, c, text));
        key_not_null(t, text, out);

        primary_key(t, text, out);
        uniques(t, text, out);
        foreign_keys(t, text, out);
        for (const auto& c : text.checks) out.checks.push_back({c.name, ascii_trim(c.expr), pos_});
        for (const auto& i : t.indexes)
            if (i.origin == "c") index(t, i, text, out);
        return out;
    }

    // A rowid table's key column without NOT NULL: SQLite's rowid alias
    // (INTEGER PRIMARY KEY) can never hold NULL, so it is NOT NULL; any other
    // may (SQLite's legacy rule), which the model cannot say: read as NOT NULL
    // with a warning, since analysis refuses a nullable key column.
    void key_not_null(const catalog::Table& t, const TableText& text, Table& out) {
        std::vector<const catalog::Column*> key;
        for (const auto& c : t.columns)
            if (c.pk > 0) key.push_back(&c);
        const bool alias = key.size() == 1 && same_name(ascii_trim(key[0]->type), "INTEGER") && !text.without_rowid &&
                           !(text.primary_key && text.primary_key->desc);
        for (const auto* c : key) {
            Column* col = out.find_column(c->name);
            if (!col || !col->nullable) continue;
            col->nullable = false;
            if (!alias)
                diags_.warning(pos_, "not-represented",
                               column_what(t.name, c->name) + " is in the primary key but allows NULL (SQLite's rule for a "
                               "rowid table's key declared without NOT NULL), which cannot be represented; it is read as NOT NULL");
        }
    }

    void primary_key(const catalog::Table& t, const TableText& text, Table& out) {
        std::vector<std::pair<int, std::string>> cols;
        for (const auto& c : t.columns)
            if (c.pk > 0) cols.emplace_back(c.pk, c.name);
        if (cols.empty()) return;
        std::sort(cols.begin(), cols.end());
        KeyConstraint k;
        k.pos = pos_;
        for (const auto& [n, name] : cols) k.columns.push_back({name, pos_});
        const std::string what = "primary key of table " + display_ident(t.name);
        if (text.primary_key) {
            k.name = text.primary_key->name;
            k.name_given = !k.name.empty();
            if (text.primary_key->autoincrement && cols.size() == 1)
                if (Column* c = out.find_column(cols.front().second)) c->autoincrement = true;
            if (!text.primary_key->on_conflict.empty())
                not_represented(what, "has ON CONFLICT " + text.primary_key->on_conflict, "it is not compared");
        }
        for (const auto& i : t.indexes)
            if (i.origin == "pk") collations(what, t, i, text);
        out.primary_key = std::move(k);
    }

    void uniques(const catalog::Table& t, const TableText& text, Table& out) {
        std::vector<const catalog::Index*> left;
        for (const auto& i : t.indexes)
            if (i.origin == "u") left.push_back(&i);
        auto add = [&](const catalog::Index& i, const TextKey* k) {
            KeyConstraint u;
            u.pos = pos_;
            for (const auto& c : key_columns(i)) u.columns.push_back({c, pos_});
            if (k) {
                u.name = k->name;
                u.name_given = !u.name.empty();
            }
            const std::string what = "unique constraint " + (u.name_given ? display_ident(u.name) + " " : std::string()) + "of table " +
                                     display_ident(t.name) + " (" + join(key_columns(i)) + ")";
            if (k && !k->on_conflict.empty()) not_represented(what, "has ON CONFLICT " + k->on_conflict, "it is not compared");
            collations(what, t, i, text);
            out.uniques.push_back(std::move(u));
        };
        // In the order written; SQLite makes no second index for a key it already has.
        for (const auto& k : text.uniques) {
            const auto it = std::find_if(left.begin(), left.end(), [&](const catalog::Index* i) { return same_names(key_columns(*i), k.columns); });
            if (it == left.end()) continue;
            add(**it, &k);
            left.erase(it);
        }
        for (const auto* i : left) add(*i, nullptr);
    }

    void foreign_keys(const catalog::Table& t, const TableText& text, Table& out) {
        std::map<int, std::vector<const catalog::ForeignKeyRow*>> groups;
        for (const auto& r : t.foreign_keys) groups[r.id].push_back(&r);
        std::vector<int> left;   // SQLite numbers them from the last written: declaration order is descending ids
        for (auto it = groups.rbegin(); it != groups.rend(); ++it) left.push_back(it->first);
        auto columns = [&](int id) {
            std::vector<std::string> from, to;
            for (const auto* r : groups.at(id)) {
                from.push_back(r->from);
                if (r->to) to.push_back(*r->to);
            }
            return std::pair(from, to);
        };
        auto add = [&](int id, const TextForeignKey* k) {
            const auto& rows = groups.at(id);
            const auto [from, to] = columns(id);
            ForeignKey f;
            f.pos = f.ref_pos = pos_;
            if (k) {
                f.name = k->name;
                f.name_given = !f.name.empty();
            }
            const std::string what = "foreign key " + (f.name_given ? display_ident(f.name) + " " : std::string()) + "of table " +
                                     display_ident(t.name) + " (" + join(from) + ")";
            const catalog::Table* target = find_table(rows.front()->table);
            if (!target) {
                diags_.warning(pos_, "fk-outside-inspection",
                               what + " references " + display_ident(rows.front()->table) +
                                   ", which is not read (missing, excluded or virtual): it is left out of the model");
                return;
            }
            for (const auto& c : from) f.columns.push_back({column_name(t, c), pos_});
            f.ref_table = {"main", target->name};
            if (to.size() == from.size())
                for (const auto& c : to) f.ref_columns.push_back({column_name(*target, c), pos_});
            f.on_delete = fk_action(rows.front()->on_delete);
            f.on_update = fk_action(rows.front()->on_update);
            if (k && k->initially_deferred)
                not_represented(what, "is DEFERRABLE INITIALLY DEFERRED", "it is read as an immediate foreign key");
            out.foreign_keys.push_back(std::move(f));
        };
        for (const auto& k : text.foreign_keys) {
            const auto it = std::find_if(left.begin(), left.end(), [&](int id) {
                const auto [from, to] = columns(id);
                return same_names(from, k.columns) && same_name(groups.at(id).front()->table, k.ref_table) && same_names(to, k.ref_columns);
            });
            if (it == left.end()) continue;
            add(*it, &k);
            left.erase(it);
        }
        for (const int id : left) add(id, nullptr);
    }

    void index(const catalog::Table& t, const catalog::Index& i, const TableText& table_text, Table& out) {
        const std::string what = "index " + display_ident(i.name) + " on table " + display_ident(t.name);
        const IndexText text = parse_create_index(i.sql);
        Index x;
        x.name = i.name;
        x.name_given = true;
        x.unique = i.unique;
        x.pos = x.method_pos = x.where_pos = pos_;
        std::size_t k = 0;
        for (const auto& c : i.columns) {
            if (!c.key) continue;
            IndexElement e;
            e.pos = pos_;
            e.order = c.desc ? SortOrder::Desc : SortOrder::Asc;
            if (c.cid >= 0) {
                e.column = column_name(t, c.name);
            } else if (text.parsed && k < text.elements.size()) {
                e.expr = text.elements[k].text;
            } else {
                diags_.warning(pos_, "not-represented",
                               what + ": its CREATE INDEX text could not be read, so its expressions are not known; it is left out "
                                      "of the model");
                return;
            }
            x.elements.push_back(std::move(e));
            ++k;
        }
        if (i.partial) {
            if (!text.parsed || text.where.empty()) {
                diags_.warning(pos_, "not-represented",
                               what + " is partial, but its CREATE INDEX text could not be read: it is left out of the model");
                return;
            }
            x.where = text.where;
        }
        collations(what, t, i, table_text);
        out.indexes.push_back(std::move(x));
    }

    // The columns of `t` an expression names (not as a function).
    static std::vector<std::string> columns_named(const std::string& expr, const Table& t) {
        std::vector<std::string> found;
        const auto tokens = tokenize(expr);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const Token& tok = tokens[i];
            if (tok.kind != TokenKind::Word && tok.kind != TokenKind::Quoted) continue;
            if (i + 1 < tokens.size() && tokens[i + 1].is('(')) continue;
            for (const auto& c : t.columns)
                if (same_name(c.name, tok.text) && std::find(found.begin(), found.end(), c.name) == found.end()) found.push_back(c.name);
        }
        return found;
    }

    // Unnamed checks get the name PostgreSQL would give them, unique among
    // the constraint names of the schema.
    static void name_checks(Schema& s) {
        std::set<std::string> taken;
        for (const auto& t : s.tables) {
            if (t.primary_key && t.primary_key->name_given) taken.insert(t.primary_key->name);
            for (const auto& u : t.uniques)
                if (u.name_given) taken.insert(u.name);
            for (const auto& f : t.foreign_keys)
                if (f.name_given) taken.insert(f.name);
            for (const auto& c : t.checks)
                if (!c.name.empty()) taken.insert(c.name);
        }
        for (auto& t : s.tables)
            for (auto& c : t.checks) {
                if (!c.name.empty()) continue;
                const auto cols = columns_named(c.expr, t);
                const std::string column = cols.size() == 1 ? cols[0] : "";
                std::string name = postgres::pg_object_name(t.name.name, column, "check");
                for (int pass = 1; taken.count(name); ++pass)
                    name = postgres::pg_object_name(t.name.name, column, "check" + std::to_string(pass));
                taken.insert(name);
                c.name = name;
            }
    }
};

}  // namespace

Schema schema_from_catalog(const catalog::Snapshot& snapshot, const std::string& source, Diagnostics& diags) {
    return Inspector(snapshot, source, diags).run();
}

InspectedDatabase inspect_database(const std::string& conninfo, const InspectOptions& options, Diagnostics& diags) {
    std::string error;
    const auto where = parse_location(conninfo, error);
    if (!where) throw RunnerError(RunnerErrorKind::invalid_conninfo, error);
    InspectedDatabase db;
    db.name = where->path;
    for (const auto& s : options.schemas)
        if (s != "main")
            diags.error({std::make_shared<const std::string>(db.name), 0, 0}, "no-such-schema",
                        "--schema " + s + ": a SQLite database has the one schema main");
    const catalog::Snapshot snap = read_catalog(*where, options.exclude_tables);
    db.schema = schema_from_catalog(snap, db.name, diags);
    return db;
}

}  // namespace schemac::sql::sqlite
