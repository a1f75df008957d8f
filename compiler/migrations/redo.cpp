#include "migrations/redo.hpp"

#include <algorithm>

#include "migrations/sum_file.hpp"

namespace schemac::migrations {

namespace {

RedoBase refuse(std::string why) {
    RedoBase r;
    r.problem = std::move(why);
    return r;
}

}  // namespace

RedoBase plan_redo(const History& on_disk, const DirContents& dir) {
    const auto sum = dir.find(kSumFile);
    if (sum == dir.end())
        return refuse(on_disk.migrations.empty() ? "there is no migration to redo" : "schemac.sum is missing; restore it from git");
    std::string problem;
    const std::vector<SumEntry> recorded = parse_sum(sum->second, problem);
    if (!problem.empty()) return refuse(problem);

    // The migrations schemac.sum lists and those on disk, by name only.
    DirContents names;
    for (const auto& e : recorded) names[e.file];
    for (const auto& m : on_disk.migrations) names[m.up_file], names[m.down_file];
    Diagnostics ignored;   // malformed names were reported when the directory was read
    const History all = read_history(names, "", ignored);
    if (all.migrations.empty()) return refuse("there is no migration to redo");

    RedoBase r;
    const std::string newest = run_name(all.migrations.back().slug);
    // Parts part1..partN of one diff are consecutive versions: walk back to part1.
    std::size_t first = all.migrations.size() - 1;
    auto part = [&](std::size_t i) { return all.migrations[i].slug.substr(newest.size()); };   // "" or "_partN"
    while (first > 0 && part(first) != "" && part(first) != "_part1" && run_name(all.migrations[first - 1].slug) == newest &&
           all.migrations[first - 1].version + 1 == all.migrations[first].version)
        --first;
    r.replaced.assign(all.migrations.begin() + static_cast<std::ptrdiff_t>(first), all.migrations.end());
    r.kept.migrations.assign(all.migrations.begin(), all.migrations.begin() + static_cast<std::ptrdiff_t>(first));

    for (const Migration& m : r.replaced)
        for (const std::string& f : {m.up_file, m.down_file}) {
            const auto it = dir.find(f);
            if (it == dir.end()) continue;
            if (f == m.up_file && it->second.find(kGeneratedMark) == std::string::npos)
                return refuse(f + " was not written by schemac diff (hand-written with schemac new?), so there is no diff to "
                                  "redo: edit it and run `schemac hash`");
            r.remove.push_back(f);
        }
    for (const Migration& m : r.replaced)
        if (dir.contains(version_snapshot_file(m.version))) r.remove.push_back(version_snapshot_file(m.version));

    // The older migrations stay exactly as schemac.sum recorded them.
    r.files = dir;
    for (const std::string& f : r.remove) r.files.erase(f);
    DirContents kept_dir;   // the kept migrations and their per-version snapshots
    for (const Migration& m : r.kept.migrations)
        for (const std::string& f : {m.up_file, m.down_file}) {
            const auto it = dir.find(f);
            if (it == dir.end()) return refuse(f + " is missing; only the newest migration can be redone: restore it from git");
            kept_dir.insert(*it);
        }
    for (const auto& [name, contents] : r.files)
        if (const int v = version_snapshot_number(name); v >= 0 && v <= r.kept.last_version()) kept_dir.emplace(name, contents);
    const std::vector<SumEntry> chain = chain_entries(sum_inputs(r.kept, kept_dir));
    for (std::size_t i = 0; i < chain.size(); ++i) {
        if (i < recorded.size() && recorded[i].file != chain[i].file && !dir.contains(recorded[i].file))
            return refuse(recorded[i].file + " is missing; only the newest migration can be redone: restore it from git");
        if (i >= recorded.size() || recorded[i].file != chain[i].file || recorded[i].hash != chain[i].hash)
            return refuse(chain[i].file + " differs from what schemac.sum recorded; redo replaces only the newest migration "
                          "(restore the file from git, or re-sign a deliberate edit with `schemac hash`)");
    }
    for (std::size_t i = chain.size(); i < recorded.size(); ++i)
        if (const int v = version_snapshot_number(recorded[i].file); v > 0 && v <= r.kept.last_version() && !dir.contains(recorded[i].file))
            return refuse(recorded[i].file + " is missing; only the newest migration can be redone: restore it from git");

    const auto previous = dir.find(kPreviousSnapshotFile);
    if (previous == dir.end())
        return refuse(std::string("the schema before ") + r.replaced.front().up_file + " is unknown (" + kPreviousSnapshotFile +
                      " is not in the directory: it was written by an older schemac); restore the files from git, "
                      "or write a new migration that corrects it");
    r.files[kSnapshotFile] = previous->second;
    r.files.erase(kPreviousSnapshotFile);
    return r;
}

}  // namespace schemac::migrations
