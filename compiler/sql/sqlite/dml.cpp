#include "sql/sqlite/dml.hpp"

#include "sql/sqlite/quote.hpp"

namespace schemac::sql::sqlite {

namespace {

// SQLite >= 3.35 has RETURNING and the upsert; it has no GENERATED ALWAYS identity.
class SqliteDml final : public CommonDml {
public:
    std::string qualified_name(const QualifiedName& name) const override { return quote_name(name); }
    std::string column_name(const std::string& name) const override { return quote_ident(name); }
    std::string type_name(const Type& type) const override { return render_type(type); }
    std::string parameter(int number) const override { return "?" + std::to_string(number); }
    // SQLite converts by the column's affinity: a marker needs no cast.
    std::string typed_parameter(const std::string& marker, const Type&) const override { return marker; }

};

}  // namespace

const Dml& dml() {
    static const SqliteDml instance;
    return instance;
}

}  // namespace schemac::sql::sqlite
