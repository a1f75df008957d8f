#include "sql/postgres/dml.hpp"

#include "sql/postgres/quote.hpp"

namespace schemac::sql::postgres {

namespace {

class PostgresDml final : public CommonDml {
public:
    std::string qualified_name(const QualifiedName& name) const override { return quote_name(name); }
    std::string column_name(const std::string& name) const override { return quote_ident(name); }
    std::string type_name(const Type& type) const override { return render_type(type); }
    std::string parameter(int number) const override { return "$" + std::to_string(number); }
    std::string typed_parameter(const std::string& marker, const Type& type) const override {
        return "(" + marker + "::" + render_type(type) + ")";
    }


protected:
    std::string overriding_clause() const override { return " OVERRIDING SYSTEM VALUE"; }
};

}  // namespace

const Dml& dml() {
    static const PostgresDml instance;
    return instance;
}

}  // namespace schemac::sql::postgres
