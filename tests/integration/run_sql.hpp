// Runs migration SQL the way the runner will: a transactional script in one
// transaction; any other (CREATE INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE)
// statement by statement. A failure names the SQL that failed.
#pragma once
#include <pqxx/pqxx>

#include <stdexcept>
#include <string>

#include "pg_grammar.hpp"

namespace schemac::test {

inline void run_script(pqxx::connection& c, const std::string& sql, bool transactional) {
    if (transactional) {
        pqxx::work tx{c};
        try {
            tx.exec(sql);
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string(e.what()) + "in the transactional script:\n" + sql);
        }
        tx.commit();
        return;
    }
    for (const auto& stmt : split_statements(sql)) {
        pqxx::nontransaction tx{c};
        try {
            tx.exec(stmt);
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string(e.what()) + "in the statement (outside a transaction):\n" + stmt);
        }
    }
}

// A migration file: transactional unless its header says `-- schemac:no-transaction`.
inline void run_migration_file(pqxx::connection& c, const std::string& text) {
    run_script(c, text, text.find("\n-- schemac:no-transaction\n") == std::string::npos);
}

}  // namespace schemac::test
