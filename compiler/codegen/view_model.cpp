// Tables and enums of the view model. Queries: view_queries.cpp; migrations:
// view_migrations.cpp. The shared naming rules: view_naming.hpp.
#include "codegen/view_model.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "codegen/cpp_names.hpp"
#include "codegen/view_naming.hpp"

namespace schemac::codegen {

namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

// Builds the view of one table. `naming` knows namespaces and enum names.
class TableBuilder {
public:
    TableBuilder(const Table& t, const Naming& naming, Diagnostics& diags)
        : t_(t), naming_(naming), dml_(naming.dml()), diags_(diags) {}

    TableView build() {
        const std::string dir = naming_.directory(t_.name.schema);
        const std::string base = cpp_identifier(t_.name.name);
        v_.sql_name = dml_.qualified_name(t_.name);
        v_.source_file = t_.pos.file_name();
        v_.header = dir + "/" + base + ".hpp";
        v_.source = dir + "/" + base + ".cpp";
        v_.header_include = base + ".hpp";
        v_.cpp_namespace = naming_.cpp_namespace(t_.name.schema);
        const std::string pascal = pascal_case(t_.name.name);
        v_.row = pascal + "Row";
        v_.new_row = pascal + "New";
        v_.dao = pascal + "Dao";
        v_.comment = t_.comment;
        fields();
        statements();
        return std::move(v_);
    }

private:
    void fields() {
        std::set<std::string> includes = {"<functional>", "<optional>", "<vector>", "<cstddef>", "<cstdint>", "<schemac/dao/or_default.hpp>"};
        NameClaims members(diags_, "columns ", "member");
        int index = 0;
        for (const Column& c : t_.columns) {
            FieldView f;
            f.name = cpp_identifier(c.name);
            if (!members.claim(f.name, '"' + c.name + '"', c.pos)) continue;
            auto type = naming_.type_of(c.type, c.nullable, c.type_pos, diags_);
            if (!type) continue;
            f.key_param_type = param_type(*naming_.type_of(c.type, false, c.type_pos, diags_));
            includes.insert(type->includes.begin(), type->includes.end());
            f.sql_name = dml_.column_name(c.name);
            f.type = type->name;
            f.param_type = param_type(*type);
            f.comment = c.comment;
            f.pg_type = dml_.type_name(c.type) + (c.nullable ? "" : " not null");
            f.generated = c.is_generated();
            f.in_new = c.identity != Identity::Always && !f.generated;
            const bool numbered = naming_.numbers_rows(t_, c);   // SQLite's rowid alias
            f.defaulted = is_serial(c.type.kind) || c.identity != Identity::None || c.default_value.has_value() || numbered;
            f.new_type = f.defaulted ? "::schemac::OrDefault<" + f.type + ">" : f.type;
            if (f.generated) f.pg_type += ", generated from " + c.generated;
            else if (numbered) f.pg_type += ", rowid alias";
            else if (f.defaulted) f.pg_type += is_serial(c.type.kind) || c.identity != Identity::None ? ", generated" : ", has default";
            f.index = index++;
            v_.fields.push_back(f);
            if (f.in_new) v_.new_fields.push_back(f);
        }
        v_.includes = includes_from(naming_.directory(t_.name.schema), includes);
    }

    const FieldView* field(const std::string& column) const {
        const std::string id = cpp_identifier(column);
        for (const auto& f : v_.fields)
            if (f.name == id) return &f;
        return nullptr;
    }

    // The plain-column prefix of an index: its leading elements up to the first expression.
    std::vector<const IndexElement*> column_prefix(const Index& ix) const {
        std::vector<const IndexElement*> out;
        for (const auto& e : ix.elements) {
            if (e.column.empty() || !field(e.column)) break;
            out.push_back(&e);
        }
        return out;
    }

    // "a = $1 AND b = $2" (in the dialect's markers) with args and params for the key columns.
    KeyMethodView key_method(const std::string& verb, const std::vector<std::string>& columns, int first_param = 1) const {
        KeyMethodView m;
        std::vector<std::string> names, decls, conds, shown;
        for (const auto& c : columns) {
            const FieldView* f = field(c);
            // Equality never matches NULL: a key parameter is the plain value type.
            names.push_back(c);
            decls.push_back(f->key_param_type + " " + f->name);
            conds.push_back(f->sql_name + " = " + dml_.parameter(first_param++));
            shown.push_back(c);
            m.args.push_back(f->name);
        }
        m.method = cpp_identifier(verb + "_by_" + join(names, "_and_"));
        m.params_decl = join(decls, ", ");
        m.key_comment = join(shown, ", ");
        m.statement.sql = join(conds, " AND ");   // completed by the caller
        return m;
    }

    std::string columns_of(const KeyConstraint& k) const {
        std::vector<std::string> cols;
        for (const auto& c : k.columns) cols.push_back(c.name);
        return join(cols, ",");
    }

    void statements() {
        if (v_.fields.size() != t_.columns.size()) return;   // reported: nothing sensible to generate
        std::vector<std::string> select;
        for (const auto& f : v_.fields) select.push_back(f.sql_name);
        v_.select_list = join(select, ", ");
        v_.insert_prefix = dml_.insert_prefix(v_.sql_name);
        v_.returning = dml_.returning(v_.select_list);
        v_.copy_target_table = v_.sql_name;
        // COPY of a table reads that table alone: a hypertable's rows are in its
        // chunks, so a query is copied instead (found on TimescaleDB: 0 rows).
        v_.stream_source = t_.hypertable ? "(SELECT " + v_.select_list + " FROM " + v_.sql_name + ")"
                                         : v_.sql_name + " (" + v_.select_list + ")";
        v_.stream.sql = "SELECT " + v_.select_list + " FROM " + v_.sql_name;
        v_.stream.name = statement_name(v_.stream.sql);
        v_.count.sql = dml_.count(v_.sql_name);
        v_.count.name = statement_name(v_.count.sql);

        std::vector<std::vector<std::string>> keys;   // primary key first, then unique keys
        std::vector<SourcePos> key_pos;               // where each was written
        std::set<std::vector<std::string>> key_sets;
        auto add_key = [&](std::vector<std::string> cols, const SourcePos& pos) {
            auto sorted = cols;
            std::sort(sorted.begin(), sorted.end());
            if (!key_sets.insert(sorted).second) return;
            keys.push_back(std::move(cols));
            key_pos.push_back(pos);
        };
        auto names_of = [](const std::vector<Ident>& ids) {
            std::vector<std::string> out;
            for (const auto& i : ids) out.push_back(i.name);
            return out;
        };
        if (t_.primary_key) {
            v_.has_primary_key = true;
            add_key(names_of(t_.primary_key->columns), t_.primary_key->pos);
        }
        for (const auto& u : t_.uniques) add_key(names_of(u.columns), u.pos);
        for (const auto& ix : t_.indexes) {
            if (!ix.unique || !ix.where.empty()) continue;
            auto prefix = column_prefix(ix);
            if (prefix.size() != ix.elements.size()) continue;   // an expression: not a column key
            std::vector<std::string> cols;
            for (auto* e : prefix) cols.push_back(e->column);
            add_key(cols, ix.pos);
        }
        // Different keys can make one method name ([a_and_b, c] and [a, b_and_c]):
        // two overloads of one signature would not compile.
        NameClaims methods(diags_, "", "method");
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const auto& k = keys[i];
            auto m = key_method("find", k);
            if (!methods.claim(m.method, "key (" + join(k, ", ") + ")", key_pos[i])) continue;
            m.statement.sql = dml_.select(v_.sql_name, v_.select_list, m.statement.sql, {});
            m.statement.name = statement_name(m.statement.sql);
            v_.finds.push_back(m);
        }
        lists(keys, key_pos, key_sets, methods);
        if (!t_.primary_key) return;
        const auto pk = keys.front();
        auto del = key_method("delete", pk);
        del.statement.sql = dml_.delete_rows(v_.sql_name, del.statement.sql);
        del.statement.name = statement_name(del.statement.sql);
        v_.deletes.push_back(del);
        update(pk);
        upsert(pk);
        for (std::size_t i = 1; i < keys.size(); ++i) unique_upsert(keys[i], pk);
    }

    // list_by_<leading columns> for every index (and composite key) prefix that is not a key itself.
    void lists(const std::vector<std::vector<std::string>>& keys, const std::vector<SourcePos>& key_pos,
               const std::set<std::vector<std::string>>& key_sets, NameClaims& methods) {
        struct Source {
            std::vector<std::string> columns;
            std::vector<std::string> order;   // SQL of each element, with its direction
            SourcePos pos;
        };
        std::vector<Source> sources;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const auto& k = keys[i];
            Source s;
            s.pos = key_pos[i];
            for (const auto& c : k) {
                s.columns.push_back(c);
                s.order.push_back(field(c)->sql_name);
            }
            sources.push_back(s);
        }
        for (const auto& ix : t_.indexes) {
            if (ix.implied) continue;   // TimescaleDB's: the generated API does not change with an extension
            Source s;
            s.pos = ix.pos;
            for (auto* e : column_prefix(ix)) {
                s.columns.push_back(e->column);
                std::string o = field(e->column)->sql_name;
                if (e->order == SortOrder::Desc) o += " DESC";
                if (e->nulls == NullsOrder::First) o += " NULLS FIRST";
                if (e->nulls == NullsOrder::Last) o += " NULLS LAST";
                s.order.push_back(o);
            }
            sources.push_back(s);
        }
        std::set<std::vector<std::string>> done;
        for (const auto& s : sources) {
            for (std::size_t n = 1; n <= s.columns.size(); ++n) {
                std::vector<std::string> cols(s.columns.begin(), s.columns.begin() + static_cast<long>(n));
                auto sorted = cols;
                std::sort(sorted.begin(), sorted.end());
                if (key_sets.count(sorted) || !done.insert(sorted).second) continue;
                auto m = key_method("list", cols);
                if (!methods.claim(m.method, "columns (" + join(cols, ", ") + ")", s.pos)) continue;
                // Ordered by the rest of the index, then the primary key: a stable order the index can serve.
                std::vector<std::string> order(s.order.begin() + static_cast<long>(n), s.order.end());
                if (!keys.empty() && t_.primary_key)
                    for (const auto& c : keys.front())
                        if (std::find(s.columns.begin(), s.columns.end(), c) == s.columns.end()) order.push_back(field(c)->sql_name);
                m.statement.sql = dml_.select(v_.sql_name, v_.select_list, m.statement.sql, order);
                m.statement.name = statement_name(m.statement.sql);
                v_.lists.push_back(m);
            }
        }
    }

    // By position: `f` may be a copy (new_fields holds copies of fields).
    bool in_key(const std::vector<std::string>& key, const FieldView& f) const {
        for (const auto& c : key)
            if (field(c)->index == f.index) return true;
        return false;
    }

    void update(const std::vector<std::string>& pk) {
        std::vector<std::string> sets;
        KeyMethodView m;
        int n = 1;
        for (const auto& f : v_.fields) {
            if (in_key(pk, f) || !f.in_new) continue;   // GENERATED ALWAYS columns cannot be set
            sets.push_back(f.sql_name + " = " + dml_.parameter(n++));
            m.args.push_back("schemac_row." + f.name);
        }
        if (sets.empty()) return;
        auto where = key_method("update", pk, n);
        for (const auto& a : where.args) m.args.push_back("schemac_row." + a);
        m.method = "update";
        m.key_comment = where.key_comment;
        m.statement.sql = dml_.update(v_.sql_name, sets, where.statement.sql);
        m.statement.name = statement_name(m.statement.sql);
        v_.has_update = true;
        v_.update = m;
    }

    void upsert(const std::vector<std::string>& pk) {
        std::vector<std::string> cols, updated;
        KeyMethodView m;
        bool overriding = false;
        for (const auto& f : v_.fields) {
            if (f.generated) continue;   // its expression fills it, on insert and on update
            cols.push_back(f.sql_name);
            m.args.push_back("schemac_row." + f.name);
            overriding = overriding || !f.in_new;
            if (!in_key(pk, f) && f.in_new) updated.push_back(f.sql_name);
        }
        std::vector<std::string> conflict;
        for (const auto& c : pk) conflict.push_back(field(c)->sql_name);
        m.method = "upsert";
        m.key_comment = join(pk, ", ");
        m.statement.sql = dml_.upsert(v_.sql_name, cols, overriding, conflict, updated, v_.returning);
        m.statement.name = statement_name(m.statement.sql);
        v_.has_upsert = true;
        v_.upsert = m;
    }

    void unique_upsert(const std::vector<std::string>& key, const std::vector<std::string>& pk) {
        UpsertView u;
        std::vector<std::string> names, sql;
        for (const auto& c : key) {
            names.push_back(c);
            sql.push_back(field(c)->sql_name);
        }
        u.method = cpp_identifier("upsert_by_" + join(names, "_and_"));
        u.key_comment = join(key, ", ");
        u.conflict_sql = dml_.upsert_clause(sql);
        u.noop_set = dml_.set_to_proposed(sql.front());
        for (const auto& f : v_.new_fields)
            if (in_key(key, f) || in_key(pk, f)) u.key_fields.push_back(f.index);
        v_.unique_upserts.push_back(u);
    }

    const Table& t_;
    const Naming& naming_;
    const sql::Dml& dml_;
    Diagnostics& diags_;
    TableView v_;
};

EnumFileView& enum_file(ViewModel& vm, const Naming& naming, const std::string& schema) {
    const std::string header = naming.enums_header(schema);
    for (auto& f : vm.enum_files)
        if (f.header == header) return f;
    EnumFileView f;
    f.header = header;
    f.cpp_namespace = naming.cpp_namespace(schema);
    vm.enum_files.push_back(f);
    return vm.enum_files.back();
}

void build_enums(ViewModel& vm, const Schema& schema, const Naming& naming, Diagnostics& diags) {
    for (const Enum& e : schema.enums) {
        EnumView v;
        v.sql_name = naming.dml().qualified_name(e.name);
        v.cpp_namespace = naming.cpp_namespace(e.name.schema);
        v.name = pascal_case(e.name.name);
        v.qualified = naming.enum_naming(e.name).qualified;
        v.from_string = cpp_identifier(e.name.name + "_from_string");
        v.comment = e.comment;
        NameClaims enumerators(diags, "enum values ", "enumerator");
        for (const auto& label : e.values) {
            EnumValueView ev{cpp_identifier(label.name), label.name, false};
            if (!enumerators.claim(ev.name, "'" + label.name + "'", label.pos)) continue;
            v.values.push_back(ev);
        }
        if (!v.values.empty()) v.values.back().last = true;
        auto& file = enum_file(vm, naming, e.name.schema);
        if (std::find(file.source_files.begin(), file.source_files.end(), e.pos.file_name()) == file.source_files.end())
            file.source_files.push_back(e.pos.file_name());
        file.enums.push_back(v);
    }
}

// Two tables, enums or queries whose C++ names or files collide.
void check_type_names(const ViewModel& vm, const Schema& schema, const Naming& naming, Diagnostics& diags) {
    NameClaims names(diags, "", "name");
    NameClaims files(diags, "", "file");
    // A schema's enums.hpp and queries.hpp have fixed names: claimed first, so
    // that a table named enums or queries is the one reported.
    for (const Enum& e : schema.enums)
        files.claim(naming.enums_header(e.name.schema), "the enums.hpp of schema " + display_ident(e.name.schema), e.pos);
    for (const Query& q : schema.queries)
        files.claim(naming.queries_header(q.schema), "the queries.hpp of schema " + display_ident(q.schema), q.pos);
    // The row struct stands for its insert struct and DAO, which differ only in their suffix.
    for (std::size_t i = 0; i < vm.tables.size(); ++i) {
        const auto& t = vm.tables[i];
        names.claim(t.cpp_namespace + "::" + t.row, t.sql_name, schema.tables[i].pos);
        files.claim(t.header, t.sql_name, schema.tables[i].pos);
    }
    for (const Enum& e : schema.enums) names.claim(naming.cpp_namespace(e.name.schema) + "::" + pascal_case(e.name.name), naming.dml().qualified_name(e.name), e.pos);
    for (const Query& q : schema.queries)
        if (!q.row && !q.columns.empty()) names.claim(naming.cpp_namespace(q.schema) + "::" + pascal_case(q.name) + "Row", "query " + q.name, q.pos);
}

}  // namespace

ViewModel build_view_model(const Schema& schema, const GenerateOptions& options, Diagnostics& diags) {
    ViewModel vm;
    vm.options = options;
    const Naming naming(schema, options, diags);
    build_enums(vm, schema, naming, diags);
    for (const Table& t : schema.tables) vm.tables.push_back(TableBuilder(t, naming, diags).build());
    build_queries(vm, schema, naming, diags);
    check_type_names(vm, schema, naming, diags);
    return vm;
}

}  // namespace schemac::codegen
