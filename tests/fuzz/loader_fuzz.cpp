// libFuzzer target: any bytes through load → analyze → render must neither
// crash, hang, leak nor trip a sanitizer. Every input is a "schema file".
#include <cstddef>
#include <cstdint>
#include <string>

#include "load/loader.hpp"
#include "model/analyze.hpp"
#include "sql/postgres/rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    schemac::Schema schema;
    schemac::Diagnostics diags;
    schemac::load_yaml_text("fuzz.yaml", text, schema, diags);
    schemac::analyze(schema, schemac::sql::postgres::rules(), diags);
    diags.sort();
    (void)schemac::render_text(diags);
    return 0;
}
