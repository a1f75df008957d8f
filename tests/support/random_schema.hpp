// Seeded random schema pairs for differential testing of the whole pipeline:
// schema A (YAML), and B = A with 1–5 random mutations that keep it valid and
// applicable to the seed rows A carries. Deterministic per seed on every
// platform (std::mt19937_64 with our own uniform integers, no std::random_device,
// no standard distributions).
#pragma once
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace schemac::test {

// A table of A that B keeps (renamed or not), with the columns B keeps: the
// data a migration up and down again must leave as it was.
struct KeptTable {
    std::string table;                  // A's name
    std::vector<std::string> columns;   // A's names of the columns B keeps, in A's order
    // For a table with seed rows in B: its name in B, and B's names of the kept
    // columns of the same type and default in A and B, whose values B's seed rows
    // decide alike in a database migrated from A and one created at B.
    std::string b_table;
    std::vector<std::string> seeded_columns;
};

struct SchemaPair {
    std::string from_yaml;     // schema A
    std::string to_yaml;       // schema B = A + mutations
    std::string description;   // what A holds and every mutation applied, one per line
    std::vector<KeptTable> kept;
};

struct RandomOptions {
    // Tables may be TimescaleDB hypertables (a NOT NULL time column that every
    // key takes in, a chunk interval spelled many ways, create_default_indexes),
    // and B may make a plain table one, change its chunk interval, its
    // create_default_indexes or give it its own time index. Off, a seed gives
    // the same pair as before hypertables existed here.
    bool hypertables = false;
    // Only what `dialect: sqlite` accepts (tables in the default schema; integer,
    // smallint, bigint, real, double precision, numeric, text, boolean and blob;
    // SQLite's SQL in checks, indexes, defaults, `using` and backfills; no enums,
    // comments or index methods), and besides PostgreSQL's mutations those the
    // SQLite planner tells apart: primary key changes, index and constraint
    // renames, the kinds of added columns (ADD COLUMN or a rebuild). Mutations
    // keep the rows of every kept column through the way up and back down.
    // Hypertables are ignored with it.
    bool sqlite = false;
};

SchemaPair random_schema_pair(std::uint64_t seed, const RandomOptions& options = {});

// A seed or a count from the environment variable `name` (SCHEMAC_RANDOM_SEED
// and the like); `fallback` when it is unset or empty.
inline std::uint64_t env_number(const char* name, std::uint64_t fallback) {
    const char* s = std::getenv(name);
    return s && *s ? std::strtoull(s, nullptr, 10) : fallback;
}

}  // namespace schemac::test
