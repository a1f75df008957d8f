// Named queries of the view model: one file pair per PostgreSQL schema that
// declares queries, one method per query.
#include <algorithm>
#include <set>

#include "codegen/cpp_names.hpp"
#include "codegen/view_naming.hpp"
#include "model/queries.hpp"

namespace schemac::codegen {

namespace {

// The SQL as sent: each $n becomes ($n::type) (the dialect's typed marker) with the declared type of
// param n, so the server knows the parameter types instead of inferring them
// (`SELECT $1 ... WHERE name = $1` would otherwise fail with "inconsistent
// types deduced for parameter $1"). The type is written without its modifier:
// an explicit cast to varchar(255) or numeric(10,2) would silently truncate or
// round, while the column still checks the value on write.
std::string typed_sql(const Query& q, const Naming& naming) {
    std::string out;
    std::size_t done = 0;
    for (const auto& p : naming.rules().scan_placeholders(q.sql).placeholders) {
        if (p.number == 0 || p.number > q.params.size()) continue;   // reported by the loader
        Type t = q.params[p.number - 1].type;
        t.precision = t.scale = t.length = -1;
        out += q.sql.substr(done, p.offset - done);
        out += naming.dml().typed_parameter(p.text, t);
        done = p.offset + p.text.size();
    }
    return out + q.sql.substr(done);
}

QueryFileView& query_file(ViewModel& vm, const Naming& naming, const Query& q) {
    const std::string header = naming.queries_header(q.schema);
    for (auto& f : vm.query_files)
        if (f.header == header) return f;
    QueryFileView f;
    f.header = header;
    f.source = naming.directory(q.schema) + "/queries.cpp";
    f.header_include = "queries.hpp";
    f.cpp_namespace = naming.cpp_namespace(q.schema);
    f.source_file = q.pos.file_name();
    vm.query_files.push_back(f);
    return vm.query_files.back();
}

}  // namespace

void build_queries(ViewModel& vm, const Schema& schema, const Naming& naming, Diagnostics& diags) {
    std::map<std::string, std::set<std::string>> includes;   // header -> includes
    for (const Query& q : schema.queries) {
        auto& file = query_file(vm, naming, q);
        auto& inc = includes[file.header];
        inc.insert({"<cstdint>", "<optional>", "<vector>", "<schemac/postgres/values.hpp>"});
        QueryView v;
        v.method = cpp_identifier(q.name);
        v.comment = q.comment;
        v.result = query_result_name(q.result);
        v.statement.sql = typed_sql(q, naming);
        v.statement.name = statement_name(v.statement.sql);
        std::string decls;
        for (const auto& p : q.params) {
            auto t = naming.type_of(p.type, p.nullable, p.type_pos, diags);
            if (!t) continue;
            inc.insert(t->includes.begin(), t->includes.end());
            decls += ", " + param_type(*t) + " " + cpp_identifier(p.name);
            v.args.push_back(cpp_identifier(p.name));
        }
        v.params_decl = decls;
        if (q.row) {
            const Table* t = schema.find_table(*q.row);
            if (!t) continue;   // analysis resolved the name, or reported it missing
            for (const auto& tv : vm.tables)
                if (tv.sql_name == naming.dml().qualified_name(t->name)) {
                    v.row = "::" + tv.cpp_namespace + "::" + tv.row;
                    v.row_header = tv.header;
                    v.own_row = false;
                    v.dao = "::" + tv.cpp_namespace + "::" + tv.dao;
                    inc.insert('"' + tv.header + '"');
                }
        } else if (!q.columns.empty()) {
            v.own_row = true;
            v.row = pascal_case(q.name) + "Row";
            int index = 0;
            for (const auto& c : q.columns) {
                auto t = naming.type_of(c.type, c.nullable, c.type_pos, diags);
                if (!t) continue;
                inc.insert(t->includes.begin(), t->includes.end());
                FieldView f;
                f.name = cpp_identifier(c.name);
                f.sql_name = c.name;
                f.type = t->name;
                f.pg_type = naming.dml().type_name(c.type) + (c.nullable ? "" : " not null");
                f.index = index++;
                v.fields.push_back(f);
            }
        }
        switch (q.result) {
            case QueryResult::None: v.return_type = "void"; break;
            case QueryResult::Count: v.return_type = "::std::int64_t"; break;
            case QueryResult::One: v.return_type = v.row; break;
            case QueryResult::Optional: v.return_type = "::std::optional<" + v.row + ">"; break;
            case QueryResult::Many: v.return_type = "::std::vector<" + v.row + ">"; break;
        }
        file.queries.push_back(v);
    }
    for (auto& f : vm.query_files) {
        f.includes = includes_from(f.header.substr(0, f.header.find('/')), includes[f.header]);
    }
}

}  // namespace schemac::codegen
