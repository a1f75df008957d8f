// libFuzzer target for the runtime's statement splitter: any bytes must split
// without a crash or a sanitizer report, every statement must be a piece of
// the input in order, and no statement may be empty.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "schemac/postgres/sql_split.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::size_t from = 0;
    int last_line = 0;
    for (const auto& s : schemac::split_sql(text)) {
        const std::size_t at = text.find(s.text, from);
        if (s.text.empty() || at == std::string::npos || s.line < last_line) std::abort();
        from = at + s.text.size();
        last_line = s.line;
        (void)schemac::statement_preview(s.text, 40);
    }
    return 0;
}
