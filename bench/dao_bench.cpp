// Generated DAOs (bench/dao/cpp, from bench/dao/schema.yaml) against the same
// work written by hand with libpqxx 6.4 (bench/dao/hand/hand_ticks.cpp), side by
// side in one process. Driven by bench/dao_bench.sh, which starts the database;
// results in docs/performance.md ("Generated DAOs").
//
// Benchmark mode (Google Benchmark; any --benchmark_* flag is passed on):
//   dao_bench --db READ_CONNINFO --write-db WRITE_CONNINFO [--insert-rounds N] [--read-rounds N] [--benchmark_...]
//     READ_CONNINFO   a database whose bench.ticks holds the rows of
//                     `--copy-rows N` (the read benchmarks check the count)
//     WRITE_CONNINFO  a database with bench.ticks for the insert benchmarks
//                     (each truncates it before it starts)
//   paired/insert/own_tx:{0,1}/preset:{0,1}, paired/read: every variant once
//   per round, in an order that rotates from round to round, each timed on its
//   own; the counters are each variant's median wall time, mean CPU time and
//   the ratios (what bench/dao_bench.sh reports). preset:1 sets two session
//   variables itself first (see BM_Paired_Insert). insert/..., read/...: one
//   variant each (for profiling one of them).
//
// Command-line modes (for hyperfine and for the script's set-up):
//   dao_bench --db CONNINFO --copy-rows N    TicksDao::insert_many of rows 0..N-1,
//                                            one transaction; phase times on stderr
//   dao_bench --db CONNINFO --hand-copy-rows N   the same through libpqxx's stream_to
//   dao_bench --db CONNINFO --copy-rows N --flush-bytes B   insert_many's formatting, but
//                                            sent through schemac::pg::CopyWriter in B-byte
//                                            CopyData messages (insert_many: 8 KB; before, and
//                                            CopyWriter's default: 256 KB)
//   dao_bench --build-rows N                 only build those rows in memory (no database)
//   dao_bench --write-copy-file PATH --rows N   the same rows as COPY text, for psql's \copy
//
// Rows are a pure function of their number (tick(i)): ten symbols, a
// microsecond timestamp, a 6-decimal price, a quantity, the side, and a note on
// one row in ten (one note in a thousand has a tab and a backslash, so COPY
// escaping is exercised).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>
#include <schemac/postgres/pg_codec.hpp>
#include <schemac/postgres/values.hpp>
#include <schemac/dao/dao.hpp>

#include "bench/ticks.hpp"
#include "hand/hand_ticks.hpp"

namespace {

using db::bench::TickSide;
using db::bench::TicksDao;
using db::bench::TicksNew;
using db::bench::TicksRow;

// ---------------------------------------------------------------------------
// The rows

const char* const kSymbols[] = {"BTCUSD", "ETHUSD", "SOLUSD", "XRPUSD", "ADAUSD",
                                "DOGEUSD", "AVAXUSD", "LINKUSD", "DOTUSD", "LTCUSD"};
constexpr int kSymbolCount = 10;

std::uint64_t mix(std::uint64_t x) {  // splitmix64
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

TicksNew tick(std::uint64_t i) {
    const std::uint64_t h = mix(i);
    TicksNew t;
    t.symbol = kSymbols[i % kSymbolCount];
    // 2024-03-01 00:00:00 UTC plus 1.000123 s per row: every row a distinct microsecond.
    t.ts = schemac::Timestamp(std::chrono::microseconds(1709251200000000LL + static_cast<std::int64_t>(i) * 1000123));
    char price[32];
    const std::uint64_t micros = 100000000ULL + h % 5000000000000ULL;  // 100.000000 .. 5,000,100.000000
    std::snprintf(price, sizeof price, "%" PRIu64 ".%06" PRIu64, micros / 1000000, micros % 1000000);
    t.price = schemac::pg::from_text<schemac::Decimal>(price);
    t.qty = static_cast<std::int64_t>(1 + (h >> 20) % 100000);
    t.side = (h >> 40) & 1 ? TickSide::buy : TickSide::sell;
    if (i % 10 == 3) t.note = i % 1000 == 3 ? "manual\tfill \\ desk 7" : "iceberg order, venue 2";
    return t;
}

std::vector<TicksNew> build_rows(std::size_t n) {
    std::vector<TicksNew> rows;
    rows.reserve(n);
    for (std::size_t i = 0; i < n; ++i) rows.push_back(tick(i));
    return rows;
}

// Everything a consumer of the rows would touch, so no field can be skipped.
struct Checksum {
    std::uint64_t sum = 0, rows = 0;
    void add(const TicksRow& r) {
        sum += static_cast<std::uint64_t>(r.id) + static_cast<std::uint64_t>(r.qty) + r.symbol.size() + r.price.text().size() +
               static_cast<std::uint64_t>(r.ts.time_since_epoch().count()) + static_cast<std::uint64_t>(r.side) +
               (r.note ? r.note->size() : 0);
        ++rows;
    }
};

// The hand-written libpqxx side is bench/dao/hand/hand_ticks.cpp: the same
// operations with the same row structs and the same value conversions
// (schemac::pg::to_text / from_text for timestamptz and numeric, which
// libpqxx 6.4 has no conversion for), so that the difference is the DAO's
// plumbing alone.

// ---------------------------------------------------------------------------
// Benchmark state: one connection per database, opened once.

std::string g_read_db, g_write_db;
std::size_t g_read_rows = 0;  // what bench.ticks holds in the read database

struct Conn {
    std::unique_ptr<pqxx::connection> conn;
    std::unique_ptr<TicksDao> dao;
};

Conn& conn_for(const std::string& conninfo) {
    static std::vector<std::pair<std::string, Conn>> open;
    for (auto& [info, c] : open)
        if (info == conninfo) return c;
    Conn c;
    c.conn = std::make_unique<pqxx::connection>(conninfo);
    c.dao = std::make_unique<TicksDao>(*c.conn);  // session settings (UTC, ISO, ...): the hand code reads under them too
    hand::prepare(*c.conn);
    open.emplace_back(conninfo, std::move(c));
    return open.back().second;
}

void truncate_write_table(pqxx::connection& c) {
    pqxx::work tx(c);
    tx.exec0("TRUNCATE bench.ticks RESTART IDENTITY");
    tx.commit();
}

// --- a. single-row insert. range(0): 0 = every iteration in one transaction
// (committed after the timed loop), 1 = every iteration its own transaction
// (BEGIN, INSERT, COMMIT: three round trips).

template <class Insert>
void run_insert(benchmark::State& state, Insert&& insert) {
    Conn& c = conn_for(g_write_db);
    truncate_write_table(*c.conn);
    const bool own_tx = state.range(0) == 1;
    std::vector<TicksNew> rows = build_rows(4096);
    std::uint64_t i = 0, check = 0;
    if (own_tx) {
        for (auto _ : state) {
            pqxx::work tx(*c.conn);
            check += insert(tx, *c.dao, rows[i++ % rows.size()]);
            tx.commit();
        }
    } else {
        pqxx::work tx(*c.conn);
        for (auto _ : state) check += insert(tx, *c.dao, rows[i++ % rows.size()]);
        tx.commit();
    }
    benchmark::DoNotOptimize(check);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_Insert_Dao(benchmark::State& state) {
    run_insert(state, [](pqxx::transaction_base& tx, const TicksDao& dao, const TicksNew& t) {
        const TicksRow r = dao.insert(tx, t);
        return static_cast<std::uint64_t>(r.id);
    });
}

void BM_Insert_HandReturningId(benchmark::State& state) {
    run_insert(state, [](pqxx::transaction_base& tx, const TicksDao&, const TicksNew& t) {
        return static_cast<std::uint64_t>(hand::insert_returning_id(tx, t));
    });
}

// Like for like with the DAO, which returns the whole stored row.
void BM_Insert_HandReturningRow(benchmark::State& state) {
    run_insert(state, [](pqxx::transaction_base& tx, const TicksDao&, const TicksNew& t) {
        return static_cast<std::uint64_t>(hand::insert_returning_row(tx, t).id);
    });
}

// --- c. reading every row into TicksRow. One iteration = all rows, in a
// read-only transaction.

template <class Read>
void run_read(benchmark::State& state, Read&& read) {
    Conn& c = conn_for(g_read_db);
    Checksum sum;
    for (auto _ : state) {
        sum = {};
        pqxx::read_transaction tx(*c.conn);
        read(tx, *c.dao, sum);
        tx.commit();
        if (sum.rows != g_read_rows) {
            state.SkipWithError("wrong row count");
            return;
        }
    }
    benchmark::DoNotOptimize(sum.sum);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * sum.rows));
}

void BM_Read_DaoForEach(benchmark::State& state) {
    run_read(state, [](pqxx::transaction_base& tx, const TicksDao& dao, Checksum& sum) {
        dao.for_each(tx, [&](const TicksRow& r) { sum.add(r); });
    });
}

// One SELECT of every row, the whole result in memory, then field by field.
void BM_Read_HandSelect(benchmark::State& state) {
    run_read(state, [](pqxx::transaction_base& tx, const TicksDao&, Checksum& sum) {
        hand::select_all(tx, [&](const TicksRow& r) { sum.add(r); });
    });
}

// libpqxx's own COPY reader (stream_from) with its tuple conversion: the
// hand-written counterpart of for_each.
void BM_Read_HandStreamFrom(benchmark::State& state) {
    run_read(state, [](pqxx::transaction_base& tx, const TicksDao&, Checksum& sum) {
        hand::for_each(tx, [&](const TicksRow& r) { sum.add(r); });
    });
}

// list_by_symbol for each of the ten symbols (every row once, in index order).
void BM_Read_DaoListBySymbol(benchmark::State& state) {
    run_read(state, [](pqxx::transaction_base& tx, const TicksDao& dao, Checksum& sum) {
        for (const char* s : kSymbols)
            for (const TicksRow& r : dao.list_by_symbol(tx, s)) sum.add(r);
    });
}

// The same statement prepared by hand, into a vector as list_by_symbol returns.
void BM_Read_HandListBySymbol(benchmark::State& state) {
    run_read(state, [](pqxx::transaction_base& tx, const TicksDao&, Checksum& sum) {
        for (const char* s : kSymbols)
            for (const TicksRow& r : hand::list_by_symbol(tx, s)) sum.add(r);
    });
}

// ---------------------------------------------------------------------------
// Side by side in the same rounds: each iteration of a "paired" benchmark runs
// every variant once, in an order that rotates from one iteration to the next,
// and times each on its own (wall clock, and this thread's CPU time). On a
// loaded machine the variants thus share the same moments of load; the
// counters give each variant's median wall time, its mean CPU time, and the
// ratios of the medians.

std::size_t g_insert_rounds = 5000, g_read_rounds = 5;

double thread_cpu_us() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

struct Samples {
    std::vector<double> wall_us, cpu_us;
};

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double mean(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0 : s / static_cast<double>(v.size());
}

template <class Op>
void timed(Samples& s, Op&& op) {
    const auto w0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_us();
    op();
    s.cpu_us.push_back(thread_cpu_us() - c0);
    s.wall_us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - w0).count());
}

// Counters: NAME_wall (median), NAME_wall_mean, NAME_cpu (mean), in `unit`
// (1 = microseconds, 1000 = milliseconds); then A/B for each pair (ratio of
// the median wall times) and A/B_rounds (median of the per-round ratios).
void report(benchmark::State& state, const std::vector<std::string>& names, const std::vector<Samples>& samples, double unit,
            const std::vector<std::pair<int, int>>& pairs) {
    for (std::size_t v = 0; v < names.size(); ++v) {
        state.counters[names[v] + "_wall"] = median(samples[v].wall_us) / unit;
        state.counters[names[v] + "_wall_mean"] = mean(samples[v].wall_us) / unit;
        state.counters[names[v] + "_cpu"] = mean(samples[v].cpu_us) / unit;
    }
    for (const auto& [a, b] : pairs) {
        const auto& sa = samples[static_cast<std::size_t>(a)].wall_us;
        const auto& sb = samples[static_cast<std::size_t>(b)].wall_us;
        std::vector<double> per_round;
        for (std::size_t i = 0; i < sa.size() && i < sb.size(); ++i) per_round.push_back(sa[i] / sb[i]);
        const std::string key = names[static_cast<std::size_t>(a)] + "/" + names[static_cast<std::size_t>(b)];
        state.counters[key] = median(sa) / median(sb);
        state.counters[key + "_rounds"] = median(per_round);
        state.counters[key + "_cpu"] = mean(samples[static_cast<std::size_t>(a)].cpu_us) / mean(samples[static_cast<std::size_t>(b)].cpu_us);
    }
}

// a. range(0) as in run_insert; variants dao, hand_id, hand_row, all on one
// fresh connection. range(1) = 1 ("preset"): the application has set
// bytea_output and extra_float_digits itself (set_variable) before making the
// DAO. The generated methods call prepare_session, which asks libpqxx for
// five settings; libpqxx answers from its record of what set_variable set,
// else with a SHOW round trip; prepare_session sets only the settings whose
// server value differs, and these two are already at their defaults (hex, 1),
// so on a plain connection they never enter the record and every DAO call
// sends two SHOWs (docs/performance.md). preset:1 shows the DAO without them.
void BM_Paired_Insert(benchmark::State& state) {
    const bool own_tx = state.range(0) == 1, preset = state.range(1) == 1;
    pqxx::connection conn(g_write_db);
    if (preset) {
        conn.set_variable("bytea_output", "hex");
        conn.set_variable("extra_float_digits", "1");
    }
    const TicksDao dao(conn);
    hand::prepare(conn);
    truncate_write_table(conn);
    const std::vector<std::string> names{"dao", "hand_id", "hand_row"};
    const std::vector<TicksNew> rows = build_rows(4096);
    std::vector<Samples> samples(names.size());
    for (auto& s : samples) s.wall_us.reserve(g_insert_rounds), s.cpu_us.reserve(g_insert_rounds);
    std::uint64_t i = 0, check = 0;
    std::unique_ptr<pqxx::work> shared;
    if (!own_tx) shared = std::make_unique<pqxx::work>(conn);
    const auto one = [&](std::size_t v, const TicksNew& t) {
        std::unique_ptr<pqxx::work> own;
        if (own_tx) own = std::make_unique<pqxx::work>(conn);
        pqxx::transaction_base& tx = own_tx ? *own : *shared;
        if (v == 0) check += static_cast<std::uint64_t>(dao.insert(tx, t).id);
        else if (v == 1) check += static_cast<std::uint64_t>(hand::insert_returning_id(tx, t));
        else check += static_cast<std::uint64_t>(hand::insert_returning_row(tx, t).id);
        if (own_tx) own->commit();
    };
    for (auto _ : state) {
        const TicksNew& t = rows[i % rows.size()];
        for (std::size_t k = 0; k < names.size(); ++k) {
            const std::size_t v = (i + k) % names.size();
            timed(samples[v], [&] { one(v, t); });
        }
        ++i;
    }
    if (shared) shared->commit();
    benchmark::DoNotOptimize(check);
    report(state, names, samples, 1, {{0, 1}, {0, 2}, {2, 1}});
}

// c. Variants: for_each (COPY) against hand-written SELECT and stream_from;
// list_by_symbol x10 against the same by hand. Each reads every row.
void BM_Paired_Read(benchmark::State& state) {
    Conn& c = conn_for(g_read_db);
    const std::vector<std::string> names{"dao_for_each", "hand_select", "hand_stream_from", "dao_list", "hand_list"};
    std::vector<Samples> samples(names.size());
    std::uint64_t i = 0, check = 0;
    bool wrong = false;
    const auto one = [&](std::size_t v) {
        Checksum sum;
        const auto add = [&](const TicksRow& r) { sum.add(r); };
        pqxx::read_transaction tx(*c.conn);
        switch (v) {
            case 0: c.dao->for_each(tx, add); break;
            case 1: hand::select_all(tx, add); break;
            case 2: hand::for_each(tx, add); break;
            case 3:
                for (const char* s : kSymbols)
                    for (const TicksRow& r : c.dao->list_by_symbol(tx, s)) sum.add(r);
                break;
            default:
                for (const char* s : kSymbols)
                    for (const TicksRow& r : hand::list_by_symbol(tx, s)) sum.add(r);
                break;
        }
        tx.commit();
        wrong = wrong || sum.rows != g_read_rows;
        check += sum.sum;
    };
    for (auto _ : state) {
        for (std::size_t k = 0; k < names.size(); ++k) {
            const std::size_t v = (i + k) % names.size();
            timed(samples[v], [&] { one(v); });
        }
        ++i;
    }
    if (wrong) state.SkipWithError("a variant read a wrong number of rows");
    benchmark::DoNotOptimize(check);
    report(state, names, samples, 1000, {{0, 1}, {0, 2}, {3, 4}});
    state.counters["rows"] = static_cast<double>(g_read_rows);
}

// ---------------------------------------------------------------------------
// Command-line modes

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// How a COPY is sent: the generated insert_many, libpqxx's stream_to
// (hand_ticks.cpp), or insert_many's own formatting written out with
// schemac::pg::CopyWriter given another message size (insert_many sends
// CopyRowWriter::kFlushBytes, 8 KB; it sent CopyWriter's default of 256 KB
// before, which bench/dao_bench.sh measures next to it).
enum class CopyWay { dao, hand, chunked };

std::size_t copy_chunked(pqxx::transaction_base& tx, const std::vector<TicksNew>& rows, std::size_t flush_bytes) {
    // What the generated insert_many does through CopyRowWriter, field by field.
    schemac::pg::CopyWriter w(tx, "bench.ticks (symbol, ts, price, qty, side, note)", flush_bytes);
    for (const TicksNew& t : rows) {
        w.field(t.symbol);
        w.field(t.ts);
        w.field(t.price);
        w.field(t.qty);
        w.field(t.side);
        w.field(t.note);
        w.end_line();
    }
    w.complete();
    return w.rows();
}

int copy_rows(const std::string& conninfo, std::size_t n, CopyWay way, std::size_t flush_bytes) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<TicksNew> rows = build_rows(n);
    const double built = seconds_since(t0);
    pqxx::connection conn(conninfo);
    TicksDao dao(conn);
    const auto t1 = std::chrono::steady_clock::now();
    pqxx::work tx(conn);
    const std::size_t written = way == CopyWay::hand    ? hand::insert_many(tx, rows)
                                : way == CopyWay::dao   ? dao.insert_many(tx, rows)
                                                        : copy_chunked(tx, rows, flush_bytes);
    tx.commit();
    const double inserted = seconds_since(t1);
    const std::string what = way == CopyWay::hand  ? "stream_to"
                             : way == CopyWay::dao ? "insert_many"
                                                   : "CopyWriter(" + std::to_string(flush_bytes) + " B chunks)";
    std::fprintf(stderr, "dao_bench: built %zu rows in %.3f s, %s + commit %.3f s, total %.3f s\n", written, built,
                 what.c_str(), inserted, seconds_since(t0));
    return written == n ? 0 : 1;
}

// The rows exactly as insert_many sends them (the same codecs and escaping).
int write_copy_file(const std::string& path, std::size_t n) {
    std::ofstream out(path, std::ios::binary);
    std::string line, scratch;
    for (std::size_t i = 0; i < n; ++i) {
        const TicksNew t = tick(i);
        line.clear();
        const auto field = [&](const auto& v) {
            if (!line.empty()) line += '\t';
            scratch.clear();
            schemac::pg::Codec<std::remove_cvref_t<decltype(v)>>::write(scratch, v);
            schemac::pg::append_copy_field(line, scratch);
        };
        field(t.symbol);
        field(t.ts);
        field(t.price);
        field(t.qty);
        field(t.side);
        if (t.note) field(*t.note);
        else line += "\t\\N";
        line += '\n';
        out << line;
    }
    out.close();
    if (!out) {
        std::fprintf(stderr, "dao_bench: cannot write %s\n", path.c_str());
        return 1;
    }
    return 0;
}

std::size_t count_rows(const std::string& conninfo) {
    pqxx::connection conn(conninfo);
    TicksDao dao(conn);
    pqxx::read_transaction tx(conn);
    return static_cast<std::size_t>(dao.count(tx));
}

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "dao_bench: %s\nusage: dao_bench --db CONNINFO --write-db CONNINFO [--benchmark_...]\n"
                 "       dao_bench --db CONNINFO --copy-rows N [--flush-bytes B] | --hand-copy-rows N\n"
                 "       dao_bench --build-rows N\n"
                 "       dao_bench --write-copy-file PATH --rows N\n",
                 why);
    std::exit(2);
}

std::size_t parse_count(const char* s) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(s, &end, 10);
    if (!*s || *end) usage("not a row count");
    return static_cast<std::size_t>(v);
}

}  // namespace

int main(int argc, char** argv) {
    std::optional<std::size_t> copy_n, build_n, rows_n;
    bool hand_copy = false;
    std::optional<std::size_t> flush_bytes;
    std::string copy_file;
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const auto value = [&]() -> const char* {
            if (i + 1 >= argc) usage("missing value");
            return argv[++i];
        };
        if (a == "--db") g_read_db = value();
        else if (a == "--write-db") g_write_db = value();
        else if (a == "--copy-rows") copy_n = parse_count(value());
        else if (a == "--hand-copy-rows") copy_n = parse_count(value()), hand_copy = true;
        else if (a == "--build-rows") build_n = parse_count(value());
        else if (a == "--write-copy-file") copy_file = value();
        else if (a == "--rows") rows_n = parse_count(value());
        else if (a == "--flush-bytes") flush_bytes = parse_count(value());
        else if (a == "--insert-rounds") g_insert_rounds = parse_count(value());
        else if (a == "--read-rounds") g_read_rounds = parse_count(value());
        else rest.push_back(argv[i]);
    }
    try {
        if (build_n) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto rows = build_rows(*build_n);
            benchmark::DoNotOptimize(rows.data());
            std::fprintf(stderr, "dao_bench: built %zu rows in %.3f s\n", rows.size(), seconds_since(t0));
            return 0;
        }
        if (!copy_file.empty()) {
            if (!rows_n) usage("--write-copy-file needs --rows N");
            return write_copy_file(copy_file, *rows_n);
        }
        if (copy_n) {
            if (g_read_db.empty()) usage("--copy-rows needs --db");
            if (flush_bytes && (hand_copy || *flush_bytes == 0)) usage("--flush-bytes goes with --copy-rows, and is at least 1");
            return copy_rows(g_read_db, *copy_n, hand_copy ? CopyWay::hand : flush_bytes ? CopyWay::chunked : CopyWay::dao,
                             flush_bytes.value_or(0));
        }
        if (g_read_db.empty() || g_write_db.empty()) usage("benchmarks need --db and --write-db");
        g_read_rows = count_rows(g_read_db);
        if (g_read_rows == 0) usage("bench.ticks of --db is empty: load it with --copy-rows N first");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dao_bench: %s\n", e.what());
        return 1;
    }

    for (const auto& [name, fn] : {std::pair{"insert/dao", &BM_Insert_Dao},
                                   std::pair{"insert/hand_returning_id", &BM_Insert_HandReturningId},
                                   std::pair{"insert/hand_returning_row", &BM_Insert_HandReturningRow}}) {
        benchmark::RegisterBenchmark(name, fn)->ArgName("own_tx")->Arg(0)->Arg(1)->MinTime(1.0)->Unit(benchmark::kMicrosecond)->UseRealTime();
    }
    for (const auto& [name, fn] : {std::pair{"read/dao_for_each", &BM_Read_DaoForEach},
                                   std::pair{"read/hand_select", &BM_Read_HandSelect},
                                   std::pair{"read/hand_stream_from", &BM_Read_HandStreamFrom},
                                   std::pair{"read/dao_list_by_symbol_x10", &BM_Read_DaoListBySymbol},
                                   std::pair{"read/hand_list_by_symbol_x10", &BM_Read_HandListBySymbol}}) {
        benchmark::RegisterBenchmark(name, fn)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
    }
    benchmark::RegisterBenchmark("paired/insert", &BM_Paired_Insert)
        ->ArgNames({"own_tx", "preset"})->Args({0, 0})->Args({1, 0})->Args({0, 1})->Args({1, 1})->Iterations(static_cast<benchmark::IterationCount>(g_insert_rounds))
        ->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::RegisterBenchmark("paired/read", &BM_Paired_Read)
        ->Iterations(static_cast<benchmark::IterationCount>(g_read_rounds))->Unit(benchmark::kSecond)->UseRealTime();
    int bargc = static_cast<int>(rest.size());
    benchmark::Initialize(&bargc, rest.data());
    if (benchmark::ReportUnrecognizedArguments(bargc, rest.data())) return 2;
    try {
        benchmark::RunSpecifiedBenchmarks();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dao_bench: %s\n", e.what());
        return 1;
    }
    benchmark::Shutdown();
    return 0;
}
