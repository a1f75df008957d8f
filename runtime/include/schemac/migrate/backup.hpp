// A pg_dump of the whole database before migrations run (`schemac apply
// --backup DIR`, `schemac rollback --backup DIR`; docs/runtime.md "Backups").
//
// The connection reaches pg_dump through its environment (PGHOST, PGUSER,
// PGPASSWORD, ... as libpq parses the conninfo), never its command line,
// which `ps` shows to every user; pg_dump runs without a shell.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "schemac/migrate/runner.hpp"

namespace schemac {

struct BackupCommand {
    struct Variable {
        std::string name, value;
        bool secret = false;               // a password: shown as ***
    };
    std::string program;                   // $PG_DUMP, else pg_dump on PATH, else /usr/lib/postgresql/15/bin/pg_dump
    std::vector<std::string> args;         // after the program; never a secret
    std::vector<Variable> environment;     // set for pg_dump on top of schemac's own
    std::string file;                      // where the dump ends up
    std::string partial;                   // what pg_dump writes (--file), renamed to `file` once it succeeded
};

// A dump of the database `plan` runs against (its `database`, as the runner
// connected to it) into `dir`, named `<database>-v<from>-to-v<to>-<UTC time>.dump`
// (a -2, -3, ... before .dump if that exists). Creates nothing. Throws
// RunnerError: failure when no pg_dump is found or the conninfo holds a
// secret that has no environment variable (sslpassword); invalid_conninfo
// when libpq cannot parse it.
BackupCommand plan_backup(const std::string& conninfo, const std::string& dir, const RunResult& plan);

// The command as one shell-quoted line for people, secrets as ***.
std::string backup_command_line(const BackupCommand& b);

struct BackupResult {
    std::uintmax_t bytes = 0;
    long long elapsed_ms = 0;
    std::vector<std::string> warnings;     // what pg_dump said although it succeeded
};

// Runs it: creates the directory (mode 0700) if missing, the partial file
// (mode 0600: it holds every row), runs pg_dump and renames the file into
// place when pg_dump exits 0 having written an archive. Otherwise throws
// RunnerError(failure) with pg_dump's own message on one line, scrubbed of
// the password, and removes the partial file.
BackupResult run_backup(const BackupCommand& b, const std::string& conninfo);

}  // namespace schemac
