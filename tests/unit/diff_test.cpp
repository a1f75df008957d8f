// Table-driven: one kind of change per row, asserting the plan summary (what
// a reviewer sees first) and that the reverse direction is planned too.
#include <doctest/doctest.h>

#include "plan_text.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {
std::string summary(const std::string& from, const std::string& to) {
    Diagnostics d;
    const Schema a = load_text("from.yaml", from, d);
    const Schema b = load_text("to.yaml", to, d);
    const auto plan = sql::plan_migration(sql::default_dialect(), a, b, d);
    if (d.has_errors()) return render_text(d);
    return migrations::format_summary(plan);
}

const std::string kBase = "tables:\n  t:\n    columns:\n      id: serial\n      a: text?\n    primary_key: [id]\n";
std::string with(const std::string& extra_columns, const std::string& table_extra = "") {
    return "tables:\n  t:\n    columns:\n      id: serial\n      a: text?\n" + extra_columns + "    primary_key: [id]\n" + table_extra;
}
}  // namespace

const std::string kEnumTable = "tables:\n  t:\n    columns:\n      id: serial\n      v: e\n    primary_key: [id]\n";
const std::string kEnumCheck = "    checks:\n      c: v <> 'b'\n";

TEST_CASE("each kind of change is planned with its hazards") {
    struct Case { const char* name; std::string from, to, expected; };
    const Case cases[] = {
        {"create table", "", kBase, "+ table t\n"},
        {"drop table", kBase, "",
         "- table t\n    data-loss: every row of t is deleted; back it up (pg_dump -t) first\n"
         "    breaks-running-app: a running application that still reads t fails: deploy the code that stops using it first\n"},
        {"add nullable column", kBase, with("      b: integer?\n"), "+ column t.b\n"},
        {"add NOT NULL column without default", kBase, with("      b: integer\n"),
         "+ column t.b\n    may-fail: NOT NULL without a default fails if t has rows; give it a default (no rewrite for a constant) or a `backfill:` SQL expression in the YAML, which adds it nullable, fills the existing rows, then sets NOT NULL\n"},
        {"rename column", kBase, "tables:\n  t:\n    columns:\n      id: serial\n      b: {type: 'text?', renamed_from: a}\n    primary_key: [id]\n",
         "> column t.a -> b\n    breaks-running-app: SQL that names a stops working; deploy code that copes with both names first\n"},
        {"varchar to text needs no rewrite", with("      v: varchar(10)?\n"), with("      v: text?\n"), "~ column t.v: type varchar(10) -> text\n"},
        {"integer to bigint rewrites", with("      n: integer?\n"), with("      n: bigint?\n"),
         "~ column t.n: type integer -> bigint\n    table-rewrite: changing n from integer to bigint rewrites t and its indexes under an ACCESS EXCLUSIVE lock; "
         "on a large table add a new column, backfill it in batches, and switch over\n"},
        {"set NOT NULL (online)", kBase, "tables:\n  t:\n    columns:\n      id: serial\n      a: text\n    primary_key: [id]\n",
         "~ column t.a: NOT NULL\n"
         "    full-scan: VALIDATE reads every row of t under SHARE UPDATE EXCLUSIVE, so reads and writes go on; SET NOT NULL then takes ACCESS EXCLUSIVE only briefly, since the validated check proves there is no NULL\n"
         "    may-fail: stops at the VALIDATE if a row has NULL in a (also one the application wrote meanwhile): fix the rows and `schemac apply --resume`\n"},
        {"set NOT NULL, online: false", kBase, "tables:\n  t:\n    columns:\n      id: serial\n      a: {type: text, online: false}\n    primary_key: [id]\n",
         "~ column t.a: NOT NULL\n"
         "    full-scan: every row of t is checked under an ACCESS EXCLUSIVE lock (online: false)\n"
         "    may-fail: fails if any row has NULL in a: backfill first\n"},
        {"unique (online)", kBase, kBase + "    unique: [[a]]\n",
         "+ unique t_a_key on t\n    may-fail: fails if existing rows have duplicates; the INVALID index the failed build leaves is dropped, and `schemac apply --resume` builds it again\n"},
        {"unique, concurrently: false", kBase, kBase + "    unique: [{columns: [a], concurrently: false}]\n",
         "+ unique t_a_key on t\n    exclusive-lock: the unique constraint's index is built while t is locked against writes (concurrently: false)\n"
         "    may-fail: fails if existing rows have duplicates (or NULLs, for a primary key)\n"},
        {"index (online)", kBase, kBase + "    indexes:\n      - {name: t_a, columns: [a]}\n", "+ index t_a on t\n"},
        {"index, concurrently: false", kBase, kBase + "    indexes:\n      - {name: t_a, columns: [a], concurrently: false}\n",
         "+ index t_a on t\n    exclusive-lock: writes to t wait while the index builds (concurrently: false)\n"},
        {"default", kBase, "tables:\n  t:\n    columns:\n      id: serial\n      a: {type: 'text?', default: x}\n    primary_key: [id]\n", "~ column t.a: default none -> 'x'\n"},
        {"enum value in the middle", "enums:\n  e: [a, c]\n", "enums:\n  e: [a, b, c]\n", "+ enum value e 'b'\n"},
        {"enum value removed", "enums:\n  e: [a, b]\n", "enums:\n  e: [a]\n",
         "~ enum e: made again with values removed ('b')\n    breaks-running-app: the running application can no longer write 'b'\n"},
        {"enum values reordered, a column converted", "enums:\n  e: [a, b]\n" + kEnumTable, "enums:\n  e: [b, a]\n" + kEnumTable,
         "~ enum e: made again with its values reordered\n"
         "    table-rewrite: converts t.v to the new type: each table is rewritten\n"
         "    exclusive-lock: each table is locked ACCESS EXCLUSIVE while it is rewritten\n"},
        {"enum value removed under a check naming its column", "enums:\n  e: [a, b]\n" + kEnumTable + kEnumCheck,
         "enums:\n  e: [a]\n" + kEnumTable + kEnumCheck,
         "to.yaml:2:3: error: enum e loses or reorders values, so it is made again and column t.v converted, but check c may name "
         "the column and would no longer fit the new type: drop it in one migration and add it back in the next\n"},
        {"seed row update", kBase + "    seed: [{id: '1', a: x}]\n", kBase + "    seed: [{id: '1', a: y}]\n", "~ seed row t (id=1)\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.name));
        CHECK(summary(c.from, c.to) == c.expected);
    }
}

TEST_CASE("a renamed table keeps its data: rename, and default-named constraints follow") {
    const std::string from = "tables:\n  prices:\n    columns:\n      id: serial\n      s: text\n    primary_key: [id]\n    indexes:\n      - columns: [s]\n";
    const std::string to = "tables:\n  bars:\n    renamed_from: prices\n    columns:\n      id: serial\n      s: text\n    primary_key: [id]\n    indexes:\n      - columns: [s]\n";
    const PlanText p = plan_text(from, to);
    CHECK(p.up == "-- > table prices -> bars\n"
                  "--   breaks-running-app: SQL that names prices stops working; deploy code that works with both names, or use a view with the old name during the switch\n"
                  "ALTER TABLE public.prices RENAME TO bars;\n\n"
                  "-- > sequence prices_id_seq -> bars_id_seq\n"
                  "ALTER SEQUENCE public.prices_id_seq RENAME TO bars_id_seq;\n\n"
                  "-- > constraint prices_pkey -> bars_pkey on bars\n"
                  "ALTER TABLE public.bars RENAME CONSTRAINT prices_pkey TO bars_pkey;\n\n"
                  "-- > index prices_s_idx -> bars_s_idx\n"
                  "ALTER INDEX public.prices_s_idx RENAME TO bars_s_idx;\n");
    CHECK(p.down.find("ALTER TABLE public.bars RENAME TO prices;") != std::string::npos);
}

TEST_CASE("seed rows limited to environments are no migration's: adding, changing or removing them plans nothing") {
    const std::string rows = "    seed:\n      environments: [dev]\n      rows: [{id: '1', a: x}]\n";
    CHECK(summary(kBase, kBase + rows) == "");
    CHECK(summary(kBase + rows, kBase + "    seed:\n      environments: [dev, test]\n      rows: [{id: '1', a: y}, {id: '2'}]\n") == "");
    CHECK(summary(kBase + rows, kBase) == "");
    // Rows that were every environment's and become dev's only leave the migrations: they are deleted there.
    CHECK(summary(kBase + "    seed: [{id: '1', a: x}]\n", kBase + rows).rfind("- seed row t (id=1)\n    data-loss:", 0) == 0);
    CHECK(summary("", kBase + rows) == "+ table t\n");
}

TEST_CASE("hypertables: TimescaleDB's own time index is implied, the chunk interval changes, the time column cannot") {
    const std::string base = "tables:\n  ticks:\n    columns:\n      at: timestamptz\n      other: timestamptz\n      px: numeric?\n"
                             "    primary_key: [at, other]\n";
    const auto hyper = [&](const std::string& settings, const std::string& extra = "") {
        return base + extra + "    hypertable:\n      time_column: at\n" + settings;
    };
    Diagnostics d;
    const Schema s = load_text("s.yaml", hyper(""), d);
    REQUIRE(s.tables.size() == 1);
    REQUIRE(s.tables[0].indexes.size() == 1);
    CHECK(s.tables[0].indexes[0].implied);
    CHECK(s.tables[0].indexes[0].name == "ticks_at_idx");
    CHECK(s.tables[0].indexes[0].elements.at(0).order == SortOrder::Desc);
    // Not created by schemac (create_hypertable makes it), and none where the table has its own index on the time column alone.
    CHECK(summary("", hyper("")) == "+ table ticks\n+ hypertable ticks\n");
    CHECK(load_text("s.yaml", hyper("", "    indexes: [{columns: [at]}]\n"), d).tables[0].indexes.size() == 1);
    CHECK(load_text("s.yaml", hyper("      create_default_indexes: false\n"), d).tables[0].indexes.empty());
    // A key on the time column alone has an index on it too (TimescaleDB's indexing.c counts every index).
    CHECK(load_text("s.yaml", hyper("", "    unique: [[at]]\n"), d).tables[0].indexes.empty());
    // On a hypertable that stays one, TimescaleDB's index follows the schema, as a hypertable created from it would be.
    const std::string dropped = "- index ticks_at_idx on ticks (TimescaleDB's time index)\n"
                                "    exclusive-lock: DROP INDEX locks ticks (ACCESS EXCLUSIVE): its reads and writes wait\n";
    CHECK(summary(hyper(""), hyper("      create_default_indexes: false\n")) == dropped);
    CHECK(summary(hyper("      create_default_indexes: false\n"), hyper("")).find("+ index ticks_at_idx on ticks (TimescaleDB's time index)\n") == 0);
    const std::string own = summary(hyper(""), hyper("", "    indexes: [{columns: [at]}]\n"));
    CHECK(own.find(dropped) == 0);
    CHECK(own.find("+ index ticks_at_idx on ticks\n") != std::string::npos);
    // Its own index in TimescaleDB's shape is its own (a table left plain without TimescaleDB has only that one).
    const std::string same_shape = summary(hyper(""), hyper("", "    indexes: [{columns: [at DESC]}]\n"));
    CHECK(same_shape.find(dropped) == 0);
    CHECK(same_shape.find("+ index ticks_at_idx on ticks\n") != std::string::npos);
    // The chunk interval: a step each way; unset is TimescaleDB's 7 days.
    CHECK(summary(hyper("      chunk_interval: 1 day\n"), hyper("      chunk_interval: 2 days\n")) ==
          "~ hypertable ticks: chunk interval 1 day -> 2 days\n");
    CHECK(summary(hyper(""), hyper("      chunk_interval: 7 days\n")) == "");
    CHECK(summary(hyper("      chunk_interval: 1 day\n"), hyper("")) == "~ hypertable ticks: chunk interval 1 day -> 7 days\n");
    // The same interval spelled differently is no change ("1 day" is TimescaleDB's 86400000000 microseconds either way).
    CHECK(summary(hyper("      chunk_interval: 1 day\n"), hyper("      chunk_interval: 24 hours\n")) == "");
    CHECK(summary(hyper("      chunk_interval: 12:00:00\n"), hyper("      chunk_interval: 12 hours\n")) == "");
    CHECK(summary(hyper(""), hyper("      chunk_interval: 1 week\n")) == "");
    // The time column cannot change.
    const std::string retimed = base + "    hypertable:\n      time_column: other\n";
    CHECK(summary(hyper(""), retimed).find("error: hypertable ticks is partitioned by at; TimescaleDB cannot change the time column") !=
          std::string::npos);
    CHECK(d.error_count() == 0);
}
