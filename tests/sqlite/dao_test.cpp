// The sqlite3 driver end to end: the C++ that `schemac generate` writes for
// tests/golden/generate/004_sqlite_every_type (its expected/ tree, which the
// golden test keeps equal to schemac's output, compiled with -Werror) against
// real SQLite files whose tables are made by the migration schemac plans for
// the same schema.yaml. Every type, NULLs, boundary values, every DAO method,
// the bulk insert, streaming, named queries and the embedded migrations.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <schemac/dao_sqlite/connection.hpp>
#include <schemac/migrate/runner.hpp>

#include "all.hpp"   // the generated headers
#include "plan_text.hpp"
#include "read_file.hpp"
#include "sql/sqlite/dialect.hpp"

namespace fs = std::filesystem;
using schemac::Bytes;
using schemac::Decimal;
using schemac::dao_sqlite::Connection;
using schemac::dao_sqlite::Error;
using schemac::dao_sqlite::Transaction;
using db::main::SamplesDao;
using db::main::SamplesNew;
using db::main::SamplesRow;
using db::main::TagsDao;
using db::main::TagsNew;
using namespace std::string_literals;

namespace {

const fs::path kCase = SCHEMAC_GOLDEN_CASE;

// A fresh directory per test, removed afterwards.
class Scratch {
public:
    Scratch() {
        static int n = 0;
        dir_ = fs::temp_directory_path() / ("schemac_sqlite_dao_" + std::to_string(::getpid()) + "_" + std::to_string(++n));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    fs::path file(const std::string& name) const { return dir_ / name; }

private:
    fs::path dir_;
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The up migration schemac plans from an empty database to schema.yaml.
std::string planned_up() {
    const auto p = schemac::test::plan_text("", schemac::test::read_file(kCase / "schema.yaml"), schemac::sql::sqlite::dialect());
    REQUIRE_MESSAGE(!contains(p.errors, "error"), p.errors);   // the warning that SQLite stores no comments is expected
    REQUIRE_FALSE(p.foreign_keys_off);
    return p.up;
}

// A database file with the planned schema, run as the runner runs a file: in one transaction.
struct Db {
    Scratch scratch;
    Connection conn{scratch.file("shop.db").string()};
    Db() { conn.exec("BEGIN IMMEDIATE;\n" + planned_up() + "\nCOMMIT;"); }
};

Decimal dec(const char* text) {
    auto d = Decimal::parse(text);
    REQUIRE(d);
    return *d;
}

Bytes bytes(std::initializer_list<unsigned> v) {
    Bytes out;
    for (unsigned b : v) out.push_back(static_cast<std::byte>(b));
    return out;
}

// NOT NULL columns at their upper boundaries, every nullable column NULL, the defaults left to SQLite.
SamplesNew upper_row() {
    SamplesNew n;
    n.code = "upper";
    n.small = std::numeric_limits<std::int16_t>::max();
    n.medium = std::numeric_limits<std::int64_t>::max();
    n.big = std::numeric_limits<std::int64_t>::max();
    n.ratio = std::numeric_limits<double>::max();
    n.precise = std::numeric_limits<double>::denorm_min();
    n.amount = dec("1234567890.12");
    n.exact = dec("9223372036854775807");
    n.flag = true;
    n.payload = bytes({0x00, 0xff, 0x00, 0x7f});   // zero bytes inside a blob
    return n;
}

// Lower boundaries, every nullable column given, text that is empty, not ASCII or holds a zero byte.
SamplesNew lower_row() {
    SamplesNew n;
    n.id = std::int64_t{1000};
    n.code = "";
    n.small = std::numeric_limits<std::int16_t>::min();
    n.medium = std::numeric_limits<std::int64_t>::min();
    n.big = std::numeric_limits<std::int64_t>::min();
    n.ratio = -0.1;
    n.precise = -std::numeric_limits<double>::infinity();
    n.amount = dec("-0.01");
    n.exact = dec("-0.001");
    n.flag = false;
    n.payload = Bytes{};   // an empty blob, not NULL
    n.small_n = std::int16_t{-1};
    n.medium_n = std::numeric_limits<std::int64_t>::max();
    n.big_n = std::numeric_limits<std::int64_t>::min();
    n.ratio_n = std::numeric_limits<double>::infinity();
    n.precise_n = 0.1;
    n.amount_n = dec("12.50");
    n.note = "Gr\xc3\xbc\xc3\x9f" "e, \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\x8e\x89 a\0b"s;   // UTF-8, and a zero byte
    n.flag_n = false;
    n.payload_n = Bytes{};
    n.status = std::string("\xc3\xa9t\xc3\xa9");
    n.created_at = std::int64_t{0};
    return n;
}

void check_as_given(const SamplesRow& r, const SamplesNew& n) {
    CHECK(r.code == n.code);
    CHECK(r.small == n.small);
    CHECK(r.medium == n.medium);
    CHECK(r.big == n.big);
    CHECK(r.ratio == n.ratio);
    CHECK(r.precise == n.precise);
    CHECK(r.amount == n.amount);
    CHECK(r.exact == n.exact);
    CHECK(r.flag == n.flag);
    CHECK(r.payload == n.payload);
    CHECK(r.small_n == n.small_n);
    CHECK(r.medium_n == n.medium_n);
    CHECK(r.big_n == n.big_n);
    CHECK(r.ratio_n == n.ratio_n);
    CHECK(r.precise_n == n.precise_n);
    CHECK(r.amount_n == n.amount_n);
    CHECK(r.note == n.note);
    CHECK(r.flag_n == n.flag_n);
    CHECK(r.payload_n == n.payload_n);
}

// What a DAO call throws, as text ("" if nothing).
template <class F> std::string error_of(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("sqlite: dao: every type round-trips through insert and find with NULLs and boundary values") {
    Db db;
    const SamplesDao dao;
    const SamplesNew upper = upper_row();
    const SamplesRow a = dao.insert(db.conn, upper);
    CHECK(a.id == 1);                       // the rowid alias, numbered by SQLite
    CHECK(a.status == "new");               // DEFAULT 'new'
    CHECK(a.created_at > 1'600'000'000);    // DEFAULT (unixepoch())
    check_as_given(a, upper);
    CHECK_FALSE(a.small_n);
    CHECK_FALSE(a.medium_n);
    CHECK_FALSE(a.big_n);
    CHECK_FALSE(a.ratio_n);
    CHECK_FALSE(a.precise_n);
    CHECK_FALSE(a.amount_n);
    CHECK_FALSE(a.note);
    CHECK_FALSE(a.flag_n);
    CHECK_FALSE(a.payload_n);
    CHECK(dao.find_by_id(db.conn, a.id) == a);
    CHECK(dao.find_by_code(db.conn, "upper") == a);

    const SamplesNew lower = lower_row();
    const SamplesRow b = dao.insert(db.conn, lower);
    CHECK(b.id == 1000);
    CHECK(b.status == lower.status.value());
    CHECK(b.created_at == 0);
    check_as_given(b, lower);
    REQUIRE(b.payload_n);
    CHECK(b.payload_n->empty());
    REQUIRE(b.note);
    CHECK(b.note->size() == 24);
    CHECK(b.note->find('\0') == 22);
    CHECK(dao.find_by_id(db.conn, 1000) == b);
    CHECK(dao.find_by_code(db.conn, "") == b);
    CHECK_FALSE(dao.find_by_id(db.conn, 2));
    CHECK_FALSE(dao.find_by_code(db.conn, "none"));

    // numeric: SQLite's NUMERIC affinity keeps a number, not its text: 12.50 is
    // the REAL 12.5 (equal as a Decimal, its scale gone), an int64 stays exact.
    CHECK(b.amount_n->text() == "12.5");
    CHECK(a.exact.text() == "9223372036854775807");
    CHECK(b.exact.text() == "-0.001");
    // How SQLite stores them: an int64 numeric as INTEGER, a fraction as REAL, booleans as 0 and 1, blobs as blobs.
    auto st = db.conn.statement("SELECT typeof(exact), typeof(amount_n), flag, typeof(flag), typeof(payload_n) FROM samples WHERE id = ?1");
    st.bind_next(b.id);
    REQUIRE(st.step());
    std::string types;
    for (int column : {0, 1, 2, 3, 4}) {
        std::string v;
        st.read(column, v);
        types += v + " ";
    }
    CHECK(types == "real real 0 integer blob ");
    CHECK(dao.count(db.conn) == 2);
}

TEST_CASE("sqlite: dao: update and upsert and delete and count") {
    Db db;
    const SamplesDao dao;
    SamplesRow a = dao.insert(db.conn, upper_row());
    SamplesRow b = dao.insert(db.conn, lower_row());

    // update writes every column but the key.
    a.code = "changed";
    a.small = -2;
    a.note = "now given";
    a.payload_n = bytes({1, 2, 3});
    a.amount = dec("-99.99");
    CHECK(dao.update(db.conn, a));
    CHECK(dao.find_by_id(db.conn, a.id) == a);
    SamplesRow missing = a;
    missing.id = 424242;
    missing.code = "missing";
    CHECK_FALSE(dao.update(db.conn, missing));
    // back to NULL
    a.note.reset();
    a.payload_n.reset();
    CHECK(dao.update(db.conn, a));
    CHECK(dao.find_by_id(db.conn, a.id) == a);

    // upsert of a whole row: overwrites on the primary key, inserts otherwise.
    b.big = 7;
    b.flag = true;
    CHECK(dao.upsert(db.conn, b) == b);
    CHECK(dao.find_by_id(db.conn, b.id) == b);
    SamplesRow c = b;
    c.id = 5;
    c.code = "c";
    CHECK(dao.upsert(db.conn, c) == c);
    CHECK(dao.count(db.conn) == 3);

    // upsert on the unique key: the columns the row gives, never the key or the id.
    SamplesNew by_code = upper_row();
    by_code.code = "c";
    by_code.id = std::int64_t{777};   // ignored on a conflict: the primary key is never updated
    by_code.note = "upserted";
    const SamplesRow up = dao.upsert_by_code(db.conn, by_code);
    CHECK(up.id == 5);
    CHECK(up.note == "upserted");
    CHECK(up.small == std::numeric_limits<std::int16_t>::max());
    CHECK(up.status == c.status);   // left to its default: not updated
    SamplesNew fresh = upper_row();
    fresh.code = "fresh";
    const SamplesRow f = dao.upsert_by_code(db.conn, fresh);
    CHECK(f.id == 1001);   // a new row: numbered after the largest rowid
    CHECK(f.status == "new");
    CHECK(dao.count(db.conn) == 4);

    CHECK(dao.delete_by_id(db.conn, 5));
    CHECK_FALSE(dao.delete_by_id(db.conn, 5));
    CHECK_FALSE(dao.find_by_id(db.conn, 5));
    CHECK(dao.count(db.conn) == 3);
}

TEST_CASE("sqlite: dao: list by an index prefix and by a composite key in index order") {
    Db db;
    const SamplesDao dao;
    const TagsDao tags;
    const std::pair<const char*, std::int64_t> rows[] = {{"b", 3}, {"a", 2}, {"b", 1}, {"a", 9}, {"b", 1}};
    int i = 0;
    for (const auto& [status, big] : rows) {
        SamplesNew n = upper_row();
        n.code = "row" + std::to_string(i++);
        n.status = std::string(status);
        n.big = big;
        dao.insert(db.conn, n);
    }
    std::vector<std::string> got;
    for (const auto& r : dao.list_by_status(db.conn, "b")) got.push_back(r.code + ":" + std::to_string(r.big));
    CHECK(got == std::vector<std::string>{"row2:1", "row4:1", "row0:3"});   // by big, then id
    got.clear();
    for (const auto& r : dao.list_by_status_and_big(db.conn, "b", 1)) got.push_back(r.code);
    CHECK(got == std::vector<std::string>{"row2", "row4"});
    CHECK(dao.list_by_status(db.conn, "none").empty());

    // tags: a composite primary key (not the rowid): find by both, list by its first column.
    tags.insert(db.conn, TagsNew{2, "x", std::int64_t{5}});
    tags.insert(db.conn, TagsNew{2, "a", {}});
    tags.insert(db.conn, TagsNew{3, "x", std::int64_t{1}});
    const auto t = tags.find_by_sample_id_and_tag(db.conn, 2, "a");
    REQUIRE(t);
    CHECK(t->weight == 0);   // DEFAULT 0
    CHECK(t->label == "a:0");   // GENERATED ALWAYS AS (tag || ':' || weight) STORED
    {
        auto heavier = *t;
        heavier.weight = 7;
        CHECK(tags.update(db.conn, heavier));   // an update writes weight, SQLite computes label again
        CHECK(tags.find_by_sample_id_and_tag(db.conn, 2, "a")->label == "a:7");
        heavier.weight = 0;
        CHECK(tags.upsert(db.conn, heavier).label == "a:0");
    }
    got.clear();
    for (const auto& r : tags.list_by_sample_id(db.conn, 2)) got.push_back(r.tag);
    CHECK(got == std::vector<std::string>{"a", "x"});
    // foreign keys are on: deleting a sample deletes its tags (ON DELETE CASCADE) ...
    CHECK(dao.delete_by_id(db.conn, 2));
    CHECK(tags.list_by_sample_id(db.conn, 2).empty());
    CHECK(tags.count(db.conn) == 1);
    // ... and a tag of no sample is refused, with SQLite's message on one line.
    const std::string err = error_of([&] { tags.insert(db.conn, TagsNew{99, "y", {}}); });
    CHECK(contains(err, "FOREIGN KEY constraint failed"));
    CHECK_FALSE(contains(err, "\n"));
}

TEST_CASE("sqlite: dao: for_each streams every row and DAO calls inside the callback work") {
    Db db;
    const SamplesDao dao;
    for (int i = 0; i < 50; ++i) {
        SamplesNew n = upper_row();
        n.code = "s" + std::to_string(i);
        n.big = i;
        dao.insert(db.conn, n);
    }
    std::int64_t sum = 0;
    int seen = 0, nested = 0;
    dao.for_each(db.conn, [&](const SamplesRow& r) {
        sum += r.big;
        ++seen;
        // the same connection, while the SELECT is stepping: another statement, and the same one again
        CHECK(dao.find_by_id(db.conn, r.id) == r);
        if (seen == 1) dao.for_each(db.conn, [&](const SamplesRow&) { ++nested; });
    });
    CHECK(seen == 50);
    CHECK(nested == 50);
    CHECK(sum == 49 * 50 / 2);
    // a callback that throws ends the stream; the connection goes on
    CHECK(error_of([&] { dao.for_each(db.conn, [](const SamplesRow&) { throw std::runtime_error("stop"); }); }) == "stop");
    CHECK(dao.count(db.conn) == 50);
}

namespace {

// What insert_many sends: SQLite's trace of every statement run, and every commit.
struct Trace {
    std::set<sqlite3_stmt*> inserts;   // the distinct prepared INSERT statements
    int insert_runs = 0;
    std::vector<std::string> others;   // everything else, as run
    int commits = 0;
};

int on_trace(unsigned, void* ctx, void* p, void*) {
    auto* t = static_cast<Trace*>(ctx);
    auto* stmt = static_cast<sqlite3_stmt*>(p);
    const std::string sql = sqlite3_sql(stmt);
    if (sql.starts_with("INSERT INTO samples")) {
        t->inserts.insert(stmt);
        ++t->insert_runs;
    } else {
        t->others.push_back(sql);
    }
    return 0;
}

int on_commit(void* ctx) {
    ++static_cast<Trace*>(ctx)->commits;
    return 0;
}

std::vector<SamplesNew> many_rows(int n) {
    std::vector<SamplesNew> rows;
    rows.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        SamplesNew r = i % 2 ? upper_row() : lower_row();
        r.id = schemac::use_default;   // the same OrDefault columns in every row
        r.created_at = std::int64_t{i};
        r.status = std::string(i % 3 ? "bulk" : "other");
        r.code = "bulk-" + std::to_string(i);
        r.big = i;
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace

TEST_CASE("sqlite: dao: insert_many writes 10000 rows with one prepared statement in one transaction") {
    Db db;
    const SamplesDao dao;
    const auto rows = many_rows(10'000);
    Trace trace;
    sqlite3_trace_v2(db.conn.get(), SQLITE_TRACE_STMT, on_trace, &trace);
    sqlite3_commit_hook(db.conn.get(), on_commit, &trace);
    CHECK(dao.insert_many(db.conn, rows) == 10'000);
    sqlite3_trace_v2(db.conn.get(), 0, nullptr, nullptr);
    sqlite3_commit_hook(db.conn.get(), nullptr, nullptr);
    CHECK(trace.inserts.size() == 1);
    CHECK(trace.insert_runs == 10'000);
    CHECK(trace.commits == 1);
    CHECK(trace.others == std::vector<std::string>{"SAVEPOINT schemac_insert_many", "RELEASE schemac_insert_many"});

    CHECK(dao.count(db.conn) == 10'000);
    std::int64_t i = 0;
    dao.for_each(db.conn, [&](const SamplesRow& r) {
        CHECK(r.id == i + 1);
        CHECK(r.created_at == i);
        CHECK(r.code == "bulk-" + std::to_string(i));
        check_as_given(r, rows[static_cast<std::size_t>(i)]);
        ++i;
    });
    CHECK(i == 10'000);
    CHECK(dao.list_by_status(db.conn, "other").size() == 3'334);
    CHECK(dao.insert_many(db.conn, {}) == 0);
}

TEST_CASE("sqlite: dao: insert_many inserts all rows or none inside or outside the caller's transaction") {
    Db db;
    const SamplesDao dao;
    auto rows = many_rows(10);
    rows[7].code = rows[2].code;   // a duplicate of the unique key
    std::string err;
    try {
        dao.insert_many(db.conn, rows);
    } catch (const Error& e) {
        err = e.what();
        CHECK(e.code() == SQLITE_CONSTRAINT_UNIQUE);
    }
    CHECK(contains(err, "insert_many: row 7: UNIQUE constraint failed: samples.code"));
    CHECK_FALSE(contains(err, "\n"));
    CHECK(dao.count(db.conn) == 0);
    CHECK_FALSE(db.conn.in_transaction());

    // Every row must give the same OrDefault columns: one statement, one column list.
    rows = many_rows(3);
    rows[1].id = std::int64_t{50};
    CHECK(error_of([&] { dao.insert_many(db.conn, rows); }) ==
          "insert_many: row 1 gives id but row 0 leaves it to its default (one prepared statement takes one column list for all rows: "
          "insert such rows in separate calls)");
    CHECK(dao.count(db.conn) == 0);

    // A value SQLite cannot store names its row and column.
    rows = many_rows(3);
    rows[2].ratio = std::nan("");
    CHECK(contains(error_of([&] { dao.insert_many(db.conn, rows); }), "insert_many: row 2, column ratio: parameter 5 is NaN"));
    CHECK(dao.count(db.conn) == 0);

    // Inside the caller's transaction: nested, and rolled back with it.
    {
        Transaction tx(db.conn);
        CHECK(dao.insert_many(db.conn, many_rows(5)) == 5);
        CHECK(db.conn.in_transaction());
        CHECK(dao.count(db.conn) == 5);
        // a failed insert_many undoes only its own rows (every code of these exists already)
        rows = many_rows(5);
        CHECK(contains(error_of([&] { dao.insert_many(db.conn, rows); }), "row 0: UNIQUE constraint failed"));
        CHECK(db.conn.in_transaction());
        CHECK(dao.count(db.conn) == 5);
    }   // destroyed without commit: rolled back
    CHECK(dao.count(db.conn) == 0);
    {
        Transaction tx(db.conn, Transaction::Mode::Immediate);
        dao.insert_many(db.conn, many_rows(5));
        tx.commit();
    }
    CHECK(dao.count(db.conn) == 5);
}

TEST_CASE("sqlite: dao: values that do not fit their C++ type are errors naming the column") {
    Db db;
    const SamplesDao dao;
    const SamplesRow a = dao.insert(db.conn, upper_row());
    // SQLite does not enforce a column's width: a smallint holding 70000 cannot be read into std::int16_t.
    db.conn.exec("UPDATE samples SET small = 70000 WHERE id = 1");
    CHECK(contains(error_of([&] { dao.find_by_id(db.conn, a.id); }), "column \"small\": 70000 is out of range for its C++ type [-32768, 32767]"));
    db.conn.exec("UPDATE samples SET small = 1, flag = 2 WHERE id = 1");
    CHECK(contains(error_of([&] { dao.find_by_id(db.conn, a.id); }), "column \"flag\": 2 is not a boolean (0 or 1)"));
    db.conn.exec("UPDATE samples SET flag = 1, big = 'many' WHERE id = 1");
    CHECK(contains(error_of([&] { dao.find_by_id(db.conn, a.id); }), "column \"big\": a TEXT value where an integer belongs"));
    db.conn.exec("UPDATE samples SET big = 1.5 WHERE id = 1");
    CHECK(contains(error_of([&] { dao.find_by_id(db.conn, a.id); }), "column \"big\": the REAL 1.5 is not an integer"));
    db.conn.exec("UPDATE samples SET big = 2.0, exact = 'abc' WHERE id = 1");
    CHECK(contains(error_of([&] { dao.find_by_id(db.conn, a.id); }), "column \"exact\": invalid numeric \"abc\""));
    db.conn.exec("UPDATE samples SET exact = 1, ratio = x'00' WHERE id = 1");
    CHECK(contains(error_of([&] { dao.find_by_id(db.conn, a.id); }), "column \"ratio\": a BLOB value where a number belongs"));
    db.conn.exec("UPDATE samples SET ratio = 1 WHERE id = 1");
    const auto fixed = dao.find_by_id(db.conn, a.id);
    REQUIRE(fixed);
    CHECK(fixed->big == 2);   // 2.0 in an integer column: SQLite stores the INTEGER 2
    CHECK(fixed->ratio == 1.0);

    // NULL into a type that is not std::optional; NaN, which SQLite would store as NULL.
    auto st = db.conn.statement("SELECT NULL AS missing");
    REQUIRE(st.step());
    std::int64_t v = 0;
    CHECK(contains(error_of([&] { st.read(0, v); }), "column \"missing\": is NULL, read into a type that is not std::optional"));
    SamplesNew nan = upper_row();
    nan.code = "nan";
    nan.precise = std::nan("");
    try {
        dao.insert(db.conn, nan);
        FAIL("a NaN was bound");
    } catch (const Error& e) {
        CHECK(e.code() == SQLITE_MISMATCH);
        CHECK(contains(e.what(), "is NaN, which SQLite would store as NULL"));
    }
    // SQLite's own errors keep its extended code and message, on one line.
    try {
        dao.insert(db.conn, upper_row());   // code "upper" again
        FAIL("a duplicate was inserted");
    } catch (const Error& e) {
        CHECK(e.code() == SQLITE_CONSTRAINT_UNIQUE);
        CHECK(std::string(e.what()).starts_with("UNIQUE constraint failed: samples.code (in: INSERT INTO samples (code, "));
        CHECK_FALSE(contains(e.what(), "\n"));
    }
}

TEST_CASE("sqlite: dao: named queries bind their $n by name and read columns by name") {
    Db db;
    const SamplesDao dao;
    const TagsDao tags;
    const SamplesRow a = dao.insert(db.conn, upper_row());
    SamplesNew other = lower_row();
    const SamplesRow b = dao.insert(db.conn, other);
    tags.insert(db.conn, TagsNew{a.id, "red", std::int64_t{5}});
    tags.insert(db.conn, TagsNew{b.id, "red", std::int64_t{4}});
    tags.insert(db.conn, TagsNew{a.id, "blue", std::int64_t{3}});
    tags.insert(db.conn, TagsNew{b.id, "green", std::int64_t{1}});

    const auto totals = db::main::tag_totals(db.conn, 3);
    REQUIRE(totals.size() == 2);
    CHECK(totals[0] == db::main::TagTotalsRow{"red", 9});
    CHECK(totals[1] == db::main::TagTotalsRow{"blue", 3});
    CHECK(db::main::tag_totals(db.conn, 100).empty());

    // SELECT *: the table's row, its columns found by name.
    CHECK(db::main::sample_by_code(db.conn, "") == b);
    CHECK_FALSE(db::main::sample_by_code(db.conn, "nobody"));

    // $2 comes before $1 in the SQL: bound by name, not by position.
    CHECK(db::main::retag(db.conn, "red", "crimson") == 2);
    CHECK(db::main::retag(db.conn, "red", "crimson") == 0);
    CHECK(tags.find_by_sample_id_and_tag(db.conn, a.id, "crimson"));
}

TEST_CASE("sqlite: dao: the embedded migrations are the planned ones and the runner applies them for the DAO") {
    const auto& embedded = db::embedded_migrations();
    REQUIRE(embedded.size() == 1);
    const std::string up(embedded[0].up);
    CHECK(up == schemac::test::read_file(kCase / "migrations" / std::string(embedded[0].up_file)));
    CHECK(contains(up, planned_up()));   // the file: a header, then what the planner writes

    Scratch scratch;
    const fs::path file = scratch.file("app.db");
    schemac::RunnerOptions options;
    options.conninfo = "sqlite:" + file.string();
    schemac::Runner runner(db::migration_set(), options);
    CHECK(runner.apply({}).to_version == 1);
    Connection conn(file.string());
    const SamplesDao dao;
    const SamplesRow a = dao.insert(conn, upper_row());
    CHECK(dao.find_by_id(conn, a.id) == a);
    CHECK(runner.status().current_version == 1);
}

TEST_CASE("sqlite: dao: statements are prepared once per connection and transactions roll back unless committed") {
    Scratch scratch;
    Connection conn(scratch.file("t.db").string());
    conn.exec("CREATE TABLE t (v INTEGER)");
    sqlite3_stmt* first = nullptr;
    {
        auto st = conn.statement("INSERT INTO t (v) VALUES (?1)");
        first = st.get();
        st.bind_next(std::int64_t{1});
        st.run();
        CHECK(st.changes() == 1);
    }
    {
        auto again = conn.statement("INSERT INTO t (v) VALUES (?1)");
        CHECK(again.get() == first);   // from the cache, reset and cleared
        auto while_in_use = conn.statement("INSERT INTO t (v) VALUES (?1)");
        CHECK(while_in_use.get() != first);   // the cached one is busy: another one
    }
    {
        Transaction tx(conn);
        conn.exec("INSERT INTO t (v) VALUES (2)");
    }
    {
        Transaction tx(conn);
        conn.exec("INSERT INTO t (v) VALUES (3)");
        tx.commit();
    }
    auto count = conn.statement("SELECT group_concat(v) FROM t");
    REQUIRE(count.step());
    std::string values;
    count.read(0, values);
    CHECK(values == "1,3");
    CHECK(contains(error_of([&] { conn.statement("SELECT * FROM nowhere"); }), "no such table: nowhere (in: SELECT * FROM nowhere)"));
    CHECK(contains(error_of([&] { conn.statement("SELECT 1; SELECT 2"); }), "more than one statement"));
    CHECK(contains(error_of([] { Connection c("/nonexistent/dir/x.db"); }), "cannot open /nonexistent/dir/x.db"));
}
