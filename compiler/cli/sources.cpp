#include "cli/sources.hpp"

#include "schemac/migrate/runner.hpp"
#include "schemac/sqlite/conninfo.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "load/loader.hpp"
#include "model/analyze.hpp"

namespace schemac::cli {

const sql::Dialect* database_dialect(const sql::Dialect* project, bool project_says, const std::string& conninfo) {
    if (project_says || !sqlite::is_sqlite_conninfo(conninfo)) return project;
    return sql::find_dialect("sqlite");
}

bool is_database_source(const std::string& spec) {
    // Anything URL-like is a database, also with a mistyped scheme: read as a
    // path it would be echoed, password and all, in "no such file".
    if (spec.find("://") != std::string::npos) return true;
    if (sqlite::is_sqlite_conninfo(spec)) return true;   // sqlite:app.db, app.db, file:app.db

    std::error_code ec;
    if (std::filesystem::exists(spec, ec)) return false;
    // Not a path on disk: key=value, or anything that looks like a mistyped URL
    // (user:password@host): as a database its password is hidden in errors.
    return spec.find('=') != std::string::npos || spec.find('@') != std::string::npos || spec.starts_with("postgres");
}

Source load_source(const std::string& spec, const SourceOptions& opts, Diagnostics& diags) {
    if (is_database_source(spec)) return load_database(spec, opts, diags);
    Source src;
    src.name = spec;
    src.schema = load_schema({spec}, opts.dialect->rules(), diags);
    return src;
}

Source load_database(const std::string& spec, const SourceOptions& opts, Diagnostics& diags) {
    Source src;
    src.conninfo = spec;
    src.name = spec;
    if (sqlite::is_sqlite_conninfo(spec) && opts.dialect->name() != "sqlite") {
        // Read with another dialect's rules it would be compared as if it were that database.
        diags.error({std::make_shared<const std::string>(spec), 0, 0}, "dialect",
                    "an SQLite database, but the project's dialect is " + std::string(opts.dialect->name()) +
                        ": compare it in a project whose schemac.yaml says `dialect: sqlite`");
        return src;
    }
    src.database = &sql::live_database(*opts.dialect);
    sql::InspectOptions io;
    io.schemas = opts.schemas;
    if (!opts.history_table.empty()) {
        // The history table and its audit log are the runner's, not the schema's.
        io.exclude_tables.push_back(opts.history_table);
        const std::size_t dot = opts.history_table.find('.');
        io.exclude_tables.push_back(opts.history_table.substr(0, dot + 1) + audit_log_table(opts.history_table.substr(dot + 1)));
    }
    sql::InspectedDatabase db = src.database->inspect(spec, io, diags);
    src.name = std::move(db.name);
    src.timescaledb = db.timescaledb;
    src.schema = std::move(db.schema);
    if (!diags.has_errors()) analyze(src.schema, opts.dialect->rules(), diags);
    return src;
}

namespace {

SourcePos at(const Source& s) { return {std::make_shared<const std::string>(s.name), 0, 0}; }

void leave_out_data(Source& yaml, const Source& db, Diagnostics& diags) {
    std::size_t rows = 0, hypertables = 0;
    for (auto& t : yaml.schema.tables) {
        if (t.seed) rows += t.seed->rows.size();
        t.seed.reset();
        if (!db.timescaledb && t.hypertable) {
            ++hypertables;
            t.hypertable.reset();
            // TimescaleDB's own index goes with it.
            t.indexes.erase(std::remove_if(t.indexes.begin(), t.indexes.end(), [](const Index& i) { return i.implied; }), t.indexes.end());
        }
    }
    if (rows > 0)
        diags.note(at(yaml), "seeds-not-compared",
                   std::to_string(rows) + " seed rows are data, not catalog: they are not compared with " + db.name);
    if (hypertables > 0)
        diags.note(at(yaml), "hypertables-not-compared",
                   std::to_string(hypertables) + " hypertables are not compared: TimescaleDB is not installed on " + db.name +
                       " (schemac's migrations skip create_hypertable there with a warning)");
}

// A database cannot say who made an index: where the schema implies
// TimescaleDB's, the database's index of that name is it (a migration treats
// it apart from an index of the schema's own of the same shape).
void adopt_timescaledb_indexes(const Schema& yaml, Schema& db) {
    for (auto& t : db.tables) {
        const Table* y = yaml.find_table(t.name);
        if (!y) continue;
        for (const auto& yi : y->indexes)
            if (yi.implied)
                for (auto& i : t.indexes)
                    if (i.name == yi.name) i.implied = true;
    }
}

}  // namespace

void make_comparable(Source& a, Source& b, Diagnostics& diags) {
    Source* db = a.live() ? &a : b.live() ? &b : nullptr;
    if (!db) return;
    for (Source* s : {&a, &b})
        if (!s->live()) leave_out_data(*s, *db, diags);
    db->database->normalize(a.schema, b.schema, db->conninfo, db->name, diags);
    for (Source* s : {&a, &b})
        if (!s->live()) adopt_timescaledb_indexes(s->schema, db->schema);
}

}  // namespace schemac::cli
