// schemac.yaml: the project's settings — where the schema and the migrations
// live, the history table, and the named database environments (dev,
// production, ...) that `--env NAME` picks. Read with yaml-cpp, so it lives in
// load/ with the schema loader.
//
//   dialect: postgres                       # default: postgres (the CLI checks the name)
//   schema: schema                          # default: schema
//   migrations: generated/migrations        # default: generated/migrations
//   history_table: public.schemac_migrations   # default; schema-qualified or bare (public)
//   lock_timeout: 60s                       # default 60s; "500ms", "2m" also accepted
//   statement_lock_timeout: 3s              # default 3s: how long a migration statement waits for a table lock
//   lock_retries: 5                         # default 5: then retried, after 1s, 2s, 4s, ... (at most 30s)
//   statement_timeout: 30m                  # default none: how long a migration statement may run
//   heartbeat: 5s                           # default 5s: a progress line this often while a migration runs
//   warn_after: 10m                         # default none: warn about a migration that takes longer
//   max_duration: 1h                        # default none: cancel a migration that runs longer
//   environments:
//     dev:
//       url: postgresql://localhost/trading_dev
//     production:
//       url_env: PROD_DATABASE_URL          # the URL is read from this variable at run time,
//       lock_timeout: 5m                    # so no password needs to be in the file
//       protected: true                     # unsafe migrations need approval (default false)
//   codegen:                                # schemac generate / check
//     out: generated/cpp                    # default: generated/cpp
//     namespace: db                         # default: db (each PostgreSQL schema nests in it)
//     templates: my-templates               # default: the templates built into schemac
//     driver: libpqxx                       # default: the dialect's first (postgres: libpqxx)
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"

namespace schemac {

inline constexpr const char* kConfigFile = "schemac.yaml";

struct EnvironmentConfig {
    std::string name;
    std::string url;        // exactly one of url / url_env is set
    std::string url_env;
    // apply and rollback refuse files with unsafe hazards here unless approved
    // (a `-- schemac:approved` line) or --allow-unsafe (cli/unsafe_gate.hpp).
    bool is_protected = false;
    std::optional<std::chrono::milliseconds> lock_timeout;
    std::optional<std::chrono::milliseconds> statement_lock_timeout;
    std::optional<int> lock_retries;
    std::optional<std::chrono::milliseconds> statement_timeout;
    std::optional<std::chrono::milliseconds> heartbeat, warn_after, max_duration;
    SourcePos pos;          // of the environment's key, for messages
};

struct ProjectConfig {
    std::string path;                                  // the file read; "" = none (all defaults)
    std::string dialect = "postgres";                  // the database the SQL is written for; checked by the CLI,
    SourcePos dialect_pos;                             // which knows the dialects, at this position
    std::string schema_dir = "schema";
    std::string migrations_dir = "generated/migrations";
    std::string history_schema = "public";
    std::string history_table = "schemac_migrations";
    std::chrono::milliseconds lock_timeout{60'000};
    std::chrono::milliseconds statement_lock_timeout{3'000};
    int lock_retries = 5;
    std::optional<std::chrono::milliseconds> statement_timeout;   // none by default
    std::optional<std::chrono::milliseconds> heartbeat, warn_after, max_duration;   // the runner's defaults: 5s, none, none
    std::vector<EnvironmentConfig> environments;       // in file order
    bool codegen_given = false;                        // a `codegen:` section is written: the project generates C++
    std::string codegen_out = "generated/cpp";
    std::string codegen_namespace = "db";
    std::string codegen_templates;                     // "" = the built-in templates
    std::string codegen_driver;                        // "" = the dialect's first driver (postgres: libpqxx)
    SourcePos codegen_driver_pos;

    const EnvironmentConfig* find_environment(const std::string& name) const;
};

// Reads the config text. Unknown keys, wrong types, a bad duration, an
// environment with neither or both of url/url_env, and duplicate keys are
// errors at file:line:col in `diags` (with a "did you mean" for misspelt keys),
// in file order; nothing throws. No message ever contains a url's value. On
// errors the result holds the defaults for whatever was malformed, and a
// malformed environment is left out: check `diags` before using it.
ProjectConfig parse_config(const std::string& file_name, const std::string& text, Diagnostics& diags);

// Reads `path` if it exists; a missing file gives the defaults (path ""). An
// unreadable file is an error in `diags`.
ProjectConfig load_config(const std::string& path, Diagnostics& diags);

// "db", "acme::db": identifiers joined by "::" (keywords are not checked).
bool is_cpp_namespace(const std::string& s);

// The longest duration parse_duration accepts.
inline constexpr std::chrono::hours kMaxDuration{24};

// "60s", "500ms", "2m", "1h": a positive integer (ASCII digits only) directly
// followed by ms, s, m or h, at most kMaxDuration; nullopt otherwise (no sign,
// no spaces, no fractions, no zero, no other units).
std::optional<std::chrono::milliseconds> parse_duration(const std::string& text);

}  // namespace schemac
