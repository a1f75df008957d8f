// The migration directory as data: numbered up/down files, the schema
// snapshot and schemac.sum. Pure functions over file contents; only the CLI
// reads and writes the disk (cli/migration_dir.cpp).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/schema.hpp"
#include "sql/plan.hpp"

namespace schemac::migrations {

inline constexpr const char* kSnapshotFile = "schema.snapshot.yaml";
inline constexpr const char* kSumFile = "schemac.sum";

struct Migration {
    int version = 0;
    std::string slug;        // "add_adjusted_close"
    std::string up_file;     // "0002_add_adjusted_close.up.sql"
    std::string down_file;
};

struct History {
    std::vector<Migration> migrations;   // by version
    int last_version() const { return migrations.empty() ? 0 : migrations.back().version; }
};

// file name → contents, for the files directly in the migrations directory.
using DirContents = std::map<std::string, std::string>;

// Recognises NNNN_slug.up.sql / .down.sql pairs; reports strays, a missing
// half, and two migrations with one version (two branches both adding 0007).
History read_history(const DirContents& dir, const std::string& dir_name, Diagnostics& diags);
// The files schemac.sum covers, in order: each migration's up then down, then the snapshot.
std::vector<std::pair<std::string, std::string>> sum_inputs(const History& h, const DirContents& dir);

struct OutputFile {
    std::string name;
    std::string contents;
};

struct NewMigration {
    std::string message;        // -m
    std::string date;           // YYYY-MM-DD, written once into each new file's header
    std::string tool_version;
    std::string source;         // where the schema came from, e.g. "schema/"
};

// The files to write for a new migration: one numbered pair per run of steps
// with the same transactionality (a file is wholly transactional or not), the
// new snapshot, and the new schemac.sum. Deterministic for the same inputs.
std::vector<OutputFile> plan_new_migration(const History& h, const DirContents& dir, const sql::Plan& plan,
                                           const Schema& target, const NewMigration& m);

// The plan as the files `schemac diff` writes it: runs of steps with the same
// transactionality, in order; a step that needs its own transaction starts a
// new run. Each run is one numbered migration.
std::vector<sql::Plan> split_into_files(const sql::Plan& plan);

std::string slugify(const std::string& message);
std::string snapshot_header(int version);

}  // namespace schemac::migrations
