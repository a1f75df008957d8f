// Writes schema A of random_schema_pair(seed) to a file: the input of the
// random code-generation build (tests/codegen/CMakeLists.txt).
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "random_schema.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: write_random_schema SEED FILE\n";
        return 2;
    }
    const auto pair = schemac::test::random_schema_pair(std::strtoull(argv[1], nullptr, 10));
    std::ofstream out(argv[2], std::ios::binary);
    out << pair.to_yaml;   // B: A plus mutations, the richer of the two
    return out ? 0 : 1;
}
