// tests/live_cases on a real PostgreSQL 15: `schemac plan` between two live
// databases, run as a child process (SCHEMAC_BINARY), for hand-written DDL.
//
// Each case directory holds from.sql, to.sql and at most one marker file (see
// tests/live_cases/README.md). Three databases are used: A and A0 loaded from
// from.sql, B from to.sql. Then
//   - the case itself is checked: A and A0 have the same catalog fingerprint,
//     and A differs from B (or equals it, for an `expect_empty` case);
//   - plan --from A --to B is non-empty; applied to A (statement by statement
//     in autocommit: a plan can hold CREATE INDEX CONCURRENTLY and ALTER TYPE
//     ... ADD VALUE), A's fingerprint equals B's, and planning again is empty;
//   - plan --from A --to A0 (the way back) is non-empty; applied to A, A's
//     fingerprint equals A0's, and planning again is empty. Where the way back
//     has no SQL (an added enum value), `expect_error_reverse` holds the
//     substring the refusal must print instead;
//   - `expect_empty`: plan --from A --to B and --from B --to A are both empty;
//   - `expect_error`: plan --from A --to B exits 1, prints nothing on stdout,
//     and its stderr contains the marker's text.
//
// ctest runs one process per case folder ("live case: <name>",
// SCHEMAC_CASE=<name>); without SCHEMAC_CASE the process runs every case.
// The three databases are created once per process from template0 and
// emptied before each case (every user schema dropped, `public` recreated as
// template0 has it), and after emptying each must have exactly the catalog
// of a fresh database, so no case can see another's leftovers. Plans that do
// not depend on each other run as concurrent child processes. The databases
// are dropped at the end, also when a check fails.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "case_folders.hpp"
#include "catalog_fingerprint.hpp"
#include "child_process.hpp"
#include "pg_grammar.hpp"
#include "read_file.hpp"
#include "scratch_db.hpp"

namespace fs = std::filesystem;
using namespace schemac::test;

namespace {

// Dropping a table or a column loses data, and plan refuses that without this flag.
const std::vector<std::string> kPlanFlags = {"--allow-destructive"};

fs::path cases_dir() { return fs::path(SCHEMAC_SOURCE_DIR) / "tests" / "live_cases"; }

std::string trim(std::string s) {
    const auto ws = " \t\r\n";
    s.erase(0, s.find_first_not_of(ws));
    const auto end = s.find_last_not_of(ws);
    s.erase(end == std::string::npos ? 0 : end + 1);
    return s;
}

// ------------------------------------------------------------------- cases

struct LiveCase {
    fs::path dir;
    std::string name;
    std::string from_sql, to_sql;
    bool expect_empty = false;
    std::string expect_error;           // "" = the plan must succeed
    std::string expect_error_reverse;   // "" = the way back must succeed
};

std::vector<LiveCase> load_cases(const std::vector<fs::path>& dirs) {
    std::vector<LiveCase> out;
    for (const auto& dir : dirs) {
        LiveCase c;
        c.dir = dir;
        c.name = dir.filename().string();
        c.from_sql = read_file(c.dir / "from.sql");
        c.to_sql = read_file(c.dir / "to.sql");
        c.expect_empty = fs::exists(c.dir / "expect_empty");
        if (fs::exists(c.dir / "expect_error")) c.expect_error = trim(read_file(c.dir / "expect_error"));
        if (fs::exists(c.dir / "expect_error_reverse")) c.expect_error_reverse = trim(read_file(c.dir / "expect_error_reverse"));
        out.push_back(std::move(c));
    }
    return out;
}

// --------------------------------------------------------------- databases

// A database created from template0 (nothing a test left in template1 can
// leak in), dropped WITH (FORCE) at the end (a killed child's connection
// cannot keep it alive).
class LiveDb {
public:
    explicit LiveDb(const std::string& tag)
        : name_("schemac_live_" + std::to_string(::getpid()) + "_" + tag) {
        admin([&](pqxx::nontransaction& tx) {
            tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
            tx.exec0("CREATE DATABASE " + tx.quote_name(name_) + " TEMPLATE template0");
        });
        conn_ = std::make_unique<pqxx::connection>(conninfo());
    }
    ~LiveDb() {
        try {
            conn_.reset();
            admin([&](pqxx::nontransaction& tx) { tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)"); });
        } catch (...) {
        }
    }
    LiveDb(const LiveDb&) = delete;
    LiveDb& operator=(const LiveDb&) = delete;

    pqxx::connection& conn() { return *conn_; }
    std::string conninfo() const { return ScratchDb::server() + " dbname=" + name_; }
    // Constant defaults by value: see FingerprintOptions (a plan writes the
    // value, not the spelling a person chose for it).
    std::string fingerprint() { return catalog_fingerprint(*conn_, {.default_values = true}); }

private:
    template <typename F>
    static void admin(F f) {
        pqxx::connection c{ScratchDb::server() + " dbname=postgres"};
        pqxx::nontransaction tx{c};
        f(tx);
    }
    std::string name_;
    std::unique_ptr<pqxx::connection> conn_;
};

// Runs a script statement by statement in autocommit, as `psql` runs a file.
// Throws with the failing statement.
void run_statements(pqxx::connection& c, const std::string& sql, const std::string& what) {
    std::vector<std::string> statements;
    try {
        statements = split_statements(sql);
    } catch (const std::exception& e) {
        throw std::runtime_error(what + " is not valid SQL: " + e.what() + "\n" + sql);
    }
    for (const auto& stmt : statements) {
        pqxx::nontransaction tx{c};
        try {
            tx.exec(stmt);
        } catch (const std::exception& e) {
            throw std::runtime_error(what + ": " + e.what() + "in the statement:\n" + stmt + "\n\nof:\n" + sql);
        }
    }
}

// ------------------------------------------------------------ the children

Child start_plan(Workdir& w, const LiveDb& from, const LiveDb& to) {
    std::vector<std::string> args = {"plan", "--from", from.conninfo(), "--to", to.conninfo()};
    args.insert(args.end(), kPlanFlags.begin(), kPlanFlags.end());
    return w.start(args);
}

std::string show(const Outcome& o) {
    return "exit code " + std::to_string(o.code) + "\n--- stdout:\n" + o.out + "\n--- stderr:\n" + o.err;
}

bool is_empty_plan(const Outcome& o) { return o.code == 0 && o.out.empty(); }

// ------------------------------------------------------------ one case

struct Dbs {
    LiveDb a{"a"}, b{"b"}, a0{"a0"};
    std::string fresh;   // the fingerprint of an empty database
    Dbs() { fresh = a.fingerprint(); }
};

// Applies `p` (a plan from `a` to the target) to `a`; then `a` must look
// exactly like the target. False when a step failed.
bool apply_and_compare(LiveDb& a, const Outcome& p, const std::string& target_fp) {
    CHECK_MESSAGE(p.code == 0, "plan failed\n" << show(p));
    if (p.code != 0) return false;
    CHECK_MESSAGE(!trim(p.out).empty(), "the plan is empty, but the databases differ\n" << show(p));
    try {
        run_statements(a.conn(), p.out, "applying the plan");
    } catch (const std::exception& e) {
        FAIL_CHECK(e.what());
        return false;
    }
    const std::string diff = fingerprint_diff(target_fp, a.fingerprint());
    CHECK_MESSAGE(diff.empty(), "after the plan, the database still differs from the target (- target, + after the plan):\n"
                                    << diff << "\n--- the plan:\n" << p.out << "--- its stderr:\n" << p.err);
    return diff.empty();
}

// True when every check of the case passed.
bool check_case(const LiveCase& c, Workdir& w, Dbs& db) {
    for (LiveDb* d : {&db.a, &db.b, &db.a0}) {
        empty_database(d->conn());
        const std::string leftover = fingerprint_diff(db.fresh, d->fingerprint());
        REQUIRE_MESSAGE(leftover.empty(), "emptying a database between cases left this behind:\n" << leftover);
    }
    try {
        run_statements(db.a.conn(), c.from_sql, "loading from.sql");
        run_statements(db.b.conn(), c.to_sql, "loading to.sql");
    } catch (const std::exception& e) {
        FAIL_CHECK(e.what());
        return false;
    }

    if (!c.expect_error.empty()) {
        const Outcome p = start_plan(w, db.a, db.b).wait();
        const bool ok = p.code == 1 && p.out.empty() && p.err.find(c.expect_error) != std::string::npos;
        CHECK_MESSAGE(ok, "expected exit code 1, no SQL, and \"" << c.expect_error << "\" on stderr\n" << show(p));
        return ok;
    }

    if (c.expect_empty) {
        Child there = start_plan(w, db.a, db.b), back = start_plan(w, db.b, db.a);
        const std::string diff = fingerprint_diff(db.a.fingerprint(), db.b.fingerprint());
        CHECK_MESSAGE(diff.empty(), "case error: expect_empty, but from.sql and to.sql differ in PostgreSQL:\n" << diff);
        const Outcome t = there.wait(), b = back.wait();
        CHECK_MESSAGE(is_empty_plan(t), "plan --from A --to B is not empty\n" << show(t));
        CHECK_MESSAGE(is_empty_plan(b), "plan --from B --to A is not empty\n" << show(b));
        return diff.empty() && is_empty_plan(t) && is_empty_plan(b);
    }

    // While the first plan runs: A0, and the fingerprints.
    Child first = start_plan(w, db.a, db.b);
    std::string fp_a, fp_b, fp_a0;
    try {
        run_statements(db.a0.conn(), c.from_sql, "loading from.sql again");
        fp_a = db.a.fingerprint();
        fp_b = db.b.fingerprint();
        fp_a0 = db.a0.fingerprint();
    } catch (...) {
        first.wait();
        throw;
    }
    const Outcome p1 = first.wait();
    CHECK_MESSAGE(fp_a != fp_b, "case error: from.sql and to.sql mean the same in PostgreSQL (mark it expect_empty?)");
    CHECK_MESSAGE(fingerprint_diff(fp_a, fp_a0).empty(),
                  "case error: from.sql does not give the same catalog twice:\n" << fingerprint_diff(fp_a, fp_a0));

    bool ok;
    {
        INFO("from → to: plan --from A --to B, applied to A");
        ok = apply_and_compare(db.a, p1, fp_b);
    }
    if (!ok) return false;
    // Both read A as it is now: planning again must be empty, and the way back.
    Child again = start_plan(w, db.a, db.b), back = start_plan(w, db.a, db.a0);
    const Outcome p2 = again.wait(), p3 = back.wait();
    CHECK_MESSAGE(is_empty_plan(p2), "from → to: planning again after the plan is not empty\n" << show(p2));
    ok = is_empty_plan(p2);

    if (!c.expect_error_reverse.empty()) {
        const bool refused = p3.code == 1 && p3.out.empty() && p3.err.find(c.expect_error_reverse) != std::string::npos;
        CHECK_MESSAGE(refused, "to → from: expected exit code 1, no SQL, and \"" << c.expect_error_reverse << "\" on stderr\n"
                                                                                  << show(p3));
        return ok && refused;
    }
    INFO("to → from: plan --from A --to A0, applied to A");
    if (!apply_and_compare(db.a, p3, fp_a0)) return false;
    const Outcome p4 = start_plan(w, db.a, db.a0).wait();
    CHECK_MESSAGE(is_empty_plan(p4), "planning again after the plan is not empty\n" << show(p4));
    return ok && is_empty_plan(p4);
}

}  // namespace

TEST_CASE("live cases: every case directory is well formed") {
    const auto cases = load_cases(case_folders(cases_dir()));
    CHECK(cases.size() >= 60);
    std::set<std::string> numbers;
    int empty = 0, errors = 0;
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK_MESSAGE(fs::is_regular_file(c.dir / "from.sql"), "from.sql is missing");
        CHECK_MESSAGE(fs::is_regular_file(c.dir / "to.sql"), "to.sql is missing");
        const bool numbered = c.name.size() > 4 && c.name.find_first_not_of("0123456789") == 3 && c.name[3] == '_';
        CHECK_MESSAGE(numbered, "the name is NNN_short_name");
        CHECK_MESSAGE(numbers.insert(c.name.substr(0, 3)).second, "two cases share the number " << c.name.substr(0, 3));
        const int markers = (c.expect_empty ? 1 : 0) + (fs::exists(c.dir / "expect_error") ? 1 : 0) +
                            (fs::exists(c.dir / "expect_error_reverse") ? 1 : 0);
        CHECK_MESSAGE(markers <= 1, "at most one of expect_empty, expect_error, expect_error_reverse");
        if (fs::exists(c.dir / "expect_error")) CHECK_MESSAGE(!c.expect_error.empty(), "expect_error holds the expected message");
        if (fs::exists(c.dir / "expect_error_reverse"))
            CHECK_MESSAGE(!c.expect_error_reverse.empty(), "expect_error_reverse holds the expected message");
        if (!c.expect_empty) CHECK_MESSAGE(c.from_sql != c.to_sql, "from.sql and to.sql are the same file");
        for (const auto& e : fs::directory_iterator(c.dir)) {
            const std::string f = e.path().filename().string();
            CHECK_MESSAGE((f == "from.sql" || f == "to.sql" || f == "expect_empty" || f == "expect_error" ||
                           f == "expect_error_reverse"),
                          "unexpected file " << f);
        }
        for (const auto* sql : {&c.from_sql, &c.to_sql}) {
            const auto err = parse_error(*sql);
            CHECK_MESSAGE(!err, (err ? err->message + " in: " + err->statement : std::string()));
        }
        empty += c.expect_empty ? 1 : 0;
        errors += c.expect_error.empty() ? 0 : 1;
    }
    CHECK(empty >= 3);
    CHECK(errors >= 3);
}

TEST_CASE("live case: plan between two live databases reaches the target and comes back") {
    const auto started = std::chrono::steady_clock::now();
    Workdir w{"schemac-live"};
    Dbs db;
    std::vector<std::string> failed;
    int ran = 0;
    for (const auto& c : load_cases(selected_case_folders(cases_dir()))) {
        CAPTURE(c.name);
        ++ran;
        bool ok = false;
        try {
            ok = check_case(c, w, db);
        } catch (const std::exception& e) {
            FAIL_CHECK("PostgreSQL: " << e.what());
        }
        if (!ok) failed.push_back(c.name);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::ostringstream summary;
    summary << ran << " cases in " << static_cast<int>(seconds + 0.5) << " s, " << failed.size() << " failed";
    for (const auto& f : failed) summary << "\n  " << f;
    MESSAGE(summary.str());
    CHECK(ran > 0);
    CHECK(failed.empty());
}
