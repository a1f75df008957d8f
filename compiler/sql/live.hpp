// The live-database side of the dialect seam: reading a database's schema
// (`schemac inspect`, `import`, `verify`, `plan` with a database side) and
// putting models into the form the database itself stores, so that a
// comparison shows real differences only.
//
// Declared here, beside dialect.hpp, so that callers choose by the project's
// dialect; defined in the library `schemac_live` (sql/live.cpp and each
// dialect's live.cpp), which links the runtime's database drivers. The
// compiler library itself never reads a database: only what links
// `schemac_live` (the schemac executable, the tests) may call these.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/schema.hpp"
#include "sql/dialect.hpp"

namespace schemac::sql {

struct InspectOptions {
    std::vector<std::string> schemas;          // only these (empty = all); one the database lacks is an error
    std::vector<std::string> exclude_tables;   // "schema.name", e.g. the migration history table
};

struct InspectedDatabase {
    Schema schema;              // not analyzed
    std::string name;           // for messages: user@host:port/db, never a password
    bool timescaledb = false;   // hypertables can exist there
};

class LiveDatabase {
public:
    virtual ~LiveDatabase() = default;
    // The dialect's name, as Dialect::name().
    virtual std::string_view dialect() const = 0;
    // The schema of the database at `conninfo`; what the schema language
    // cannot express is reported in `diags`. Throws RunnerError when the
    // database cannot be reached or read.
    virtual InspectedDatabase inspect(const std::string& conninfo, const InspectOptions& options, Diagnostics& diags) const = 0;
    // Puts both models into the database's own normal form, in place, without
    // changing the database. When the database refuses (a privilege, a full
    // lock table) that is one error in `diags` naming `database`: the models
    // must then not be compared. A connection problem throws RunnerError.
    virtual void normalize(Schema& a, Schema& b, const std::string& conninfo, const std::string& database,
                           Diagnostics& diags) const = 0;
};

// The live side of the dialect named `dialect`, or nullptr.
const LiveDatabase* find_live(std::string_view dialect);

// Thrown by live_database() for a dialect without a live side.
struct NoLiveDatabase : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// The live side of `dialect`; throws NoLiveDatabase, naming the dialect, when it has none.
const LiveDatabase& live_database(const Dialect& dialect);

}  // namespace schemac::sql
