// A schema too large for one transaction: PostgreSQL keeps every session's
// locks in one shared table of max_locks_per_transaction × (max_connections +
// max_prepared_transactions) entries, one per locked relation, and an initial
// migration of thousands of tables takes more. `schemac diff` writes it as
// several migrations within a lock budget (compiler/migrations/history.cpp),
// and `verify` creates the schema in scratch schemas in rounds
// (compiler/sql/postgres/normalize.cpp), so both work on a server with the default
// lock table. max_locks_per_transaction is server-wide and needs a restart, so
// the test starts a server of its own with half the default lock table
// (small_lock_table_server.sh), and creates 2.4 times as many relations as
// that table has entries: the same statements in one transaction (all the
// files' SQL through psql -1, as one migration would run) fail there with
// "out of shared memory" — PostgreSQL lends the lock table spare shared
// memory, so the real limit is above the nominal size, by an amount that varies.
#include <doctest/doctest.h>
#include <pqxx/pqxx>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "child_process.hpp"
#include "migrations/history.hpp"
#include "read_file.hpp"

using schemac::test::Outcome;
using schemac::test::Workdir;
namespace fs = std::filesystem;

namespace {

long long setting(pqxx::connection& c, const std::string& name) {
    pqxx::nontransaction tx{c};
    return tx.exec1("SELECT setting::bigint FROM pg_settings WHERE name = " + tx.quote(name))[0].as<long long>();
}

std::string table_name(int i) {
    std::string n = std::to_string(i);
    return "t" + std::string(5 - n.size(), '0') + n;
}

// `n` tables, each with a serial key, a text column (so a TOAST table), a
// foreign key to the one before, a check and an index: 6 relations apiece.
std::string schema_yaml(int n) {
    std::string y = "schema: public\ntables:\n";
    for (int i = 0; i < n; ++i) {
        const std::string t = table_name(i);
        y += "  " + t + ":\n    columns:\n      id: serial\n      name: text\n";
        if (i > 0) y += "      prev: {type: 'integer?', references: " + table_name(i - 1) + "}\n";
        y += "    primary_key: [id]\n    checks:\n      " + t + "_named: name <> ''\n    indexes:\n      - columns: [name]\n";
    }
    return y;
}

std::size_t count_files(const fs::path& dir, const std::string& suffix) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.path().string().ends_with(suffix) ? 1 : 0;
    return n;
}

double seconds(const Outcome& o) { return o.seconds; }

// A server of its own (small_lock_table_server.sh), stopped at the end.
class SmallLockTableServer {
public:
    explicit SmallLockTableServer(int locks, int connections = 200) {
        const std::string args = " start " + dir_ + " " + std::to_string(locks) + " " + std::to_string(connections);
        if (std::system(("bash " + script_ + args).c_str()) != 0)
            throw std::runtime_error("small_lock_table_server.sh could not start a server in " + dir_);
    }
    ~SmallLockTableServer() { (void)std::system(("bash " + script_ + " stop " + dir_).c_str()); }
    std::string conninfo() const { return "host=" + dir_ + " user=postgres dbname=postgres"; }

private:
    std::string script_ = SCHEMAC_SOURCE_DIR "/tests/integration/small_lock_table_server.sh";
    std::string dir_ = (fs::temp_directory_path() / ("schemac-small-locks-" + std::to_string(::getpid()))).string();
};

}  // namespace

TEST_CASE("large schema: an initial migration larger than the server's lock table is split, applied and verified") {
    SmallLockTableServer server(16);   // 16 x (200 + 0) = 3,200 entries: half a default server's 64 x 100
    pqxx::connection conn{server.conninfo()};
    const long long lock_table = setting(conn, "max_locks_per_transaction") *
                                 (setting(conn, "max_connections") + setting(conn, "max_prepared_transactions"));
    const int tables = static_cast<int>(lock_table * 12 / 5 / 6);   // 6 relations per table: 2.4 times the table
    CAPTURE(lock_table);
    CAPTURE(tables);
    Workdir w("schemac-large");
    const fs::path schema = w.root() / "schema";
    const fs::path dir = w.root() / "migrations";
    fs::create_directories(schema);
    {
        std::ofstream out(schema / "tables.yaml");
        out << schema_yaml(tables);
    }

    const Outcome diff = w.start({"diff", "-m", "initial schema", "--dir", dir.string(), schema.string()}, {{"SCHEMAC_DATE", "2026-01-01"}})
                            .wait(std::chrono::seconds(120));
    REQUIRE_MESSAGE(diff.code == 0, diff.err.substr(0, 2000));
    const std::size_t files = count_files(dir, ".up.sql");
    CHECK(files > 1);
    CHECK_MESSAGE(diff.err.find("so it is written as " + std::to_string(files) + " migrations, each applied in a transaction of its own") !=
                      std::string::npos,
                  diff.err.substr(diff.err.size() > 2000 ? diff.err.size() - 2000 : 0));

    // The estimate is an upper bound: the first file, run in one transaction,
    // holds no more relation locks than the budget allows.
    {
        std::string first;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().filename().string().starts_with("0001_")) {
                if (!e.path().string().ends_with(".up.sql")) continue;
                first = schemac::test::read_file(e.path());
            }
        REQUIRE(!first.empty());
        pqxx::work tx{conn};
        tx.exec(first);
        // One entry of the shared table per locked relation or object, whatever
        // the lock modes (pg_locks itself, locked by this query, left out).
        const long long held = tx.exec1("SELECT count(DISTINCT (locktype, relation, classid, objid, objsubid)) FROM pg_locks"
                                        " WHERE pid = pg_backend_pid() AND locktype IN ('relation', 'object')"
                                        " AND relation IS DISTINCT FROM 'pg_catalog.pg_locks'::regclass")[0]
                                   .as<long long>();
        CHECK(held <= static_cast<long long>(schemac::migrations::kLockBudget));
        CHECK(held > static_cast<long long>(schemac::migrations::kLockBudget) / 4);   // and not far off
        MESSAGE("relation locks held by migration 0001: " << held << " (budget " << schemac::migrations::kLockBudget << ")");
        tx.abort();
    }

    const Outcome apply = w.start({"apply", "--db", server.conninfo(), "--dir", dir.string()}).wait(std::chrono::seconds(300));
    REQUIRE_MESSAGE(apply.code == 0, apply.err.substr(0, 2000));
    {
        pqxx::nontransaction tx{conn};
        CHECK(tx.exec1("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't%'")[0].as<int>() == tables);
    }
    const Outcome verify = w.start({"verify", "--db", server.conninfo(), "--dir", dir.string()}).wait(std::chrono::seconds(300));
    CHECK_MESSAGE(verify.code == 0, (verify.out + verify.err.substr(0, 2000)));
    CHECK_MESSAGE(verify.out.starts_with("schemac: no drift: "), verify.out);
    MESSAGE(tables << " tables, " << files << " migrations: diff " << seconds(diff) << " s, apply " << seconds(apply) << " s, verify "
                   << seconds(verify) << " s");
}

TEST_CASE("large schema: when the lock table is still too small, plan --from DATABASE names it, not a privilege") {
    // Another session holds nearly all of the server's lock table (PostgreSQL
    // lends it spare shared memory, so it is filled with advisory locks until
    // it says no, then 90 entries are given back): enough for schemac to read the catalog, not to
    // create the 40 tables again in scratch schemas.
    SmallLockTableServer server(10, 10);
    pqxx::connection conn{server.conninfo()};
    for (int i = 0; i < 40; ++i) {
        pqxx::nontransaction tx{conn};
        tx.exec("CREATE TABLE " + table_name(i) + " (id serial PRIMARY KEY, name text NOT NULL CHECK (name <> ''))");
    }
    pqxx::connection hog{server.conninfo()};
    pqxx::nontransaction h{hog};
    h.exec("BEGIN");
    int filled = 0;   // savepoints of 10 advisory locks each (one entry apiece, as a relation's)
    for (;; ++filled) {
        h.exec("SAVEPOINT s" + std::to_string(filled));
        try {
            h.exec("SELECT pg_advisory_xact_lock(g) FROM generate_series(" + std::to_string(filled * 10) + ", " +
                   std::to_string(filled * 10 + 9) + ") g");
        } catch (const pqxx::sql_error& e) {
            REQUIRE(std::string(e.sqlstate()) == "53200");
            break;
        }
    }
    REQUIRE(filled > 9);
    h.exec("ROLLBACK TO SAVEPOINT s" + std::to_string(filled - 9));
    MESSAGE("the other session holds " << (filled - 9) * 10 << " locks");
    Workdir w("schemac-locks");
    const Outcome plan = w.run({"plan", "--from", server.conninfo()});
    // A migration that needs more locks than are free: the runner's failure
    // line says what to change, not only "out of shared memory".
    const fs::path schema = w.root() / "schema";
    const fs::path dir = w.root() / "migrations";
    fs::create_directories(schema);
    {
        std::ofstream out(schema / "other.yaml");
        out << "schema: other\n" << schema_yaml(40).substr(std::string("schema: public\n").size());
    }
    const Outcome diff = w.run({"diff", "-m", "forty tables", "--dir", dir.string(), schema.string()});
    REQUIRE_MESSAGE(diff.code == 0, diff.err);
    const Outcome apply = w.run({"apply", "--db", server.conninfo(), "--dir", dir.string()});
    h.exec("ROLLBACK");
    CHECK(apply.code == 1);
    CHECK_MESSAGE(apply.err.find("out of shared memory") != std::string::npos, apply.err);
    CHECK_MESSAGE(apply.err.find("\n  the server's lock table is full: ") != std::string::npos, apply.err);
    CHECK_MESSAGE(apply.err.find("set max_locks_per_transaction = 256 (or more)") != std::string::npos, apply.err);
    CHECK(plan.code == 1);
    CHECK_MESSAGE(plan.err.find("putting both sides into PostgreSQL's normal form failed: ") != std::string::npos, plan.err);
    CHECK_MESSAGE(plan.err.find("out of shared memory") != std::string::npos, plan.err);
    CHECK_MESSAGE(plan.err.find("; the server's lock table is full: it holds max_locks_per_transaction x (max_connections + "
                                "max_prepared_transactions) locks") != std::string::npos,
                  plan.err);
    CHECK_MESSAGE(plan.err.find("set max_locks_per_transaction = 256 (or more) in postgresql.conf and restart the server") !=
                      std::string::npos,
                  plan.err);
    CHECK_MESSAGE(plan.err.find("CREATE privilege") == std::string::npos, plan.err);
}
