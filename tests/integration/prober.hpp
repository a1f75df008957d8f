// Test helper: one statement run over and over on a connection of its own,
// each in its own transaction, 20 ms apart, until stopped. The longest run is
// how long a reader or writer was blocked while something else happened.
#pragma once
#include <pqxx/pqxx>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace schemac::test {

class Prober {
public:
    Prober(const std::string& conninfo, std::string statement) : conn_(conninfo), statement_(std::move(statement)) {
        thread_ = std::thread([this] {
            while (!stop_) {
                const auto t0 = std::chrono::steady_clock::now();
                pqxx::work tx(conn_);
                tx.exec(statement_);
                tx.commit();
                const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
                if (took > longest_) longest_ = took;
                ++runs_;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
    }
    ~Prober() {
        if (thread_.joinable()) stop();
    }
    std::chrono::milliseconds stop() {
        stop_ = true;
        thread_.join();
        return longest_;
    }
    int runs() const { return runs_; }

private:
    pqxx::connection conn_;
    std::string statement_;
    std::atomic<bool> stop_{false};
    std::chrono::milliseconds longest_{0};
    std::atomic<int> runs_{0};
    std::thread thread_;
};

}  // namespace schemac::test
