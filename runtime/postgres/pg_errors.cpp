#include "schemac/postgres/pg_errors.hpp"

namespace schemac {

std::string pg_error_advice(const std::string& sqlstate) {
    if (sqlstate != "53200") return "";
    // docs/migrations.md, "Large plans".
    return "the server's lock table is full: it holds max_locks_per_transaction x (max_connections + "
           "max_prepared_transactions) locks for all sessions together (64 x 100 = 6,400 on a default server), and this "
           "transaction needed more than were free. Split the migration (schemac diff writes new plans in parts of at most "
           "2,000 locks), or set max_locks_per_transaction = 256 (or more) in postgresql.conf and restart the server";
}

bool is_lock_table_full(const std::string& message) { return message.find("max_locks_per_transaction") != std::string::npos; }

}  // namespace schemac
