#include "sql/sqlite/live.hpp"

#include "sql/sqlite/inspect.hpp"
#include "sql/sqlite/normalize.hpp"

namespace schemac::sql::sqlite {

namespace {

class Live final : public LiveDatabase {
public:
    std::string_view dialect() const override { return "sqlite"; }

    InspectedDatabase inspect(const std::string& conninfo, const InspectOptions& options, Diagnostics& diags) const override {
        return inspect_database(conninfo, options, diags);
    }

    // SQLite keeps the text it was given: the normal form needs no database
    // (normalize.hpp), so nothing here can fail or touch the file.
    void normalize(Schema& a, Schema& b, const std::string&, const std::string&, Diagnostics&) const override {
        normalize_model(a);
        normalize_model(b);
    }
};

}  // namespace

const LiveDatabase& live() {
    static const Live instance;
    return instance;
}

}  // namespace schemac::sql::sqlite
