// What the drivers of folder-per-case tests share (tests/cases, tests/live_cases).
#pragma once
#include <algorithm>
#include <filesystem>
#include <vector>

namespace schemac::test {

// Every case folder directly under root, sorted by name.
inline std::vector<std::filesystem::path> case_folders(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(root))
        if (e.is_directory()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace schemac::test
