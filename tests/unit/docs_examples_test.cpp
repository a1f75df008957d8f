// The language reference must not lie: every complete example in
// docs/schema-language.md loads without a diagnostic.
#include <doctest/doctest.h>


#include "load/loader.hpp"
#include "markdown.hpp"
#include "model/analyze.hpp"
#include "sql/postgres/rules.hpp"

using namespace schemac;

TEST_CASE("every schema example in docs/schema-language.md is valid") {
    const auto blocks = test::code_blocks(std::string(SCHEMAC_SOURCE_DIR) + "/docs/schema-language.md", "yaml");
    int examples = 0;
    for (const auto& b : blocks) {
        const bool complete = b.text.rfind("schema:", 0) == 0 || b.text.rfind("enums:", 0) == 0 || b.text.rfind("tables:", 0) == 0;
        if (!complete) continue;
        ++examples;
        Schema s;
        Diagnostics d;
        load_yaml_text("docs/schema-language.md@" + std::to_string(b.line), b.text, s, d);
        analyze(s, schemac::sql::postgres::rules(), d);
        CHECK_MESSAGE(!d.has_errors(), render_text(d));
    }
    CHECK(examples >= 9);
}
