// The places where errors were reported before analysis began (by the loader),
// so analysis does not report a second problem about a value the loader could
// not read: a seed value kept as null at its error, a query whose SQL is
// missing or not text. The model itself records no loader state.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <tuple>

#include "diag/diagnostics.hpp"

namespace schemac {

class ReportedBefore {
public:
    explicit ReportedBefore(const Diagnostics& diags) {
        for (const auto& d : diags.all())
            if (d.severity == Severity::Error) places_.emplace(d.pos.file_name(), d.pos.line, d.pos.column);
    }
    bool at(const SourcePos& pos) const { return places_.count({pos.file_name(), pos.line, pos.column}) > 0; }

private:
    std::set<std::tuple<std::string, std::uint32_t, std::uint32_t>> places_;
};

}  // namespace schemac
