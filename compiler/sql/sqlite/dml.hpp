// The statements generated data-access code sends to SQLite.
#pragma once
#include "sql/dml.hpp"

namespace schemac::sql::sqlite {

const Dml& dml();

}  // namespace schemac::sql::sqlite
