#pragma once
#include <string>

#include "model/schema.hpp"

namespace schemac::cli {
// "34 tables, 3 enums, 51 indexes, 9 seed rows in 5 schemas from 12 files"
// (", 4 queries" after the seed rows when the schema declares any)
std::string summary_line(const Schema& schema, std::size_t files);
}  // namespace schemac::cli
