#include "sql/live.hpp"

#include "sql/postgres/live.hpp"
#include "sql/sqlite/live.hpp"

namespace schemac::sql {

namespace {
// Every dialect with a live side, as sql/dialect.cpp lists the dialects.
const LiveDatabase* const kLive[] = {&postgres::live(), &sqlite::live()};
}  // namespace

const LiveDatabase* find_live(std::string_view dialect) {
    for (const LiveDatabase* l : kLive)
        if (l->dialect() == dialect) return l;
    return nullptr;
}

const LiveDatabase& live_database(const Dialect& dialect) {
    if (const LiveDatabase* l = find_live(dialect.name())) return *l;
    throw NoLiveDatabase("the " + std::string(dialect.name()) +
                         " dialect cannot read a live database: inspect, import, verify and plan with a database "
                         "side are not available for it");
}

}  // namespace schemac::sql
