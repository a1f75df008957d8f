#include "cli/sources.hpp"

#include <filesystem>

#include "inspect/inspect.hpp"
#include "inspect/normalize.hpp"
#include "load/loader.hpp"
#include "model/analyze.hpp"
#include "schemac/catalog.hpp"
#include "schemac/runner.hpp"

namespace schemac::cli {

bool is_database_source(const std::string& spec) {
    if (spec.starts_with("postgresql://") || spec.starts_with("postgres://")) return true;
    std::error_code ec;
    if (std::filesystem::exists(spec, ec)) return false;
    return spec.find('=') != std::string::npos;
}

Source load_source(const std::string& spec, const SourceOptions& opts, Diagnostics& diags) {
    Source src;
    if (!is_database_source(spec)) {
        src.name = spec;
        src.schema = load_schema({spec}, diags);
        return src;
    }
    src.conninfo = spec;
    catalog::ReadOptions ro;
    ro.schemas = opts.schemas;
    if (!opts.history_table.empty()) ro.exclude_tables.push_back(opts.history_table);
    const catalog::Snapshot snap = catalog::read_catalog(spec, ro);
    src.name = snap.database;
    src.timescaledb = snap.timescaledb;
    src.schema = schema_from_catalog(snap, src.name, diags);
    if (!diags.has_errors()) analyze(src.schema, diags);
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
        diags.warning(at(*db), "not-normalized",
                      std::string("could not put the schemas into PostgreSQL's normal form on ") + db->name + " (" + e.what() +
                          "); expressions and defaults are compared as written, so a difference in their spelling may show up");
    }
}

}  // namespace schemac::cli
