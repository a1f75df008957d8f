// What the drivers of folder-per-case tests share (tests/cases, tests/live_cases):
// the case folders, and the update switch. See tests/README.md.
#pragma once
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace schemac::test {

// SCHEMAC_UPDATE=1: rewrite the expected files from what the code does now
// instead of comparing with them (then review the diff). The one switch of
// every golden-style test, the CMake-run goldens included.
inline bool update_expected() {
    const char* v = std::getenv("SCHEMAC_UPDATE");
    return v != nullptr && std::string(v) == "1";
}

// Every case folder directly under root, sorted by name.
inline std::vector<std::filesystem::path> case_folders(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(root))
        if (e.is_directory()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace schemac::test
