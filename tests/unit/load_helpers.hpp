// Loading a schema from YAML text in unit tests: the diagnostics as the user
// sees them, or the model of a schema that must be valid.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "load/loader.hpp"
#include "model/analyze.hpp"
#include "sql/postgres/rules.hpp"

namespace schemac::test {

// Every diagnostic of loading and analysing `yaml` (as file s.yaml), sorted and rendered.
inline std::string diagnose(const std::string& yaml) {
    Schema s;
    Diagnostics d;
    load_yaml_text("s.yaml", yaml, s, d);
    analyze(s, schemac::sql::postgres::rules(), d);
    d.sort();
    return render_text(d);
}

// The model of a valid schema; fails the test with the diagnostics otherwise.
inline Schema load_ok(const std::string& yaml) {
    Schema s;
    Diagnostics d;
    load_yaml_text("s.yaml", yaml, s, d);
    analyze(s, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    return s;
}

}  // namespace schemac::test
