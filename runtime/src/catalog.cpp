#include "schemac/catalog.hpp"

#include "schemac/runner.hpp"

namespace schemac::catalog {
Snapshot read_catalog(const std::string&, const ReadOptions&) { throw RunnerError(RunnerErrorKind::failure, "not yet"); }
Snapshot read_catalog_after(const std::string&, const std::vector<std::string>&, const ReadOptions&) {
    throw RunnerError(RunnerErrorKind::failure, "not yet");
}
}  // namespace schemac::catalog
