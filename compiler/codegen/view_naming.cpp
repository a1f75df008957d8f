#include "codegen/view_naming.hpp"

#include <schemac/core/statement_name.hpp>

#include "codegen/cpp_names.hpp"

namespace schemac::codegen {

Naming::Naming(const Schema& schema, const GenerateOptions& options, Diagnostics& diags)
    : dml_(&options.dialect->dml()),
      rules_(&options.dialect->rules()),
      mapping_(type_mapping(options.driver.empty() ? options.dialect->drivers().front() : options.driver)),
      rowid_alias_(options.dialect->name() == "sqlite"),
      outer_(options.cpp_namespace) {
    NameClaims namespaces(diags, "schemas ", "namespace");
    auto add = [&](const std::string& s, const SourcePos& pos) {
        if (ident_.count(s)) return;
        const std::string id = cpp_identifier(s);
        namespaces.claim(id, '"' + s + '"', pos);
        ident_[s] = id;
    };
    for (const auto& t : schema.tables) add(t.name.schema, t.schema_pos.line ? t.schema_pos : t.pos);
    for (const auto& e : schema.enums) add(e.name.schema, e.schema_pos.line ? e.schema_pos : e.pos);
    for (const auto& q : schema.queries) add(q.schema, q.pos);
}

std::string Naming::directory(const std::string& pg_schema) const {
    auto it = ident_.find(pg_schema);
    return it != ident_.end() ? it->second : cpp_identifier(pg_schema);
}

std::string Naming::cpp_namespace(const std::string& pg_schema) const { return outer_ + "::" + directory(pg_schema); }

EnumNaming Naming::enum_naming(const QualifiedName& e) const {
    return {"::" + cpp_namespace(e.schema) + "::" + pascal_case(e.name), enums_header(e.schema)};
}

std::optional<CppType> Naming::type_of(const Type& t, bool nullable, const SourcePos& pos, Diagnostics& diags) const {
    std::optional<EnumNaming> en;
    if (t.kind == TypeKind::Enum) en = enum_naming(t.enum_name);
    auto c = cpp_type(t, nullable, en, mapping_);
    if (!c) diags.error(pos, "codegen-unmapped-type", "type " + t.display() + " has no C++ mapping; see docs/codegen.md for the supported types");
    return c;
}

bool Naming::numbers_rows(const Table& t, const Column& c) const {
    // lang_createtable.html#rowid: a primary key of one column declared INTEGER
    // (bigint's BIGINT is not) is the rowid; inserting NULL or leaving it out
    // numbers the row. A WITHOUT ROWID table has no rowid, so nothing numbers it.
    return rowid_alias_ && t.rowid_alias() == &c;
}

std::string include_from(const std::string& dir, const std::string& spelled) {
    if (spelled.size() < 2 || spelled[0] != '"') return spelled;
    const std::string path = spelled.substr(1, spelled.size() - 2);
    const auto slash = path.find('/');
    if (slash == std::string::npos) return spelled;
    if (path.substr(0, slash) == dir) return '"' + path.substr(slash + 1) + '"';
    return "\"../" + path + '"';
}

std::vector<std::string> includes_from(const std::string& dir, const std::set<std::string>& spelled) {
    std::set<std::string> system, generated;
    for (const auto& s : spelled) (s[0] == '<' ? system : generated).insert(include_from(dir, s));
    std::vector<std::string> out(system.begin(), system.end());
    out.insert(out.end(), generated.begin(), generated.end());
    return out;
}

std::string statement_name(const std::string& sql) { return pg::statement_name(sql); }

}  // namespace schemac::codegen
