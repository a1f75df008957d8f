// The embedded migrations of the view model: every file of the migrations
// directory as C++ string literals, with the checksum the runner will record.
#include <schemac/core/migration_set.hpp>

#include "codegen/cpp_names.hpp"
#include "codegen/view_model.hpp"

namespace schemac::codegen {

namespace {

// The file as adjacent string literals, one per line, so the generated source
// stays readable and diffs line by line when a migration changes.
std::string literal_lines(const std::string& text) {
    if (text.empty()) return "\"\"";
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        if (!out.empty()) out += "\n        ";
        out += cpp_string_literal(std::string_view(text).substr(start, end - start));
        start = end;
    }
    return out;
}

}  // namespace

void add_migrations(ViewModel& vm, const std::string& dir, Diagnostics& diags) {
    vm.has_migrations = true;
    vm.migrations.directory = dir;
    try {
        const MigrationSet set = MigrationSet::from_directory(dir);   // not a temporary: the loop borrows from it
        for (const Migration& m : set.migrations()) {
            MigrationView v;
            v.version = m.version;
            v.name = m.name;
            v.up_file = m.up.file;
            v.up_literal = literal_lines(m.up.sql);
            if (m.down) {
                v.down_file = m.down->file;
                v.down_literal = literal_lines(m.down->sql);
            }
            v.checksum = m.checksum;
            vm.migrations.migrations.push_back(v);
        }
    } catch (const MigrationSetError& e) {
        diags.error({std::make_shared<const std::string>(dir), 0, 0}, "codegen-migrations", e.what());
    }
}

}  // namespace schemac::codegen
