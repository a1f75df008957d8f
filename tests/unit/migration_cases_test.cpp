// Migration cases under tests/cases/<name>/: from.yaml (absent = empty
// database) and to.yaml, dialect-neutral; the expected output per dialect in
// <name>/postgres/: the exact up.sql and down.sql (or errors.txt when the diff
// must refuse). Checked four ways at the text level: from→to gives
// up.sql/down.sql, to→to and from→from give nothing, and every statement
// parses with PostgreSQL's grammar. (tests/integration applies them to a real
// server, including to→from.)
//
// ctest runs one process per case folder ("case: <name>", SCHEMAC_CASE=<name>);
// SCHEMAC_UPDATE=1 rewrites the expected files: review the diff.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "case_folders.hpp"
#include "pg_grammar.hpp"
#include "plan_text.hpp"
#include "read_file.hpp"

namespace fs = std::filesystem;
using namespace schemac::test;

namespace {
void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
}
}  // namespace

TEST_CASE("migration case") {
    const bool update = update_expected();
    for (const auto& dir : selected_case_folders(fs::path(SCHEMAC_SOURCE_DIR) / "tests" / "cases")) {
        const std::string name = dir.filename().string();
        CAPTURE(name);
        const fs::path expected = dir / "postgres";
        const std::string from = fs::exists(dir / "from.yaml") ? read_file(dir / "from.yaml") : "";
        const std::string to = fs::exists(dir / "to.yaml") ? read_file(dir / "to.yaml") : "";
        const PlanText p = plan_text(from, to);
        if (fs::exists(expected / "errors.txt") || !p.errors.empty()) {
            if (update) write(expected / "errors.txt", p.errors);
            CHECK(p.errors == read_file(expected / "errors.txt"));
            continue;
        }
        if (update) {
            write(expected / "up.sql", p.up);
            write(expected / "down.sql", p.down);
        }
        CHECK(p.up == read_file(expected / "up.sql"));
        CHECK(p.down == read_file(expected / "down.sql"));
        CHECK_FALSE(p.empty);
        CHECK(plan_text(to, to).empty);
        CHECK(plan_text(from, from).empty);
        for (const std::string* sql : {&p.up, &p.down}) {
            const auto err = parse_error(*sql);
            CHECK_MESSAGE(!err, (err ? err->message + " in: " + err->statement : std::string()));
        }
    }
}
