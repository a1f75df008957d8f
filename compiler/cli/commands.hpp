// The subcommands, each in its own file; main.cpp (the only CLI11 user) parses
// arguments and calls these. They return the process exit code.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "codegen/render.hpp"
#include "diag/diagnostics.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

// docs/cli.md. 3 is drift (verify); 4 and 5 let a deploy script retry what may pass on its own.
enum ExitCode { kOk = 0, kFailure = 1, kUsage = 2, kDrift = 3, kCannotConnect = 4, kLockNotObtained = 5 };

// `schemac init [DIR]`: a new project's schemac.yaml, example schema, migrations
// directory and .gitignore line; refuses to overwrite anything.
struct InitCommand {
    std::string dir;              // "" = the current directory
    std::string dialect = "postgres";   // postgres | sqlite: the project's database, and the example's types
    std::string env;              // --env NAME: prepare that database of an existing project instead
    std::string config;           // --config FILE, with --env
    std::string format = "text";  // text | json
};
int run_init(const InitCommand& cmd);

// Empty paths and directories come from the project (cli/project.hpp).
struct CheckOptions {
    std::vector<std::string> paths;
    std::string format = "text";   // --format text | json (also on every command below that prints results)
    std::string migrations;        // "" = the project's, if it exists and the project's schema is checked
    std::string config;            // "" = the nearest schemac.yaml
};
int run_check(const CheckOptions& opts);

struct ShowOptions {
    std::vector<std::string> paths;   // empty = the project's schema
    std::string config;               // "" = the nearest schemac.yaml
    std::string format = "text";
};
int run_show(const ShowOptions& opts);

struct PlanOptions {
    std::string from;   // YAML file or directory, or a database URL; "" = the empty schema
    std::string to;     // both empty: from the newest migration's snapshot to the project's schema
    std::string config; // "" = the nearest schemac.yaml
    bool down = false;
    bool allow_destructive = false;
    std::string format = "text";
};
int run_plan(const PlanOptions& opts);

struct DiffOptions {
    std::vector<std::string> paths;   // empty = the project's schema
    std::string dir;                  // "" = the project's migrations directory
    std::string config;               // "" = the nearest schemac.yaml
    std::string message;
    bool dry_run = false;
    bool allow_destructive = false;
    bool redo = false;   // replace the newest migration (cli/redo.cpp)
    std::string format = "text";
};
int run_diff(const DiffOptions& opts);

// `schemac new -m MESSAGE`: an empty, numbered pair for hand-written SQL.
struct NewCommand {
    std::string dir;      // "" = the project's migrations directory
    std::string config;   // "" = the nearest schemac.yaml
    std::string message;
    bool no_transaction = false;   // the files say -- schemac:no-transaction
    std::string format = "text";
};
int run_new(const NewCommand& cmd);
// `schemac hash`: rewrite schemac.sum from the files as they are.
int run_hash(const std::string& dir, const std::string& config, const std::string& format);   // "" = the project's

// What the database commands share: where the database and the migrations are.
struct DatabaseOptions {
    std::string db;            // --db URL
    std::string env;           // --env NAME (schemac.yaml)
    std::string config;        // --config FILE ("" = the nearest schemac.yaml)
    std::string dir;           // --dir ("" = the project's migrations directory)
    std::string lock_timeout;  // --lock-timeout ("" = from the config, default 60s)
    std::string statement_lock_timeout;   // --statement-lock-timeout ("" = from the config, default 3s)
    std::string lock_retries;             // --lock-retries ("" = from the config, default 5)
    std::string statement_timeout;        // --statement-timeout ("" = from the config, default none; 0 = none)
    std::string heartbeat;                // --heartbeat ("" = 5s; 0 = none)
    std::string warn_after;               // --warn-after ("" = none)
    std::string max_duration;             // --max-duration ("" = none)
    bool verbose = false;                 // --verbose: each statement as it starts
    std::string format = "text";   // --format json (--json): one JSON document on stdout
};

struct StatusCommand {
    DatabaseOptions db;
    bool history = false;   // --history: the audit log of every apply and rollback
};
int run_status(const StatusCommand& cmd);

struct ApplyCommand {
    DatabaseOptions db;
    std::string target;   // --target: a version, or "latest" (the same as none: every pending migration)
    bool dry_run = false;
    bool allow_out_of_order = false;
    bool resume = false;
    bool verify = false;   // run `verify` afterwards
    bool allow_unsafe = false;   // run unapproved unsafe files in a protected environment
    std::vector<std::string> backup;   // --backup DIR: pg_dump the database first (cli/backup.hpp); a list to tell "" from not given
};
int run_apply(const ApplyCommand& cmd);

struct RollbackCommand {
    DatabaseOptions db;
    std::optional<int> steps;
    std::optional<int> target;
    std::string version;         // --version 0001_initial_schema | 0001 | 1: roll back to just below it
    bool dry_run = false;
    bool allow_destructive = false;
    bool allow_unsafe = false;   // run unapproved unsafe files in a protected environment
    std::vector<std::string> backup;   // --backup DIR
    bool forget = false;         // remove only the history rows (D1's rollback): nothing runs
};
int run_rollback(const RollbackCommand& cmd);

struct RepairCommand {
    DatabaseOptions db;
    bool dry_run = false;
    std::vector<int> mark_applied;
    std::vector<int> forget;
};
int run_repair(const RepairCommand& cmd);

struct BaselineCommand {
    DatabaseOptions db;
    int version = 0;
    bool dry_run = false;
};
int run_baseline(const BaselineCommand& cmd);

struct InspectCommand {
    DatabaseOptions db;
    std::vector<std::string> schemas;   // --schema (repeatable): only these PostgreSQL schemas
    std::string out;                    // import: the directory to write
};
int run_inspect(const InspectCommand& cmd);   // the live schema as YAML on stdout
int run_import(const InspectCommand& cmd);    // one YAML file per table under --out

// Drift: the live database against the schema of the version in its history.
int run_verify(const DatabaseOptions& db);

// `schemac generate`: typed C++ rows, DAOs, queries and embedded migrations.
// Empty settings come from the project (cli/project.hpp): schemac.yaml's `codegen:`, `schema`, `migrations`, else the defaults.
struct GenerateCommand {
    std::vector<std::string> paths;      // schema files or directories
    std::string config;                  // "" = the nearest schemac.yaml
    std::string out;                     // output directory
    std::string migrations;              // migrations to embed; "" = the project's, if the directory exists
    bool no_migrations = false;          // embed none
    std::string cpp_namespace;
    std::string templates;               // "" = built in
    bool check = false;                  // write nothing; fail when stale
    bool list = false;                   // print the output paths, write nothing
    bool allow_unmigrated = false;       // write even when the schema is ahead of the migrations
    std::string format = "text";
    std::string root;                    // set by resolve_generate: banners name files relative to it
    const sql::Dialect* dialect = &sql::default_dialect();   // set by resolve_generate: the project's
    std::string driver = "libpqxx";   // set by resolve_generate: `codegen: driver:` or the dialect's first
};
int run_generate(GenerateCommand cmd);

// Which generated files differ from what is on disk.
struct GenerateStatus {
    std::vector<std::string> missing, changed, extra;   // paths relative to the output directory
    std::map<std::string, std::string> previous;        // the changed files as they are on disk
    bool fresh() const { return missing.empty() && changed.empty() && extra.empty(); }
};


// Fills the settings left empty from the project config. False (with the
// reasons in `diags`) when the config is malformed.
bool resolve_generate(GenerateCommand& cmd, Diagnostics& diags);
// The files `cmd` would write, or nullopt with the reasons in `diags`.
std::optional<std::vector<codegen::GeneratedFile>> generate_files(const GenerateCommand& cmd, Diagnostics& diags);
// The same from a schema already loaded from cmd.paths (check has it).
std::optional<std::vector<codegen::GeneratedFile>> generate_files(const GenerateCommand& cmd, const Schema& schema,
                                                                  Diagnostics& diags);
GenerateStatus compare_generated(const std::string& out, const std::vector<codegen::GeneratedFile>& files);

}  // namespace schemac::cli
