// What the builders of the view model share: where each PostgreSQL schema's
// files and names go, and how a column type becomes a C++ type. Internal to
// compiler/codegen.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "codegen/cpp_types.hpp"
#include "codegen/view_model.hpp"

namespace schemac::codegen {

class Naming {
public:
    // Reports two schemas whose C++ namespaces would collide.
    Naming(const Schema& schema, const GenerateOptions& options, Diagnostics& diags);

    std::string directory(const std::string& pg_schema) const;       // "modelstore"
    std::string cpp_namespace(const std::string& pg_schema) const;   // "db::modelstore"
    // The files every schema may have besides one pair per table: fixed names,
    // which a table named enums or queries would take (check_type_names).
    std::string enums_header(const std::string& pg_schema) const { return directory(pg_schema) + "/enums.hpp"; }
    std::string queries_header(const std::string& pg_schema) const { return directory(pg_schema) + "/queries.hpp"; }
    EnumNaming enum_naming(const QualifiedName& e) const;
    // The C++ type of a column or query field, in the driver's mapping;
    // reports a type without mapping at `pos`.
    std::optional<CppType> type_of(const Type& t, bool nullable, const SourcePos& pos, Diagnostics& diags) const;
    // Whether the database numbers new rows in this column by itself although
    // the schema gives it no default: SQLite's rowid alias, the one column of
    // an `integer` primary key.
    bool numbers_rows(const Table& t, const Column& c) const;
    // The dialect's statements: names, types and DML as the generated code sends them.
    const sql::Dml& dml() const { return *dml_; }
    // The dialect's rules of the model: where a named query's parameters are.
    const SchemaRules& rules() const { return *rules_; }

private:
    const sql::Dml* dml_;
    const SchemaRules* rules_;
    TypeMapping mapping_;   // the driver's (GenerateOptions::driver, else the dialect's first)
    bool rowid_alias_;   // the dialect is SQLite's
    std::string outer_;
    std::map<std::string, std::string> ident_;   // PostgreSQL schema -> C++ identifier
};

// A prepared statement's name: "sc_" + 16 hex digits of SHA-256(sql). Short
// (PostgreSQL truncates names at 63 bytes) and the same for the same SQL, in
// generated code and in the runtime (schemac/core/statement_name.hpp).
std::string statement_name(const std::string& sql);

// How a generated file in `dir` spells the include of `spelled` (a <system>
// header, or a generated "schema/file.hpp"): generated headers are found
// relative to the including file ("enums.hpp", "../market/enums.hpp"), so two
// schemac outputs on one include path cannot pick each other's files.
std::string include_from(const std::string& dir, const std::string& spelled);
// The includes of a file in `dir`: <...> first, then generated headers, each sorted.
std::vector<std::string> includes_from(const std::string& dir, const std::set<std::string>& spelled);

void build_queries(ViewModel& vm, const Schema& schema, const Naming& naming, Diagnostics& diags);

}  // namespace schemac::codegen
