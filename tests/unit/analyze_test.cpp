#include <doctest/doctest.h>

#include <functional>

#include "model/analyze.hpp"
#include "model_builder.hpp"
#include "sql/postgres/rules.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {
std::vector<std::string> codes_of(Schema s) {
    Diagnostics d;
    analyze(s, schemac::sql::postgres::rules(), d);
    std::vector<std::string> out;
    for (const auto& x : d.all()) out.push_back(x.code + ": " + x.message);
    return out;
}

TableBuilder accounts() { return TableBuilder("accounts").col("id", "bigserial").col("email", "text").pk({"id"}).unique({"email"}); }
}  // namespace

TEST_CASE("a valid schema has no diagnostics") {
    Schema s = SchemaBuilder()
                   .enumeration("side", {"buy", "sell"})
                   .table(accounts())
                   .table(TableBuilder("orders")
                              .col("id", "bigserial").col("account_id", "bigint").col("side", "side")
                              .with_default(scalar("buy")).col("ts", "timestamptz").with_default(test::sql("now()"))
                              .pk({"id"}).fk({"account_id"}, "accounts").index({"account_id", "ts"})
                              .check("ck_side", "side IS NOT NULL"))
                   .build();
    CHECK(codes_of(s).empty());
}

TEST_CASE("semantic rules, one broken at a time") {
    struct Case {
        const char* name;
        std::function<Schema()> make;
        std::vector<std::string> expected;
    };
    const std::vector<Case> cases = {
        {"duplicate table", [] { return SchemaBuilder().table(accounts()).table(accounts()).build(); },
         {"duplicate-table: table accounts is defined twice"}},
        {"unknown enum type with hint",
         [] { return SchemaBuilder().enumeration("side", {"buy"}).table(TableBuilder("t").col("s", "sde")).build(); },
         {"unknown-type: unknown type 'sde'; did you mean 'side'?"}},
        {"fk to a missing table",
         [] { return SchemaBuilder().table(accounts()).table(TableBuilder("t").col("a", "bigint").fk({"a"}, "acounts")).build(); },
         {"fk-missing-table: foreign key references table 'acounts', which does not exist; did you mean 'accounts'?"}},
        {"fk type mismatch",
         [] { return SchemaBuilder().table(accounts()).table(TableBuilder("t").col("a", "text").fk({"a"}, "accounts")).build(); },
         {"fk-type-mismatch: foreign key column 'a' is text but references accounts.id of type bigserial"}},
        {"fk to a non-unique column",
         [] {
             return SchemaBuilder().table(TableBuilder("p").col("id", "integer").col("x", "integer").pk({"id"}))
                 .table(TableBuilder("c").col("x", "integer").fk({"x"}, "p", {"x"})).build();
         },
         {"fk-not-unique: foreign key references columns of p that are not its primary key or a unique constraint"}},
        {"fk set null on not null",
         [] { return SchemaBuilder().table(accounts()).table(TableBuilder("t").col("a", "bigint").fk({"a"}, "accounts", {}, FkAction::SetNull)).build(); },
         {"fk-set-null: foreign key action set_null on NOT NULL column 'a' would always fail"}},
        {"pk on a missing column",
         [] { return SchemaBuilder().table(TableBuilder("t").col("id", "integer").pk({"idd"})).build(); },
         {"unknown-column: primary key names column 'idd', which table t does not have; did you mean 'id'?"}},
        {"nullable pk column",
         [] { return SchemaBuilder().table(TableBuilder("t").nullable_col("id", "integer").pk({"id"})).build(); },
         {"nullable-primary-key: primary key column 'id' is marked nullable; primary key columns are always NOT NULL"}},
        {"unique gin index",
         [] { return SchemaBuilder().table(TableBuilder("t").col("j", "jsonb").index({"j"}, "ix", true, IndexMethod::Gin)).build(); },
         {"bad-index: only btree indexes can be unique (index 'ix')"}},
        {"hypertable time column not a time type",
         [] { return SchemaBuilder().table(TableBuilder("m").col("t", "text").hypertable("t")).build(); },
         {"hypertable-time-column: hypertable time column 't' is text; it must be date, timestamp or timestamptz"}},
        {"hypertable chunk interval not positive",
         [] { return SchemaBuilder().table(TableBuilder("m").col("t", "timestamptz").hypertable("t", "1 day ago")).build(); },
         {"bad-value: chunk_interval '1 day ago' is not a positive interval; TimescaleDB cuts chunks of that length"}},
        {"hypertable chunk interval not an interval",
         [] { return SchemaBuilder().table(TableBuilder("m").col("t", "timestamptz").hypertable("t", "1 day 1 day")).build(); },
         {"bad-value: chunk_interval '1 day 1 day' is not an interval (such as '1 day' or '02:30:00')"}},
        {"hypertable pk without time column",
         [] { return SchemaBuilder().table(TableBuilder("m").col("id", "bigint").col("t", "timestamptz").pk({"id"}).hypertable("t")).build(); },
         {"hypertable-unique: the primary key of hypertable m must include the time column 't' (TimescaleDB partitions by it)"}},
        {"seed row with unknown column and missing key",
         [] { return SchemaBuilder().table(TableBuilder("r").col("k", "text").pk({"k"}).seed_row({{"kk", "x"}})).build(); },
         {"seed-unknown-column: seed row names column 'kk', which table r does not have; did you mean 'k'?",
          "seed-missing-key: seed row has no value for key column 'k'"}},
        {"seed rows with the same key",
         [] { return SchemaBuilder().table(TableBuilder("r").col("k", "text").pk({"k"}).seed_row({{"k", "x"}}).seed_row({{"k", "x"}})).build(); },
         {"seed-duplicate-key: two seed rows of table r have the same key ('x')"}},
        {"default that does not fit",
         [] { return SchemaBuilder().table(TableBuilder("t").col("n", "numeric(4,2)").with_default(scalar("123.4"))).build(); },
         {"bad-value: default '123.4' of column 'n' (numeric(4,2)) has 3 digits before the decimal point; numeric(4,2) allows 2"}},
        {"duplicate enum value",
         [] { return SchemaBuilder().enumeration("e", {"a", "b", "a"}).build(); },
         {"duplicate-enum-value: enum e lists value 'a' twice"}},
        {"enum and table share a name",
         [] { return SchemaBuilder().enumeration("t", {"a"}).table(TableBuilder("t").col("x", "text")).build(); },
         {"duplicate-type: table t has the same name as an enum (a table is also a type in PostgreSQL)"}},
        {"index name clashes with a table",
         [] { return SchemaBuilder().table(accounts()).table(TableBuilder("t").col("x", "text").index({"x"}, "accounts")).build(); },
         {"duplicate-name: index name 'accounts' is already used in schema 'public' (tables, indexes and key constraints share one namespace)"}},
        {"identifier too long",
         [] { return SchemaBuilder().table(TableBuilder(std::string(64, 'x')).col("a", "text")).build(); },
         {"bad-identifier: table name '" + std::string(64, 'x') + "' is 64 bytes long; PostgreSQL allows at most 63"}},
        {"reserved schema name",
         [] { return SchemaBuilder().table(TableBuilder("t", "pg_mine").col("a", "text")).build(); },
         {"bad-identifier: schema name 'pg_mine' is reserved: names starting with 'pg_' belong to PostgreSQL"}},
        {"serial with a default",
         [] { return SchemaBuilder().table(TableBuilder("t").col("id", "serial").with_default(scalar("1"))).build(); },
         {"bad-serial: column 'id' is serial, which has its own default (the sequence)"}},
    };
    for (const auto& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        CHECK(codes_of(c.make()) == c.expected);
    }
}

TEST_CASE("names resolve in the table's schema first, then in public") {
    Schema s = SchemaBuilder()
                   .enumeration("side", {"buy"}, "public")
                   .table(TableBuilder("accounts", "market").col("id", "integer").pk({"id"}))
                   .table(TableBuilder("orders", "market").col("a", "integer").col("s", "side").fk({"a"}, "accounts"))
                   .build();
    Diagnostics d;
    analyze(s, schemac::sql::postgres::rules(), d);
    CHECK(d.all().empty());
    CHECK(s.tables[1].foreign_keys[0].ref_table == QualifiedName{"market", "accounts"});
    CHECK(s.tables[1].columns[1].type.enum_name == QualifiedName{"public", "side"});
}

TEST_CASE("analysis time grows linearly: 4,000 tables each referencing the previous") {
    SchemaBuilder b;
    for (int i = 0; i < 4000; ++i) {
        TableBuilder t("t" + std::to_string(i));
        t.col("id", "integer").col("prev", "integer", true).pk({"id"});
        if (i > 0) t.fk({"prev"}, "t" + std::to_string(i - 1));
        b.table(t);
    }
    Schema s = b.build();
    Diagnostics d;
    analyze(s, schemac::sql::postgres::rules(), d);
    CHECK(d.all().empty());
    CHECK(s.tables[3999].foreign_keys[0].name == "t3999_prev_fkey");
}
