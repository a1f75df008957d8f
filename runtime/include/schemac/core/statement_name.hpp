// The name of a prepared statement, derived from its SQL: "sc_" + the first 16
// hex digits of its SHA-256. Generated code computes it at generation time,
// the DAO support at run time for statements whose text depends on which
// columns an insert gives; both must agree, so both call this.
// Short on purpose: PostgreSQL truncates statement names at 63 bytes.
#pragma once
#include <string>
#include <string_view>

#include "schemac/core/sha256.hpp"

namespace schemac::pg {

inline std::string statement_name(std::string_view sql) { return "sc_" + sha256_hex(sql).substr(0, 16); }

}  // namespace schemac::pg
