// "Did you mean" over one candidate list asked many times (every missing foreign
// key target against every table name). Implemented in diagnostics.cpp beside
// closest_match, which answers through it.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

namespace schemac {

// Answers exactly as closest_match(word, candidates) would: candidates are
// indexed by length once, and each question looks only at lengths that can be
// close enough, computing each distance only as far as the best found so far.
class NameMatcher {
public:
    explicit NameMatcher(std::vector<std::string> candidates);
    std::string closest(const std::string& word) const;

private:
    std::vector<std::string> candidates_;
    std::unordered_map<std::size_t, std::vector<std::size_t>> by_length_;   // length -> indexes, ascending
};

}  // namespace schemac
