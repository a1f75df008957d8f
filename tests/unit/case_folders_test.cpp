// The layout of tests/cases (see tests/README.md), checked once for all
// folders: the per-case tests ("case: <name>") each see only their own folder.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "case_folders.hpp"

namespace fs = std::filesystem;
using namespace schemac::test;

namespace {
std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}
}  // namespace

TEST_CASE("migration cases: every folder is NNN_name with YAML input and a postgres/ expectation") {
    const auto cases = case_folders(fs::path(SCHEMAC_SOURCE_DIR) / "tests" / "cases");
    CHECK(cases.size() >= 30);
    std::set<std::string> numbers;
    for (const auto& dir : cases) {
        const std::string name = dir.filename().string();
        CAPTURE(name);
        // Three digits then '_', so that names sort in number order.
        const bool numbered = name.size() > 4 && name.find_first_not_of("0123456789") == 3 && name[3] == '_';
        CHECK_MESSAGE(numbered, "the name is NNN_short_name");
        CHECK_MESSAGE(numbers.insert(name.substr(0, 3)).second, "two cases share the number " << name.substr(0, 3));
        for (const auto& f : names_in(dir))
            CHECK_MESSAGE((f == "from.yaml" || f == "to.yaml" || f == "postgres"), "unexpected " << f << " (dialect output goes in postgres/)");
        REQUIRE_MESSAGE(fs::is_directory(dir / "postgres"), "postgres/ is missing");
        const auto expected = names_in(dir / "postgres");
        const bool refused = expected == std::set<std::string>{"errors.txt"};
        // What a down leaves behind, on PostgreSQL and on TimescaleDB (case (tsdb)).
        const std::set<std::string> optional = {"residue_after_down.txt", "residue_after_down.timescaledb.txt"};
        bool planned = expected.count("up.sql") && expected.count("down.sql");
        for (const auto& f : expected) planned = planned && (f == "up.sql" || f == "down.sql" || optional.count(f));
        CHECK_MESSAGE((refused || planned),
                      "postgres/ holds up.sql and down.sql (and maybe residue_after_down[.timescaledb].txt), or only errors.txt");
    }
}
