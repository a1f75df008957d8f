// Protected environments (schemac.yaml `protected: true`): apply and rollback
// refuse to run a file whose recorded hazards include data loss, a table
// rewrite or a long exclusive lock unless it was approved at review, with a
// `-- schemac:approved <who, when, why>` line in the file, or the operator
// passes --allow-unsafe. The hazards are the `--   <kind>: ...` lines schemac
// writes above each statement (docs/hazards.md); a hand-written file states
// its own the same way.
#pragma once
#include <string>
#include <vector>

#include "schemac/migrate/runner.hpp"

namespace schemac::cli {

struct UnsafeFile {
    std::string file;
    std::vector<std::string> hazards;   // "data-loss: drops table b with its rows", ...
};

// The files of `planned` with unsafe hazards and no approval line.
std::vector<UnsafeFile> unapproved_unsafe(const RunResult& planned);

// The refusal: which files, which hazards, and the two ways on.
std::string unsafe_refusal(const std::string& environment, const std::vector<UnsafeFile>& files);

}  // namespace schemac::cli
