// libFuzzer target for schemac.yaml: any bytes must give diagnostics or a
// config, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "load/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    schemac::Diagnostics diags;
    (void)schemac::parse_config("schemac.yaml", text, diags);
    (void)schemac::render_text(diags);
    return 0;
}
