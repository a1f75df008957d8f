// Seeded random schema pairs for differential testing of the whole pipeline:
// schema A (YAML), and B = A with 1–5 random mutations that keep it valid and
// applicable to the seed rows A carries. Deterministic per seed on every
// platform (std::mt19937_64 with our own uniform integers, no std::random_device,
// no standard distributions).
#pragma once
#include <cstdint>
#include <string>

namespace schemac::test {

struct SchemaPair {
    std::string from_yaml;     // schema A
    std::string to_yaml;       // schema B = A + mutations
    std::string description;   // what A holds and every mutation applied, one per line
};

SchemaPair random_schema_pair(std::uint64_t seed);

}  // namespace schemac::test
