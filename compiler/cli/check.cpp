// `schemac check`: load, validate, report. Diagnostics go to stderr (text) or
// stdout (json); the one-line summary of a valid schema goes to stdout.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/summary.hpp"
#include "load/loader.hpp"

namespace schemac::cli {

int run_check(const CheckOptions& opts) {
    Diagnostics diags;
    LoadStats stats;
    const Schema schema = load_schema(opts.paths, diags, &stats);
    if (opts.format == "json") {
        std::cout << render_json(diags);
    } else {
        std::cerr << render_text(diags);
        if (diags.has_errors())
            std::cerr << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors") << " found\n";
        else
            std::cout << summary_line(schema, stats.files) << ": ok\n";
    }
    return diags.has_errors() ? kFailure : kOk;
}

}  // namespace schemac::cli
