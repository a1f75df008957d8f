#include "migrations/snapshots.hpp"

#include <algorithm>

namespace schemac::migrations {

namespace {

// Why no snapshot describes the schema after the generated (or unmarked) migration at `at`.
std::string unknown_after(const History& h, std::size_t at, const DirContents& dir) {
    const Migration& m = h.migrations[at];
    const std::string v = version_text(m.version);
    const bool part = run_name(m.slug) != m.slug;
    if (part && at + 1 < h.migrations.size() && h.migrations[at + 1].version == m.version + 1 &&
        run_name(h.migrations[at + 1].slug) == run_name(m.slug))
        return "migration " + v + " (" + m.slug + ") is one part of a migration that `schemac diff` split into files, and the "
               "schema between its parts is not kept";
    const auto up = dir.find(m.up_file);
    if (up != dir.end() && up->second.find(kGeneratedMark) == std::string::npos)
        return m.up_file + " was written neither by `schemac diff` nor by `schemac new`, so the schema after it is not known";
    return "no snapshot describes the schema after migration " + v + " (" + version_snapshot_file(m.version) +
           " is missing: the migration was written by a schemac that kept the newest snapshot only)";
}

}  // namespace

SnapshotAt snapshot_at(const History& h, const DirContents& dir, int version) {
    if (version == 0) return {};
    const auto it = std::find_if(h.migrations.begin(), h.migrations.end(), [&](const Migration& m) { return m.version == version; });
    if (it == h.migrations.end())
        return {"", "the migrations directory has no migration " + version_text(version) +
                        (h.migrations.empty() ? std::string(" (it has none)")
                                              : " (its migrations end at " + version_text(h.last_version()) + ")")};
    for (std::size_t at = static_cast<std::size_t>(it - h.migrations.begin());; --at) {
        const Migration& m = h.migrations[at];
        const std::string own = version_snapshot_file(m.version);
        if (const auto f = dir.find(own); f != dir.end()) {
            if (snapshot_version(f->second) != m.version)
                return {"", own + " does not say it is the schema after migration " + version_text(m.version) + " in its first line"};
            return {own, ""};
        }
        for (const char* kept : {kSnapshotFile, kPreviousSnapshotFile})
            if (const auto f = dir.find(kept); f != dir.end() && snapshot_version(f->second) == m.version) return {kept, ""};
        const auto up = dir.find(m.up_file);
        if (up == dir.end() || up->second.find(kHandWrittenMark) == std::string::npos) return {"", unknown_after(h, at, dir)};
        if (at == 0) return {};   // only hand-written migrations: no schema
    }
}

std::vector<int> known_versions(const History& h, const DirContents& dir) {
    std::vector<int> known{0};
    for (const Migration& m : h.migrations)
        if (snapshot_at(h, dir, m.version).problem.empty()) known.push_back(m.version);
    return known;
}

std::string versions_text(const std::vector<int>& versions) {
    std::vector<std::string> runs;
    for (std::size_t i = 0; i < versions.size();) {
        std::size_t j = i;
        while (j + 1 < versions.size() && versions[j + 1] == versions[j] + 1) ++j;
        if (j >= i + 2) {
            runs.push_back(version_text(versions[i]) + " to " + version_text(versions[j]));
            i = j + 1;
        } else {
            runs.push_back(version_text(versions[i++]));
        }
    }
    std::string text;
    for (std::size_t i = 0; i < runs.size(); ++i) text += (i == 0 ? "" : i + 1 == runs.size() ? " and " : ", ") + runs[i];
    return text;
}

std::vector<std::pair<std::string, std::string>> snapshot_problems(const History& h, const DirContents& dir) {
    std::vector<std::pair<std::string, std::string>> problems;
    const std::string lead = std::string(kSnapshotDir) + "/";
    for (const auto& [name, contents] : dir) {
        if (!name.starts_with(lead)) continue;
        const int v = version_snapshot_number(name);
        if (v < 0)
            problems.emplace_back(name, "only the snapshots schemac writes belong in " + lead + ", named NNNN.yaml after their migration");
        else if (std::none_of(h.migrations.begin(), h.migrations.end(), [&](const Migration& m) { return m.version == v; }))
            problems.emplace_back(name, "there is no migration " + version_text(v) + " for this snapshot");
        else if (snapshot_version(contents) != v)
            problems.emplace_back(name, "its first line must say it is the schema after migration " + version_text(v) +
                                            " (a snapshot of another version copied here?)");
    }
    return problems;
}

}  // namespace schemac::migrations
