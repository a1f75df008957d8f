// The committed example history (generated/migrations) on a real PostgreSQL 15:
// every up in order gives the same catalog as creating schema/ directly, and
// every down in reverse order brings the database back to empty.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalog_fingerprint.hpp"
#include "pg_grammar.hpp"
#include "plan_text.hpp"
#include "scratch_db.hpp"

namespace fs = std::filesystem;
using namespace schemac::test;

namespace {
std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs a migration file the way the runner will: in one transaction unless it
// says `-- schemac:no-transaction`, then statement by statement.
void run_file(pqxx::connection& c, const std::string& sql) {
    if (sql.find("\n-- schemac:no-transaction\n") == std::string::npos) {
        pqxx::work tx{c};
        tx.exec(sql);
        tx.commit();
        return;
    }
    for (const auto& stmt : split_statements(sql)) {
        pqxx::nontransaction tx{c};
        tx.exec(stmt);
    }
}

std::string schema_yaml() {
    std::string all;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(SCHEMAC_SOURCE_DIR) / "schema"))
        if (e.path().extension() == ".yaml") all += "---\n" + read(e.path());
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
        run_file(replayed.conn(), read(f));
    }
    const PlanText fresh = plan_text("", schema_yaml());
    REQUIRE(fresh.errors.empty());
    run_file(direct.conn(), fresh.up);
    CHECK(fingerprint_diff(catalog_fingerprint(replayed.conn()), catalog_fingerprint(direct.conn())) == "");
    for (const auto& f : downs) {
        CAPTURE(f.filename().string());
        run_file(replayed.conn(), read(f));
    }
    CHECK(fingerprint_diff(catalog_fingerprint(replayed.conn()), empty) == "");
}
