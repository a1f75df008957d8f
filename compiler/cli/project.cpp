#include "cli/project.hpp"

#include <algorithm>
#include <filesystem>

namespace schemac::cli {

namespace fs = std::filesystem;

namespace {

// lexically_normal() without the trailing separator it keeps ("schema/").
fs::path normal(const fs::path& p) {
    fs::path n = p.lexically_normal();
    if (!n.has_filename() && n.has_parent_path() && n != n.root_path()) n = n.parent_path();
    return n.empty() ? fs::path(".") : n;
}

// `p` as seen from the current directory: relative when it can be.
std::string from_cwd(const fs::path& absolute) {
    const fs::path rel = normal(absolute).lexically_relative(fs::current_path());
    return rel.empty() ? normal(absolute).string() : normal(rel).string();
}

// The nearest schemac.yaml at or above the current directory, or "".
// A dangling link of that name counts too: load_config reports it.
fs::path find_config() {
    std::error_code ec;
    for (fs::path dir = fs::current_path();; dir = dir.parent_path()) {
        const fs::path candidate = dir / kConfigFile;
        if (fs::symlink_status(candidate, ec).type() != fs::file_type::not_found) return candidate;
        if (dir == dir.parent_path()) return {};
    }
}

// A path of the config: relative to the root unless absolute.
// "unknown dialect 'x'; did you mean 'y'? (schemac writes SQL for: a, b)"
std::string unknown_name(const std::string& what, const std::string& name, const std::vector<std::string>& known,
                         const std::string& known_intro) {
    std::string list;
    for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
    return "unknown " + what + " '" + name + "'" + did_you_mean(closest_match(name, known)) + " (" +
           known_intro + ": " + list + ")";
}

std::string under(const fs::path& root, const std::string& p) {
    return fs::path(p).is_absolute() ? normal(p).string() : normal(root / p).string();
}

}  // namespace

std::string relative_to(const std::string& path, const std::string& root) {
    std::error_code ec;
    const fs::path rel = normal(fs::absolute(path, ec)).lexically_relative(normal(fs::absolute(root, ec)));
    return rel.empty() || *rel.begin() == ".." ? path : rel.generic_string();
}

bool same_path(const std::string& a, const std::string& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
    return normal(fs::absolute(a, ec)) == normal(fs::absolute(b, ec));
}

Project resolve_project(const ProjectFlags& flags, Diagnostics& diags) {
    Project p;
    fs::path config_file;
    if (!flags.config.empty()) {
        std::error_code ec;
        if (fs::symlink_status(flags.config, ec).type() == fs::file_type::not_found)
            diags.error({std::make_shared<const std::string>(flags.config), 0, 0}, "config", "--config: no such file");
        config_file = flags.config;
    } else if (const fs::path found = find_config(); !found.empty()) {
        config_file = from_cwd(found);
    }
    if (!config_file.empty() && !diags.has_errors()) p.config = load_config(config_file.string(), diags);
    const fs::path root = config_file.empty() || config_file.parent_path().empty() ? fs::path(".") : config_file.parent_path();
    p.root = normal(root).string();
    if (const sql::Dialect* d = sql::find_dialect(p.config.dialect)) {
        p.dialect = d;
    } else {
        diags.error(p.config.dialect_pos, "bad-value",
                    unknown_name("dialect", p.config.dialect, sql::dialect_names(), "schemac writes SQL for"));
    }
    const std::vector<std::string> drivers = p.dialect->drivers();
    p.codegen_driver = p.config.codegen_driver.empty() ? drivers.front() : p.config.codegen_driver;
    if (std::find(drivers.begin(), drivers.end(), p.codegen_driver) == drivers.end())
        diags.error(p.config.codegen_driver_pos, "bad-value",
                    unknown_name("codegen driver", p.codegen_driver, drivers,
                                 "code generated for dialect " + std::string(p.dialect->name()) + " can use"));

    p.schema_paths = flags.schema.empty() ? std::vector<std::string>{under(root, p.config.schema_dir)} : flags.schema;
    p.migrations_dir = flags.migrations.empty() ? under(root, p.config.migrations_dir) : flags.migrations;
    p.codegen_out = flags.codegen_out.empty() ? under(root, p.config.codegen_out) : flags.codegen_out;
    p.codegen_templates = p.config.codegen_templates.empty() ? "" : under(root, p.config.codegen_templates);
    p.project_schema = flags.schema.empty() ||
                       (flags.schema.size() == 1 && same_path(flags.schema.front(), under(root, p.config.schema_dir)));

    for (const auto& s : p.schema_paths) p.schema_source += (p.schema_source.empty() ? "" : " ") + relative_to(s, p.root);
    return p;
}

}  // namespace schemac::cli
