// Analysis of a schema whose foreign keys all reference missing tables: every
// error asks "did you mean" against every table name. Shows how the cost grows
// with the number of tables (it was quadratic). Run: scripts/bench.sh.
#include <benchmark/benchmark.h>

#include <string>

#include "model/analyze.hpp"
#include "sql/postgres/rules.hpp"

namespace {

// N tables `orders_<i>`, each with a foreign key to `ordres_<i>` (a near miss:
// the suggestion must be found) or, for every other table, to `invoice_<i>`, of
// about the same length but near no table (every length bucket is searched).
schemac::Schema missing_targets(int tables) {
    using namespace schemac;
    Schema s;
    for (int i = 0; i < tables; ++i) {
        Table t;
        t.name = {"public", "orders_" + std::to_string(i)};
        Type bigint;
        bigint.kind = TypeKind::BigInt;
        t.columns.push_back(Column{.name = "id", .type = bigint});
        t.columns.push_back(Column{.name = "ref", .type = bigint});
        t.primary_key = KeyConstraint{.name = t.name.name + "_pkey", .columns = {{"id", {}}}};
        ForeignKey f;
        f.name = t.name.name + "_ref_fkey";
        f.columns = {{"ref", {}}};
        f.ref_table = {"", (i % 2 == 0 ? "ordres_" : "invoice_") + std::to_string(i)};
        t.foreign_keys.push_back(f);
        s.tables.push_back(std::move(t));
    }
    return s;
}

void BM_AnalyzeMissingForeignKeyTargets(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    const schemac::Schema input = missing_targets(n);
    for (auto _ : state) {
        schemac::Schema s = input;
        schemac::Diagnostics diags;
        schemac::analyze(s, schemac::sql::postgres::rules(), diags);
        if (diags.error_count() != static_cast<std::size_t>(n)) state.SkipWithError("expected one error per table");
        benchmark::DoNotOptimize(diags);
    }
    state.SetComplexityN(n);
}

}  // namespace

BENCHMARK(BM_AnalyzeMissingForeignKeyTargets)->Arg(1000)->Arg(5000)->Arg(20000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK_MAIN();
