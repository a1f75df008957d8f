#pragma once
#include <string>

#include "model/schema.hpp"

namespace schemac::cli {
// "34 tables, 3 enums, 51 indexes, 9 seed rows in 5 schemas from 12 files"
// (", 4 queries" after the seed rows when the schema declares any)
std::string summary_line(const Schema& schema, std::size_t files);

// Why plan and diff print or write nothing: "2 changes lose data; check ...".
inline std::string refusal(std::size_t destructive, const std::string& where = "") {
    return std::to_string(destructive) + (destructive == 1 ? " change loses" : " changes lose") + " data" + where +
           "; check that this is intended and rerun with --allow-destructive";
}
}  // namespace schemac::cli
