// `schemac inspect` (a live database as schemac YAML on stdout) and `schemac
// import` (the same, one file per table, to adopt an existing database).
#include <schemac/core/ascii.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/json_output.hpp"
#include "cli/sources.hpp"
#include "load/writer.hpp"
#include "load/yaml_tree.hpp"

namespace schemac::cli {

namespace {

namespace fs = std::filesystem;

// Inspects the target; prints diagnostics; nullopt when there were errors.
std::optional<Source> inspect_target(const InspectCommand& cmd, const DatabaseTarget& t) {
    Diagnostics diags;
    SourceOptions so;
    so.dialect = t.dialect;
    so.schemas = cmd.schemas;
    so.history_table = t.runner.history_schema + "." + t.runner.history_table;
    Source src = load_database(t.runner.conninfo, so, diags);
    if (diags.has_errors()) {
        report_failure(cmd.db.format, diags, "the database cannot be inspected");
        return std::nullopt;
    }
    std::cerr << render_text(diags);
    return src;
}

// A name as a file or directory name: letters, digits, '_' and '-' kept (lower
// case), anything else ('/', '.', spaces, ...) as '_', so no name can leave --out.
std::string safe_name(const std::string& name) {
    std::string s;
    for (unsigned char c : name) s += (is_ascii_alnum(c) || c == '_' || c == '-') ? ascii_lower(c) : '_';
    return s.empty() ? "_" : s;
}

// A table's file name; a clash (Foo and foo, or a table named enums) gets a number.
std::string file_name_for(const std::string& name, std::set<std::string>& taken) {
    taken.insert("enums");
    std::string base = safe_name(name);
    std::string f = base;
    for (int n = 2; !taken.insert(f).second; ++n) f = base + "_" + std::to_string(n);
    return f + ".yaml";
}

// Writes every file into a fresh sibling directory, then renames it to `out`:
// an import is all there or not at all.
bool write_tree(const fs::path& out, const std::map<fs::path, std::string>& files, std::string& error) {
    std::error_code ec;
    const fs::path tmp = out.parent_path() / (out.filename().string() + ".tmp-import");
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp, ec);   // an empty database gives an empty directory
    for (const auto& [rel, text] : files) {
        fs::create_directories((tmp / rel).parent_path(), ec);
        std::ofstream f(tmp / rel, std::ios::binary);
        f << text;
        f.close();
        if (!f) {
            error = "cannot write " + (out / rel).string();
            fs::remove_all(tmp, ec);
            return false;
        }
    }
    fs::remove(out, ec);   // only an empty directory goes
    fs::rename(tmp, out, ec);
    if (ec) {
        error = "cannot move the files into " + out.string() + ": " + ec.message();
        fs::remove_all(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace

int run_inspect(const InspectCommand& cmd) {
    return with_database(cmd.db, [&](const DatabaseTarget& t) -> int {
        auto src = inspect_target(cmd, t);
        if (!src) return kFailure;
        const std::string yaml = write_schema_yaml(src->schema, "inspected by schemac from " + src->name);
        if (cmd.db.format != "json") {
            std::cout << yaml;
            return kOk;
        }
        const auto documents = yaml_trees(yaml);
        if (!documents) return report_error(cmd.db.format, "failure", "the inspected schema does not read back as YAML", kFailure);
        std::cout << json::inspect(src->name, *documents);
        return kOk;
    });
}

int run_import(const InspectCommand& cmd) {
    return with_database(cmd.db, [&](const DatabaseTarget& t) -> int {
        const fs::path out = cmd.out;
        std::error_code ec;
        if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && fs::is_empty(out, ec))) {
            return report_error(cmd.db.format, "failure", cmd.out + " exists and is not empty: import into a new or empty directory",
                                kFailure);
        }
        auto src = inspect_target(cmd, t);
        if (!src) return kFailure;
        const std::string header = "imported by schemac from " + src->name;
        // One directory per PostgreSQL schema, one file per table, the schema's
        // enums in enums.yaml: small files review well and keep git history per table.
        std::map<fs::path, std::string> files;
        std::map<std::string, fs::path> dirs;                 // PostgreSQL schema -> its directory
        std::set<std::string> taken_dirs;
        std::map<fs::path, std::set<std::string>> taken;      // file names per directory
        auto dir_of = [&](const std::string& schema) {
            auto it = dirs.find(schema);
            if (it != dirs.end()) return it->second;
            std::string d = safe_name(schema);
            for (int n = 2; !taken_dirs.insert(d).second; ++n) d = safe_name(schema) + "_" + std::to_string(n);
            return dirs[schema] = fs::path(d);
        };
        std::map<std::string, Schema> enums;
        for (const auto& e : src->schema.enums) enums[e.name.schema].enums.push_back(e);
        for (const auto& [schema, s] : enums) files[dir_of(schema) / "enums.yaml"] = write_schema_yaml(s, header);
        if (!src->schema.extensions.empty()) {
            Schema ext;
            ext.extensions = src->schema.extensions;
            files["extensions.yaml"] = write_schema_yaml(ext, header);   // no table or enum dir is named so (.yaml)
        }
        for (const auto& table : src->schema.tables) {
            Schema one;
            one.tables.push_back(table);
            const fs::path dir = dir_of(table.name.schema);
            files[dir / file_name_for(table.name.name, taken[dir])] = write_schema_yaml(one, header);
        }
        std::string error;
        if (!write_tree(out, files, error)) {
            return report_error(cmd.db.format, "failure", error + " (nothing was written)", kFailure);
        }
        if (cmd.db.format == "json") {
            json::ImportReport report{src->name, cmd.out, src->schema.tables.size(), src->schema.enums.size(), {}};
            for (const auto& [rel, text] : files) report.written.push_back((out / rel).generic_string());
            std::cout << json::import(report);
            return kOk;
        }
        std::cout << "schemac: imported " << src->schema.tables.size() << " tables and " << src->schema.enums.size()
                  << " enums from " << src->name << " into " << cmd.out << " (" << files.size() << " files)\n";
        return kOk;
    });
}

CommandSpec inspect_command() {
    auto o = std::make_shared<InspectCommand>();
    CommandSpec c{"inspect", "Print a live database's schema as schemac YAML",
                  "schemac inspect --db postgres://localhost/shop --schema public", database_options(o->db, false), {},
                  &o->db.format, [o] { return run_inspect(*o); }};
    c.options.push_back({"--schema", "Only this PostgreSQL schema (repeatable)", &o->schemas});
    return c;
}

CommandSpec import_command() {
    auto o = std::make_shared<InspectCommand>();
    CommandSpec c{"import", "Write a live database's schema as YAML files, one per table, to adopt it",
                  "schemac import --db postgres://localhost/shop --out schema", database_options(o->db, false), {},
                  &o->db.format, [o] { return run_import(*o); }};
    c.options.push_back({"--schema", "Only this PostgreSQL schema (repeatable)", &o->schemas});
    c.options.push_back({"--out", "Directory to write (must be new or empty)", &o->out, true});
    return c;
}

}  // namespace schemac::cli
