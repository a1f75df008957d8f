// Every committed migration statement parses with PostgreSQL 15's grammar,
// and so does the create_hypertable call that the DO block wraps.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/loader.hpp"
#include "pg_grammar.hpp"
#include "read_file.hpp"
#include "sql/postgres/render.hpp"
#include "sql/postgres/rules.hpp"

namespace fs = std::filesystem;

TEST_CASE("generated/migrations parses with PostgreSQL's grammar") {
    int files = 0;
    for (const auto& e : fs::directory_iterator(fs::path(SCHEMAC_SOURCE_DIR) / "generated" / "migrations")) {
        if (e.path().extension() != ".sql") continue;
        ++files;
        const auto err = schemac::test::parse_error(schemac::test::read_file(e.path()));
        CHECK_MESSAGE(!err, (e.path().filename().string() + ": " + (err ? err->message + " in: " + err->statement : std::string())));
    }
    CHECK(files >= 8);
}

TEST_CASE("the create_hypertable call of every example hypertable parses") {
    schemac::Diagnostics d;
    const auto schema = schemac::load_schema({std::string(SCHEMAC_SOURCE_DIR) + "/schema"}, schemac::sql::postgres::rules(), d);
    int hypertables = 0;
    for (const auto& t : schema.tables) {
        if (!t.hypertable) continue;
        ++hypertables;
        const std::string call = schemac::sql::postgres::create_hypertable_call(t);
        CAPTURE(call);
        CHECK_FALSE(schemac::test::parse_error(call));
    }
    CHECK(hypertables >= 2);
}
