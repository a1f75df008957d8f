#include "rerun.hpp"

#include <optional>

#include "schemac/postgres/index_statement.hpp"

namespace schemac::detail {

namespace {

std::string qualified(pqxx::transaction_base& tx, const std::string& schema, const std::string& name) {
    return (schema.empty() ? "" : tx.quote_name(schema) + ".") + tx.quote_name(name);
}

}  // namespace

// The index a CREATE INDEX CONCURRENTLY names, as it is on the statement's
// table: nullopt when there is none; `valid` says whether it is usable. The
// index is created in its table's schema; search_path finds the table exactly
// as the statement would.
struct FoundIndex {
    std::string name;   // schema-qualified, quoted
    bool valid = false;
};

std::optional<FoundIndex> find_index(pqxx::nontransaction& tx, const IndexStatement& st) {
    const auto r = tx.exec_params(
        "SELECT i.indisvalid AND i.indisready, n.nspname FROM pg_class t "
        "JOIN pg_class x ON x.relnamespace = t.relnamespace AND x.relname = $2 "
        "JOIN pg_index i ON i.indexrelid = x.oid AND i.indrelid = t.oid "
        "JOIN pg_namespace n ON n.oid = x.relnamespace WHERE t.oid = to_regclass($1)",
        qualified(tx, st.table_schema, st.table), st.name);
    if (r.empty()) return std::nullopt;   // not there (or not an index of that table: the statement says so)
    return FoundIndex{tx.quote_name(r[0][1].as<std::string>()) + "." + tx.quote_name(st.name), r[0][0].as<bool>()};
}

Rerun prepare_rerun(pqxx::nontransaction& tx, const std::string& statement, std::string& note) {
    const auto st = parse_index_statement(statement);
    if (!st) return Rerun::run;
    if (st->kind == IndexStatement::Kind::drop_concurrently) {
        const std::string index = qualified(tx, st->schema, st->name);
        if (!tx.exec_params1("SELECT to_regclass($1) IS NULL", index)[0].as<bool>()) return Rerun::run;
        note = "index " + index + " is already gone";
        return Rerun::done;
    }
    const auto found = find_index(tx, *st);
    if (!found) return Rerun::run;
    if (found->valid) {
        note = "index " + found->name + " already exists and is valid";
        return Rerun::done;
    }
    tx.exec0("DROP INDEX CONCURRENTLY " + found->name);
    note = "index " + found->name + " was left INVALID: dropped, built again";
    return Rerun::run;
}

std::string clean_up_failed(pqxx::nontransaction& tx, const std::string& statement) {
    const auto st = parse_index_statement(statement);
    if (!st || st->kind != IndexStatement::Kind::create_concurrently) return "";
    const auto found = find_index(tx, *st);
    if (!found || found->valid) return "";
    tx.exec0("DROP INDEX CONCURRENTLY IF EXISTS " + found->name);
    return "the INVALID index " + found->name + " it left behind was dropped (DROP INDEX CONCURRENTLY)";
}

}  // namespace schemac::detail
