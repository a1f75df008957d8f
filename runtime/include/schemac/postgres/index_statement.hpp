// Recognising the index statements of non-transactional migration files, so
// that a runner resuming one after a kill can tell whether the statement it
// resumes at already took effect (docs/runtime.md, "Interrupted runs").
//
// Only the plain forms are recognised; anything else (several names in one
// DROP, an unnamed CREATE INDEX, U&"..." identifiers) is not, and the runner
// then runs the statement as written.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace schemac {

struct IndexStatement {
    enum class Kind { create_concurrently, drop_concurrently } kind = Kind::create_concurrently;
    bool if_exists = false;    // DROP ... IF EXISTS, CREATE ... IF NOT EXISTS
    std::string schema;        // drop: the index's schema as written ("" when unqualified)
    std::string name;          // the index, case-folded as PostgreSQL does
    std::string table_schema;  // create: the table's schema as written ("" when unqualified)
    std::string table;         // create: the table
};

// `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] [schema.]table ...`
// or `DROP INDEX CONCURRENTLY [IF EXISTS] [schema.]name [CASCADE | RESTRICT]`,
// with comments and any spacing or letter case; nothing for any other statement.
std::optional<IndexStatement> parse_index_statement(std::string_view sql);

}  // namespace schemac
