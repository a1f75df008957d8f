// Watching a SQLite migration while a file runs. There is no other session to
// look at (a SQLite database has no server): a thread reports how long the
// file has run (and whether it waits for another connection's lock) every
// heartbeat, and past max_duration it asks the session's progress handler to
// interrupt the running migration statement (connection.hpp, Interrupts),
// which then fails with SQLITE_INTERRUPT. Private to the runtime.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "connection.hpp"
#include "migrate/driver.hpp"

namespace schemac::migrate::sqlite {

// `report` is called from the watcher's thread. Nothing is reported while the
// file runs shorter than `every`.
std::unique_ptr<Watch> watch_session(Interrupts& session, std::function<void(const std::string&)> report,
                                     std::chrono::milliseconds every, std::chrono::milliseconds max);

}  // namespace schemac::migrate::sqlite
