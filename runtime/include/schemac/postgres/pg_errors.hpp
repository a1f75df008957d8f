// What to do about server errors whose own text does not say it. Standard
// library only (schemac_runtime_core): the runner and the CLI add the advice
// to the one line they print.
#pragma once
#include <string>

namespace schemac {

// For SQLSTATE 53200 (out of shared memory: the server's lock table is full),
// the setting to raise and by how much; "" for any other SQLSTATE.
std::string pg_error_advice(const std::string& sqlstate);

// Whether a server message (as detail::one_line prints it, HINT included) says
// the lock table is full. Works in any lc_messages: the hint names the setting.
bool is_lock_table_full(const std::string& message);

}  // namespace schemac
