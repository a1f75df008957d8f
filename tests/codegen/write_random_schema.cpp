// Writes schema B of random_schema_pair(seed) to FILE (B: A plus mutations,
// the richer of the two), and A to FROM_FILE when given: the input of the
// random code-generation build (tests/codegen/CMakeLists.txt) and of
// scripts/compare-outputs.sh.
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "random_schema.hpp"

namespace {
bool write(const char* path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::cerr << "usage: write_random_schema SEED FILE [FROM_FILE]\n";
        return 2;
    }
    const auto pair = schemac::test::random_schema_pair(std::strtoull(argv[1], nullptr, 10));
    if (!write(argv[2], pair.to_yaml)) return 1;
    return argc == 4 && !write(argv[3], pair.from_yaml) ? 1 : 0;
}
