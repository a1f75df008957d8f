// A hypertable whose name contains the DO block's usual dollar tag: the
// migration schemac writes for it runs through the real runner.
#include <doctest/doctest.h>

#include <vector>

#include "migration_files.hpp"
#include "schemac/migrate/runner.hpp"
#include "scratch_db.hpp"

using namespace schemac;
using namespace schemac::test;

TEST_CASE("a hypertable whose name contains the DO block's dollar tag: apply runs its own migration") {
    const std::string yaml =
        "tables:\n  \"ticks$schemac$x\":\n    columns:\n      at: timestamptz\n      price: numeric\n"
        "    hypertable:\n      time_column: at\n";
    const MigrationScripts m = migration_scripts("", yaml);
    REQUIRE_MESSAGE(m.errors.empty(), m.errors);
    std::vector<MigrationFile> files;
    for (std::size_t i = 0; i < m.up.size(); ++i) {
        const std::string prefix = "000" + std::to_string(i + 1) + "_ticks";
        files.push_back({prefix + ".up.sql", m.up[i].sql});
        files.push_back({prefix + ".down.sql", m.down[m.down.size() - 1 - i].sql});
    }
    ScratchDb db;
    RunnerOptions o;
    o.conninfo = db.conninfo();
    Runner r(MigrationSet::from_files(files), o);
    r.apply({});
    CHECK(r.status().current_version == static_cast<int>(m.up.size()));
    pqxx::work tx{db.conn()};
    CHECK_FALSE(tx.exec1("SELECT to_regclass('public.\"ticks$schemac$x\"')")[0].is_null());
}
