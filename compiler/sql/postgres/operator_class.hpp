// Which index access methods PostgreSQL 15 can use on a column type without an
// explicit operator class.
#pragma once
#include <string_view>

#include "model/type.hpp"

namespace schemac::sql::postgres {

// Whether PostgreSQL 15 has a default operator class of index access method
// `method` ("btree", "hash", "gin", "gist", "brin") for `t`: without one, an
// index, primary key or unique constraint on a column of that type is refused.
bool has_default_opclass(const Type& t, std::string_view method);

}  // namespace schemac::sql::postgres
