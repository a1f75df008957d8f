// parse_index_statement: which statements a resuming runner can check against
// the catalog before running them again (runtime/migrate/postgres/rerun.cpp).
#include <doctest/doctest.h>

#include "schemac/postgres/index_statement.hpp"

using schemac::IndexStatement;
using schemac::parse_index_statement;

TEST_CASE("index statement: the generated CREATE INDEX CONCURRENTLY forms give the index and its table") {
    auto s = parse_index_statement("CREATE UNIQUE INDEX CONCURRENTLY \"Orders_Ref\" ON shop.\"order\" USING btree (ref) WHERE ref <> ''");
    REQUIRE(s);
    CHECK(s->kind == IndexStatement::Kind::create_concurrently);
    CHECK(s->name == "Orders_Ref");
    CHECK(s->table_schema == "shop");
    CHECK(s->table == "order");
    CHECK(!s->if_exists);

    s = parse_index_statement("-- why\n/* a /* nested */ comment */ create index concurrently if not exists IX_A on only T (a)");
    REQUIRE(s);
    CHECK(s->name == "ix_a");   // unquoted: folded to lower case
    CHECK(s->table_schema.empty());
    CHECK(s->table == "t");
    CHECK(s->if_exists);

    s = parse_index_statement("CREATE INDEX CONCURRENTLY \"a\"\"b\" ON t(x)");
    REQUIRE(s);
    CHECK(s->name == "a\"b");
}

TEST_CASE("index statement: DROP INDEX CONCURRENTLY with one name, IF EXISTS, CASCADE") {
    auto s = parse_index_statement("DROP INDEX CONCURRENTLY IF EXISTS public.idx_perf_metadata");
    REQUIRE(s);
    CHECK(s->kind == IndexStatement::Kind::drop_concurrently);
    CHECK(s->if_exists);
    CHECK(s->schema == "public");
    CHECK(s->name == "idx_perf_metadata");
    s = parse_index_statement("drop index concurrently \"X\" cascade");
    REQUIRE(s);
    CHECK(s->schema.empty());
    CHECK(s->name == "X");
}

TEST_CASE("index statement: anything it cannot be sure of is not recognised, so it runs as written") {
    for (const char* sql : {
             "CREATE INDEX CONCURRENTLY ON t (a)",                 // unnamed: the name is chosen by the server
             "CREATE INDEX i ON t (a)",                            // not concurrent: transactional anyway
             "DROP INDEX CONCURRENTLY a, b",                       // several names
             "DROP INDEX CONCURRENTLY a extra",                    // something unexpected
             "DROP INDEX CONCURRENTLY U&\"d\\0061t\"",             // Unicode escapes
             "CREATE INDEX CONCURRENTLY U&\"i\" ON t (a)",
             "DROP INDEX CONCURRENTLY \"unterminated",
             "DROP INDEX CONCURRENTLY a -- fine\n, b",             // a comment does not hide the second name
             "CREATE INDEX CONCURRENTLY x23456789012345678901234567890123456789012345678901234567890123456 ON t (a)",
             "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'x'",
             "",
         }) {
        CAPTURE(sql);
        CHECK(!parse_index_statement(sql));
    }
    // A string later in the statement does not matter.
    CHECK(parse_index_statement("CREATE INDEX CONCURRENTLY i ON t (a) WHERE b = 'it''s'"));
}
