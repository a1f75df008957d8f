// The pure parts of `schemac diff --redo`, `schemac new` and `schemac hash`:
// which files are the newest migration, and what each file's change is.
#include <doctest/doctest.h>

#include <string>

#include "migrations/hand_written.hpp"
#include "migrations/redo.hpp"
#include "migrations/sum_file.hpp"

using namespace schemac;
using namespace schemac::migrations;

namespace {

const std::string kGenerated = "-- created: 2026-01-02 by schemac 1 from schema/ (generated; do not edit, see schemac.sum)\n";

// A signed directory of generated migrations (names without ".up.sql"), a snapshot and a previous one.
DirContents signed_dir(const std::vector<std::string>& stems) {
    DirContents dir;
    for (const auto& s : stems) {
        dir[s + ".up.sql"] = kGenerated + "SELECT 1; -- " + s + "\n";
        dir[s + ".down.sql"] = kGenerated + "SELECT 2;\n";
    }
    dir[kPreviousSnapshotFile] = "before\n";
    dir[kSnapshotFile] = "after\n";
    Diagnostics d;
    dir[kSumFile] = render_sum(sum_inputs(read_history(dir, "m", d), dir));
    return dir;
}

RedoBase redo(const DirContents& dir) {
    Diagnostics d;
    return plan_redo(read_history(dir, "m", d), dir);
}

}  // namespace

TEST_CASE("redo replaces the newest migration and starts from the previous snapshot") {
    const RedoBase r = redo(signed_dir({"0001_a", "0002_b"}));
    REQUIRE(r.problem.empty());
    REQUIRE(r.replaced.size() == 1);
    CHECK(r.replaced[0].version == 2);
    CHECK(r.remove == std::vector<std::string>{"0002_b.up.sql", "0002_b.down.sql"});
    CHECK(r.kept.last_version() == 1);
    CHECK(r.files.at(kSnapshotFile) == "before\n");
    CHECK_FALSE(r.files.contains("0002_b.up.sql"));
}

TEST_CASE("redo replaces every part of one split diff, and only those") {
    const RedoBase r = redo(signed_dir({"0001_x_part2", "0002_x", "0003_y_part1", "0004_y_part2", "0005_y_part3"}));
    REQUIRE(r.problem.empty());
    REQUIRE(r.replaced.size() == 3);
    CHECK(r.replaced.front().version == 3);
    CHECK(r.kept.last_version() == 2);
    // A plain migration after parts of an earlier diff with the same name is replaced alone.
    const RedoBase single = redo(signed_dir({"0001_x_part1", "0002_x_part2", "0003_x"}));
    REQUIRE(single.problem.empty());
    CHECK(single.replaced.size() == 1);
}

TEST_CASE("redo of a newest migration whose files were deleted: nothing to remove, the older ones kept") {
    DirContents dir = signed_dir({"0001_a", "0002_b"});
    dir.erase("0002_b.up.sql");
    dir.erase("0002_b.down.sql");
    const RedoBase r = redo(dir);
    REQUIRE(r.problem.empty());
    CHECK(r.remove.empty());
    CHECK(r.replaced.at(0).up_file == "0002_b.up.sql");
    CHECK(r.kept.last_version() == 1);
}

TEST_CASE("redo refuses a hand-written newest migration, an edited older one, and an unknown previous schema") {
    DirContents dir = signed_dir({"0001_a"});
    Diagnostics d;
    const History h = read_history(dir, "m", d);
    for (const auto& f : plan_hand_written_migration(h, dir, NewMigration{"fix data", "2026-01-02", "1", ""}, true)) dir[f.name] = f.contents;
    CHECK(redo(dir).problem.find("0002_fix_data.up.sql was not written by schemac diff") != std::string::npos);

    DirContents edited = signed_dir({"0001_a", "0002_b"});
    edited["0001_a.up.sql"] += "-- edited\n";
    CHECK(redo(edited).problem.find("0001_a.up.sql differs from what schemac.sum recorded") != std::string::npos);

    DirContents old = signed_dir({"0001_a", "0002_b"});
    old.erase(kPreviousSnapshotFile);
    CHECK(redo(old).problem.find("is unknown") != std::string::npos);
}

TEST_CASE("new: the next pair, the snapshot unchanged, signed") {
    DirContents dir = signed_dir({"0001_a"});
    Diagnostics d;
    const auto files = plan_hand_written_migration(read_history(dir, "m", d), dir, NewMigration{"Fix data!", "2026-01-02", "1", ""}, false);
    for (const auto& f : files) {
        CHECK(f.name != kSnapshotFile);
        dir[f.name] = f.contents;
    }
    CHECK(dir.at("0002_fix_data.up.sql").find("\n-- schemac:no-transaction\n") != std::string::npos);
    CHECK(dir.at(kPreviousSnapshotFile) == "after\n");
    const History h = read_history(dir, "m", d);
    CHECK(verify_sum(dir.at(kSumFile), sum_inputs(h, dir)).ok);
}

TEST_CASE("sum_changes names the edited file, not the later lines the chain changed") {
    DirContents dir = signed_dir({"0001_a", "0002_b", "0003_c"});
    std::string problem;
    const auto recorded = parse_sum(dir.at(kSumFile), problem);
    REQUIRE(problem.empty());
    dir["0002_b.up.sql"] += "UPDATE t SET x = 1;\n";
    dir["0004_d.up.sql"] = "x";
    dir["0004_d.down.sql"] = "y";
    dir.erase("0003_c.down.sql");
    Diagnostics d;
    const auto changes = sum_changes(recorded, sum_inputs(read_history(dir, "m", d), dir));
    REQUIRE(changes.size() == 4);
    CHECK((changes[0].file == "0002_b.up.sql" && changes[0].what == "edited"));
    CHECK((changes[1].file == "0004_d.up.sql" && changes[1].what == "added"));
    CHECK((changes[2].file == "0004_d.down.sql" && changes[2].what == "added"));
    CHECK((changes[3].file == "0003_c.down.sql" && changes[3].what == "removed"));
}
