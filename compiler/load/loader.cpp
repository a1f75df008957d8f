#include "load/loader.hpp"

#include <schemac/core/ascii.hpp>

#include "load/queries.hpp"
#include "load/source_file.hpp"
#include "load/yaml_documents.hpp"
#include "load/yaml_keys.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <set>
#include <sstream>

#include "model/analyze.hpp"

namespace schemac {

namespace {

namespace fs = std::filesystem;

class DocumentReader : YamlWalk {
public:
    DocumentReader(std::shared_ptr<const std::string> file, const std::string& text, Schema& out, Diagnostics& d)
        : YamlWalk(std::move(file), text, d), out_(out) {}

    void read(const YAML::Node& doc) {
        const SourcePos top = pos(doc, {file_, 1, 1});
        if (doc.IsNull()) return;   // an empty file is a valid, empty schema
        if (!doc.IsMap()) {
            diags_.error(top, "wrong-type", std::string("a schema file must be a mapping with keys schema, extensions, enums, tables, queries; found ") + yaml_kind_name(doc));
            return;
        }
        std::string schema_name;   // "" = not written: analysis places it in the dialect's default schema
        each_entry(doc, "schema file", kFileKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "schema" && scalar(v, kp, "schema", schema_name)) schema_pos_ = pos(v, kp);
        });
        each_entry(doc, "schema file", {}, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "extensions") read_extensions(v, kp);
            else if (key == "enums") read_enums(v, kp, schema_name);
            else if (key == "tables") read_tables(v, kp, schema_name);
            else if (key == "queries") read_queries(*this, v, kp, schema_name, schema_pos_, out_.queries);
        }, false);
    }

    bool over_budget() const { return exhausted(); }

private:
    SourcePos schema_pos_;   // the file's `schema:` value, if written
    Schema& out_;

    // An operator class or collation name after catalog_object_name.
    static bool good_object_name(const std::string& name) {
        return !name.empty() && name.find('\0') == std::string::npos && name.front() != '.' && name.back() != '.';
    }

    bool boolean(const YAML::Node& n, const SourcePos& at, const std::string& what, bool& out) {
        std::string s;
        if (!scalar(n, at, what, s)) return false;
        const std::string l = ascii_lower(s);
        if (l == "true") { out = true; return true; }
        if (l == "false") { out = false; return true; }
        diags_.error(pos(n, at), "wrong-type", what + " must be true or false, not '" + s + "'");
        return false;
    }

    Ident ident(const YAML::Node& n, const SourcePos& at, const std::string& what) {
        Ident id{"", pos(n, at)};
        scalar(n, at, what, id.name);
        return id;
    }

    std::vector<Ident> ident_list(const YAML::Node& n, const SourcePos& at, const std::string& what) {
        std::vector<Ident> out;
        if (!expect(n, YAML::NodeType::Sequence, at, what)) return out;
        if (n.size() == 0) diags_.error(pos(n, at), "empty-list", what + " must not be empty");
        for (const auto& item : n) {
            if (!spend()) break;
            if (!item.IsScalar()) {
                expect(item, YAML::NodeType::Scalar, pos(n, at), what + " entries");
                continue;
            }
            Ident id = ident(item, pos(n, at), what + " entry");
            if (id.name.empty()) diags_.error(id.pos, "bad-identifier", what + " has an empty name");
            else out.push_back(std::move(id));
        }
        return out;
    }

    // nullopt when the value was malformed (and reported), so no later check
    // reports a second error about the same place.
    std::optional<Value> value(const YAML::Node& n, const SourcePos& at, bool allow_sql, const std::string& what) {
        Value v;
        v.pos = pos(n, at);
        if (!spend()) return std::nullopt;
        if (n.IsNull()) return v;
        if (n.IsScalar()) {
            v.kind = Value::Kind::Scalar;
            v.text = text_of(n);
            return v;
        }
        if (n.IsSequence()) {
            v.kind = Value::Kind::Array;
            for (const auto& item : n) {
                auto e = value(item, v.pos, false, what);
                if (!e) return std::nullopt;
                v.items.push_back(std::move(*e));
            }
            return v;
        }
        if (n.IsMap() && allow_sql && n.size() == 1 && n["sql"]) {
            bool ok = false;
            each_entry(n, "SQL expression", {"sql"}, [&](const std::string&, const SourcePos& kp, const YAML::Node& e) {
                ok = scalar(e, kp, "sql", v.text);
                v.kind = Value::Kind::Sql;
                v.text = ascii_trim(v.text);
            });
            if (!ok) return std::nullopt;
            return v;
        }
        diags_.error(v.pos, "wrong-type", what + (allow_sql ? " must be a value, a list of values, or {sql: expression}"
                                                            : " must be a value or a list of values (SQL expressions are not allowed here)"));
        return std::nullopt;
    }

    bool fk_action(const YAML::Node& n, const SourcePos& at, const std::string& what, FkAction& out) {
        std::string s;
        if (!scalar(n, at, what, s)) return false;
        std::string l = ascii_lower(ascii_trim(s));
        std::replace(l.begin(), l.end(), ' ', '_');
        if (l == "no_action") out = FkAction::NoAction;
        else if (l == "restrict") out = FkAction::Restrict;
        else if (l == "cascade") out = FkAction::Cascade;
        else if (l == "set_null") out = FkAction::SetNull;
        else if (l == "set_default") out = FkAction::SetDefault;
        else {
            diags_.error(pos(n, at), "bad-value", what + " must be one of no_action, restrict, cascade, set_null, set_default, not '" + s + "'");
            return false;
        }
        return true;
    }

    // --- extensions: a name, or {name, version, schema}
    void read_extensions(const YAML::Node& n, const SourcePos& at) {
        if (!expect(n, YAML::NodeType::Sequence, at, "extensions")) return;
        for (const auto& item : n) {
            if (!spend()) break;
            Extension e;
            e.pos = pos(item, pos(n, at));
            if (item.IsScalar()) {
                e.name = ident(item, e.pos, "extension");
            } else if (expect(item, YAML::NodeType::Map, e.pos, "an extension (a name or {name, version, schema})")) {
                each_entry(item, "extension", kExtensionKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
                    if (key == "name") e.name = ident(v, kp, "extension name");
                    else if (key == "version") scalar(v, kp, "extension version", e.version);
                    else if (key == "schema") scalar(v, kp, "extension schema", e.schema);
                });
                if (e.name.pos.line == 0) {
                    diags_.error(e.pos, "missing-key", "an extension needs 'name'");
                    continue;
                }
            } else {
                continue;
            }
            out_.extensions.push_back(std::move(e));
        }
    }

    // --- enums
    void read_enums(const YAML::Node& n, const SourcePos& at, const std::string& schema_name) {
        if (!expect(n, YAML::NodeType::Map, at, "enums")) return;
        each_entry(n, "enums", {}, [&](const std::string& name, const SourcePos& kp, const YAML::Node& v) {
            Enum e;
            e.name = {schema_name, name};
            e.pos = kp;
            e.schema_pos = schema_pos_;
            if (v.IsSequence()) {
                e.values = ident_list(v, kp, "enum " + name + " values");
            } else if (expect(v, YAML::NodeType::Map, kp, "enum '" + name + "'")) {
                bool has_values = false;
                each_entry(v, "enum", kEnumKeys, [&](const std::string& key, const SourcePos& ekp, const YAML::Node& ev) {
                    if (key == "values") { e.values = ident_list(ev, ekp, "enum values"); has_values = true; }
                    else if (key == "comment") scalar(ev, ekp, "comment", e.comment);
                    else if (key == "schema" && scalar(ev, ekp, "schema", e.name.schema)) e.schema_pos = pos(ev, ekp);
                });
                if (!has_values) diags_.error(kp, "missing-key", "enum '" + name + "' needs 'values'");
            }
            out_.enums.push_back(std::move(e));
        });
    }

    // --- tables
    void read_tables(const YAML::Node& n, const SourcePos& at, const std::string& schema_name) {
        if (!expect(n, YAML::NodeType::Map, at, "tables")) return;
        each_entry(n, "tables", {}, [&](const std::string& name, const SourcePos& kp, const YAML::Node& v) {
            Table t;
            t.name = {schema_name, name};
            t.pos = kp;
            t.schema_pos = schema_pos_;
            if (expect(v, YAML::NodeType::Map, kp, "table '" + name + "'")) read_table(v, t);
            out_.tables.push_back(std::move(t));
        });
    }

    void read_table(const YAML::Node& n, Table& t) {
        bool has_columns = false;
        each_entry(n, "table", kTableKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "schema") { if (scalar(v, kp, "schema", t.name.schema)) t.schema_pos = pos(v, kp); }
            else if (key == "comment") scalar(v, kp, "comment", t.comment);
            else if (key == "renamed_from") {
                std::string s;
                if (!scalar(v, kp, "renamed_from", s)) return;
                t.renamed_pos = pos(v, kp);
                if (auto qn = parse_qualified_name(s)) t.renamed_from = *qn;
                else diags_.error(t.renamed_pos, "bad-value", "renamed_from '" + s + "' is not a table name");
            } else if (key == "columns") {
                has_columns = true;
                read_columns(v, kp, t);
            } else if (key == "strict") {
                if (boolean(v, kp, "strict", t.strict)) t.strict_pos = pos(v, kp);
            } else if (key == "without_rowid") {
                if (boolean(v, kp, "without_rowid", t.without_rowid)) t.without_rowid_pos = pos(v, kp);
            } else if (key == "unlogged") {
                if (boolean(v, kp, "unlogged", t.unlogged)) t.unlogged_pos = pos(v, kp);
            } else if (key == "with") {
                read_storage_params(v, kp, t.with, t.with_pos);
            } else if (key == "row_level_security") {
                std::string s;
                if (!scalar(v, kp, "row_level_security", s)) return;
                t.row_security_pos = pos(v, kp);
                const std::string l = ascii_lower(s);
                if (l == "true" || l == "enabled") t.row_security = true;
                else if (l == "forced") t.row_security = t.force_row_security = true;
                else if (l != "false")
                    diags_.error(t.row_security_pos, "bad-value", "row_level_security must be true, forced or false, not '" + s + "'");
            }
        });
        if (!has_columns) diags_.error(t.pos, "missing-key", "table '" + t.name.name + "' needs 'columns'");
        // Constraints after columns, so column shorthands come first in order.
        each_entry(n, "table", {}, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "primary_key") read_primary_key(v, kp, t);
            else if (key == "unique") read_uniques(v, kp, t);
            else if (key == "foreign_keys") read_foreign_keys(v, kp, t);
            else if (key == "checks") read_checks(v, kp, t);
            else if (key == "indexes") read_indexes(v, kp, t);
            else if (key == "hypertable") read_hypertable(v, kp, t);
            else if (key == "seed") read_seed(v, kp, t);
        }, false);
    }

    void set_type(Column& c, const YAML::Node& v, std::string text, const SourcePos& at, bool& nullable_mark) {
        text = ascii_trim(text);
        c.type_pos = at;
        if (!text.empty() && text.back() == '?') {
            nullable_mark = true;
            text.pop_back();
        }
        std::string error;
        if (auto t = parse_type(text, error)) c.type = *t;
        else diags_.error(at, "unknown-type", error + flow_comma_hint(v));
    }

    void read_columns(const YAML::Node& n, const SourcePos& at, Table& t) {
        if (!expect(n, YAML::NodeType::Map, at, "columns")) return;
        if (n.size() == 0) diags_.error(pos(n, at), "no-columns", "table '" + t.name.name + "' has no columns");
        each_entry(n, "columns", {}, [&](const std::string& name, const SourcePos& kp, const YAML::Node& v) {
            Column c;
            c.name = name;
            c.pos = kp;
            bool mark = false;
            if (v.IsScalar()) {
                set_type(c, v, text_of(v), pos(v, kp), mark);
                c.nullable = mark;
            } else if (expect(v, YAML::NodeType::Map, kp, "column '" + name + "'")) {
                read_column(v, kp, t, c);
            }
            t.columns.push_back(std::move(c));
        });
    }

    void read_column(const YAML::Node& n, const SourcePos& at, Table& t, Column& c) {
        bool has_type = false, mark = false;
        std::optional<bool> nullable;
        SourcePos nullable_pos;
        each_entry(n, "column", kColumnKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "type") {
                std::string s;
                if (scalar(v, kp, "type", s)) { set_type(c, v, s, pos(v, kp), mark); has_type = true; }
            } else if (key == "nullable") {
                bool b = false;
                if (boolean(v, kp, "nullable", b)) { nullable = b; nullable_pos = kp; }
            } else if (key == "default") {
                auto d = value(v, kp, true, "default");
                if (d && d->kind != Value::Kind::Null) c.default_value = std::move(*d);
            } else if (key == "comment") {
                scalar(v, kp, "comment", c.comment);
            } else if (key == "primary_key") {
                bool b = false;
                if (boolean(v, kp, "primary_key", b) && b) set_primary_key(t, {"", false, {{c.name, kp}}, kp});
            } else if (key == "unique") {
                bool b = false;
                if (boolean(v, kp, "unique", b) && b) t.uniques.push_back({"", false, {{c.name, kp}}, kp});
            } else if (key == "references") {
                read_column_reference(v, kp, t, c);
            } else if (key == "identity") {
                std::string s;
                if (!scalar(v, kp, "identity", s)) return;
                const std::string l = ascii_lower(s);
                if (l == "always") c.identity = Identity::Always;
                else if (l == "by_default" || l == "by default") c.identity = Identity::ByDefault;
                else diags_.error(pos(v, kp), "bad-value", "identity must be 'always' or 'by_default', not '" + s + "'");
            } else if (key == "renamed_from") {
                c.renamed_from = ident(v, kp, "renamed_from");
            } else if (key == "using") {
                if (scalar(v, kp, "using", c.using_expr)) c.using_pos = pos(v, kp);
            } else if (key == "backfill") {
                if (scalar(v, kp, "backfill", c.backfill)) { c.backfill = ascii_trim(c.backfill); c.backfill_pos = pos(v, kp); }
            } else if (key == "online") {
                if (boolean(v, kp, "online", c.online)) c.online_pos = pos(v, kp);
            } else if (key == "autoincrement") {
                if (boolean(v, kp, "autoincrement", c.autoincrement)) c.autoincrement_pos = pos(v, kp);
            } else if (key == "collate") {
                std::string s;
                if (!scalar(v, kp, "collate", s)) return;
                c.collation = catalog_object_name(s);
                c.collation_pos = pos(v, kp);
                if (!good_object_name(c.collation))
                    diags_.error(c.collation_pos, "bad-value", "collate must be a name (C, en_US, nocase), optionally after its schema and a dot, not '" + s + "'");
            } else if (key == "generated") {
                if (scalar(v, kp, "generated", c.generated)) {
                    c.generated = ascii_trim(c.generated);
                    c.generated_pos = pos(v, kp);
                    if (c.generated.empty()) diags_.error(c.generated_pos, "bad-generated", "column '" + c.name + "' has an empty generation expression");
                }
            }
        });
        if (!has_type) diags_.error(at, "missing-key", "column '" + c.name + "' needs 'type'");
        c.nullable = mark || nullable.value_or(false);
        if (mark && nullable == false)
            diags_.error(nullable_pos, "conflict", "column '" + c.name + "' is marked nullable with '?' in its type but says nullable: false");
    }

    // Both the column shorthand and the table key land here, so two of them clash.
    void set_primary_key(Table& t, KeyConstraint k) {
        if (t.primary_key) {
            auto& d = diags_.error(k.pos, "duplicate-primary-key", "table '" + t.name.name + "' has more than one primary key");
            Diagnostics::add_note(d, t.primary_key->pos, "first primary key here");
            return;
        }
        t.primary_key = std::move(k);
    }

    // "table", "table(col, ...)", "schema.table(col)"
    bool parse_reference(const std::string& text, const SourcePos& at, ForeignKey& fk) {
        std::string s = ascii_trim(text);
        std::string cols;
        const auto open = s.find('(');
        if (open != std::string::npos) {
            if (s.back() != ')') {
                diags_.error(at, "bad-reference", "reference '" + text + "' must look like table or table(column, ...)");
                return false;
            }
            cols = s.substr(open + 1, s.size() - open - 2);
            s = ascii_trim(s.substr(0, open));
            if (ascii_trim(cols).empty()) {
                diags_.error(at, "bad-reference", "reference '" + text + "' has an empty column list; write just the table to mean its primary key");
                return false;
            }
        }
        auto qn = parse_qualified_name(s);
        if (!qn) {
            diags_.error(at, "bad-reference", "reference '" + text + "' must look like table or table(column, ...)");
            return false;
        }
        fk.ref_table = *qn;
        fk.ref_pos = at;
        if (open != std::string::npos) {
            std::stringstream ss(cols);
            std::string part;
            while (std::getline(ss, part, ',')) {
                part = ascii_trim(part);
                if (part.size() >= 2 && part.front() == '"' && part.back() == '"') part = part.substr(1, part.size() - 2);
                if (part.empty()) {
                    diags_.error(at, "bad-reference", "reference '" + text + "' has an empty column name");
                    return false;
                }
                fk.ref_columns.push_back({part, at});
            }
        }
        return true;
    }

    void read_reference_map(const YAML::Node& n, const SourcePos& at, ForeignKey& fk, bool actions) {
        bool has_table = false;
        each_entry(n, "references", actions ? kReferenceKeys : Keys{"table", "columns"},
                   [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "table") {
                std::string s;
                if (!scalar(v, kp, "table", s)) return;
                has_table = true;
                fk.ref_pos = pos(v, kp);
                if (auto qn = parse_qualified_name(s)) fk.ref_table = *qn;
                else diags_.error(fk.ref_pos, "bad-reference", "'" + s + "' is not a table name");
            } else if (key == "columns") {
                fk.ref_columns = ident_list(v, kp, "referenced columns");
            } else if (key == "on_delete") {
                fk_action(v, kp, "on_delete", fk.on_delete);
            } else if (key == "on_update") {
                fk_action(v, kp, "on_update", fk.on_update);
            } else if (key == "name") {
                if (scalar(v, kp, "name", fk.name)) fk.name_given = true;
            }
        });
        if (!has_table) diags_.error(at, "missing-key", "references needs 'table'");
    }

    void read_column_reference(const YAML::Node& n, const SourcePos& at, Table& t, const Column& c) {
        ForeignKey fk;
        fk.pos = at;
        fk.columns = {{c.name, at}};
        if (n.IsScalar()) {
            if (!parse_reference(text_of(n), pos(n, at), fk)) return;
        } else if (expect(n, YAML::NodeType::Map, at, "references")) {
            read_reference_map(n, at, fk, true);
            if (fk.ref_table.name.empty()) return;   // reported: needs 'table'
        } else {
            return;
        }
        t.foreign_keys.push_back(std::move(fk));
    }

    bool read_key(const YAML::Node& n, const SourcePos& at, const std::string& what, KeyConstraint& k) {
        k.pos = pos(n, at);
        if (n.IsSequence()) {
            k.columns = ident_list(n, at, what + " columns");
            return true;
        }
        if (!n.IsMap()) {
            diags_.error(k.pos, "wrong-type", what + " must be a list of columns or {name, columns}, not " + yaml_kind_name(n));
            return false;
        }
        bool has_columns = false;
        each_entry(n, what.c_str(), kKeyKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "name") { if (scalar(v, kp, "name", k.name)) k.name_given = true; }
            else if (key == "concurrently") { if (boolean(v, kp, "concurrently", k.concurrently)) k.concurrently_pos = pos(v, kp); }
            else { k.columns = ident_list(v, kp, what + " columns"); has_columns = true; }
        });
        if (!has_columns) diags_.error(k.pos, "missing-key", what + " needs 'columns'");
        return true;
    }

    void read_primary_key(const YAML::Node& n, const SourcePos& at, Table& t) {
        KeyConstraint k;
        if (!read_key(n, at, "primary key", k)) return;
        k.pos = at;
        set_primary_key(t, std::move(k));
    }

    void read_uniques(const YAML::Node& n, const SourcePos& at, Table& t) {
        if (!expect(n, YAML::NodeType::Sequence, at, "unique")) return;
        for (const auto& item : n) {
            if (!spend()) return;
            KeyConstraint k;
            if (read_key(item, pos(n, at), "unique constraint", k)) t.uniques.push_back(std::move(k));
        }
    }

    void read_foreign_keys(const YAML::Node& n, const SourcePos& at, Table& t) {
        if (!expect(n, YAML::NodeType::Sequence, at, "foreign_keys")) return;
        for (const auto& item : n) {
            if (!spend()) return;
            ForeignKey fk;
            fk.pos = pos(item, at);
            if (!expect(item, YAML::NodeType::Map, at, "a foreign key")) continue;
            bool has_cols = false, has_ref = false;
            each_entry(item, "foreign key", kForeignKeyKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
                if (key == "name") { if (scalar(v, kp, "name", fk.name)) fk.name_given = true; }
                else if (key == "columns") { fk.columns = ident_list(v, kp, "foreign key columns"); has_cols = true; }
                else if (key == "on_delete") fk_action(v, kp, "on_delete", fk.on_delete);
                else if (key == "on_update") fk_action(v, kp, "on_update", fk.on_update);
                else if (key == "deferrable" || key == "match") {
                    std::string s;
                    if (!scalar(v, kp, key, s)) return;
                    fk.options_pos = pos(v, kp);
                    const std::string l = ascii_lower(s);
                    if (key == "match" && (l == "full" || l == "simple")) fk.match_full = l == "full";
                    else if (key == "deferrable" && l == "initially_deferred") fk.deferrable = Deferrable::InitiallyDeferred;
                    else if (key == "deferrable" && l == "initially_immediate") fk.deferrable = Deferrable::InitiallyImmediate;
                    else if (key == "deferrable" && l == "false") fk.deferrable = Deferrable::No;
                    else diags_.error(fk.options_pos, "bad-value", key == "match" ? "match must be full or simple, not '" + s + "'"
                                                                                   : "deferrable must be initially_deferred, initially_immediate or false, not '" + s + "'");
                }
                else if (key == "references") {
                    has_ref = true;
                    if (v.IsScalar()) parse_reference(text_of(v), pos(v, kp), fk);
                    else if (expect(v, YAML::NodeType::Map, kp, "references")) read_reference_map(v, kp, fk, false);
                }
            });
            if (!has_cols) diags_.error(fk.pos, "missing-key", "foreign key needs 'columns'");
            if (!has_ref) diags_.error(fk.pos, "missing-key", "foreign key needs 'references'");
            if (has_cols && has_ref && !fk.ref_table.name.empty()) t.foreign_keys.push_back(std::move(fk));
        }
    }

    void read_checks(const YAML::Node& n, const SourcePos& at, Table& t) {
        if (!expect(n, YAML::NodeType::Map, at, "checks")) return;
        each_entry(n, "checks", {}, [&](const std::string& name, const SourcePos& kp, const YAML::Node& v) {
            Check c{name, "", kp};
            if (scalar(v, kp, "check '" + name + "'", c.expr)) {
                c.expr = ascii_trim(c.expr);
                t.checks.push_back(std::move(c));
            }
        });
    }

    bool sort_words(std::string& words, IndexElement& e, const SourcePos& at) {
        // trailing "asc|desc [nulls first|last]" or "nulls first|last"
        std::vector<std::string> w;
        std::stringstream ss(words);
        for (std::string x; ss >> x;) w.push_back(x);
        auto tail_is = [&](std::size_t k, const char* s) { return w.size() > k && ascii_lower(w[w.size() - 1 - k]) == s; };
        if (w.size() >= 3 && tail_is(1, "nulls") && (tail_is(0, "first") || tail_is(0, "last"))) {
            e.nulls = tail_is(0, "first") ? NullsOrder::First : NullsOrder::Last;
            w.resize(w.size() - 2);
        }
        if (w.size() >= 2 && (tail_is(0, "asc") || tail_is(0, "desc"))) {
            e.order = tail_is(0, "desc") ? SortOrder::Desc : SortOrder::Asc;
            w.pop_back();
        }
        if (w.size() != 1) {
            diags_.error(at, "bad-index", "index column '" + words + "' must be a column name, optionally followed by ASC or DESC and NULLS FIRST or NULLS LAST; use {expr: ...} for expressions");
            return false;
        }
        words = w[0];
        return true;
    }

    void read_index_element(const YAML::Node& n, const SourcePos& at, Index& idx) {
        IndexElement e;
        e.pos = pos(n, at);
        if (n.IsScalar()) {
            std::string s = text_of(n);
            if (sort_words(s, e, e.pos)) { e.column = s; idx.elements.push_back(std::move(e)); }
            return;
        }
        if (!expect(n, YAML::NodeType::Map, at, "an index column")) return;
        each_entry(n, "index column", kIndexElementKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            std::string s;
            if (!scalar(v, kp, key, s)) return;
            if (key == "column") e.column = s;
            else if (key == "expr") e.expr = ascii_trim(s);
            else if (key == "order") {
                const std::string l = ascii_lower(s);
                if (l == "asc") e.order = SortOrder::Asc;
                else if (l == "desc") e.order = SortOrder::Desc;
                else diags_.error(pos(v, kp), "bad-value", "order must be asc or desc, not '" + s + "'");
            } else if (key == "nulls") {
                const std::string l = ascii_lower(s);
                if (l == "first") e.nulls = NullsOrder::First;
                else if (l == "last") e.nulls = NullsOrder::Last;
                else diags_.error(pos(v, kp), "bad-value", "nulls must be first or last, not '" + s + "'");
            } else if (key == "opclass" || key == "collate") {
                std::string& name = key == "opclass" ? e.opclass : e.collation;
                name = catalog_object_name(s);
                if (!good_object_name(name))
                    diags_.error(pos(v, kp), "bad-value", key + " must be a name (" +
                                                              (key == "opclass" ? "text_pattern_ops" : "C, en_US") +
                                                              "), optionally after its schema and a dot, not '" + s + "'");
            }
        });
        if (e.column.empty() == e.expr.empty()) {
            diags_.error(e.pos, "bad-index", "an index column needs exactly one of 'column' and 'expr'");
            return;
        }
        idx.elements.push_back(std::move(e));
    }

    // `with: {fillfactor: 70}` of an index or table: names as PostgreSQL folds
    // them, values as plain words or numbers (they are written into the SQL as
    // they are); which names the index method or a table knows is the
    // dialect's to check.
    void read_storage_params(const YAML::Node& n, const SourcePos& at, std::vector<StorageParam>& with, SourcePos& with_pos) {
        if (!expect(n, YAML::NodeType::Map, at, "with")) return;
        with_pos = pos(n, at);
        each_entry(n, "with", {}, [&](const std::string& name, const SourcePos& kp, const YAML::Node& v) {
            std::string value;
            if (!scalar(v, kp, "storage parameter '" + name + "'", value)) return;
            const auto word = [](const std::string& w, bool lead_digit) {
                if (w.empty()) return false;
                for (char c : w)
                    if (!(is_ascii_alnum(c) || c == '_' || (lead_digit && (c == '.' || c == '-' || c == '+')))) return false;
                return true;
            };
            // One dot, in a "prefix.name" the dialect judges (toast.*, which it refuses with its reason).
            const std::size_t dot = name.find('.');
            const bool words = word(name.substr(0, dot), false) && (dot == std::string::npos || word(name.substr(dot + 1), false));
            if (!words || is_ascii_digit(name[0]) || name != ascii_lower(name))
                diags_.error(kp, "bad-value", "storage parameter '" + name + "' must be a lower-case name such as fillfactor");
            else if (!word(value, true))
                diags_.error(pos(v, kp), "bad-value", "storage parameter '" + name + "' must be a number or a word, not '" + value + "'");
            else
                with.push_back({name, ascii_lower(value), kp});
        });
    }

    void read_indexes(const YAML::Node& n, const SourcePos& at, Table& t) {
        if (!expect(n, YAML::NodeType::Sequence, at, "indexes")) return;
        for (const auto& item : n) {
            if (!spend()) return;
            Index idx;
            idx.pos = pos(item, at);
            idx.method_pos = idx.pos;
            if (!expect(item, YAML::NodeType::Map, at, "an index")) continue;
            bool has_cols = false;
            each_entry(item, "index", kIndexKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
                if (key == "name") { if (scalar(v, kp, "name", idx.name)) idx.name_given = true; }
                else if (key == "unique") boolean(v, kp, "unique", idx.unique);
                else if (key == "concurrently") { if (boolean(v, kp, "concurrently", idx.concurrently)) idx.concurrently_pos = pos(v, kp); }
                else if (key == "where") { if (scalar(v, kp, "where", idx.where)) { idx.where = ascii_trim(idx.where); idx.where_pos = pos(v, kp); } }
                else if (key == "method") {
                    std::string s;
                    if (!scalar(v, kp, "method", s)) return;
                    idx.method_pos = pos(v, kp);
                    const std::string l = ascii_lower(s);
                    if (l == "btree") idx.method = IndexMethod::Btree;
                    else if (l == "hash") idx.method = IndexMethod::Hash;
                    else if (l == "gist") idx.method = IndexMethod::Gist;
                    else if (l == "gin") idx.method = IndexMethod::Gin;
                    else if (l == "brin") idx.method = IndexMethod::Brin;
                    else diags_.error(idx.method_pos, "bad-value",
                                      "index method must be btree, hash, gist, gin or brin, not '" + s + "'");
                } else if (key == "include") {
                    idx.include = ident_list(v, kp, "index include");
                    idx.include_pos = pos(v, kp);
                } else if (key == "nulls_not_distinct") {
                    if (boolean(v, kp, "nulls_not_distinct", idx.nulls_not_distinct)) idx.nulls_not_distinct_pos = pos(v, kp);
                } else if (key == "with") {
                    read_storage_params(v, kp, idx.with, idx.with_pos);
                } else if (key == "columns") {
                    has_cols = true;
                    if (!expect(v, YAML::NodeType::Sequence, kp, "index columns")) return;
                    if (v.size() == 0) diags_.error(pos(v, kp), "empty-list", "index columns must not be empty");
                    for (const auto& el : v) {
                        if (!spend()) return;
                        read_index_element(el, pos(v, kp), idx);
                    }
                }
            });
            if (!has_cols) diags_.error(idx.pos, "missing-key", "index needs 'columns'");
            else if (!idx.elements.empty()) t.indexes.push_back(std::move(idx));
        }
    }

    void read_hypertable(const YAML::Node& n, const SourcePos& at, Table& t) {
        if (!expect(n, YAML::NodeType::Map, at, "hypertable")) return;
        Hypertable h;
        h.pos = at;
        bool has_time = false;
        each_entry(n, "hypertable", kHypertableKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "time_column") { h.time_column = ident(v, kp, "time_column"); has_time = true; }
            else if (key == "create_default_indexes") boolean(v, kp, "create_default_indexes", h.create_default_indexes);
            else h.chunk_interval = value(v, kp, false, "chunk_interval");
        });
        if (!has_time) {
            diags_.error(at, "missing-key", "hypertable needs 'time_column'");
            return;
        }
        t.hypertable = std::move(h);
    }

    void read_seed_rows(const YAML::Node& n, const SourcePos& at, Seed& s) {
        if (!expect(n, YAML::NodeType::Sequence, at, "seed rows")) return;
        for (const auto& row : n) {
            if (!spend()) return;
            SeedRow r;
            r.pos = pos(row, at);
            if (!expect(row, YAML::NodeType::Map, at, "a seed row")) continue;
            each_entry(row, "seed row", {}, [&](const std::string& col, const SourcePos& kp, const YAML::Node& v) {
                const std::size_t reported = diags_.all().size();
                auto val = value(v, kp, false, "seed value");
                if (!val) {
                    // Kept as null at the error that says why (at the start when
                    // the walk ran out of budget): the column was written, and
                    // analysis, finding that error, says nothing more about it.
                    Value unreadable;
                    unreadable.pos = diags_.all().size() > reported ? diags_.all()[reported].pos : start();
                    r.values.emplace_back(Ident{col, kp}, std::move(unreadable));
                    return;
                }
                if (val->kind == Value::Kind::Null) val->pos = kp;
                r.values.emplace_back(Ident{col, kp}, std::move(*val));
            });
            s.rows.push_back(std::move(r));
        }
    }

    void read_seed(const YAML::Node& n, const SourcePos& at, Table& t) {
        Seed s;
        s.pos = at;
        if (n.IsSequence()) {
            read_seed_rows(n, at, s);
        } else if (expect(n, YAML::NodeType::Map, at, "seed")) {
            bool has_rows = false;
            each_entry(n, "seed", kSeedKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
                if (key == "key") s.key = ident_list(v, kp, "seed key");
                else if (key == "environments") {
                    s.environments = ident_list(v, kp, "seed environments");
                    if (s.environments.empty()) diags_.error(kp, "bad-value", "seed environments must name at least one environment");
                } else { has_rows = true; read_seed_rows(v, kp, s); }
            });
            if (!has_rows) diags_.error(at, "missing-key", "seed needs 'rows'");
        } else {
            return;
        }
        t.seed = std::move(s);
    }
};

}  // namespace

void load_yaml_text(const std::string& file_name, const std::string& text, Schema& out, Diagnostics& diags) {
    auto file = std::make_shared<const std::string>(file_name);
    auto parsed = parse_yaml_documents(file, text, diags);
    if (!parsed) return;
    const std::vector<YAML::Node>& docs = *parsed;
    DocumentReader reader(file, text, out, diags);
    for (const auto& doc : docs) {
        try {
            reader.read(doc);
        } catch (const std::exception& e) {
            // yaml-cpp can throw on node access for malformed trees; never crash.
            diags.error({file, 1, 1}, "yaml-syntax", std::string("could not read YAML document: ") + e.what());
        }
        if (reader.over_budget()) break;
    }
}

namespace {

bool is_yaml_name(const fs::path& p) {
    const auto ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

// Every *.yaml / *.yml below `dir`, following links to directories (each
// directory once, so a link loop ends). A file is listed whatever it turns out
// to be (a dangling link, a FIFO, a file without read permission): reading it
// then says why it is not schema, so no part of the schema disappears silently.
// A directory below with a schemac.yaml of its own is another project (its
// schema, its dialect, its migrations) and is not read.
void collect_yaml_files(const fs::path& dir, std::set<fs::path>& visited, std::vector<std::string>& found, Diagnostics& diags,
                        bool top = true) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (!ec && !visited.insert(canonical).second) return;
    if (!top && fs::exists(dir / "schemac.yaml", ec)) return;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path p = it->path();
        std::error_code kind_ec;
        if (fs::is_directory(p, kind_ec)) collect_yaml_files(p, visited, found, diags, false);
        else if (is_yaml_name(p)) found.push_back(p.generic_string());
    }
    if (ec) diags.error({std::make_shared<const std::string>(dir.generic_string()), 0, 0}, "io", "cannot read directory: " + ec.message());
}

}  // namespace

std::vector<std::string> expand_schema_paths(const std::vector<std::string>& paths, Diagnostics& diags) {
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        const fs::path path(p);
        if (fs::is_directory(path, ec)) {
            std::vector<std::string> found;
            std::set<fs::path> visited;
            const std::size_t errors = diags.error_count();
            collect_yaml_files(path, visited, found, diags);
            std::sort(found.begin(), found.end());
            if (found.empty() && diags.error_count() == errors)
                diags.error({std::make_shared<const std::string>(p), 0, 0}, "io", "no .yaml or .yml files in this directory");
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::symlink_status(path, ec).type() == fs::file_type::not_found) {
            diags.error({std::make_shared<const std::string>(p), 0, 0}, "io", "no such file or directory");
        } else {
            files.push_back(p);   // reading it says what is wrong: a dangling link, no permission, ...
        }
    }
    return files;
}

Schema load_schema(const std::vector<std::string>& paths, const SchemaRules& rules, Diagnostics& diags, LoadStats* stats) {
    Schema schema;
    const auto files = expand_schema_paths(paths, diags);
    for (const auto& f : files) {
        if (auto text = read_source_file(f, diags)) load_yaml_text(f, *text, schema, diags);
    }
    if (stats) stats->files = files.size();
    analyze(schema, rules, diags);
    diags.sort();
    return schema;
}

}  // namespace schemac
