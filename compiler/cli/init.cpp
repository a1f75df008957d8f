// `schemac init [DIR]`: the files a new project starts from — schemac.yaml,
// an example schema, an empty migrations directory and a .gitignore line. It
// never overwrites: every path is checked before anything is written, and a
// failure half-way removes what this run created.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_spec.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/json_output.hpp"
#include "cli/migration_dir.hpp"
#include "load/source_file.hpp"

namespace schemac::cli {
namespace {

namespace fs = std::filesystem;

// The project's name in database names: the directory's name in lower case,
// letters, digits and '_' only, so `postgresql:///NAME_dev` needs no quoting.
std::string database_name(const fs::path& dir) {
    std::string name;
    fs::path full = fs::absolute(dir).lexically_normal();   // "/a/shop/" for "."
    if (!full.has_filename()) full = full.parent_path();
    for (const char c : full.filename().string()) {
        if (c >= 'A' && c <= 'Z') name += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') name += c;
        else if (c == '-' || c == '.' || c == ' ') name += '_';
    }
    while (!name.empty() && (name.front() == '_' || (name.front() >= '0' && name.front() <= '9'))) name.erase(0, 1);
    if (name.size() > 40) name.resize(40);
    return name.empty() ? "app" : name;
}

std::string config_text(const std::string& db, bool sqlite) {
    return std::string("# schemac's settings for this project. Every command finds this file in the\n"
                       "# current directory or a parent; the paths below are relative to it.\n") +
           (sqlite ? "dialect: sqlite               # SQLite 3.35+ (Cloudflare D1 too): docs/sqlite.md\n" : "") +
           "schema: schema                # the YAML schema: every *.yaml under it\n"
           "migrations: migrations        # numbered .up.sql/.down.sql pairs: commit them\n"
           "codegen:                      # schemac generate: typed C++ rows and DAOs\n"
           "  out: generated/cpp\n"
           "  namespace: db\n"
           "\n"
           "environments:                 # --env NAME picks one\n"
           "  dev:\n" +
           (sqlite ? "    url: sqlite:" + db + "_dev.db   # a database file beside this one (created by apply)\n"
                   : "    url: postgresql:///" + db + "_dev   # a local database, no password\n") +
           "  production:\n"
           "    url_env: PRODUCTION_DATABASE_URL   # read when schemac runs: no password in this file\n"
           "    protected: true             # apply/rollback refuse unapproved data-loss and long-lock migrations\n";
}

constexpr const char* kExampleSchema =
    "# The schema of this project. Every *.yaml file under schema/ is read and\n"
    "# merged; split it into as many files as you like. This table is an example:\n"
    "# change it or replace it, then run\n"
    "#   schemac diff -m \"create users\"    write the next migration into migrations/\n"
    "#   schemac apply --env dev           apply it to the dev database of schemac.yaml\n"
    "#   schemac check                     validate the YAML, and that a migration holds it\n"
    "tables:\n"
    "  users:                            # in PostgreSQL schema public unless `schema:` says otherwise\n"
    "    comment: People who sign in\n"
    "    columns:\n"
    "      id: bigserial                 # the concise form: just the type\n"
    "      email: {type: text, unique: true}\n"
    "      display_name: text?           # '?' = nullable; every other column is NOT NULL\n"
    "      created_at:\n"
    "        type: timestamptz\n"
    "        default: {sql: now()}       # {sql: ...} is SQL; a plain value is a literal\n"
    "    primary_key: [id]\n"
    "    indexes:\n"
    "      - columns: [created_at DESC]\n";

// The same example as SQLite users write it (docs/sqlite.md): an integer
// primary key is the rowid alias, times are Unix seconds.
constexpr const char* kExampleSqliteSchema =
    "# The schema of this project. Every *.yaml file under schema/ is read and\n"
    "# merged; split it into as many files as you like. This table is an example:\n"
    "# change it or replace it, then run\n"
    "#   schemac diff -m \"create users\"    write the next migration into migrations/\n"
    "#   schemac apply --env dev           apply it to the dev database of schemac.yaml\n"
    "#   schemac check                     validate the YAML, and that a migration holds it\n"
    "tables:\n"
    "  users:\n"
    "    columns:\n"
    "      id: integer                   # an integer primary key: SQLite numbers new rows itself\n"
    "      email: {type: text, unique: true}\n"
    "      display_name: text?           # '?' = nullable; every other column is NOT NULL\n"
    "      created_at:\n"
    "        type: integer               # Unix time, as D1 schemas store it\n"
    "        default: {sql: unixepoch()} # {sql: ...} is SQL; a plain value is a literal\n"
    "    primary_key: [id]\n"
    "    indexes:\n"
    "      - columns: [created_at DESC]\n";

// What .gitignore gets: the build tree, where schemac_generate() writes too.
constexpr const char* kIgnoreLine = "/build/";

struct Created {
    std::vector<fs::path> files, dirs;   // in creation order; undone in reverse
    std::optional<std::string> gitignore_before;
    fs::path gitignore;
};

void undo(const Created& c) {
    std::error_code ec;
    std::string ignored;
    if (c.gitignore_before) write_fully(c.gitignore.string(), *c.gitignore_before, ignored);
    for (auto it = c.files.rbegin(); it != c.files.rend(); ++it) fs::remove(*it, ec);
    for (auto it = c.dirs.rbegin(); it != c.dirs.rend(); ++it) fs::remove(*it, ec);
}

// Creates `dir` and its missing parents, recording each for undo().
bool make_dirs(const fs::path& dir, Created& c, std::string& error) {
    std::vector<fs::path> missing;
    for (fs::path p = dir; !p.empty() && !fs::exists(p); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        std::error_code ec;
        if (!fs::create_directory(*it, ec) && ec) {
            error = "cannot create " + it->string() + ": " + ec.message();
            return false;
        }
        c.dirs.push_back(*it);
    }
    return true;
}

// Writes through a temporary and a rename, so a reader never sees half a file.
bool write_file(const fs::path& path, const std::string& text, std::string& error) {
    const fs::path tmp = path.string() + ".schemac-tmp";
    std::error_code ec;
    if (!write_fully(tmp.string(), text, error)) {
        error = "cannot write " + error;
        fs::remove(tmp, ec);
        return false;
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        error = "cannot write " + path.string() + ": " + ec.message();
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

// A new file, recorded for undo().
bool write_new_file(const fs::path& path, const std::string& text, Created& c, std::string& error) {
    if (!write_file(path, text, error)) return false;
    c.files.push_back(path);
    return true;
}

// .gitignore gets the build line unless some line already says it.
bool add_ignore_line(const fs::path& path, Created& c, std::string& error, bool& added) {
    std::string before;
    if (fs::exists(path)) {
        Diagnostics diags;
        const std::optional<std::string> read = read_source_file(path.string(), diags);
        if (!read) {
            const std::string text = render_text(diags);   // the first line: the reason
            error = text.substr(0, text.find('\n'));
            return false;
        }
        before = *read;
        for (std::size_t at = 0; at <= before.size();) {
            const std::size_t end = std::min(before.find('\n', at), before.size());
            std::string line = before.substr(at, end - at);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line == kIgnoreLine || line == "build/" || line == "/build" || line == "build") {
                added = false;
                return true;
            }
            at = end + 1;
        }
        c.gitignore_before = before;
    } else {
        c.files.push_back(path);   // undo() removes it; removing a file never written is harmless
    }
    c.gitignore = path;
    std::string text = before;
    if (!text.empty() && text.back() != '\n') text += '\n';
    // On a line of its own: git reads a `#` after a pattern as part of the pattern.
    text += std::string("# build output, with the C++ that schemac_generate() writes\n") + kIgnoreLine + "\n";
    added = true;
    return write_file(path, text, error);
}

}  // namespace

// `schemac init --env NAME` (as D1's own scripts say it): the database of an
// existing project made ready, created if it is a missing SQLite file, with
// the history table; no migration runs.
int init_database(const InitCommand& cmd) {
    if (!cmd.dir.empty()) throw UsageError("--env " + cmd.env + " prepares a database of the project here: it takes no DIR");
    DatabaseOptions db;
    db.env = cmd.env;
    db.config = cmd.config;
    db.format = cmd.format;
    return with_database(db, [&](const DatabaseTarget& t) {
        Runner runner(MigrationSet::from_files({}), t.runner);
        const RunResult r = runner.apply({});
        if (cmd.format == "json") {
            std::cout << json::init({r.database}, {"schemac status --env " + cmd.env, "schemac apply --env " + cmd.env});
            return kOk;
        }
        std::cerr << "schemac: " << r.database << " is ready, with the history table " << history_name(t) << "\n"
                  << "next:\n  schemac status --env " << cmd.env << "   # what is pending\n  schemac apply --env " << cmd.env << "\n";
        return kOk;
    });
}

int run_init(const InitCommand& cmd) {
    if (!cmd.env.empty()) return init_database(cmd);
    const fs::path root = cmd.dir.empty() ? fs::path(".") : fs::path(cmd.dir);
    // lexically_normal: messages say `schemac.yaml`, not `./schemac.yaml`.
    const fs::path config = (root / "schemac.yaml").lexically_normal(), schema_dir = (root / "schema").lexically_normal(),
                   migrations = (root / "migrations").lexically_normal(), gitignore = (root / ".gitignore").lexically_normal();
    const fs::path schema_file = schema_dir / "users.yaml";

    // Refuse before writing anything: an existing project is never touched.
    std::vector<std::string> in_the_way;
    std::error_code ec;
    if (fs::exists(root, ec) && !fs::is_directory(root, ec))
        return report_error(cmd.format, "failure", root.string() + " exists and is not a directory", kFailure);
    if (fs::exists(fs::symlink_status(config, ec))) in_the_way.push_back(config.string());
    for (const fs::path& d : {schema_dir, migrations})
        if (fs::exists(fs::symlink_status(d, ec)) && !(fs::is_directory(d, ec) && fs::is_empty(d, ec)))
            in_the_way.push_back(d.string());
    if (!in_the_way.empty()) {
        std::string names;
        for (std::size_t i = 0; i < in_the_way.size(); ++i) names += (i ? ", " : "") + in_the_way[i];
        return report_error(cmd.format, "failure",
                            "not overwriting an existing project: " + names + " already exist" +
                                (in_the_way.size() == 1 ? "s" : "") + "; nothing was written",
                            kFailure);
    }

    const bool sqlite = cmd.dialect == "sqlite";
    Created created;
    std::string error;
    bool ignore_added = false;
    const bool ok = make_dirs(root, created, error) && make_dirs(schema_dir, created, error) &&
                    make_dirs(migrations, created, error) &&
                    write_new_file(schema_file, sqlite ? kExampleSqliteSchema : kExampleSchema, created, error) &&
                    write_new_file(config, config_text(database_name(root), sqlite), created, error) &&
                    add_ignore_line(gitignore, created, error, ignore_added);
    if (!ok) {
        undo(created);
        return report_error(cmd.format, "failure", error + "; nothing was written", kFailure);
    }

    std::vector<std::string> next;
    if (!cmd.dir.empty()) next.push_back("cd " + cmd.dir);
    next.push_back("schemac diff -m \"create users\"");
    next.push_back(sqlite ? "schemac apply --env dev" : "createdb " + database_name(root) + "_dev && schemac apply --env dev");
    next.push_back("schemac check");
    if (cmd.format == "json") {
        std::vector<std::string> written = {config.string(), schema_file.string(), migrations.string() + "/"};
        if (ignore_added) written.push_back(gitignore.string());
        std::cout << json::init(written, next);
        return kOk;
    }
    std::cerr << "wrote " << config.string() << "\n"
              << "wrote " << schema_file.string() << "   (an example table: change it)\n"
              << "wrote " << migrations.string() << "/   (empty: `schemac diff` fills it)\n";
    if (ignore_added) std::cerr << (created.gitignore_before ? "added " : "wrote ") << "'" << kIgnoreLine << "' to "
                                << gitignore.string() << "\n";
    // The same commands as in JSON, with what each is for.
    const char* why[] = {"", "   # the first migration, from schema/", "", "   # what CI runs: YAML and migrations agree"};
    std::cerr << "next:\n";
    for (std::size_t i = 0; i < next.size(); ++i) {
        const std::size_t k = i + (cmd.dir.empty() ? 1 : 0);   // `cd` comes first when there is one
        std::string line = "  " + next[i];
        if (*why[k]) line.resize(46, ' ');
        std::cerr << line << (*why[k] ? why[k] + 3 : "") << "\n";
    }
    return kOk;
}

CommandSpec init_command() {
    auto o = std::make_shared<InitCommand>();
    CommandSpec c{"init", "Start a project: schemac.yaml, an example schema/, migrations/ (overwrites nothing)",
                  "schemac init shop && cd shop && schemac check", {}, {}, &o->format, [o] { return run_init(*o); }};
    c.options = {{"dir", "Directory of the new project (default: the current directory; created if missing)", &o->dir},
                 {"--dialect", "The project's database: postgres (default) or sqlite (SQLite 3.35+, Cloudflare D1)", &o->dialect,
                  false, {"postgres", "sqlite"}},
                 {"--env", "Instead: make that environment's database ready (an SQLite file created), with the history table",
                  &o->env},
                 {"--config", kConfigHelp, &o->config}};
    return c;
}

}  // namespace schemac::cli
