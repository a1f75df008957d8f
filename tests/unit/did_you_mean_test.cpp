// "Did you mean": the indexed matcher must answer exactly as a plain scan of
// every candidate with the full distance does, and analysis of many missing
// foreign key targets must still name the right table.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <random>

#include "diag/diagnostics.hpp"
#include "diag/did_you_mean.hpp"
#include "load_helpers.hpp"

using namespace schemac;

namespace {
// The reference: full optimal-string-alignment distance against every
// candidate, first one wins a tie (the definition the matcher must keep).
std::size_t full_distance(const std::string& a, const std::string& b) {
    auto eq = [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); };
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (eq(a[i - 1], b[j - 1]) ? 0 : 1)});
            if (i > 1 && j > 1 && eq(a[i - 1], b[j - 2]) && eq(a[i - 2], b[j - 1])) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::string reference_match(const std::string& word, const std::vector<std::string>& candidates) {
    if (word.size() > 64) return "";
    std::string best;
    std::size_t best_d = std::min(std::max<std::size_t>(1, word.size() / 3), word.size() - (word.empty() ? 0 : 1)) + 1;
    for (const auto& c : candidates)
        if (const std::size_t d = full_distance(word, c); d < best_d) {
            best_d = d;
            best = c;
        }
    return best;
}

std::string random_word(std::mt19937& rng, std::size_t max_len) {
    static const char alphabet[] = "abcdeABE_1$\xe9";   // few characters: many near misses and ties
    std::string w(std::uniform_int_distribution<std::size_t>(0, max_len)(rng), 'a');
    for (auto& c : w) c = alphabet[std::uniform_int_distribution<int>(0, sizeof alphabet - 2)(rng)];
    return w;
}
}  // namespace

TEST_CASE("the length-indexed matcher suggests exactly what a full scan suggests") {
    std::mt19937 rng(20261206);
    int suggested = 0;
    for (int round = 0; round < 600; ++round) {
        std::vector<std::string> candidates;
        const int n = std::uniform_int_distribution<int>(0, 40)(rng);
        for (int i = 0; i < n; ++i) candidates.push_back(random_word(rng, 16));
        const NameMatcher matcher(candidates);
        for (int k = 0; k < 20; ++k) {
            std::string word = random_word(rng, 16);
            if (!candidates.empty() && k % 2 == 0) {   // a near miss of a candidate
                word = candidates[rng() % candidates.size()];
                if (!word.empty()) word[rng() % word.size()] = 'x';
            }
            CAPTURE(word);
            const std::string expected = reference_match(word, candidates);
            CHECK(matcher.closest(word) == expected);
            CHECK(closest_match(word, candidates) == expected);
            suggested += !expected.empty();
        }
    }
    CHECK(suggested > 1000);   // the comparison covered real suggestions, not only "none"
}

TEST_CASE("the matcher keeps its rules: ties to the first listed, case-insensitive, long words get nothing") {
    CHECK(closest_match("emial", {"name", "email"}) == "email");
    CHECK(closest_match("tabel_a", {"table_b", "table_a", "tabel_b"}) == "table_a");
    CHECK(closest_match("abcx", {"abcy", "abcz"}) == "abcy");
    CHECK(closest_match("ORDERS", {"orders"}) == "orders");
    CHECK(closest_match("zz", {"a"}).empty());
    CHECK(closest_match(std::string(65, 'a'), {std::string(65, 'a')}).empty());
    CHECK(closest_match(std::string(200, 'a') , {std::string(199, 'a')}).empty());
    CHECK(closest_match("x", {}).empty());
}

TEST_CASE("many missing foreign key targets each get the nearest existing table") {
    // 600 tables, each referencing a misspelt neighbour (one letter swapped) or a
    // name nothing resembles.
    std::string yaml = "tables:\n";
    for (int i = 0; i < 600; ++i) {
        const std::string n = std::to_string(i);
        yaml += "  account_" + n + ":\n    columns:\n      id: bigint\n      ref: bigint\n    primary_key: [id]\n";
        yaml += "    foreign_keys:\n      - columns: [ref]\n        references: " +
                (i % 2 == 0 ? "acocunt_" + n : "zzzzzzzzzzzzzzzz" + n) + "\n";
    }
    const std::string out = test::diagnose(yaml);
    std::size_t hinted = 0, errors = 0;
    for (std::size_t p = out.find("error:"); p != std::string::npos; p = out.find("error:", p + 1)) ++errors;
    for (std::size_t p = out.find("did you mean"); p != std::string::npos; p = out.find("did you mean", p + 1)) ++hinted;
    CHECK(errors == 600);
    CHECK(hinted == 300);
    CHECK(out.find("table 'acocunt_0', which does not exist; did you mean 'account_0'?") != std::string::npos);
    CHECK(out.find("table 'acocunt_598', which does not exist; did you mean 'account_598'?") != std::string::npos);
    CHECK(out.find("table 'zzzzzzzzzzzzzzzz1', which does not exist\n") != std::string::npos);
}
