// One statement of a migration file, as a dialect's splitter cuts it
// (schemac/postgres/sql_split.hpp: psql's rules; schemac/sqlite/sql_split.hpp:
// SQLite's). Part of the runtime: standard library only.
#pragma once
#include <string>

namespace schemac {

struct SqlStatement {
    std::string text;   // from its first token to its last, without the terminating
                        // semicolon; comments inside the statement are kept
    int line = 0;       // 1-based line of the first token in the whole text
                        // (lines end at \n, so CRLF counts once)
};

}  // namespace schemac
