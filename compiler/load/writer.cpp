#include "load/writer.hpp"

#include <schemac/core/ascii.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

namespace schemac {

namespace {

// Double-quoted YAML scalar (JSON-compatible escapes).
std::string dq(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

// Keys and identifiers: bare when unambiguous in YAML, else double-quoted.
std::string key(const std::string& s) {
    static const char* special[] = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"};
    if (s.empty() || !(is_ascii_lower(s[0]) || s[0] == '_')) return dq(s);
    for (char c : s)
        if (!(is_ascii_lower(c) || is_ascii_digit(c) || c == '_')) return dq(s);
    for (const char* w : special)
        if (s == w) return dq(s);
    return s;
}

std::string names(const std::vector<Ident>& ids) {
    std::string s = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + key(ids[i].name);
    return s + "]";
}

std::string value(const Value& v) {
    switch (v.kind) {
        case Value::Kind::Null: return "null";
        case Value::Kind::Scalar: return dq(v.text);
        case Value::Kind::Sql: return "{sql: " + dq(v.text) + "}";
        case Value::Kind::Array: {
            std::string s = "[";
            for (std::size_t i = 0; i < v.items.size(); ++i) s += (i ? ", " : "") + value(v.items[i]);
            return s + "]";
        }
    }
    return "null";
}

const char* action(FkAction a) {
    switch (a) {
        case FkAction::NoAction: return "no_action";
        case FkAction::Restrict: return "restrict";
        case FkAction::Cascade: return "cascade";
        case FkAction::SetNull: return "set_null";
        case FkAction::SetDefault: return "set_default";
    }
    return "no_action";
}

std::string qualified(const QualifiedName& q) {
    // Written in the loader's reference syntax: parts double-quoted only when needed.
    auto part = [](const std::string& p) {
        bool plain = !p.empty() && !is_ascii_digit(p[0]);
        for (char c : p)
            if (!(is_ascii_alnum(c) || c == '_')) plain = false;
        if (plain) return p;
        std::string s = "\"";
        for (char c : p) { if (c == '"') s += '"'; s += c; }
        return s + "\"";
    };
    return part(q.schema) + "." + part(q.name);
}

void write_column(std::string& out, const Column& c) {
    out += "      " + key(c.name) + ":\n";
    out += "        type: " + dq(c.type.kind == TypeKind::Enum ? qualified(c.type.enum_name) + (c.type.is_array ? "[]" : "") : c.type.display()) + "\n";
    if (c.nullable) out += "        nullable: true\n";
    if (c.default_value) out += "        default: " + value(*c.default_value) + "\n";
    if (c.identity == Identity::Always) out += "        identity: always\n";
    if (c.identity == Identity::ByDefault) out += "        identity: by_default\n";
    if (c.autoincrement) out += "        autoincrement: true\n";
    if (c.is_generated()) out += "        generated: " + dq(c.generated) + "\n";
    if (!c.collation.empty()) out += "        collate: " + dq(c.collation) + "\n";
    if (!c.comment.empty()) out += "        comment: " + dq(c.comment) + "\n";
}

std::string storage(const std::vector<StorageParam>& with) {
    std::string w;
    for (const auto& p : with) w += (w.empty() ? "" : ", ") + key(p.name) + ": " + dq(p.value);
    return "{" + w + "}";
}

void write_index(std::string& out, const Index& i) {
    out += "      - name: " + key(i.name) + "\n        columns:\n";
    for (const auto& e : i.elements) {
        out += "          - {";
        out += e.expr.empty() ? "column: " + dq(e.column) : "expr: " + dq(e.expr);
        if (e.order == SortOrder::Desc) out += ", order: desc";
        if (e.nulls == NullsOrder::First) out += ", nulls: first";
        if (e.nulls == NullsOrder::Last) out += ", nulls: last";
        if (!e.opclass.empty()) out += ", opclass: " + dq(e.opclass);
        if (!e.collation.empty()) out += ", collate: " + dq(e.collation);
        out += "}\n";
    }
    if (i.unique) out += "        unique: true\n";
    if (i.nulls_not_distinct) out += "        nulls_not_distinct: true\n";
    if (!i.include.empty()) out += "        include: " + names(i.include) + "\n";
    if (!i.with.empty()) out += "        with: " + storage(i.with) + "\n";
    if (!i.where.empty()) out += "        where: " + dq(i.where) + "\n";
    if (i.method != IndexMethod::Btree) out += std::string("        method: ") + index_method_name(i.method) + "\n";
    if (!i.concurrently) out += "        concurrently: false\n";
}

void write_table(std::string& out, const Table& t) {
    out += "  " + key(t.name.name) + ":\n";
    if (!t.comment.empty()) out += "    comment: " + dq(t.comment) + "\n";
    out += "    columns:\n";
    for (const auto& c : t.columns) write_column(out, c);
    if (t.primary_key) out += "    primary_key: {name: " + key(t.primary_key->name) + ", columns: " + names(t.primary_key->columns) + "}\n";
    if (!t.uniques.empty()) {
        out += "    unique:\n";
        for (const auto& u : t.uniques) out += "      - {name: " + key(u.name) + ", columns: " + names(u.columns) + "}\n";
    }
    if (!t.foreign_keys.empty()) {
        out += "    foreign_keys:\n";
        for (const auto& f : t.foreign_keys) {
            out += "      - name: " + key(f.name) + "\n        columns: " + names(f.columns) + "\n";
            out += "        references: {table: " + dq(qualified(f.ref_table));
            if (!f.ref_columns.empty()) out += ", columns: " + names(f.ref_columns);
            out += "}\n";
            if (f.on_delete != FkAction::NoAction) out += std::string("        on_delete: ") + action(f.on_delete) + "\n";
            if (f.on_update != FkAction::NoAction) out += std::string("        on_update: ") + action(f.on_update) + "\n";
            if (f.deferrable == Deferrable::InitiallyDeferred) out += "        deferrable: initially_deferred\n";
            if (f.deferrable == Deferrable::InitiallyImmediate) out += "        deferrable: initially_immediate\n";
            if (f.match_full) out += "        match: full\n";
        }
    }
    if (!t.checks.empty()) {
        out += "    checks:\n";
        for (const auto& c : t.checks) out += "      " + key(c.name) + ": " + dq(c.expr) + "\n";
    }
    // TimescaleDB's own index is implied by the hypertable, not written.
    if (std::any_of(t.indexes.begin(), t.indexes.end(), [](const Index& i) { return !i.implied; })) {
        out += "    indexes:\n";
        for (const auto& i : t.indexes)
            if (!i.implied) write_index(out, i);
    }
    if (t.strict) out += "    strict: true\n";
    if (t.without_rowid) out += "    without_rowid: true\n";
    if (t.unlogged) out += "    unlogged: true\n";
    if (!t.with.empty()) out += "    with: " + storage(t.with) + "\n";
    if (t.row_security) out += std::string("    row_level_security: ") + (t.force_row_security ? "forced" : "true") + "\n";
    if (t.hypertable) {
        out += "    hypertable:\n      time_column: " + key(t.hypertable->time_column.name) + "\n";
        if (!t.hypertable->create_default_indexes) out += "      create_default_indexes: false\n";
        if (t.hypertable->chunk_interval) out += "      chunk_interval: " + value(*t.hypertable->chunk_interval) + "\n";
    }
    if (t.seed) {
        out += "    seed:\n      key: " + names(t.seed->key) + "\n";
        if (!t.seed->everywhere()) out += "      environments: " + names(t.seed->environments) + "\n";
        out += "      rows:\n";
        for (const auto& r : t.seed->rows) {
            out += "        - {";
            for (std::size_t k = 0; k < r.values.size(); ++k)
                out += (k ? ", " : "") + key(r.values[k].first.name) + ": " + value(r.values[k].second);
            out += "}\n";
        }
    }
}

}  // namespace

std::string write_schema_yaml(const Schema& schema, const std::string& header_comment) {
    std::map<std::string, std::pair<std::vector<const Enum*>, std::vector<const Table*>>> by_schema;
    for (const auto& e : schema.enums) by_schema[e.name.schema].first.push_back(&e);
    for (const auto& t : schema.tables) by_schema[t.name.schema].second.push_back(&t);
    std::string out;
    for (std::size_t i = 0; i < header_comment.size();) {
        const auto nl = header_comment.find('\n', i);
        out += "# " + header_comment.substr(i, nl == std::string::npos ? std::string::npos : nl - i) + "\n";
        if (nl == std::string::npos) break;
        i = nl + 1;
    }
    bool first = true;
    if (!schema.extensions.empty() && by_schema.empty()) by_schema[""];   // a document to hold them
    for (const auto& [ns, objects] : by_schema) {
        if (!first) out += "---\n";
        if (!ns.empty()) out += "schema: " + key(ns) + "\n";
        if (first && !schema.extensions.empty()) {
            out += "extensions:\n";
            for (const auto& e : schema.extensions) {
                out += "  - {name: " + dq(e.name.name);
                if (!e.version.empty()) out += ", version: " + dq(e.version);
                if (!e.schema.empty()) out += ", schema: " + key(e.schema);
                out += "}\n";
            }
        }
        first = false;
        if (!objects.first.empty()) {
            out += "enums:\n";
            for (const Enum* e : objects.first) {
                out += "  " + key(e->name.name) + ":\n    values: [";
                for (std::size_t k = 0; k < e->values.size(); ++k) out += (k ? ", " : "") + dq(e->values[k].name);
                out += "]\n";
                if (!e->comment.empty()) out += "    comment: " + dq(e->comment) + "\n";
            }
        }
        if (!objects.second.empty()) {
            out += "tables:\n";
            for (const Table* t : objects.second) write_table(out, *t);
        }
    }
    return out;
}

}  // namespace schemac
