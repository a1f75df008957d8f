// Seeded random schema pairs for differential testing of the whole pipeline:
// schema A (YAML), and B = A with 1–5 random mutations that keep it valid and
// applicable to the seed rows A carries. Deterministic per seed on every
// platform (std::mt19937_64 with our own uniform integers, no std::random_device,
// no standard distributions).
#pragma once
#include <cstdint>
#include <cstdlib>
#include <string>

namespace schemac::test {

struct SchemaPair {
    std::string from_yaml;     // schema A
    std::string to_yaml;       // schema B = A + mutations
    std::string description;   // what A holds and every mutation applied, one per line
};

struct RandomOptions {
    // Tables may be TimescaleDB hypertables (a NOT NULL time column that every
    // key takes in, a chunk interval spelled many ways, create_default_indexes),
    // and B may make a plain table one, change its chunk interval, its
    // create_default_indexes or give it its own time index. Off, a seed gives
    // the same pair as before hypertables existed here.
    bool hypertables = false;
};

SchemaPair random_schema_pair(std::uint64_t seed, const RandomOptions& options = {});

// A seed or a count from the environment variable `name` (SCHEMAC_RANDOM_SEED
// and the like); `fallback` when it is unset or empty.
inline std::uint64_t env_number(const char* name, std::uint64_t fallback) {
    const char* s = std::getenv(name);
    return s && *s ? std::strtoull(s, nullptr, 10) : fallback;
}

}  // namespace schemac::test
