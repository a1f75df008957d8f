// A fresh database (scratch_db.hpp) holding tests/codegen/roundtrip/schema.yaml,
// created by the up migration of the empty schema -> schema.yaml, planned
// in-process (migration_files.hpp): the tables are always those of the YAML
// the C++ of tests/codegen/roundtrip/cpp was generated from.
#pragma once
#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include <string>

#include "migration_files.hpp"
#include "read_file.hpp"
#include "scratch_db.hpp"

namespace schemac::test {

struct RtDb {
    ScratchDb db;
    RtDb() {
        const std::string yaml = read_file(SCHEMAC_SOURCE_DIR "/tests/codegen/roundtrip/schema.yaml");
        REQUIRE_MESSAGE(!yaml.empty(), "cannot read tests/codegen/roundtrip/schema.yaml");
        const auto m = migration_scripts("", yaml);
        REQUIRE_MESSAGE(m.errors.empty(), m.errors);
        REQUIRE(!m.up.empty());
        run_scripts(db.conn(), m.up);
    }
    pqxx::connection& conn() { return db.conn(); }
};

}  // namespace schemac::test
