// The committed example history (generated/migrations) on a real PostgreSQL 15:
// every up in order gives the same catalog as creating schema/ directly, and
// every down in reverse order brings the database back to empty.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalog_fingerprint.hpp"
#include "read_file.hpp"
#include "run_sql.hpp"
#include "plan_text.hpp"
#include "scratch_db.hpp"

namespace fs = std::filesystem;
using namespace schemac::test;

namespace {

// The example project's files, found as the loader finds them (schema/d1, a
// project of its own, is left out).
std::string schema_yaml() {
    std::string all;
    schemac::Diagnostics d;
    for (const auto& f : schemac::expand_schema_paths({(fs::path(SCHEMAC_SOURCE_DIR) / "schema").string()}, d)) all += "---\n" + read_file(f);
    REQUIRE_FALSE(d.has_errors());
    return all;
}
}  // namespace

TEST_CASE("generated/migrations replays to the schema and rolls back to empty") {
    const fs::path dir = fs::path(SCHEMAC_SOURCE_DIR) / "generated" / "migrations";
    std::vector<fs::path> ups, downs;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string n = e.path().filename().string();
        if (n.size() > 7 && n.compare(n.size() - 7, 7, ".up.sql") == 0) ups.push_back(e.path());
        if (n.size() > 9 && n.compare(n.size() - 9, 9, ".down.sql") == 0) downs.push_back(e.path());
    }
    std::sort(ups.begin(), ups.end());
    std::sort(downs.rbegin(), downs.rend());
    REQUIRE(ups.size() >= 4);

    ScratchDb replayed, direct;
    const std::string empty = catalog_fingerprint(replayed.conn());
    for (const auto& f : ups) {
        CAPTURE(f.filename().string());
        run_migration_file(replayed.conn(), read_file(f));
    }
    const PlanText fresh = plan_text("", schema_yaml());
    REQUIRE(fresh.errors.empty());
    run_script(direct.conn(), fresh.up, true);
    // Constant defaults by value: 0002 was written when schemac quoted float
    // literals ('0.0', stored as '0'::double precision); today it writes 0.0.
    // Applied migrations are never rewritten, and both mean the same value.
    const FingerprintOptions by_value{.default_values = true};
    CHECK(fingerprint_diff(catalog_fingerprint(replayed.conn(), by_value), catalog_fingerprint(direct.conn(), by_value)) == "");
    for (const auto& f : downs) {
        CAPTURE(f.filename().string());
        run_migration_file(replayed.conn(), read_file(f));
    }
    CHECK(fingerprint_diff(catalog_fingerprint(replayed.conn()), empty) == "");
}
