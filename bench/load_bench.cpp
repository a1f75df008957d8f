// Load + validate versus yaml-cpp parsing alone, on the same in-memory texts,
// at several sizes to show how cost grows. Run: scripts/bench.sh.
#include <benchmark/benchmark.h>
#include <map>
#include <yaml-cpp/yaml.h>

#include "load/loader.hpp"
#include "model/analyze.hpp"
#include "schema_gen.hpp"
#include "sql/postgres/rules.hpp"

namespace {

const std::vector<std::string>& texts(int tables) {
    static std::map<int, std::vector<std::string>> cache;
    auto& v = cache[tables];
    if (v.empty()) v = schemac::bench::generate_schema(tables);
    return v;
}

void BM_YamlCppParseOnly(benchmark::State& state) {
    const auto& files = texts(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        for (const auto& f : files) benchmark::DoNotOptimize(YAML::Load(f));
    }
    state.SetComplexityN(state.range(0));
}

void BM_SchemacLoadAndValidate(benchmark::State& state) {
    const auto& files = texts(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        schemac::Schema schema;
        schemac::Diagnostics diags;
        for (std::size_t i = 0; i < files.size(); ++i) schemac::load_yaml_text("f" + std::to_string(i), files[i], schema, diags);
        schemac::analyze(schema, schemac::sql::postgres::rules(), diags);
        if (diags.has_errors()) state.SkipWithError(schemac::render_text(diags).c_str());
        benchmark::DoNotOptimize(schema);
    }
    state.SetComplexityN(state.range(0));
}

}  // namespace

BENCHMARK(BM_YamlCppParseOnly)->Arg(250)->Arg(500)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(BM_SchemacLoadAndValidate)->Arg(250)->Arg(500)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK_MAIN();
