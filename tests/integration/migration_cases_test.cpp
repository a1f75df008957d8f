// tests/cases on a real PostgreSQL 15: apply from; postgres/up.sql → the
// catalog equals a database created directly at `to`; postgres/down.sql →
// equals `from` again; and the plan to→from, applied to a database at `to`,
// also arrives at `from`. Cases the diff refuses (postgres/errors.txt) have
// nothing to apply.
//
// ctest runs one process per case folder ("case (pg): <name>",
// SCHEMAC_CASE=<name>); SCHEMAC_UPDATE=1 writes residue_after_down.txt.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "case_folders.hpp"
#include "catalog_fingerprint.hpp"
#include "read_file.hpp"
#include "run_sql.hpp"
#include "plan_text.hpp"
#include "scratch_db.hpp"

namespace fs = std::filesystem;
using namespace schemac::test;

namespace {

// Statement by statement in autocommit: the case files carry no header saying
// which of them cannot run in a transaction (CREATE INDEX CONCURRENTLY, ADD VALUE).
void run(pqxx::connection& c, const std::string& sql) { run_script(c, sql, false); }
}  // namespace

TEST_CASE("migration case on PostgreSQL") {
    for (const auto& dir : selected_case_folders(fs::path(SCHEMAC_SOURCE_DIR) / "tests" / "cases")) {
        const fs::path expected = dir / "postgres";
        if (!fs::exists(expected / "up.sql")) continue;
        const std::string name = dir.filename().string();
        CAPTURE(name);
        const std::string from = fs::exists(dir / "from.yaml") ? read_file(dir / "from.yaml") : "";
        const std::string to = read_file(dir / "to.yaml");
        try {
            ScratchDb db, target;
            run(db.conn(), plan_text("", from).up);
            const std::string start = catalog_fingerprint(db.conn());
            run(db.conn(), read_file(expected / "up.sql"));
            run(target.conn(), plan_text("", to).up);
            CHECK_MESSAGE(fingerprint_diff(catalog_fingerprint(target.conn()), catalog_fingerprint(db.conn())) == "", "after up.sql");
            // What a rollback cannot undo (an added enum value stays) is written
            // down exactly in residue_after_down.txt; otherwise nothing may differ.
            // On TimescaleDB (SCHEMAC_TEST_EXTENSIONS) a hypertable stays one after the
            // down, with its own index: residue_after_down.timescaledb.txt says so.
            const char* ext = std::getenv("SCHEMAC_TEST_EXTENSIONS");
            const fs::path residue_file = expected / (ext && *ext ? std::string("residue_after_down.") + ext + ".txt" : "residue_after_down.txt");
            const std::string residue = fs::exists(residue_file) ? read_file(residue_file) : "";
            run(db.conn(), read_file(expected / "down.sql"));
            const std::string after_down = fingerprint_diff(start, catalog_fingerprint(db.conn()));
            if (update_expected() && !after_down.empty()) {
                std::ofstream(residue_file, std::ios::binary) << after_down;
            }
            CHECK_MESSAGE(after_down == residue, "after down.sql");
            const PlanText back = plan_text(to, from);
            if (!back.errors.empty()) {
                // The way back is refused only where PostgreSQL has no way back.
                const bool documented = back.errors.find("cannot turn a hypertable back into a plain table") != std::string::npos;
                CHECK_MESSAGE(documented, back.errors);
            } else {
                run(target.conn(), back.up);
                CHECK_MESSAGE(fingerprint_diff(start, catalog_fingerprint(target.conn())) == "", "after the plan to→from");
            }
        } catch (const std::exception& e) {
            FAIL_CHECK((std::string("PostgreSQL: ") + e.what()));
        }
    }
}
