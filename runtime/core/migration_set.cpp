#include "schemac/core/migration_set.hpp"

#include <schemac/core/ascii.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <sstream>

#include "schemac/core/sha256.hpp"

namespace schemac {

namespace {

struct ParsedName {
    int version = 0;
    std::string name;
    bool up = true;
};

// NNNN_name.up.sql / NNNN_name.down.sql; the name is letters, digits and '_'.
// NNNN_name.sql, as Cloudflare's wrangler writes D1 migrations, is an up file
// without a down file.
std::optional<ParsedName> parse_file_name(const std::string& file) {
    ParsedName p;
    std::string rest;
    if (file.size() > 7 && file.ends_with(".up.sql")) {
        rest = file.substr(0, file.size() - 7);
    } else if (file.size() > 9 && file.ends_with(".down.sql")) {
        rest = file.substr(0, file.size() - 9);
        p.up = false;
    } else if (file.size() > 4 && file.ends_with(".sql")) {
        rest = file.substr(0, file.size() - 4);
    } else {
        return std::nullopt;
    }
    std::size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 0 || digits > 9 || digits + 1 >= rest.size() || rest[digits] != '_') return std::nullopt;
    p.version = std::stoi(rest.substr(0, digits));
    p.name = rest.substr(digits + 1);
    for (char c : p.name)
        if (!(is_ascii_alnum(c) || c == '_')) return std::nullopt;
    if (p.version <= 0) return std::nullopt;
    return p;
}

std::string trim_right(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
    return s;
}

// Directives sit in the header: the comment lines before the first statement.
bool header_has(const std::string& sql, const std::string& directive) {
    std::istringstream in(sql);
    for (std::string line; std::getline(in, line);) {
        line = trim_right(line);
        if (line.empty()) continue;
        if (!line.starts_with("--")) return false;
        if (line == directive) return true;
    }
    return false;
}

// schemac diff writes "--   data-loss: ..." under each step of a down file that
// cannot bring data back; a hand-written file says -- schemac:destructive.
bool loses_data(const std::string& sql) {
    if (header_has(sql, "-- schemac:destructive")) return true;
    std::istringstream in(sql);
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("--")) continue;
        std::size_t i = 2;
        while (i < line.size() && line[i] == ' ') ++i;
        if (line.compare(i, 10, "data-loss:") == 0) return true;
    }
    return false;
}

// `-- schemac:approved`, alone or followed by a space and who approved it when.
bool is_approval(const std::string& line) {
    constexpr std::string_view kApproved = "-- schemac:approved";
    return line.starts_with(kApproved) && (line.size() == kApproved.size() || line[kApproved.size()] == ' ');
}

// A misspelt directive must not be ignored: `-- schemac: destructive` would let
// a rollback that drops a table run without --allow-destructive, and
// `-- SCHEMAC:NO-TRANSACTION` would run CREATE INDEX CONCURRENTLY in a transaction.
void check_directives(const MigrationFile& f) {
    std::istringstream in(f.contents);
    int n = 0;
    for (std::string line; std::getline(in, line);) {
        ++n;
        line = trim_right(line);
        if (!line.starts_with("--")) continue;
        std::string rest = ascii_lower(line.substr(2));
        rest.erase(0, rest.find_first_not_of(' '));
        if (!rest.starts_with("schemac:") && !rest.starts_with("schemac :")) continue;
        if (line == "-- schemac:no-transaction" || line == "-- schemac:destructive" || line == "-- schemac:foreign-keys-off" ||
            is_approval(line))
            continue;
        throw MigrationSetError(f.name + ":" + std::to_string(n) + ": unknown or misspelt directive '" + line +
                                "': the directives are exactly '-- schemac:no-transaction', '-- schemac:destructive', "
                                "'-- schemac:foreign-keys-off' and '-- schemac:approved <who, when>'");
    }
}

bool has_approval(const std::string& sql) {
    std::istringstream in(sql);
    for (std::string line; std::getline(in, line);) {
        if (is_approval(trim_right(line))) return true;
    }
    return false;
}

MigrationScript script(const MigrationFile& f) {
    check_directives(f);
    return MigrationScript{f.name, f.contents, !header_has(f.contents, "-- schemac:no-transaction"), has_approval(f.contents),
                           header_has(f.contents, "-- schemac:foreign-keys-off")};
}

}  // namespace

std::string version_text(int version) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", version);
    return buf;
}

std::string migration_checksum(const std::string& sql) {
    return "sha256:" + sha256_hex(normalize_line_endings(sql));
}

MigrationSet MigrationSet::from_files(const std::vector<MigrationFile>& files) {
    std::map<int, Migration> by_version;
    std::map<int, std::string> down_names;   // version -> name from the down file
    for (const auto& f : files) {
        if (!f.name.ends_with(".sql")) continue;
        auto p = parse_file_name(f.name);
        if (!p)
            throw MigrationSetError(f.name + ": not a migration file name (expected NNNN_name.up.sql, NNNN_name.down.sql or NNNN_name.sql)");
        Migration& m = by_version[p->version];
        m.version = p->version;
        if (p->up) {
            if (!m.up.file.empty())
                throw MigrationSetError(f.name + ": version " + std::to_string(p->version) + " is also " + m.up.file +
                                        " (two branches each added a migration: renumber one with schemac diff)");
            m.name = p->name;
            m.up = script(f);
            m.checksum = migration_checksum(f.contents);
        } else {
            if (m.down)
                throw MigrationSetError(f.name + ": version " + std::to_string(p->version) + " is also " + m.down->file);
            m.down = script(f);
            m.down_destructive = loses_data(f.contents);
            down_names[p->version] = p->name;
        }
    }
    MigrationSet set;
    for (auto& [v, m] : by_version) {
        if (m.up.file.empty()) throw MigrationSetError(m.down->file + ": has no matching .up.sql file");
        if (m.down && down_names[v] != m.name)
            throw MigrationSetError(m.down->file + ": does not match " + m.up.file + " (same version, other name)");
        if (m.down && !m.up.file.ends_with(".up.sql"))
            throw MigrationSetError(m.down->file + ": " + m.up.file + " is an up-only file (NNNN_name.sql); name it " +
                                    version_text(v) + "_" + m.name + ".up.sql to pair it with a down file");
        set.migrations_.push_back(std::move(m));
    }
    return set;
}

MigrationSet MigrationSet::from_directory(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw MigrationSetError(dir + ": no such migrations directory");
    std::vector<MigrationFile> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (!name.ends_with(".sql")) continue;
        // Never skipped in silence: a migration that is a dangling link or a
        // FIFO would otherwise make the set look one migration shorter.
        if (std::error_code st; !fs::is_regular_file(e.path(), st))
            throw MigrationSetError(e.path().string() + ": cannot read: " +
                                    (fs::is_symlink(fs::symlink_status(e.path(), st)) && !fs::exists(e.path(), st)
                                         ? "it is a symbolic link to a file that does not exist"
                                         : "it is not a regular file"));
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        if (!in && !in.eof()) throw MigrationSetError(e.path().string() + ": cannot read");
        files.push_back({name, s.str()});
    }
    if (ec) throw MigrationSetError(dir + ": cannot list: " + ec.message());
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return from_files(files);
}

const Migration* MigrationSet::find(int version) const {
    auto it = std::lower_bound(migrations_.begin(), migrations_.end(), version,
                               [](const Migration& m, int v) { return m.version < v; });
    return it != migrations_.end() && it->version == version ? &*it : nullptr;
}

}  // namespace schemac
