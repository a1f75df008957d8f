// The migration directory as data: numbered up/down files, the schema
// snapshot and schemac.sum. Pure functions over file contents; only the CLI
// reads and writes the disk (cli/migration_dir.cpp).
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/schema.hpp"
#include "schemac/core/migration_set.hpp"
#include "sql/plan.hpp"

namespace schemac::migrations {

inline constexpr const char* kSnapshotFile = "schema.snapshot.yaml";
inline constexpr const char* kSumFile = "schemac.sum";
// The snapshot before the newest migration: what `schemac diff --redo` diffs from.
inline constexpr const char* kPreviousSnapshotFile = "schema.snapshot.previous.yaml";
// The schema after each migration `schemac diff` wrote, one file per version in this subdirectory
// ("snapshots/0003.yaml", the same bytes as the snapshot was when that migration was the newest):
// what `schemac verify` compares a database at that version with.
inline constexpr const char* kSnapshotDir = "snapshots";
// "snapshots/0003.yaml" for 3.
std::string version_snapshot_file(int version);
// The version of a per-version snapshot's name ("snapshots/0003.yaml" -> 3); -1 for any other name.
int version_snapshot_number(const std::string& name);

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

// file name → contents, for the files directly in the migrations directory, and the per-version
// snapshots under their names in it ("snapshots/0003.yaml").
using DirContents = std::map<std::string, std::string>;

// Recognises NNNN_slug.up.sql / .down.sql pairs; reports strays, a missing
// half, and two migrations with one version (two branches both adding 0007).
History read_history(const DirContents& dir, const std::string& dir_name, Diagnostics& diags);
// The files schemac.sum covers, in order: by version, each migration's up, its down and its
// per-version snapshot (when there is one); then the previous snapshot (when there is one), then
// the snapshot. A per-version snapshot without its migration is among them at its version.
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
// new snapshot as the last version's per-version snapshot, the old snapshot as
// the previous one, the new snapshot, and the new schemac.sum.
// Deterministic for the same inputs.
std::vector<OutputFile> plan_new_migration(const History& h, const DirContents& dir, const sql::Plan& plan,
                                           const Schema& target, const NewMigration& m);

// How many relation locks (tables, indexes, sequences, TOAST tables) one
// transactional migration may take. PostgreSQL keeps every lock of every
// session in one shared table of max_locks_per_transaction × (max_connections
// + max_prepared_transactions) entries: 64 × (100 + 0) = 6,400 on a default
// server. A transaction that needs more than are free fails with "out of shared
// memory" (SQLSTATE 53200) and everything it did is rolled back; 5,000 new
// tables need about 25,000. A third of the default table leaves room for the
// application's sessions and autovacuum while the migration runs.
inline constexpr std::size_t kLockBudget = 2000;

// At least as many lock table entries as the step's statements take in one
// transaction (a deliberate over-estimate, from the statements' text: 5 per
// statement for its relation, its row type, a TOAST table with its index and an
// object lock such as its schema's, plus 1 for each INDEX, serial, IDENTITY or
// CHECK it mentions and 2 for each PRIMARY KEY, UNIQUE or REFERENCES: an index
// or the referenced table, and the constraint, which PostgreSQL 15.20 locks as an
// object while it is made). Each locked object is one entry, whatever the lock
// modes a transaction takes on it.
std::size_t estimated_locks(const sql::PlanStep& step);

// The plan as the files `schemac diff` writes it: runs of steps with the same
// transactionality, in order; a step that needs its own transaction starts a
// new run, and so does a transactional step that would take the run past
// `lock_budget` estimated locks (a step is never split; a plan without a
// shared lock table, SQLite's, has no budget). Each run is one
// numbered migration.
std::vector<sql::Plan> split_into_files(const sql::Plan& plan, std::size_t lock_budget = kLockBudget);

// In the "-- created:" line of a migration's header: who wrote the statements. `diff --redo`
// replaces only what `diff` generated.
inline constexpr const char* kGeneratedMark = "(generated; do not edit";
inline constexpr const char* kHandWrittenMark = "(hand-written with schemac new";
// The comment lines every migration file starts with: version, direction, name, message, creation,
// `-- schemac:no-transaction` for a file run statement by statement, and
// `-- schemac:foreign-keys-off` for one that rebuilds SQLite tables.
std::string migration_header(int version, const std::string& direction, const std::string& slug, const NewMigration& m,
                             bool transactional, bool generated, bool foreign_keys_off = false);

std::string slugify(const std::string& message);
// The name one diff gives all its parts: "add_x_part2" -> "add_x"; other slugs unchanged.
std::string run_name(const std::string& slug);
std::string snapshot_header(int version);
// The version a snapshot's header names ("the schema after migration 0002"), or -1 without one.
int snapshot_version(const std::string& snapshot_text);

}  // namespace schemac::migrations
