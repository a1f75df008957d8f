#include "watch.hpp"

#include <pqxx/pqxx>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "connection.hpp"

namespace schemac::migrate::postgres {

namespace {

using Clock = std::chrono::steady_clock;

std::string seconds(Clock::duration d) { return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(d).count()) + "s"; }

// One line about the session now: what it waits for, who holds it, and the
// phase of an index build.
std::string describe(pqxx::connection& c, int pid) {
    pqxx::nontransaction tx{c};
    const auto r = tx.exec_params(
        "SELECT a.wait_event_type, a.wait_event, pg_blocking_pids(a.pid), "
        "(SELECT p.phase || coalesce(' ' || p.blocks_done || '/' || nullif(p.blocks_total, 0) || ' blocks', '') "
        "   FROM pg_stat_progress_create_index p WHERE p.pid = a.pid) "
        "FROM pg_stat_activity a WHERE a.pid = $1",
        pid);
    if (r.empty()) return "";
    std::string line;
    if (!r[0][3].is_null()) line += "; index build: " + std::string(r[0][3].c_str());
    if (!r[0][0].is_null() && std::string(r[0][0].c_str()) == "Lock") {
        line += "; waiting for a lock (" + std::string(r[0][1].c_str()) + ")";
        const auto holders = tx.exec_params(
            "SELECT pid, coalesce(state, ''), coalesce(extract(epoch FROM now() - xact_start)::bigint, 0), "
            "coalesce(usename, ''), coalesce(application_name, '') FROM pg_stat_activity WHERE pid = ANY($1::int[]) ORDER BY pid",
            r[0][2].c_str());
        for (const auto& h : holders) {
            // Never the holder's query: its text may hold a password (ALTER ROLE ... PASSWORD).
            const std::string app = h[4].c_str();
            line += ", held by pid " + std::string(h[0].c_str()) + " (role " + h[3].c_str() + (app.empty() ? "" : ", " + app) + ", " +
                    h[1].c_str() + ", transaction open " + h[2].c_str() + "s)";
        }
    }
    return line;
}

class SessionWatch final : public Watch {
public:
    SessionWatch(const std::string& conninfo, int pid, std::function<void(const std::string&)> report,
                 std::chrono::milliseconds every, std::chrono::milliseconds max)
        : conninfo_(conninfo), pid_(pid), report_(std::move(report)), every_(every), max_(max), started_(Clock::now()) {
        thread_ = std::thread([this] { run(); });
    }
    ~SessionWatch() override {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    bool cancelled() const override { return cancelled_; }

private:
    void run() {
        std::unique_ptr<pqxx::connection> conn;
        const auto step = every_.count() > 0 ? every_ : max_;
        for (;;) {
            std::chrono::milliseconds wait = step;
            if (max_.count() > 0 && !cancelled_) {
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(started_ + max_ - Clock::now());
                wait = std::min(wait, std::max(left, std::chrono::milliseconds(1)));
            }
            {
                std::unique_lock lock(mutex_);
                if (wake_.wait_for(lock, wait, [this] { return stop_; })) return;
            }
            const auto elapsed = Clock::now() - started_;
            try {
                if (!conn) conn = detail::connect(conninfo_);
                if (max_.count() > 0 && !cancelled_ && elapsed >= max_) {
                    // Marked before the cancel is sent: the runner can see the cancelled
                    // statement's error before this thread returns from pg_cancel_backend.
                    cancelled_ = true;
                    try {
                        pqxx::nontransaction tx{*conn};
                        tx.exec_params("SELECT pg_cancel_backend($1)", pid_);
                    } catch (...) {
                        cancelled_ = false;   // not sent: the next beat tries again
                        throw;
                    }
                    report_("running " + seconds(elapsed) + ": longer than max_duration, its statement is cancelled");
                    continue;
                }
                if (every_.count() > 0) report_("running " + seconds(elapsed) + describe(*conn, pid_));
            } catch (const std::exception& e) {
                // A heartbeat that cannot look says so once a beat; the migration goes on.
                report_("running " + seconds(elapsed) + " (cannot look at the session: " + detail::one_line(e.what()) + ")");
                conn.reset();
            }
        }
    }

    std::string conninfo_;
    int pid_;
    std::function<void(const std::string&)> report_;
    std::chrono::milliseconds every_, max_;
    Clock::time_point started_;
    std::atomic<bool> cancelled_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace

std::unique_ptr<Watch> watch_session(const std::string& conninfo, int pid, std::function<void(const std::string&)> report,
                                     std::chrono::milliseconds every, std::chrono::milliseconds max) {
    return std::make_unique<SessionWatch>(conninfo, pid, std::move(report), every, max);
}

}  // namespace schemac::migrate::postgres
