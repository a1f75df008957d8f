#include <iostream>

#include "cli/commands.hpp"
#include "cli/editor_support.hpp"
#include "load/json_schema.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

int run_schema_json(const std::string& which) {
    std::cout << (which == "config" ? config_json_schema(sql::dialect_names()) : schema_file_json_schema()).dump() << '\n';
    return kOk;
}

}  // namespace schemac::cli
