// Peak memory of one DAO call carrying one large bytea (bench/bytea_memory.sh):
//
//   bytea_memory --db CONNINFO --mb N --path setup|insert|insert_many|find|update|upsert|for_each
//
// `setup` stores row 1 (committed) for the read paths; every other path runs
// in a transaction that is rolled back, on a fresh connection of a fresh
// process, so no buffer of an earlier call is counted or hidden. The payload
// (N MiB) is built first; then the peak resident size is reset
// (/proc/self/clear_refs) and the call runs. Prints one line:
//   PATH <payload bytes> <peak bytes above the resident size before the call>
// The call's result (the row insert/find/upsert return, the row for_each
// hands its callback) is part of the peak: it holds the payload once.
#include <pqxx/pqxx>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

#include "bench/blobs.hpp"

namespace {

long status_kib(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) return std::stol(line.substr(std::strlen(key)));
    }
    throw std::runtime_error(std::string("no ") + key + " in /proc/self/status");
}

void reset_peak() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";   // resets VmHWM to the current resident size (Linux 4.0+)
    if (!clear.flush()) throw std::runtime_error("cannot write /proc/self/clear_refs");
}

schemac::Bytes payload(std::size_t size, unsigned seed) {
    schemac::Bytes b(size);
    for (std::size_t i = 0; i < size; ++i) b[i] = std::byte(static_cast<unsigned char>(i * 31 + seed));
    return b;
}

void expect(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error("wrong result: " + what);
}

}  // namespace

int main(int argc, char** argv) {
    std::string db, path;
    std::size_t mib = 100;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--db") db = argv[i + 1];
        else if (flag == "--path") path = argv[i + 1];
        else if (flag == "--mb") mib = std::stoul(argv[i + 1]);
        else {
            std::cerr << "bytea_memory: unknown flag " << flag << "\n";
            return 2;
        }
    }
    if (db.empty() || path.empty()) {
        std::cerr << "usage: bytea_memory --db CONNINFO --mb N --path setup|insert|insert_many|find|update|upsert|for_each\n";
        return 2;
    }
    try {
        const std::size_t size = mib << 20;
        pqxx::connection conn(db);
        const db::bench::BlobsDao dao(conn);
        if (path == "setup") {
            pqxx::work tx(conn);
            tx.exec0("DELETE FROM bench.blobs");
            dao.insert(tx, {.id = 1, .data = payload(size, 1)});
            tx.commit();
            return 0;
        }
        pqxx::work tx(conn);
        dao.count(tx);   // the session is prepared before the measurement
        const schemac::Bytes data = payload(size, 2);
        // The arguments are made before the measurement: they hold the payload
        // once each, as the caller's own data.
        const db::bench::BlobsNew new_row{.id = 2, .data = data};
        const db::bench::BlobsRow stored_row{.id = 1, .data = data};
        std::vector<db::bench::BlobsNew> rows;
        if (path == "insert_many") rows.push_back(new_row);
        const long before = status_kib("VmRSS:");
        reset_peak();
        if (path == "insert") {
            expect(dao.insert(tx, new_row).data == data, "insert");
        } else if (path == "insert_many") {
            expect(dao.insert_many(tx, rows) == 1, "insert_many");
        } else if (path == "find") {
            const auto row = dao.find_by_id(tx, 1);
            const long peak = status_kib("VmHWM:");
            expect(row && row->data == payload(size, 1), "find");   // after the measurement: it allocates
            std::printf("%s %zu %ld\n", path.c_str(), size, (peak - before) * 1024);
            return 0;
        } else if (path == "update") {
            expect(dao.update(tx, stored_row), "update");
        } else if (path == "upsert") {
            expect(dao.upsert(tx, stored_row).data == data, "upsert");
        } else if (path == "for_each") {
            std::size_t seen = 0;
            dao.for_each(tx, [&](const db::bench::BlobsRow& r) { seen += r.data.size(); });
            expect(seen == size, "for_each");
        } else {
            std::cerr << "bytea_memory: unknown path " << path << "\n";
            return 2;
        }
        const long peak = status_kib("VmHWM:");
        std::printf("%s %zu %ld\n", path.c_str(), size, (peak - before) * 1024);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bytea_memory: " << path << ": " << e.what() << "\n";
        return 1;
    }
}
