#include "cli/sources.hpp"

#include <algorithm>
#include <filesystem>

#include "inspect/inspect.hpp"
#include "inspect/normalize.hpp"
#include "load/loader.hpp"
#include "model/analyze.hpp"
#include "schemac/catalog/catalog.hpp"
#include "schemac/core/pg_errors.hpp"
#include "schemac/migrate/runner.hpp"

namespace schemac::cli {

bool is_database_source(const std::string& spec) {
    // Anything URL-like is a database, also with a mistyped scheme: read as a
    // path it would be echoed, password and all, in "no such file".
    if (spec.find("://") != std::string::npos) return true;
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
    src.schema = load_schema({spec}, *opts.rules, diags);
    return src;
}

Source load_database(const std::string& spec, const SourceOptions& opts, Diagnostics& diags) {
    Source src;
    src.conninfo = spec;
    catalog::ReadOptions ro;
    ro.schemas = opts.schemas;
    if (!opts.history_table.empty()) ro.exclude_tables.push_back(opts.history_table);
    const catalog::Snapshot snap = catalog::read_catalog(spec, ro);
    src.name = snap.database;
    for (const auto& want : opts.schemas)   // a typo (--schema Public) must not look like an empty schema
        if (std::find(snap.schemas.begin(), snap.schemas.end(), want) == snap.schemas.end())
            diags.error({std::make_shared<const std::string>(src.name), 0, 0}, "no-such-schema",
                        "--schema " + want + ": the database has no such schema");
    src.timescaledb = snap.timescaledb;
    src.schema = schema_from_catalog(snap, src.name, diags);
    if (!diags.has_errors()) analyze(src.schema, *opts.rules, diags);
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

}  // namespace

void make_comparable(Source& a, Source& b, Diagnostics& diags) {
    const Source* db = a.live() ? &a : b.live() ? &b : nullptr;
    if (!db) return;
    for (Source* s : {&a, &b})
        if (!s->live()) leave_out_data(*s, *db, diags);
    try {
        for (Source* s : {&a, &b}) s->schema = normalize_to_fixed_point(s->schema, db->conninfo, diags);
    } catch (const RunnerError& e) {
        if (e.kind != RunnerErrorKind::failure) throw;
        // Comparing texts as written would report spelling as change (every
        // check dropped and re-added): no answer is better than a wrong one.
        // Name the cause the server gave: a full lock table is not a missing privilege.
        const std::string why = is_lock_table_full(e.what()) ? pg_error_advice("53200")
                                : "it needs the CREATE privilege on the database (it creates scratch schemas in a transaction "
                                  "that is rolled back)";
        diags.error(at(*db), "not-normalized",
                    std::string("cannot compare with ") + db->name + ": putting both sides into PostgreSQL's normal form failed: " +
                        e.what() + "; " + why);
    }
}

}  // namespace schemac::cli
