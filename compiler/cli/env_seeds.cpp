#include "cli/env_seeds.hpp"

#include <filesystem>
#include <iostream>

#include "cli/migration_dir.hpp"
#include "cli/project.hpp"
#include "load/loader.hpp"
#include "schemac/core/migration_set.hpp"
#include "sql/dialect.hpp"

namespace schemac::cli {

void check_seed_environments(const Schema& schema, const ProjectConfig& config, Diagnostics& diags) {
    std::vector<std::string> known;
    for (const auto& e : config.environments) known.push_back(e.name);
    for (const auto& t : schema.tables) {
        if (!t.seed) continue;
        for (const auto& name : t.seed->environments) {
            const EnvironmentConfig* env = config.find_environment(name.name);
            if (!env) {
                diags.error(name.pos, "seed-environment",
                            with_hint("the seed of table " + t.name.display() + " is for environment '" + name.name + "', which " +
                                          (config.path.empty() ? std::string("no schemac.yaml defines") : config.path + " does not define"),
                                      name.name, known));
            } else if (env->is_protected) {
                diags.error(name.pos, "seed-environment",
                            "the seed of table " + t.name.display() + " is for environment '" + name.name +
                                "', which is protected: rows limited to environments are development and test data, never "
                                "written to a protected database (put rows every environment needs in a seed without "
                                "`environments:`, which the migrations write)");
            }
        }
    }
}

namespace {

bool names_environment(const Schema& schema, const std::string& environment) {
    for (const auto& table : schema.tables)
        if (table.seed)
            for (const auto& e : table.seed->environments)
                if (e.name == environment) return true;
    return false;
}

}  // namespace

std::optional<AfterMigrations> environment_seeds(const DatabaseTarget& t, const DatabaseOptions& opts) {
    // A protected environment never gets them (check_seed_environments), so
    // its apply does not read the YAML at all: a deployment may ship the
    // migrations alone, and so may any other (no schema here: no seed rows).
    if (t.environment.empty() || t.is_protected) return std::nullopt;
    Diagnostics diags;
    const Project project = resolve_project({opts.config, {}, opts.dir, ""}, diags);
    for (const auto& path : project.schema_paths)
        if (!std::filesystem::exists(path)) return std::nullopt;
    const Schema schema = diags.has_errors() ? Schema{} : load_schema(project.schema_paths, project.dialect->rules(), diags);
    if (!diags.has_errors()) check_seed_environments(schema, project.config, diags);
    if (!diags.has_errors() && !names_environment(schema, t.environment)) return std::nullopt;
    // The rows are SQL of the project's dialect: a SQLite database gets them
    // only from a SQLite project.
    if (!diags.has_errors() && is_sqlite(t) && project.dialect->name() != "sqlite")
        throw UsageError("the seed rows of environment '" + t.environment + "' are written in the project's dialect, " +
                         std::string(project.dialect->name()) +
                         ", and the database is SQLite: set `dialect: sqlite` in schemac.yaml; nothing was run");
    // The rows are written into the schema the newest migration arrives at: the
    // YAML must be that schema, else a column a row names may not exist yet.
    const MigrationState state = diags.has_errors() ? MigrationState{} : load_migration_state(project.migrations_dir, diags, true, project.dialect->rules());
    if (!diags.has_errors() && !sql::plan_migration(*project.dialect, state.snapshot, schema, diags).empty() && !diags.has_errors())
        diags.error({}, "seed-environment", "the schema has changes that no migration holds yet: run `schemac diff` first, so the "
                                            "seed rows of environment '" + t.environment + "' go into the schema they were written for");
    if (diags.has_errors()) {
        if (opts.format != "json") std::cerr << render_text(diags);
        throw UsageError("the seed rows of environment '" + t.environment + "' cannot be written: the project's schema has " +
                         std::to_string(diags.error_count()) + (diags.error_count() == 1 ? " error" : " errors") +
                         (opts.format == "json" ? ":\n" + render_text(diags) : ""));
    }
    AfterMigrations after;
    after.version = state.history.last_version();
    after.what = "the seed rows of environment " + t.environment;
    for (const auto& table : schema.tables) {
        if (!table.seed) continue;
        for (const auto& e : table.seed->environments)
            if (e.name == t.environment)
                for (auto& s : project.dialect->upsert_seed_rows(table)) after.statements.push_back(std::move(s));
    }
    return after;
}

}  // namespace schemac::cli
