// Seeded random schema pairs for SQLite (tests/support/random_schema.hpp with
// RandomOptions::sqlite) on real SQLite database files. For each seed: A and B
// load without errors or warnings (a pair the generator makes must be valid); a
// database created at A (its seed rows are the data the migration has to carry)
// runs the plan A→B up the way the runner runs a file (sqlite_db.hpp) and has
// the catalog of a database created at B directly, and the same seed rows in
// the columns whose values they decide alike (kept, same type and default);
// runs the down and has A's catalog again, with the rows of every column the
// migration keeps as they were (matched through renames: the generator lists
// them in A's names); runs the up once more and has B's catalog. A failure
// names the statement SQLite refused (replayed one by one on a scratch file).
//
//   SCHEMAC_RANDOM_SQLITE_PAIRS=N   N seeds (default 200), from 1
//   SCHEMAC_RANDOM_FIRST=f          ... from seed f instead
//   SCHEMAC_RANDOM_SEED=k           only seed k (replay a failure)
//
// Each pair takes milliseconds: the files live in a temporary directory of the
// process's own, written without syncing (what is compared is the SQL's effect,
// not its durability).
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "plan_text.hpp"
#include "random_schema.hpp"
#include "sql/sqlite/dialect.hpp"
#include "sql/sqlite/quote.hpp"
#include "sqlite_db.hpp"

namespace fs = std::filesystem;
using namespace schemac;
using namespace schemac::test;

namespace {

struct Outcome {
    std::string stage;    // where it went wrong; "" = fine
    std::string detail;
};

// Lines of `a` missing from `b` as "- ", lines of `b` missing from `a` as "+ ".
std::string lines_diff(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::string out;
    for (const auto& l : a)
        if (std::find(b.begin(), b.end(), l) == b.end()) out += "- " + l + "\n";
    for (const auto& l : b)
        if (std::find(a.begin(), a.end(), l) == a.end()) out += "+ " + l + "\n";
    if (out.empty() && a != b) out = "(the same lines, in another order or number)\n";
    return out;
}

// The rows of `table` in `columns`, each value as SQLite's quote() writes it
// (so 5, 5.0, '5' and X'05' differ), sorted.
std::vector<std::string> table_rows(SqliteDb& db, const std::string& table, const std::vector<std::string>& columns) {
    std::string select;
    for (const auto& c : columns) select += (select.empty() ? "" : ", ") + std::string("quote(") + sql::sqlite::quote_ident(c) + ")";
    if (select.empty()) select = "'(row)'";
    auto rows = db.rows("SELECT " + select + " FROM " + sql::sqlite::quote_ident(table));
    std::sort(rows.begin(), rows.end());
    for (auto& r : rows) r = table + ": " + r;
    return rows;
}

// In A's names: what the way up and back down must leave as it was.
std::vector<std::string> kept_rows(SqliteDb& db, const std::vector<KeptTable>& kept) {
    std::vector<std::string> out;
    for (const auto& k : kept)
        for (auto& r : table_rows(db, k.table, k.columns)) out.push_back(std::move(r));
    return out;
}

// In B's names: the seed rows of kept tables, in the columns whose values B's
// seed rows decide alike in a migrated database and one created at B.
std::vector<std::string> seeded_rows(SqliteDb& db, const std::vector<KeptTable>& kept) {
    std::vector<std::string> out;
    for (const auto& k : kept)
        if (!k.b_table.empty())
            for (auto& r : table_rows(db, k.b_table, k.seeded_columns)) out.push_back(std::move(r));
    return out;
}

// The migrations run so far on a database file, to find the statement that failed.
struct Script {
    std::string sql;
    bool foreign_keys_off = false;
};

// On a scratch file: the scripts before the last, then the last one statement by
// statement (its foreign key setting as the runner has it); the first that fails.
std::string failing_statement(const fs::path& dir, const std::vector<Script>& scripts) {
    SqliteDb db(dir / "probe.db");
    db.exec("PRAGMA synchronous = OFF");
    for (std::size_t i = 0; i + 1 < scripts.size(); ++i)
        if (!db.run_migration(scripts[i].sql, scripts[i].foreign_keys_off).empty()) return "";
    if (scripts.back().foreign_keys_off) db.exec("PRAGMA foreign_keys = OFF");
    db.exec("BEGIN");
    std::string out;
    for (const auto& st : sql::sqlite::dialect().split(scripts.back().sql))
        if (auto e = db.try_exec(st.text); !e.empty()) {
            out = "failing statement (line " + std::to_string(st.line) + "): " + st.text + "\n";
            break;
        }
    db.exec("ROLLBACK");
    if (scripts.back().foreign_keys_off) db.exec("PRAGMA foreign_keys = ON");
    return out;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

Outcome check_pair(const SchemaPair& p, const fs::path& dir) {
    const sql::Dialect& d = sql::sqlite::dialect();
    const PlanText create_a = plan_text("", p.from_yaml, d);
    if (!create_a.errors.empty()) return {"loading A (a generator bug: its pairs must be valid)", create_a.errors};
    const PlanText create_b = plan_text("", p.to_yaml, d);
    if (!create_b.errors.empty()) return {"loading B (a generator bug: its pairs must be valid)", create_b.errors};
    const PlanText ab = plan_text(p.from_yaml, p.to_yaml, d);
    if (!ab.errors.empty()) return {"planning A→B", ab.errors};
    if (ab.empty) return {"planning A→B", "the plan A→B is empty"};
    const std::string up = "up:\n" + ab.up, down = "down:\n" + ab.down;

    // Runs `script` after `history` on `db`; on failure, SQLite's message and the statement.
    auto run = [&](SqliteDb& db, std::vector<Script>& history, const PlanText& plan, bool down_file) {
        history.push_back({down_file ? plan.down : plan.up, plan.foreign_keys_off});
        const std::string e = db.run_migration(history.back().sql, history.back().foreign_keys_off);
        return e.empty() ? e : e + "\n" + failing_statement(dir, history);
    };
    std::vector<Script> on_b, on_a;
    SqliteDb b(dir / "b.db");
    b.exec("PRAGMA synchronous = OFF");
    b.exec("PRAGMA journal_mode = MEMORY");
    if (auto e = run(b, on_b, create_b, false); !e.empty()) return {"create B", e + create_b.up};
    const auto catalog_b = b.catalog();

    SqliteDb a(dir / "a.db");
    a.exec("PRAGMA synchronous = OFF");
    a.exec("PRAGMA journal_mode = MEMORY");
    if (auto e = run(a, on_a, create_a, false); !e.empty()) return {"create A", e + create_a.up};
    const auto catalog_a = a.catalog();
    const auto rows_a = kept_rows(a, p.kept);

    if (auto e = run(a, on_a, ab, false); !e.empty()) return {"A→B up", e + up};
    if (auto c = a.catalog(); c != catalog_b)
        return {"A→B up differs from B created directly (- migrated, + direct)", lines_diff(c, catalog_b) + up};
    if (auto r = seeded_rows(a, p.kept), rb = seeded_rows(b, p.kept); r != rb)
        return {"A→B up leaves seed rows other than B's created directly (- migrated, + direct)",
                lines_diff(r, rb) + "A's rows:\n" + joined(rows_a) + up};
    if (auto e = run(a, on_a, ab, true); !e.empty()) return {"A→B down", e + up + down};
    if (auto c = a.catalog(); c != catalog_a)
        return {"A→B down differs from A (- rolled back, + A)", lines_diff(c, catalog_a) + up + down};
    if (auto r = kept_rows(a, p.kept); r != rows_a)
        return {"A→B down changed the rows of kept columns (- after the down, + A before the up)",
                lines_diff(r, rows_a) + "A's rows:\n" + joined(rows_a) + up + down};
    if (auto e = run(a, on_a, ab, false); !e.empty()) return {"A→B up after the down", e + up};
    if (auto c = a.catalog(); c != catalog_b)
        return {"A→B up after the down differs from B (- migrated, + direct)", lines_diff(c, catalog_b) + up};
    return {};
}

}  // namespace

TEST_CASE("sqlite: random schema pairs migrate up and down like databases created directly") {
    const std::uint64_t pairs = env_number("SCHEMAC_RANDOM_SQLITE_PAIRS", 200);
    std::uint64_t first = env_number("SCHEMAC_RANDOM_FIRST", 1);
    std::uint64_t last = first + pairs - 1;
    if (std::getenv("SCHEMAC_RANDOM_SEED") && *std::getenv("SCHEMAC_RANDOM_SEED"))
        first = last = env_number("SCHEMAC_RANDOM_SEED", 1);
    const fs::path dir = fs::temp_directory_path() / ("schemac_sqlite_random_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } cleanup{dir};
    RandomOptions options;
    options.sqlite = true;
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::uint64_t> failed;
    for (std::uint64_t seed = first; seed <= last; ++seed) {
        const SchemaPair p = random_schema_pair(seed, options);
        const Outcome o = check_pair(p, dir);
        if (o.stage.empty()) continue;
        failed.push_back(seed);
        std::string msg = "random SQLite pair seed " + std::to_string(seed) + " failed: " + o.stage + "\n" +
                          "replay: SCHEMAC_RANDOM_SEED=" + std::to_string(seed) +
                          " ctest --test-dir build -R 'sqlite: random schema pairs' --output-on-failure\n";
        if (failed.size() <= 3) msg += o.detail + "\n" + p.description + "--- A:\n" + p.from_yaml + "--- B:\n" + p.to_yaml;
        else msg += o.detail.substr(0, 2000) + "\n";
        FAIL_CHECK(msg);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string summary = std::to_string(last - first + 1) + " random SQLite pair(s) in " + std::to_string(seconds) + " s";
    if (!failed.empty()) {
        summary += "; failing seeds:";
        for (auto s : failed) summary += " " + std::to_string(s);
    }
    MESSAGE(summary);
    CHECK(failed.empty());
}
