#include "migrations/hand_written.hpp"

#include "load/writer.hpp"
#include "migrations/sum_file.hpp"

namespace schemac::migrations {

namespace {
constexpr const char* kUpGuide =
    "-- Hand-written: schemac diff does not see this file; the YAML schema and the snapshot stay as\n"
    "-- they are. Put here what the YAML cannot express, such as data transformations:\n"
    "--     UPDATE public.orders SET status = 'paid' WHERE paid_at IS NOT NULL;\n"
    "-- Schema changes belong in the YAML and `schemac diff`. After editing, and before any database\n"
    "-- applies this file, run `schemac hash` to re-sign the directory.\n";
constexpr const char* kDownGuide =
    "-- Hand-written: the statements that undo the .up.sql file (run by `schemac rollback`), e.g.\n"
    "--     UPDATE public.orders SET status = 'open' WHERE status = 'paid';\n"
    "-- Leave it without statements when there is nothing to undo; if the up file destroys data,\n"
    "-- say so with a -- schemac:destructive line in this header.\n";
}  // namespace

std::vector<OutputFile> plan_hand_written_migration(const History& h, const DirContents& dir, const NewMigration& m,
                                                    bool transactional) {
    const int version = h.last_version() + 1;
    const std::string slug = slugify(m.message);
    Migration mig{version, slug, version_text(version) + "_" + slug + ".up.sql", version_text(version) + "_" + slug + ".down.sql"};
    std::vector<OutputFile> out;
    out.push_back({mig.up_file, migration_header(version, "up", slug, m, transactional, false) + kUpGuide});
    out.push_back({mig.down_file, migration_header(version, "down", slug, m, transactional, false) + kDownGuide});
    // The snapshot keeps its bytes; a directory without one gets the empty schema, which is what it describes.
    const auto snap = dir.find(kSnapshotFile);
    const std::string snapshot = snap != dir.end() ? snap->second : write_schema_yaml(Schema{}, snapshot_header(h.last_version()));
    out.push_back({kPreviousSnapshotFile, snapshot});
    if (snap == dir.end()) out.push_back({kSnapshotFile, snapshot});
    DirContents next = dir;
    for (const auto& f : out) next[f.name] = f.contents;
    History nh = h;
    nh.migrations.push_back(mig);
    out.push_back({kSumFile, render_sum(sum_inputs(nh, next))});
    return out;
}

}  // namespace schemac::migrations
