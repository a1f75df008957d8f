#include "cli/unsafe_gate.hpp"

#include <sstream>
#include <string_view>

namespace schemac::cli {

namespace {

constexpr std::string_view kUnsafe[] = {"data-loss", "table-rewrite", "exclusive-lock"};

// "--   data-loss: ..." -> "data-loss: ...", or "" for any other line.
std::string unsafe_hazard(std::string_view line) {
    if (line.substr(0, 2) != "--") return "";
    line.remove_prefix(2);
    const std::size_t start = line.find_first_not_of(' ');
    if (start == std::string_view::npos || start == 0) return "";
    line.remove_prefix(start);
    for (std::string_view kind : kUnsafe) {
        if (line.substr(0, kind.size()) == kind && line.substr(kind.size(), 1) == ":") {
            constexpr std::size_t kMax = 160;
            return std::string(line.substr(0, kMax)) + (line.size() > kMax ? "..." : "");
        }
    }
    return "";
}

}  // namespace

std::vector<UnsafeFile> unapproved_unsafe(const RunResult& planned) {
    std::vector<UnsafeFile> out;
    for (const PlannedStep& step : planned.steps) {
        if (step.script == nullptr) continue;
        if (step.script->approved) continue;
        UnsafeFile f{step.script->file, {}};
        std::istringstream in(step.script->sql);
        for (std::string line; std::getline(in, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (std::string h = unsafe_hazard(line); !h.empty()) f.hazards.push_back(std::move(h));
        }
        if (!f.hazards.empty()) out.push_back(std::move(f));
    }
    return out;
}

std::string unsafe_refusal(const std::string& environment, const std::vector<UnsafeFile>& files) {
    std::string out = "environment '" + environment + "' is protected, and " + std::to_string(files.size()) +
                      (files.size() == 1 ? " migration carries" : " migrations carry") + " unsafe hazards without approval:";
    for (const UnsafeFile& f : files) {
        out += "\n  " + f.file;
        for (const std::string& h : f.hazards) out += "\n    " + h;
    }
    return out + "\n  nothing was run; after review, add a line `-- schemac:approved <who, when>` to each file "
                 "(then `schemac hash`), or pass --allow-unsafe";
}

}  // namespace schemac::cli
