#include <doctest/doctest.h>

#include "sql/postgres/naming.hpp"
#include "model_builder.hpp"

using namespace schemac;
using namespace schemac::test;

TEST_CASE("PostgreSQL's default constraint and index names") {
    // Expected values were read off PostgreSQL 15 (see tests/integration for the live check).
    CHECK(sql::postgres::pg_object_name("prices", "", "pkey") == "prices_pkey");
    CHECK(sql::postgres::pg_object_name("prices", "symbol_timestamp", "key") == "prices_symbol_timestamp_key");
    const std::string long_table(60, 't');
    CHECK(sql::postgres::pg_object_name(long_table, "", "pkey") == std::string(58, 't') + "_pkey");
    // The longer part is shortened first.
    CHECK(sql::postgres::pg_object_name(std::string(40, 'a'), std::string(30, 'b'), "fkey") ==
          std::string(29, 'a') + "_" + std::string(28, 'b') + "_fkey");
    CHECK(sql::postgres::pg_name_addition({"a", "b", "c"}) == "a_b_c");
    CHECK(sql::postgres::pg_expression_column_name("lower(email)") == "lower");
    CHECK(sql::postgres::pg_expression_column_name("  COALESCE (a, b)") == "coalesce");
    CHECK(sql::postgres::pg_expression_column_name("a + b") == "expr");
}

TEST_CASE("unnamed constraints get PostgreSQL's names, avoiding clashes") {
    Schema s = SchemaBuilder()
                   .table(TableBuilder("orders")
                              .col("id", "bigserial").col("sym", "text").col("acct", "bigint")
                              .pk({"id"}).unique({"sym", "acct"}).fk({"acct"}, "accounts", {"id"})
                              .index({"sym"}).index({"sym"}).index({"expr:lower(sym)"})
                              .index({"acct"}, "orders_sym_idx1"))
                   .build();
    sql::postgres::assign_default_names(s);
    const Table& t = s.tables[0];
    CHECK(t.primary_key->name == "orders_pkey");
    CHECK(t.uniques[0].name == "orders_sym_acct_key");
    CHECK(t.foreign_keys[0].name == "orders_acct_fkey");
    CHECK(t.indexes[0].name == "orders_sym_idx");
    CHECK(t.indexes[1].name == "orders_sym_idx2");   // _idx1 is taken by the user's name
    CHECK(t.indexes[2].name == "orders_lower_idx");
    CHECK(t.indexes[3].name == "orders_sym_idx1");
}
