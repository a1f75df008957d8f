#include "migrations/sum_file.hpp"

#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "schemac/core/sha256.hpp"

namespace schemac::migrations {

namespace {
using Files = std::vector<std::pair<std::string, std::string>>;

constexpr std::string_view kHeader =
    "# schemac.sum: chained SHA-256 of the migration files; do not edit, regenerate with schemac";
constexpr std::string_view kHeaderPrefix = "# schemac.sum";
constexpr std::string_view kVersion = "h1:";

std::string chain_start() { return sha256_hex(""); }

std::string chain_next(const std::string& previous, const std::string& name, const std::string& contents) {
    Sha256 h;
    h.update(previous);
    h.update(name);
    h.update("\n");
    h.update(normalize_line_endings(contents));
    return h.finish_hex();
}

bool valid_name(const std::string& name) {
    if (name.empty()) return false;
    for (char c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    return true;
}

bool is_hex64(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

struct ParsedLine {
    SumEntry entry;
    std::size_t line = 0;  // 1-based line in schemac.sum
};

SumCheck fail(std::string problem) { return SumCheck{false, std::move(problem)}; }

// Parses schemac.sum into `out`; returns the problem, or an empty string.
std::string parse(const std::string& text, std::vector<ParsedLine>& out) {
    const std::string norm = normalize_line_endings(text);
    std::vector<std::string_view> lines;
    std::string_view rest = norm;
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        lines.push_back(rest.substr(0, nl));
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    }
    if (lines.empty() || !lines[0].starts_with(kHeaderPrefix))
        return "schemac.sum is malformed at line 1: expected the comment line \"" + std::string(kHeader) + "\"";

    std::unordered_map<std::string, std::size_t> seen;  // file -> line
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string_view l = lines[i];
        const std::string at = "line " + std::to_string(i + 1);
        for (std::string_view marker : {"<<<<<<<", "=======", ">>>>>>>", "|||||||"})
            if (l.starts_with(marker))
                return "schemac.sum has an unresolved git merge conflict at " + at +
                       ": another branch added or changed migrations too; put yours after theirs "
                       "(renumber them) and regenerate schemac.sum with schemac";
        const std::size_t space = l.rfind(' ');
        const std::string malformed =
            "schemac.sum is malformed at " + at + ": expected \"<file name> h1:<64 hex digits>\"";
        if (space == std::string_view::npos || space == 0) return malformed;
        const std::string name(l.substr(0, space));
        std::string_view hash = l.substr(space + 1);
        if (!valid_name(name)) return malformed;
        if (!hash.starts_with(kVersion)) {
            const std::size_t colon = hash.find(':');
            if (colon != std::string_view::npos && colon > 0)
                return "schemac.sum uses hash version \"" + std::string(hash.substr(0, colon)) + "\" at " + at +
                       ", which this schemac does not know (written by a newer schemac?)";
            return malformed;
        }
        hash.remove_prefix(kVersion.size());
        if (!is_hex64(hash)) return malformed;
        if (auto [it, fresh] = seen.emplace(name, i + 1); !fresh)
            return "schemac.sum is malformed at " + at + ": it lists " + name + " again (first at line " +
                   std::to_string(it->second) + ")";
        out.push_back({SumEntry{name, std::string(hash)}, i + 1});
    }
    return {};
}
}  // namespace

std::vector<SumEntry> chain_entries(const Files& files_in_order) {
    std::vector<SumEntry> out;
    out.reserve(files_in_order.size());
    std::unordered_map<std::string_view, bool> seen;
    std::string previous = chain_start();
    for (const auto& [name, contents] : files_in_order) {
        if (!valid_name(name))
            throw std::invalid_argument("migration file name \"" + name + "\" is empty or has a control character");
        if (!seen.emplace(name, true).second)
            throw std::invalid_argument("migration file " + name + " is given twice");
        previous = chain_next(previous, name, contents);
        out.push_back({name, previous});
    }
    return out;
}

std::string render_sum(const Files& files_in_order) {
    std::string out(kHeader);
    out += '\n';
    for (const SumEntry& e : chain_entries(files_in_order)) {
        out += e.file;
        out += ' ';
        out += kVersion;
        out += e.hash;
        out += '\n';
    }
    return out;
}

SumCheck verify_sum(const std::string& sum_text, const Files& files_in_order) {
    std::vector<ParsedLine> sum;
    if (std::string problem = parse(sum_text, sum); !problem.empty()) return fail(std::move(problem));

    std::unordered_map<std::string_view, std::size_t> in_sum, in_files;  // name -> index
    for (std::size_t i = 0; i < sum.size(); ++i) in_sum.emplace(sum[i].entry.file, i);
    for (std::size_t i = 0; i < files_in_order.size(); ++i) {
        const std::string& name = files_in_order[i].first;
        if (!valid_name(name)) return fail("migration file name \"" + name + "\" is empty or has a control character");
        if (!in_files.emplace(name, i).second) return fail("migration file " + name + " is given twice");
    }

    // hashes[k] is the chain value before file k (hashes[0] = h_0), as the files are now.
    std::vector<std::string> hashes{chain_start()};
    for (std::size_t k = 0;; ++k) {
        const bool file_left = k < files_in_order.size(), line_left = k < sum.size();
        if (!file_left && !line_left) return SumCheck{true, {}};
        if (!line_left)
            return fail(files_in_order[k].first + " is not in schemac.sum (added by hand or by another branch?)");
        const ParsedLine& line = sum[k];
        if (!file_left) return fail("schemac.sum lists " + line.entry.file + ", which is missing");

        const auto& [name, contents] = files_in_order[k];
        if (name != line.entry.file) {
            const bool file_listed = in_sum.contains(name);         // later in schemac.sum
            const bool line_present = in_files.contains(line.entry.file);  // later among the files
            if (file_listed && line_present)
                return fail(name + " now comes before " + line.entry.file +
                            ", but schemac.sum lists them the other way round (migrations reordered or renumbered?)");
            if (line_present)
                return fail(name + " is not in schemac.sum (added by hand or by another branch?); it comes before " +
                            line.entry.file + ", which schemac.sum lists next");
            if (file_listed) return fail("schemac.sum lists " + line.entry.file + ", which is missing");
            return fail(name + " is not in schemac.sum, and schemac.sum lists " + line.entry.file +
                        " there, which is missing (renamed?)");
        }

        const std::string expected = chain_next(hashes[k], name, contents);
        if (expected != line.entry.hash) {
            // All earlier lines matched, so either this file changed, or its line was written after a
            // different predecessor: on another branch, then merged by keeping both sides' lines.
            for (std::size_t j = k; j-- > 0;) {
                if (chain_next(hashes[j], name, contents) == line.entry.hash)
                    return fail("the line of " + name + " in schemac.sum (line " + std::to_string(line.line) +
                                ") was written when it " +
                                (j == 0 ? std::string("was the first migration")
                                        : "came right after " + files_in_order[j - 1].first) +
                                ", not after " + files_in_order[k - 1].first +
                                ": it comes from another branch; put the migrations in order and regenerate "
                                "schemac.sum with schemac");
            }
            return fail(name + " was edited after schemac.sum was written (line " + std::to_string(line.line) +
                        " no longer matches)");
        }
        hashes.push_back(expected);
    }
}

std::vector<SumEntry> parse_sum(const std::string& sum_text, std::string& problem) {
    std::vector<ParsedLine> lines;
    problem = parse(sum_text, lines);
    std::vector<SumEntry> out;
    if (!problem.empty()) return out;
    for (auto& l : lines) out.push_back(std::move(l.entry));
    return out;
}

std::vector<SumChange> sum_changes(const std::vector<SumEntry>& recorded, const Files& files_in_order) {
    std::unordered_map<std::string_view, std::size_t> at;  // name -> index in recorded
    for (std::size_t i = 0; i < recorded.size(); ++i) at.emplace(recorded[i].file, i);
    std::vector<SumChange> out;
    std::unordered_map<std::string_view, bool> present;
    for (const auto& [name, contents] : files_in_order) {
        present.emplace(name, true);
        const auto it = at.find(name);
        if (it == at.end()) {
            out.push_back({name, "added"});
            continue;
        }
        const std::string& before = it->second == 0 ? chain_start() : recorded[it->second - 1].hash;
        if (chain_next(before, name, contents) != recorded[it->second].hash) out.push_back({name, "edited"});
    }
    for (const SumEntry& e : recorded)
        if (!present.contains(e.file)) out.push_back({e.file, "removed"});
    return out;
}

}  // namespace schemac::migrations
