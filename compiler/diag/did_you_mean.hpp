// "Did you mean" over one candidate list asked many times (every missing foreign
// key target against every table name). Implemented in diagnostics.cpp beside
// closest_match, which answers through it.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace schemac {

// Answers exactly as closest_match(word, candidates) would. The candidates are
// indexed once (by length, by the characters they hold, and by every
// one-character deletion) so that a question does little for far candidates.
class NameMatcher {
public:
    explicit NameMatcher(std::vector<std::string> candidates);
    std::string closest(const std::string& word) const;

private:
    struct LengthBucket {
        std::vector<std::size_t> indexes;      // ascending
        std::vector<std::uint64_t> bins;       // per index: which character bins occur
        std::array<std::vector<std::size_t>, 64> with_bin;   // bin -> positions in `indexes` holding it
    };
    std::vector<std::string> candidates_;
    std::unordered_map<std::size_t, LengthBucket> by_length_;
    std::vector<std::array<std::uint8_t, 64>> counts_;                       // per candidate: folded character counts
    std::vector<std::pair<std::uint64_t, std::size_t>> one_deleted_;        // (hash of the folded candidate with at most
                                                                             //  one character deleted, index), sorted
};

}  // namespace schemac
