#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/editor_support.hpp"
#include "load/json_schema.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

int run_schema_json(const std::string& which) {
    std::vector<std::string> drivers;
    for (const auto& name : sql::dialect_names())
        for (auto& d : sql::find_dialect(name)->drivers())
            if (std::find(drivers.begin(), drivers.end(), d) == drivers.end()) drivers.push_back(std::move(d));
    std::cout << (which == "config" ? config_json_schema(sql::dialect_names(), drivers) : schema_file_json_schema()).dump() << '\n';
    return kOk;
}

}  // namespace schemac::cli
