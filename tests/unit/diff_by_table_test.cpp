// Changes grouped per table (compiler/diff/by_table.hpp), the shape a dialect
// that rebuilds tables plans from: which changes land in which group, with
// which table before and after, and where the group stands.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "diff/by_table.hpp"
#include "diff/diff.hpp"
#include "plan_text.hpp"
#include "random_schema.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {

// The grouping of from→to written as one line per step: a table group as
// "[from -> to] kind kind …" (a dash for a missing side), other changes by kind.
std::string kind_of(const diff::Change& c) {
    static const char* const names[] = {
        "CreateSchema", "DropSchema", "CreateExtension", "DropExtension", "AlterExtension", "CreateEnum", "DropEnum", "AddEnumValue", "RecreateEnum", "CreateTable", "DropTable",
        "RenameTable", "AddColumn", "DropColumn", "RenameColumn", "AlterColumnType", "SetNotNull", "SetDefault", "SetIdentity", "DropExpression",
        "AddPrimaryKey", "DropPrimaryKey", "AddUnique", "DropUnique", "AddForeignKey", "DropForeignKey", "AddCheck",
        "DropCheck", "RenameConstraint", "RenameIndex", "ValidateConstraint", "RenameSequence", "CreateIndex",
        "DropIndex", "SetTimescaleIndex", "SetTableComment", "SetColumnComment", "SetEnumComment", "CreateHypertable", "SetChunkInterval", "BackfillColumn", "SetTableOptions", "SetStorageParams", "SetPersistence", "SetRowSecurity",
        "InsertSeedRow", "UpdateSeedRow", "DeleteSeedRow"};
    static_assert(std::size(names) == std::variant_size_v<diff::Change>);
    return names[c.index()];
}

struct Grouped {
    std::string text;
    std::size_t changes = 0;   // how many changes diff_schemas returned
    std::size_t grouped = 0;   // how many the steps hold
};

Grouped grouped(const std::string& from_yaml, const std::string& to_yaml) {
    Diagnostics d;
    const Schema from = load_text("from.yaml", from_yaml, d);
    const Schema to = load_text("to.yaml", to_yaml, d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    const auto changes = diff::diff_schemas(from, to, sql::default_dialect().rules(), d);
    REQUIRE(!d.has_errors());
    Grouped g;
    g.changes = changes.size();
    for (const auto& step : diff::group_by_table(changes, from, to)) {
        if (const auto* c = std::get_if<const diff::Change*>(&step)) {
            g.text += kind_of(**c) + "\n";
            ++g.grouped;
            continue;
        }
        const auto& t = std::get<diff::TableChanges>(step);
        g.text += "[" + (t.from ? t.from->name.display() : "-") + " -> " + (t.to ? t.to->name.display() : "-") + "]";
        for (const auto* c : t.changes) g.text += " " + kind_of(*c);
        g.text += "\n";
        g.grouped += t.changes.size();
    }
    return g;
}

const char* const kTwo =
    "tables:\n"
    "  a:\n    columns:\n      id: serial\n      x: text?\n    primary_key: [id]\n"
    "  b:\n    columns:\n      id: serial\n      y: integer?\n    primary_key: [id]\n";

}  // namespace

TEST_CASE("group_by_table: one group per table, other changes in place") {
    struct Case { const char* name; std::string from, to, expected; };
    const Case cases[] = {
        {"a created table is one group with no old side", "", kTwo,
         "[- -> a] CreateTable\n[- -> b] CreateTable\n"},
        {"a dropped table is one group with no new side", kTwo, "",
         "[a -> -] DropTable\n[b -> -] DropTable\n"},
        {"several changes of one table stay together, in their order",
         kTwo,
         "tables:\n"
         "  a:\n    columns:\n      id: serial\n      x: text\n      z: integer?\n    primary_key: [id]\n"
         "    indexes:\n      - columns: [z]\n"
         "  b:\n    columns:\n      id: serial\n      y: bigint?\n    primary_key: [id]\n",
         "[a -> a] SetNotNull AddColumn CreateIndex\n[b -> b] AlterColumnType\n"},
        {"an enum change stands alone, where diff put it",
         kTwo,
         std::string("enums:\n  e: [p, q]\n") + kTwo + "    checks:\n      y_positive: y > 0\n",
         "CreateEnum\n[b -> b] AddCheck ValidateConstraint\n"},
        {"a renamed table is one group, old name to new",
         kTwo,
         "tables:\n"
         "  a:\n    columns:\n      id: serial\n      x: text?\n    primary_key: [id]\n"
         "  c:\n    renamed_from: b\n    columns:\n      id: serial\n      y: integer?\n      w: text?\n    primary_key: [id]\n",
         "[b -> c] RenameTable RenameSequence RenameConstraint AddColumn\n"},
        {"a dropped table's foreign keys are in its group; the other table is untouched",
         std::string(kTwo) + "    foreign_keys:\n      - {columns: [y], references: a}\n",
         "tables:\n  a:\n    columns:\n      id: serial\n      x: text?\n    primary_key: [id]\n",
         "[b -> -] DropForeignKey DropTable\n"},
        {"a foreign key of a created table stays in its group",
         kTwo,
         std::string(kTwo) + "  c:\n    columns:\n      id: serial\n      a_id: integer\n    primary_key: [id]\n"
         "    foreign_keys:\n      - {columns: [a_id], references: a}\n",
         "[- -> c] CreateTable AddForeignKey\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.name));
        const Grouped g = grouped(c.from, c.to);
        CHECK(g.text == c.expected);
        CHECK(g.grouped == g.changes);
    }
}

TEST_CASE("group_by_table: every change of a random pair is in exactly one step") {
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        CAPTURE(seed);
        const SchemaPair p = random_schema_pair(seed);
        const Grouped g = grouped(p.from_yaml, p.to_yaml);
        CHECK(g.grouped == g.changes);
    }
}
