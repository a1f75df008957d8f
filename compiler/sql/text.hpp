// Small text helpers every dialect's SQL writer uses.
#pragma once
#include <string>
#include <vector>

namespace schemac::sql {

// "a, b, c" (or with another separator).
inline std::string join(const std::vector<std::string>& parts, const std::string& sep = ", ") {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

}  // namespace schemac::sql
