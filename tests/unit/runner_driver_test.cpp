// The Runner over a Driver of the test's own: what the runner asks of a
// database, in which order (runtime/migrate/driver.hpp). The PostgreSQL driver
// itself is tested against a server by tests/integration.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "migrate/driver.hpp"
#include "schemac/migrate/runner.hpp"

using namespace schemac;
using migrate::Driver;
using migrate::ErrorKind;
using migrate::Rerun;
using migrate::Watch;
using migrate::Work;

namespace {

// A statement the fake database refuses.
struct Refused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// What a fake database holds across runs: its history and a log of every call.
struct FakeDatabase {
    std::map<int, HistoryRow> history;
    std::vector<std::string> log;
    bool locked = false;
};

class FakeWork final : public Work {
public:
    FakeWork(FakeDatabase& db, bool transaction) : db_(db), transaction_(transaction), staged_(db.history) {
        db_.log.push_back(transaction ? "begin" : "begin autocommit");
    }
    ~FakeWork() override {
        if (transaction_ && !committed_) db_.log.push_back("roll back");
    }

    void execute(const std::string& statement) override {
        db_.log.push_back("execute " + statement);
        if (statement.find("FAIL") != std::string::npos) throw Refused("refused: " + statement);
    }
    std::string encoding_changed() override { return ""; }
    std::string settings_changed() override { return ""; }
    Rerun prepare_rerun(const std::string&, std::string&) override { return Rerun::run; }
    std::string clean_up_failed(const std::string&) override { return ""; }
    void log(const LogEntry&) override {}
    void verify_lock(const std::string&) override { CHECK(db_.locked); }
    void commit() override {
        db_.log.push_back("commit");
        committed_ = true;
        db_.history = staged_;
    }

    void insert(const HistoryRow& r) override { write("insert " + std::to_string(r.version), [&] { staged_[r.version] = r; }); }
    void set_progress(int version, int done, const std::string& error) override {
        write("progress " + std::to_string(version) + " " + std::to_string(done), [&] {
            staged_[version].statements_done = done;
            staged_[version].error = error;
        });
    }
    void set_counts(int, int, int) override {}
    void start_rollback(int version, int) override { write("start rollback " + std::to_string(version), [] {}); }
    void finish(int version, long long) override {
        write("finish " + std::to_string(version), [&] { staged_[version].success = true; });
    }
    void set_checksum(int version, const std::string& checksum) override {
        write("checksum " + std::to_string(version), [&] { staged_[version].checksum = checksum; });
    }
    void remove(int version) override { write("remove " + std::to_string(version), [&] { staged_.erase(version); }); }

private:
    // Outside a transaction a write takes effect at once.
    template <class F>
    void write(const std::string& what, F&& f) {
        db_.log.push_back(what);
        f();
        if (!transaction_) db_.history = staged_;
    }

    FakeDatabase& db_;
    bool transaction_;
    bool committed_ = false;
    std::map<int, HistoryRow> staged_;
};

class FakeDriver final : public Driver {
public:
    explicit FakeDriver(FakeDatabase& db) : db_(db) {}
    ~FakeDriver() override {
        if (db_.locked) db_.log.push_back("unlock");
        db_.locked = false;
    }

    void connect() override { db_.log.push_back("connect"); }
    const std::string& database() const override { return name_; }
    const std::string& history_name() const override { return name_; }
    void lock(std::chrono::milliseconds) override {
        db_.log.push_back("lock");
        db_.locked = true;
    }
    bool lock_held() override { return db_.locked; }
    void wait_for_orphans(std::chrono::milliseconds) override { db_.log.push_back("wait for orphans"); }
    std::vector<LogEntry> read_log() override { return {}; }
    std::vector<HistoryRow> read_history(bool* exists) override {
        db_.log.push_back("read history");
        if (exists) *exists = true;
        std::vector<HistoryRow> rows;
        for (const auto& [v, r] : db_.history) rows.push_back(r);
        return rows;
    }
    void ensure_history(bool) override { db_.log.push_back("ensure history"); }
    void pin_session() override { db_.log.push_back("pin session"); }
    std::unique_ptr<Work> begin(bool transaction) override { return std::make_unique<FakeWork>(db_, transaction); }
    std::unique_ptr<Watch> watch(std::function<void(const std::string&)>, std::chrono::milliseconds, std::chrono::milliseconds) override {
        struct NoWatch : Watch {
            bool cancelled() const override { return false; }
        };
        return std::make_unique<NoWatch>();
    }
    std::vector<std::string> take_warnings() override { return {}; }
    ErrorKind classify(const std::exception& e) const override {
        return dynamic_cast<const Refused*>(&e) ? ErrorKind::statement : ErrorKind::other;
    }
    std::string one_line(const std::exception& e) const override { return e.what(); }
    std::string statement_error(const std::string& error) const override { return "fake: " + error; }
    std::string transaction_error(const std::string& error) const override { return error; }

private:
    FakeDatabase& db_;
    std::string name_ = "fake";
};

// The log as one line, "connect | lock | ...", so that a failure shows it.
std::string calls(const std::vector<std::string>& log) {
    std::string out;
    for (const auto& c : log) out += (out.empty() ? "" : " | ") + c;
    return out;
}

Runner fake_runner(FakeDatabase& db, const std::vector<MigrationFile>& files) {
    return Runner(MigrationSet::from_files(files), RunnerOptions{},
                  [&db](const RunnerOptions&) { return std::make_unique<FakeDriver>(db); });
}

}  // namespace

TEST_CASE("the runner takes the lock, reads the history under it, then applies each file in its own transaction") {
    FakeDatabase db;
    auto runner = fake_runner(db, {{"0002_b.up.sql", "SELECT 2;\n"}, {"0001_a.up.sql", "SELECT 1;\nSELECT 11;\n"}});
    const RunResult r = runner.apply({});
    CHECK(r.to_version == 2);
    CHECK(calls(db.log) == "connect | lock | ensure history | read history | pin session | begin | execute SELECT 1 | execute SELECT 11 | insert 1 | commit | pin session | begin | execute SELECT 2 | insert 2 | commit | unlock");
    REQUIRE(db.history.size() == 2);
    CHECK(db.history[1].success);
}

TEST_CASE("a failing transactional migration records nothing, and the lock is released") {
    FakeDatabase db;
    auto runner = fake_runner(db, {{"0001_a.up.sql", "SELECT 1;\n"}, {"0002_b.up.sql", "SELECT 2;\nSELECT FAIL;\n"}});
    try {
        runner.apply({});
        FAIL("apply succeeded");
    } catch (const RunnerError& e) {
        CHECK(e.kind == RunnerErrorKind::failure);
        const std::string what = e.what();
        CHECK(what.find("0002_b.up.sql:2: statement 2 of 2 failed: ") == 0);
        CHECK(what.find("\n  fake: refused: SELECT FAIL") != std::string::npos);   // the driver's report of the error
    }
    CHECK(db.history.size() == 1);   // 0001 only
    CHECK(!db.locked);
    // The failure's audit entry is written on its own, after the rollback.
    const std::vector<std::string> tail(db.log.end() - 6, db.log.end());
    CHECK(calls(tail) == "begin | execute SELECT 2 | execute SELECT FAIL | roll back | begin autocommit | unlock");
}

TEST_CASE("a -- schemac:no-transaction file runs outside a transaction, its progress recorded after each statement") {
    FakeDatabase db;
    auto runner = fake_runner(db, {{"0001_a.up.sql", "-- schemac:no-transaction\nSELECT 1;\nSELECT FAIL;\n"}});
    CHECK_THROWS_AS(runner.apply({}), RunnerError);
    CHECK(calls(db.log) == "connect | lock | ensure history | read history | pin session | begin autocommit | insert 1 | execute SELECT 1 | progress 1 1 | execute SELECT FAIL | progress 1 1 | begin autocommit | unlock");
    REQUIRE(db.history.count(1) == 1);
    CHECK(!db.history[1].success);
    CHECK(db.history[1].statements_done == 1);
    CHECK(db.history[1].error.find("refused") != std::string::npos);

    // Resumed: the runner waits for sessions a killed runner left, then continues at statement 2.
    auto fixed = fake_runner(db, {{"0001_a.up.sql", "-- schemac:no-transaction\nSELECT 1;\nSELECT FAIL;\n"}});
    db.log.clear();
    ApplyOptions resume;
    resume.resume = true;
    CHECK_THROWS_AS(fixed.apply(resume), RunnerError);
    CHECK(calls(db.log) == "connect | lock | ensure history | read history | wait for orphans | pin session | begin autocommit | progress 1 1 | execute SELECT FAIL | progress 1 1 | begin autocommit | unlock");
}

TEST_CASE("status takes no lock and changes nothing, and a dry run neither") {
    FakeDatabase db;
    auto runner = fake_runner(db, {{"0001_a.up.sql", "SELECT 1;\n"}});
    const Status st = runner.status();
    REQUIRE(st.entries.size() == 1);
    CHECK(st.entries[0].state == MigrationState::pending);
    ApplyOptions dry;
    dry.dry_run = true;
    CHECK(runner.apply(dry).steps.size() == 1);
    CHECK(calls(db.log) == "connect | read history | connect | read history");
}
