// Times the load stages separately (parse alone, load incl. parse, analyze, free)
// to see which part grows how; a plain program, run by scripts/bench.sh.
#include <chrono>
#include <cstdlib>
#include <vector>
#include <iostream>
#include <yaml-cpp/yaml.h>
#include "load/loader.hpp"
#include "model/analyze.hpp"
#include "schema_gen.hpp"
#include "sql/postgres/rules.hpp"
using C = std::chrono::steady_clock;
static double ms(C::time_point a, C::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }
int main(int argc, char** argv) {
  std::vector<int> sizes = {500, 1000, 2000, 4000};
  if (argc > 1) { sizes.clear(); for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i])); }
  for (int n : sizes) {
    auto files = schemac::bench::generate_schema(n);
    double best_parse = 1e9, best_load = 1e9, best_an = 1e9, best_free = 1e9;
    for (int rep = 0; rep < 3; ++rep) {
      auto t0 = C::now(); for (auto& f : files) { auto d = YAML::Load(f); } auto t1 = C::now();
      auto* s = new schemac::Schema; schemac::Diagnostics d;
      auto t2 = C::now(); for (size_t i = 0; i < files.size(); ++i) schemac::load_yaml_text("f", files[i], *s, d); auto t3 = C::now();
      schemac::analyze(*s, schemac::sql::postgres::rules(), d); auto t4 = C::now(); delete s; auto t5 = C::now();
      best_parse = std::min(best_parse, ms(t0,t1)); best_load = std::min(best_load, ms(t2,t3)); best_an = std::min(best_an, ms(t3,t4)); best_free = std::min(best_free, ms(t4,t5));
    }
    std::cout << n << " parse " << best_parse << " load(incl parse) " << best_load << " analyze " << best_an << " free " << best_free << "\n";
  }
}
