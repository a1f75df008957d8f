// Seeded random schema pairs (tests/support/random_schema.hpp) on a real
// PostgreSQL 15. For each seed: create A directly (its seed rows are the data the
// migration has to carry), apply the plan A→B the way the migration files would
// run, and compare the catalog with a database created directly at B; then apply
// the down and compare with A; then the up once more (a rollback must leave a
// database the migration applies to again).
//
//   SCHEMAC_RANDOM_PAIRS=N   N seeds (default 200), from 1
//   SCHEMAC_RANDOM_FIRST=f   ... from seed f instead
//   SCHEMAC_RANDOM_SEED=k    only seed k (replay a failure)
//
// The second test case draws pairs with hypertables (RandomOptions), 100 by
// default (SCHEMAC_RANDOM_HYPER_PAIRS); tests/timescaledb runs it on databases
// with TimescaleDB (SCHEMAC_TEST_EXTENSIONS=timescaledb), where the tables
// become hypertables, and here it runs where TimescaleDB is not installed,
// where the migrations leave them plain tables with a warning. On
// TimescaleDB a table the migration made a hypertable stays one after the
// down (TimescaleDB cannot undo that): its hypertable, TimescaleDB's index
// and trigger are taken as in A, and everything else must match A exactly.
//
// Known limits the generator stays clear of (they are not data problems):
// - ALTER COLUMN ... TYPE re-parses checks and index expressions from their text,
//   so int -> numeric and timestamp -> timestamptz under such an expression leave
//   casts behind ("x"::numeric >= 0::numeric) that a table created directly lacks.
// - A table moved to another schema arrives there under its old name, with its
//   serial sequences, key and index names; another rename in the same migration
//   that takes one of those names is not ordered after it.
// - literal.cpp accepts bytea '\X..', which PostgreSQL rejects: values use '\x'.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catalog_fingerprint.hpp"
#include "migration_files.hpp"
#include "random_schema.hpp"
#include "scratch_db.hpp"

using namespace schemac;
using namespace schemac::test;

namespace {

std::string all(const std::vector<Script>& scripts) {
    std::string s;
    for (const auto& x : scripts) s += std::string("-- [") + (x.transactional ? "transaction" : "no transaction") + "]\n" + x.sql;
    return s;
}

std::map<std::string, std::string> enum_headers(const std::string& fingerprint) {
    std::map<std::string, std::string> out;
    std::istringstream in{fingerprint};
    for (std::string line; std::getline(in, line);)
        if (line.rfind("enum ", 0) == 0) out[line.substr(0, line.find(" ("))] = line;
    return out;
}

// PostgreSQL cannot remove an enum value, so after the rollback an enum keeps
// the values the migration added. Such an enum must look exactly as in B; it is
// then taken as it was in A, and everything else must match A exactly.
std::string forgive_added_enum_values(const std::string& after_down, const std::string& fa, const std::string& fb) {
    const auto a = enum_headers(fa), b = enum_headers(fb);
    std::istringstream in{after_down};
    std::string out;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("enum ", 0) == 0) {
            const std::string name = line.substr(0, line.find(" ("));
            auto ia = a.find(name), ib = b.find(name);
            if (ia != a.end() && ib != b.end() && ib->second == line) line = ia->second;
        }
        out += line + "\n";
    }
    return out;
}

struct Outcome {
    std::string stage;    // where it went wrong; "" = fine
    std::string detail;
};

// The hypertables the down leaves behind (see the header), with what they brought:
// lines of B's tables that A lacks, on tables that are hypertables after the down
// and were none in A.
std::string forgive_hypertables_left(const std::string& after_down, const std::string& fa) {
    auto blocks = [](const std::string& f) {
        std::map<std::string, std::vector<std::string>> out;
        std::string header;
        std::istringstream in{f};
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("  ", 0) != 0) header = line;
            out[header].push_back(line);
        }
        return out;
    };
    const auto a = blocks(fa);
    std::set<std::string> left;   // "public.ticks"
    for (const auto& [h, lines] : blocks(after_down))
        if (h.rfind("hypertable ", 0) == 0 && !a.count(h)) left.insert(h.substr(11));
    if (left.empty()) return after_down;
    std::string out, header;
    std::istringstream in{after_down};
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("  ", 0) != 0) header = line;
        if (header.rfind("hypertable ", 0) == 0 && left.count(header.substr(11))) continue;
        if (header.rfind("table ", 0) == 0 && left.count(header.substr(6)) && line != header) {
            const auto& mine = a.count(header) ? a.at(header) : std::vector<std::string>{};
            const bool timescale = line.find("ts_insert_blocker") != std::string::npos || line.find("  index ") == 0;
            if (timescale && std::find(mine.begin(), mine.end(), line) == mine.end()) continue;
        }
        out += line + "\n";
    }
    return out;
}

Outcome check_pair(std::uint64_t seed, ScratchDb& db, ScratchDb& direct, const RandomOptions& options) {
    const SchemaPair p = random_schema_pair(seed, options);
    std::string stage = "planning";
    try {
        const MigrationScripts create_a = migration_scripts("", p.from_yaml);
        const MigrationScripts create_b = migration_scripts("", p.to_yaml);
        const MigrationScripts ab = migration_scripts(p.from_yaml, p.to_yaml);
        for (const auto* m : {&create_a, &create_b, &ab})
            if (!m->errors.empty()) return {"planning", m->errors};
        if (ab.up.empty()) return {"planning", "the plan A→B is empty"};

        stage = "reset";
        empty_database(db.conn());
        empty_database(direct.conn());
        stage = "create A";
        run_scripts(db.conn(), create_a.up);
        const std::string fa = catalog_fingerprint(db.conn());
        stage = "create B";
        run_scripts(direct.conn(), create_b.up);
        const std::string fb = catalog_fingerprint(direct.conn());

        stage = "A→B up";
        run_scripts(db.conn(), ab.up);
        if (auto d = fingerprint_diff(catalog_fingerprint(db.conn()), fb); !d.empty())
            return {"A→B up differs from B created directly (- migrated, + direct)", d + "\nup:\n" + all(ab.up)};
        stage = "A→B down";
        run_scripts(db.conn(), ab.down);
        const std::string after_down =
            forgive_hypertables_left(forgive_added_enum_values(catalog_fingerprint(db.conn()), fa, fb), fa);
        if (auto d = fingerprint_diff(after_down, fa); !d.empty())
            return {"A→B down differs from A (- rolled back, + A)", d + "\ndown:\n" + all(ab.down)};
        stage = "A→B up after the down";
        run_scripts(db.conn(), ab.up);
        if (auto d = fingerprint_diff(catalog_fingerprint(db.conn()), fb); !d.empty())
            return {"A→B up after the down differs from B (- migrated, + direct)", d};
    } catch (const std::exception& e) {
        return {stage, e.what()};
    }
    return {};
}

void check_pairs(const RandomOptions& options, std::uint64_t pairs) {
    std::uint64_t first = env_number("SCHEMAC_RANDOM_FIRST", 1);
    std::uint64_t last = first + pairs - 1;
    if (std::getenv("SCHEMAC_RANDOM_SEED") && *std::getenv("SCHEMAC_RANDOM_SEED"))
        first = last = env_number("SCHEMAC_RANDOM_SEED", 1);
    ScratchDb db, direct;
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::uint64_t> failed;
    for (std::uint64_t seed = first; seed <= last; ++seed) {
        const Outcome o = check_pair(seed, db, direct, options);
        if (o.stage.empty()) continue;
        failed.push_back(seed);
        const SchemaPair p = random_schema_pair(seed, options);
        std::string msg = std::string("random pair seed ") + std::to_string(seed) + (options.hypertables ? " (with hypertables)" : "") +
                          " failed: " + o.stage + "\n" + "replay: SCHEMAC_RANDOM_SEED=" + std::to_string(seed) +
                          " ctest --test-dir build -R '" + (options.hypertables ? "random schema pairs with hypertables" : "random schema pairs") +
                          "' --output-on-failure\n";
        if (failed.size() <= 3) msg += o.detail + "\n" + p.description + "--- A:\n" + p.from_yaml + "--- B:\n" + p.to_yaml;
        else msg += o.detail.substr(0, 2000) + "\n";
        FAIL_CHECK(msg);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string summary = std::to_string(last - first + 1) + " random pair(s) in " + std::to_string(seconds) + " s";
    if (!failed.empty()) {
        summary += "; failing seeds:";
        for (auto s : failed) summary += " " + std::to_string(s);
    }
    MESSAGE(summary);
    CHECK(failed.empty());
}

}  // namespace

TEST_CASE("random schema pairs migrate up and down like databases created directly") {
    check_pairs({}, env_number("SCHEMAC_RANDOM_PAIRS", 200));
}

TEST_CASE("random schema pairs with hypertables migrate up and down like databases created directly") {
    RandomOptions options;
    options.hypertables = true;
    check_pairs(options, env_number("SCHEMAC_RANDOM_HYPER_PAIRS", 100));
}
