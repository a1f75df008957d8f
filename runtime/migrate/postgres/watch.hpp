// Watching the migration session from a connection of its own while a file
// runs: a heartbeat line (how long, what it waits for and who holds that, the
// phase of a CREATE INDEX) and, past a limit, a cancel. Private to the runtime.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "migrate/driver.hpp"

namespace schemac::migrate::postgres {

// `pid`: the migration session's backend. `report` is called from the
// watcher's thread. Nothing is reported while the file runs shorter than `every`.
std::unique_ptr<Watch> watch_session(const std::string& conninfo, int pid, std::function<void(const std::string&)> report,
                                     std::chrono::milliseconds every, std::chrono::milliseconds max);

}  // namespace schemac::migrate::postgres
