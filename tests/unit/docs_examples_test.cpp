// The language reference must not lie: every complete example in
// docs/schema-language.md loads without a diagnostic.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "load/loader.hpp"
#include "model/analyze.hpp"

using namespace schemac;

TEST_CASE("every schema example in docs/schema-language.md is valid") {
    std::ifstream in(std::string(SCHEMAC_SOURCE_DIR) + "/docs/schema-language.md");
    REQUIRE(in.good());
    std::string line, block;
    bool inside = false;
    int examples = 0, start_line = 0, line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!inside && line == "```yaml") {
            inside = true;
            block.clear();
            start_line = line_no + 1;
        } else if (inside && line == "```") {
            inside = false;
            const bool complete = block.rfind("schema:", 0) == 0 || block.rfind("enums:", 0) == 0 || block.rfind("tables:", 0) == 0;
            if (!complete) continue;
            ++examples;
            Schema s;
            Diagnostics d;
            load_yaml_text("docs/schema-language.md@" + std::to_string(start_line), block, s, d);
            analyze(s, d);
            CHECK_MESSAGE(!d.has_errors(), render_text(d));
        } else if (inside) {
            block += line + "\n";
        }
    }
    CHECK(examples >= 9);
}
