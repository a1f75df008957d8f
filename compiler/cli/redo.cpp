#include "cli/redo.hpp"

#include <algorithm>
#include <iostream>

#include "migrations/redo.hpp"
#include "migrations/sum_file.hpp"
#include "schemac/core/migration_set.hpp"

namespace schemac::cli {

MigrationState load_state_for_redo(const std::string& dir, RedoState& redo, Diagnostics& diags) {
    // schemac.sum is checked by plan_redo: the newest migration may be edited or deleted, the rest not.
    MigrationState st = load_migration_state(dir, diags, false);
    if (diags.has_errors()) return st;
    redo.original = st.files;
    const auto base = migrations::plan_redo(st.history, st.files);
    if (!base.problem.empty()) {
        diags.error({std::make_shared<const std::string>(dir), 0, 0}, "redo", "cannot redo the newest migration: " + base.problem);
        return st;
    }
    for (const auto& m : base.replaced) redo.replaced += (redo.replaced.empty() ? "" : ", ") + version_text(m.version) + "_" + m.slug;
    redo.remove = base.remove;
    redo.kept = base.kept;
    redo.kept_files = base.files;
    st.history = base.kept;
    st.files = base.files;
    st.snapshot = read_snapshot(dir, migrations::kPreviousSnapshotFile, st.files[migrations::kSnapshotFile], diags);
    return st;
}

void finish_redo(const sql::Plan& plan, std::vector<migrations::OutputFile>& files, RedoState& redo) {
    if (plan.empty()) {
        // The schema is back where it was: no migration, and the snapshot before the kept ones is not known.
        std::erase_if(files, [](const auto& f) { return f.name == migrations::kPreviousSnapshotFile; });
        redo.remove.push_back(migrations::kPreviousSnapshotFile);
        migrations::DirContents next = redo.kept_files;   // without the previous snapshot
        for (const auto& f : files) next[f.name] = f.contents;
        files.back() = {migrations::kSumFile, migrations::render_sum(migrations::sum_inputs(redo.kept, next))};
        std::cerr << "schemac: no changes from the schema before " << redo.replaced << ": removing it\n";
    }
    std::cerr << "schemac: replacing " << redo.replaced
              << ". schemac cannot know whether a database has applied it: if one has, roll it back there first "
                 "(`schemac rollback`), or `apply` will refuse the changed file there\n";
}

}  // namespace schemac::cli
