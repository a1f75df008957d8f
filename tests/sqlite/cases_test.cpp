// SQLite migration cases under tests/sqlite/cases/<name>/: from.yaml (absent
// = empty database), to.yaml, the exact up.sql and down.sql (or errors.txt
// when the diff must refuse), and optionally rows.sql, rows inserted at
// `from`. Checked on real SQLite files: to→to and from→from plan nothing;
// A + up has the catalog of a database created at B directly; + down has
// A's catalog again, and with rows.sql, the rows after up and after down are
// the expected rows_after_up.txt and rows_after_down.txt (the values of every
// kept column kept). SCHEMAC_UPDATE=1 rewrites the expected files: review the diff.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "case_folders.hpp"
#include "plan_text.hpp"
#include "read_file.hpp"
#include "sql/sqlite/dialect.hpp"
#include "sqlite_db.hpp"

namespace fs = std::filesystem;
using namespace schemac;
using namespace schemac::test;

namespace {

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
}

const sql::Dialect& sqlite_dialect() { return sql::sqlite::dialect(); }

// Every row of every table, in key order, for the rows_after_*.txt files.
std::string dump_rows(SqliteDb& db) {
    std::string out;
    for (const auto& t : db.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
        out += "table " + t + ": " + [&] {
            std::string cols;
            for (const auto& c : db.rows("SELECT name FROM pragma_table_info('" + t + "')")) cols += (cols.empty() ? "" : "\t") + c;
            return cols;
        }() + "\n";
        for (const auto& r : db.rows("SELECT * FROM \"" + t + "\" ORDER BY 1, 2")) out += "  " + r + "\n";
    }
    return out;
}

void expect_file(const fs::path& file, const std::string& actual, bool update) {
    if (update) write(file, actual);
    CHECK(actual == read_file(file));
}

}  // namespace

TEST_CASE("sqlite migration case") {
    const bool update = update_expected();
    const fs::path scratch = fs::temp_directory_path() / ("schemac_sqlite_case_" + std::to_string(::getpid()));
    fs::create_directories(scratch);
    for (const auto& dir : selected_case_folders(fs::path(SCHEMAC_SOURCE_DIR) / "tests" / "sqlite" / "cases")) {
        const std::string name = dir.filename().string();
        CAPTURE(name);
        const std::string from = fs::exists(dir / "from.yaml") ? read_file(dir / "from.yaml") : "";
        const std::string to = read_file(dir / "to.yaml");
        const PlanText p = plan_text(from, to, sqlite_dialect());
        if (fs::exists(dir / "errors.txt") || !p.errors.empty()) {
            expect_file(dir / "errors.txt", p.errors, update);
            continue;
        }
        expect_file(dir / "up.sql", p.up, update);
        expect_file(dir / "down.sql", p.down, update);
        CHECK_FALSE(p.empty);
        CHECK(plan_text(to, to, sqlite_dialect()).empty);
        CHECK(plan_text(from, from, sqlite_dialect()).empty);

        // B created directly.
        SqliteDb b(scratch / "b.db");
        const PlanText create_b = plan_text("", to, sqlite_dialect());
        REQUIRE(b.run_migration(create_b.up, false) == "");

        // A, its rows, then up, down and up again.
        SqliteDb a(scratch / "a.db");
        if (!from.empty()) REQUIRE(a.run_migration(plan_text("", from, sqlite_dialect()).up, false) == "");
        const bool rows = fs::exists(dir / "rows.sql");
        if (rows) a.exec(read_file(dir / "rows.sql"));
        const auto catalog_a = a.catalog();
        REQUIRE(a.run_migration(p.up, p.foreign_keys_off) == "");
        CHECK(a.catalog() == b.catalog());
        if (rows) expect_file(dir / "rows_after_up.txt", dump_rows(a), update);
        REQUIRE(a.run_migration(p.down, p.foreign_keys_off) == "");
        CHECK(a.catalog() == catalog_a);
        if (rows) expect_file(dir / "rows_after_down.txt", dump_rows(a), update);
        REQUIRE(a.run_migration(p.up, p.foreign_keys_off) == "");
        CHECK(a.catalog() == b.catalog());
    }
    fs::remove_all(scratch);
}
