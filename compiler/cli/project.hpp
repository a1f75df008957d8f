// Where every command finds the project's paths, by one rule: a command-line
// flag, else schemac.yaml, else the default. schemac.yaml is looked for in the
// current directory and then in each parent (as git finds .git); the paths in
// it are relative to the directory that holds it, so a command run from a
// subdirectory reads and writes the same files as one run from the root.
//
// Paths are printed relative to the current directory (absolute ones as
// given), so `file:line:col` in a message opens from where schemac was run.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "load/config.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

// What the command line said; empty = not given.
struct ProjectFlags {
    std::string config;                 // --config FILE ("" = the nearest schemac.yaml)
    std::vector<std::string> schema;    // schema files or directories
    std::string migrations;             // --dir / --migrations
    std::string codegen_out;            // generate --out
};

struct Project {
    ProjectConfig config;                 // as read (path: the file, relative to the current directory)
    std::string root;                     // the directory holding schemac.yaml ("." without one)
    const sql::Dialect* dialect = &sql::default_dialect();   // `dialect:` of schemac.yaml
    std::vector<std::string> schema_paths;
    std::string migrations_dir;
    std::string codegen_out;
    std::string codegen_templates;        // "" = built in
    std::string codegen_driver;           // `codegen: driver:`, else the dialect's first ("libpqxx")
    // The schema paths name the project's schema, however spelt (schema/,
    // ./schema, an absolute path): the whole project is being checked.
    bool project_schema = false;
    // The schema paths relative to the root, for the header of a migration
    // (the same whichever directory `diff` ran in).
    std::string schema_source;
};

// A malformed or missing --config, or an unreadable schemac.yaml, is an error
// in `diags`; the result then holds the defaults.
Project resolve_project(const ProjectFlags& flags, Diagnostics& diags);

// `path` relative to `root` when it lies inside it, else as given: what
// generated files and migration headers record, whatever directory schemac ran in.
std::string relative_to(const std::string& path, const std::string& root);

// Do two spellings name one file or directory? Compared with equivalent()
// when both exist, else as normalised absolute paths ("schema/", "./schema").
bool same_path(const std::string& a, const std::string& b);

}  // namespace schemac::cli
