#include "rerun.hpp"

#include "schemac/postgres/index_statement.hpp"

namespace schemac::detail {

namespace {

std::string qualified(pqxx::transaction_base& tx, const std::string& schema, const std::string& name) {
    return (schema.empty() ? "" : tx.quote_name(schema) + ".") + tx.quote_name(name);
}

}  // namespace

Rerun prepare_rerun(pqxx::nontransaction& tx, const std::string& statement, std::string& note) {
    const auto st = parse_index_statement(statement);
    if (!st) return Rerun::run;
    if (st->kind == IndexStatement::Kind::drop_concurrently) {
        const std::string index = qualified(tx, st->schema, st->name);
        if (!tx.exec_params1("SELECT to_regclass($1) IS NULL", index)[0].as<bool>()) return Rerun::run;
        note = "index " + index + " is already gone";
        return Rerun::done;
    }
    // The index is created in its table's schema; search_path finds the table
    // exactly as the statement would.
    std::string invalid;
    {
        const auto r = tx.exec_params(
            "SELECT i.indisvalid AND i.indisready, n.nspname FROM pg_class t "
            "JOIN pg_class x ON x.relnamespace = t.relnamespace AND x.relname = $2 "
            "JOIN pg_index i ON i.indexrelid = x.oid AND i.indrelid = t.oid "
            "JOIN pg_namespace n ON n.oid = x.relnamespace WHERE t.oid = to_regclass($1)",
            qualified(tx, st->table_schema, st->table), st->name);
        if (r.empty()) return Rerun::run;   // not there (or not an index of that table: the statement says so)
        const std::string index = tx.quote_name(r[0][1].as<std::string>()) + "." + tx.quote_name(st->name);
        if (r[0][0].as<bool>()) {
            note = "index " + index + " already exists and is valid";
            return Rerun::done;
        }
        invalid = index;
    }
    tx.exec0("DROP INDEX CONCURRENTLY " + invalid);
    note = "index " + invalid + " was left INVALID: dropped, built again";
    return Rerun::run;
}

}  // namespace schemac::detail
