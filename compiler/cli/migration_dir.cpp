#include "cli/migration_dir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "load/loader.hpp"
#include "load/source_file.hpp"
#include "migrations/snapshots.hpp"
#include "migrations/sum_file.hpp"
#include "model/analyze.hpp"

namespace schemac::cli {

namespace fs = std::filesystem;

std::string today_utc() {
    if (const char* fixed = std::getenv("SCHEMAC_DATE"); fixed && *fixed) return fixed;   // reproducible tests
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

// Migrations may carry data (seed rows, hand-written backfills): a limit far
// above the schema files', still bounded (docs/migrations.md).
constexpr std::size_t kMaxMigrationFileBytes = std::size_t{256} << 20;   // 256 MiB

Schema read_snapshot(const std::string& dir, const std::string& name, const std::string& text, Diagnostics& diags,
                     const SchemaRules& rules) {
    Schema schema;
    load_yaml_text(dir + "/" + name, text, schema, diags);
    analyze(schema, rules, diags);
    return schema;
}

void report_snapshot_problems(const std::string& dir, const MigrationState& st, Diagnostics& diags) {
    for (const auto& [file, problem] : migrations::snapshot_problems(st.history, st.files))
        diags.error({std::make_shared<const std::string>(dir + "/" + file), 0, 0}, "snapshot-stray", problem);
}

MigrationState load_migration_state(const std::string& dir, Diagnostics& diags, bool check_sum, const SchemaRules& rules) {
    MigrationState st;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return st;
    st.exists = true;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.find(".tmp-") != std::string::npos) continue;
        // A migration, the snapshot or the sum that cannot be read (a dangling
        // link, a FIFO) is an error, never a file that silently is not there.
        const bool ours = name.ends_with(".sql") || name == migrations::kSumFile || name == migrations::kSnapshotFile;
        if (!ours && !e.is_regular_file()) continue;
        if (auto text = read_source_file(e.path().string(), diags, kMaxMigrationFileBytes)) st.files[name] = std::move(*text);
    }
    // The per-version snapshots, under their names in the directory ("snapshots/0003.yaml").
    const fs::path snapshots = fs::path(dir) / migrations::kSnapshotDir;
    if (fs::is_directory(snapshots, ec))
        for (const auto& e : fs::directory_iterator(snapshots, ec)) {
            const std::string name = std::string(migrations::kSnapshotDir) + "/" + e.path().filename().string();
            if (name.find(".tmp-") != std::string::npos) continue;
            if (auto text = read_source_file(e.path().string(), diags, kMaxMigrationFileBytes)) st.files[name] = std::move(*text);
        }
    st.history = migrations::read_history(st.files, dir, diags);
    auto at = [&](const std::string& f) { return SourcePos{std::make_shared<const std::string>(dir + "/" + f), 0, 0}; };
    if (check_sum) report_snapshot_problems(dir, st, diags);
    const auto sum = st.files.find(migrations::kSumFile);
    const auto inputs = migrations::sum_inputs(st.history, st.files);
    if (!check_sum) {
        // the caller rewrites schemac.sum from the files
    } else if (sum == st.files.end()) {
        if (!inputs.empty())
            diags.error(at(migrations::kSumFile), "sum-missing", "schemac.sum is missing; migrations cannot be trusted without it");
    } else if (const auto check = migrations::verify_sum(sum->second, inputs); !check.ok) {
        // What fixes it depends on what happened; only the user knows whether a database applied the file.
        const bool deleted = check.problem.find(".sql, which is missing") != std::string::npos;
        const bool snapshot_deleted = check.problem.find(".yaml, which is missing") != std::string::npos;
        diags.error(at(migrations::kSumFile), "sum-mismatch",
                    check.problem + (deleted ? ". If you deleted the newest migration to write it again, run `schemac diff --redo -m \"<message>\"`"
                                     : snapshot_deleted ? ". Without it `schemac verify` cannot check a database at that version"
                                             : ". If the edit was deliberate and no database has applied the file, run `schemac hash`") +
                        "; otherwise restore the files from git");
    }
    const auto snap = st.files.find(migrations::kSnapshotFile);
    if (snap != st.files.end()) {
        st.snapshot = read_snapshot(dir, migrations::kSnapshotFile, snap->second, diags, rules);
    } else if (!st.history.migrations.empty()) {
        diags.error(at(migrations::kSnapshotFile), "snapshot-missing", "the schema snapshot is missing, so the state after the last migration is unknown");
    }
    return st;
}

bool write_fully(const std::string& path, const std::string& data, std::string& error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) { error = path + ": " + std::strerror(errno); return false; }
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = path + ": " + std::strerror(errno);
            ::close(fd);
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) { error = path + ": " + std::strerror(errno); return false; }
    return true;
}
bool write_files_atomically(const std::string& dir, const std::vector<migrations::OutputFile>& files,
                            const migrations::DirContents& previous, std::string& error,
                            const std::vector<std::string>& remove) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) { error = dir + ": " + ec.message(); return false; }
    const std::string suffix = ".tmp-" + std::to_string(::getpid());
    std::vector<std::string> temps;
    bool ok = true;
    std::vector<std::string> subdirs;   // of files such as snapshots/0003.yaml, created as needed and fsynced
    for (const auto& f : files) {
        const std::string parent = fs::path(dir + "/" + f.name).parent_path().string();
        if (f.name.find('/') != std::string::npos && std::find(subdirs.begin(), subdirs.end(), parent) == subdirs.end()) {
            fs::create_directories(parent, ec);
            if (ec) { error = parent + ": " + ec.message(); ok = false; break; }
            subdirs.push_back(parent);
        }
        const std::string tmp = dir + "/" + f.name + suffix;
        temps.push_back(tmp);
        if (!write_fully(tmp, f.contents, error)) { ok = false; break; }
    }
    if (ok) {
        // schemac.sum last: until it lands, `check` reports the new files as unknown.
        std::size_t renamed = 0;
        std::vector<std::string> removed;
        for (; renamed < files.size(); ++renamed) {
            for (; renamed + 1 == files.size() && removed.size() < remove.size();) {
                const std::string& name = remove[removed.size()];
                const bool written = std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.name == name; });
                if (!written && ::unlink((dir + "/" + name).c_str()) != 0 && errno != ENOENT) {
                    error = dir + "/" + name + ": " + std::strerror(errno);
                    ok = false;
                    break;
                }
                removed.push_back(written ? std::string() : name);
            }
            if (!ok) break;
            if (::rename(temps[renamed].c_str(), (dir + "/" + files[renamed].name).c_str()) != 0) {
                error = dir + "/" + files[renamed].name + ": " + std::strerror(errno);
                ok = false;
                break;
            }
        }
        if (!ok) {
            for (const std::string& name : removed) {
                auto old = previous.find(name);
                std::string ignored;
                if (!name.empty() && old != previous.end()) write_fully(dir + "/" + name, old->second, ignored);
            }
            for (std::size_t i = 0; i < renamed; ++i) {
                const std::string path = dir + "/" + files[i].name;
                auto old = previous.find(files[i].name);
                std::string ignored;
                if (old == previous.end()) ::unlink(path.c_str());
                else write_fully(path, old->second, ignored);
            }
        }
        subdirs.push_back(dir);
        for (const std::string& d : subdirs) {
            const int dfd = ::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (dfd >= 0) { ::fsync(dfd); ::close(dfd); }
        }
    }
    if (!ok) for (const auto& t : temps) ::unlink(t.c_str());
    return ok;
}

}  // namespace schemac::cli
