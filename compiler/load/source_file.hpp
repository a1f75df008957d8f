// Reading a schema or config file: bounded, and never silent. A file that
// cannot be read is an error naming why (a dangling symbolic link, no
// permission, a FIFO or device instead of a file), and a file above the size
// limit is refused before it is read, so `/dev/zero` or a FIFO cannot make
// schemac read (or wait) without end.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "diag/diagnostics.hpp"

namespace schemac {

// The largest schema or config file schemac reads (docs/schema-language.md,
// "Limits"): far above any hand-written schema, and small enough that the
// parsed YAML stays well inside the memory of a CI runner.
inline constexpr std::size_t kMaxSourceFileBytes = std::size_t{16} << 20;   // 16 MiB

// The whole file, or nullopt after an error at `path` in `diags`:
// `cannot read file: <reason>` or `file is N bytes, more than the limit of 16 MiB`.
std::optional<std::string> read_source_file(const std::string& path, Diagnostics& diags, std::size_t limit = kMaxSourceFileBytes);

}  // namespace schemac
