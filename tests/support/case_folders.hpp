// What the drivers of folder-per-case tests share (tests/cases, tests/live_cases):
// which case folders one run checks, and the update switch. See tests/README.md.
#pragma once
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
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

// The case folders this run checks: ctest runs one process per folder and
// names it in SCHEMAC_CASE; without it (a run by hand), all of them.
inline std::vector<std::filesystem::path> selected_case_folders(const std::filesystem::path& root) {
    const char* one = std::getenv("SCHEMAC_CASE");
    if (one == nullptr || *one == '\0') return case_folders(root);
    const auto dir = root / one;
    if (!std::filesystem::is_directory(dir))
        throw std::runtime_error("SCHEMAC_CASE=" + std::string(one) + ": no such case folder in " + root.string());
    return {dir};
}

}  // namespace schemac::test
