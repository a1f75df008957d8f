// Test helper: the message of the RunnerError that `f` throws, or "(no error)".
#pragma once
#include <functional>
#include <string>

#include "schemac/migrate/runner.hpp"

namespace schemac::test {

inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const RunnerError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace schemac::test
