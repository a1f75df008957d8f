// Diff + SQL rendering of two N-table schemas that differ in 5% of their
// tables, next to loading one of them (the yardstick). Run: scripts/bench.sh.
#include <benchmark/benchmark.h>

#include <map>

#include "load/loader.hpp"
#include "migrations/format.hpp"
#include "model/analyze.hpp"
#include "schema_gen.hpp"
#include "sql/dialect.hpp"
#include "sql/postgres/rules.hpp"

namespace {

schemac::Schema load(const std::vector<std::string>& files) {
    schemac::Schema s;
    schemac::Diagnostics d;
    for (std::size_t i = 0; i < files.size(); ++i) schemac::load_yaml_text("f" + std::to_string(i), files[i], s, d);
    schemac::analyze(s, schemac::sql::postgres::rules(), d);
    if (d.has_errors()) throw std::runtime_error(schemac::render_text(d));
    return s;
}

struct Pair {
    std::vector<std::string> a_text;
    schemac::Schema a, b;
};

const Pair& pair(int n) {
    static std::map<int, Pair> cache;
    auto it = cache.find(n);
    if (it == cache.end()) {
        Pair p;
        p.a_text = schemac::bench::generate_schema(n, 0);
        p.a = load(p.a_text);
        p.b = load(schemac::bench::generate_schema(n, 1));
        it = cache.emplace(n, std::move(p)).first;
    }
    return it->second;
}

void BM_LoadOneSchema(benchmark::State& state) {
    const auto& p = pair(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(load(p.a_text));
    state.SetComplexityN(state.range(0));
}

void BM_DiffAndRender(benchmark::State& state) {
    const auto& p = pair(static_cast<int>(state.range(0)));
    std::size_t steps = 0;
    for (auto _ : state) {
        schemac::Diagnostics d;
        const auto plan = schemac::sql::plan_migration(schemac::sql::default_dialect(), p.a, p.b, d);
        benchmark::DoNotOptimize(schemac::migrations::format_up(plan));
        benchmark::DoNotOptimize(schemac::migrations::format_down(plan));
        steps = plan.steps.size();
    }
    state.counters["steps"] = static_cast<double>(steps);
    state.SetComplexityN(state.range(0));
}

}  // namespace

BENCHMARK(BM_LoadOneSchema)->Arg(500)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(BM_DiffAndRender)->Arg(500)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK_MAIN();
