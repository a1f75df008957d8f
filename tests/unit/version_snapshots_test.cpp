// The per-version snapshots of the migration directory (snapshots/NNNN.yaml): written by `diff`
// for the last file of each diff, covered by schemac.sum, left alone by `new`, replaced by
// `diff --redo`, and which one describes the schema at each version (what `verify` compares).
#include <doctest/doctest.h>

#include <string>

#include "load/writer.hpp"
#include "migrations/hand_written.hpp"
#include "migrations/redo.hpp"
#include "migrations/snapshots.hpp"
#include "migrations/sum_file.hpp"

using namespace schemac;
using namespace schemac::migrations;

namespace {

const NewMigration kMessage{"add things", "2026-01-02", "1", "schema/"};

sql::Plan plan_of(std::vector<bool> transactional) {
    sql::Plan p;
    int i = 0;
    for (bool tx : transactional) {
        sql::PlanStep s("+ table t" + std::to_string(++i), {"CREATE TABLE t" + std::to_string(i) + " (id int)"},
                        {"DROP TABLE t" + std::to_string(i)});
        s.transactional = tx;
        p.steps.push_back(s);
    }
    return p;
}

// Runs `diff` (a plan) or `new` (no plan) on the directory, as the CLI would write it.
void diff(DirContents& dir, const std::vector<bool>& steps, const std::string& message = "add things") {
    Diagnostics d;
    NewMigration m = kMessage;
    m.message = message;
    for (const auto& f : plan_new_migration(read_history(dir, "m", d), dir, plan_of(steps), Schema{}, m)) dir[f.name] = f.contents;
}
void hand_written(DirContents& dir) {
    Diagnostics d;
    for (const auto& f : plan_hand_written_migration(read_history(dir, "m", d), dir, kMessage, true)) dir[f.name] = f.contents;
}

SnapshotAt at(const DirContents& dir, int version) {
    Diagnostics d;
    return snapshot_at(read_history(dir, "m", d), dir, version);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("diff writes the snapshot of its version, the same bytes as the snapshot, and signs it") {
    DirContents dir;
    diff(dir, {true});
    REQUIRE(dir.contains("snapshots/0001.yaml"));
    CHECK(dir.at("snapshots/0001.yaml") == dir.at(kSnapshotFile));
    CHECK(snapshot_version(dir.at("snapshots/0001.yaml")) == 1);
    diff(dir, {true});
    CHECK(snapshot_version(dir.at("snapshots/0002.yaml")) == 2);
    CHECK(dir.at("snapshots/0001.yaml") == dir.at(kPreviousSnapshotFile));

    // schemac.sum: by version, up, down and snapshot; then the previous snapshot and the snapshot.
    Diagnostics d;
    const History h = read_history(dir, "m", d);
    std::vector<std::string> order;
    for (const auto& [name, contents] : sum_inputs(h, dir)) order.push_back(name);
    CHECK(order == std::vector<std::string>{"0001_add_things.up.sql", "0001_add_things.down.sql", "snapshots/0001.yaml",
                                            "0002_add_things.up.sql", "0002_add_things.down.sql", "snapshots/0002.yaml",
                                            kPreviousSnapshotFile, kSnapshotFile});
    CHECK(verify_sum(dir.at(kSumFile), sum_inputs(h, dir)).ok);

    // A tampered snapshot breaks the chain at its line, like a tampered migration.
    DirContents tampered = dir;
    tampered["snapshots/0001.yaml"] += "# edited\n";
    const SumCheck check = verify_sum(tampered.at(kSumFile), sum_inputs(h, tampered));
    CHECK_FALSE(check.ok);
    CHECK(contains(check.problem, "snapshots/0001.yaml was edited"));
    // ... and a deleted one is named as missing.
    DirContents deleted = dir;
    deleted.erase("snapshots/0001.yaml");
    CHECK(contains(verify_sum(deleted.at(kSumFile), sum_inputs(h, deleted)).problem, "lists snapshots/0001.yaml, which is missing"));
}

TEST_CASE("a diff split into files keeps the snapshot of its last part only, the parts between are not verifiable") {
    DirContents dir;
    diff(dir, {true, false, true});
    CHECK_FALSE(dir.contains("snapshots/0001.yaml"));
    CHECK_FALSE(dir.contains("snapshots/0002.yaml"));
    CHECK(dir.contains("snapshots/0003.yaml"));
    CHECK(at(dir, 3).file == "snapshots/0003.yaml");
    CHECK(contains(at(dir, 1).problem, "one part of a migration that `schemac diff` split into files"));
    Diagnostics d;
    CHECK(known_versions(read_history(dir, "m", d), dir) == std::vector<int>{0, 3});
}

TEST_CASE("new writes no snapshot: its version has the schema of the version below it") {
    DirContents dir;
    hand_written(dir);   // 0001, hand-written, on an empty directory
    CHECK_FALSE(dir.contains("snapshots/0001.yaml"));
    CHECK(at(dir, 1).file.empty());
    CHECK(at(dir, 1).problem.empty());   // the empty schema, like version 0
    diff(dir, {true});                   // 0002
    hand_written(dir);                   // 0003
    hand_written(dir);                   // 0004
    CHECK_FALSE(dir.contains("snapshots/0003.yaml"));
    CHECK(at(dir, 4).file == "snapshots/0002.yaml");
    CHECK(at(dir, 3).file == "snapshots/0002.yaml");
    CHECK(at(dir, 2).file == "snapshots/0002.yaml");
    CHECK(at(dir, 0).file.empty());
    CHECK(at(dir, 0).problem.empty());
    Diagnostics d;
    CHECK(verify_sum(dir.at(kSumFile), sum_inputs(read_history(dir, "m", d), dir)).ok);
}

TEST_CASE("a version without its snapshot is not known and says why, older directories use their two snapshots") {
    DirContents dir;
    diff(dir, {true});
    diff(dir, {true});
    diff(dir, {true});
    diff(dir, {true});
    // As an older schemac left it: no per-version snapshots, the previous one and the snapshot.
    for (int v = 1; v <= 4; ++v) dir.erase(version_snapshot_file(v));
    CHECK(at(dir, 4).file == kSnapshotFile);
    CHECK(at(dir, 3).file == kPreviousSnapshotFile);
    const SnapshotAt two = at(dir, 2);
    CHECK(two.file.empty());
    CHECK(contains(two.problem, "no snapshot describes the schema after migration 0002 (snapshots/0002.yaml is missing"));
    CHECK(contains(at(dir, 7).problem, "has no migration 0007 (its migrations end at 0004)"));
    Diagnostics d;
    const History h = read_history(dir, "m", d);
    CHECK(versions_text(known_versions(h, dir)) == "0000, 0003 and 0004");

    // A hand-written migration above a generated one without a snapshot is not known either.
    hand_written(dir);
    dir.erase(kSnapshotFile);
    dir.erase(kPreviousSnapshotFile);
    CHECK(contains(at(dir, 5).problem, "migration 0004"));

    // A snapshot of the wrong version in a version's place.
    DirContents copied;
    diff(copied, {true});
    diff(copied, {true});
    copied["snapshots/0002.yaml"] = copied.at("snapshots/0001.yaml");
    CHECK(contains(at(copied, 2).problem, "does not say it is the schema after migration 0002"));
}

TEST_CASE("versions_text") {
    CHECK(versions_text({0}) == "0000");
    CHECK(versions_text({0, 1}) == "0000 and 0001");
    CHECK(versions_text({0, 1, 2, 5, 7, 8, 9}) == "0000 to 0002, 0005 and 0007 to 0009");
}

TEST_CASE("snapshot problems: a stray name, a snapshot without its migration, a header of another version") {
    DirContents dir;
    diff(dir, {true});
    Diagnostics d;
    CHECK(snapshot_problems(read_history(dir, "m", d), dir).empty());
    dir["snapshots/notes.txt"] = "x";
    dir["snapshots/0009.yaml"] = write_schema_yaml(Schema{}, snapshot_header(9));
    diff(dir, {true});   // 0002
    dir["snapshots/0002.yaml"] = dir.at("snapshots/0001.yaml");
    const auto problems = snapshot_problems(read_history(dir, "m", d), dir);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].first == "snapshots/0002.yaml");
    CHECK(contains(problems[0].second, "schema after migration 0002"));
    CHECK(problems[1].first == "snapshots/0009.yaml");
    CHECK(contains(problems[1].second, "no migration 0009"));
    CHECK(problems[2].first == "snapshots/notes.txt");
}

TEST_CASE("redo replaces the newest migration's snapshot and refuses without an older one it must keep") {
    DirContents dir;
    diff(dir, {true});
    diff(dir, {true}, "second");
    Diagnostics d;
    const RedoBase r = plan_redo(read_history(dir, "m", d), dir);
    REQUIRE(r.problem.empty());
    CHECK(r.remove == std::vector<std::string>{"0002_second.up.sql", "0002_second.down.sql", "snapshots/0002.yaml"});
    CHECK(r.files.contains("snapshots/0001.yaml"));
    CHECK_FALSE(r.files.contains("snapshots/0002.yaml"));
    CHECK(r.files.at(kSnapshotFile) == dir.at("snapshots/0001.yaml"));
    // The fresh diff writes the snapshot of the replaced version again, and signs it.
    DirContents next = r.files;
    for (const auto& f : plan_new_migration(r.kept, r.files, plan_of({true, true}), Schema{}, kMessage)) next[f.name] = f.contents;
    CHECK(snapshot_version(next.at("snapshots/0002.yaml")) == 2);
    CHECK(verify_sum(next.at(kSumFile), sum_inputs(read_history(next, "m", d), next)).ok);

    DirContents lost = dir;
    lost.erase("snapshots/0001.yaml");
    CHECK(contains(plan_redo(read_history(lost, "m", d), lost).problem, "snapshots/0001.yaml is missing"));
}

TEST_CASE("an up-only file (NNNN_name.sql, as wrangler writes D1 migrations) is a migration without a down file") {
    DirContents dir{{"0001_initial_schema.sql", "CREATE TABLE t (id TEXT PRIMARY KEY);\n"}};
    Diagnostics d;
    const History h = read_history(dir, "m", d);
    CHECK_FALSE(d.has_errors());
    REQUIRE(h.migrations.size() == 1);
    CHECK(h.migrations[0].up_file == "0001_initial_schema.sql");
    CHECK(h.migrations[0].down_file.empty());
    diff(dir, {true});   // the next diff numbers after it
    CHECK(dir.count("0002_add_things.up.sql") == 1);

    dir["0001_initial_schema.down.sql"] = "DROP TABLE t;\n";   // a down file cannot pair with it
    Diagnostics paired;
    read_history(dir, "m", paired);
    CHECK(contains(render_text(paired), "0001_initial_schema.sql is an up-only file (NNNN_name.sql); name it 0001_initial_schema.up.sql"));
}
