#include "watch.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace schemac::migrate::sqlite {

namespace {

using Clock = std::chrono::steady_clock;

std::string seconds(Clock::duration d) { return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(d).count()) + "s"; }

class SessionWatch final : public Watch {
public:
    SessionWatch(Interrupts& session, std::function<void(const std::string&)> report, std::chrono::milliseconds every,
                 std::chrono::milliseconds max)
        : session_(session), report_(std::move(report)), every_(every), max_(max), started_(Clock::now()) {
        session_.cancel = false;
        session_.cancelled = false;
        thread_ = std::thread([this] { run(); });
    }
    ~SessionWatch() override {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
        session_.cancel = false;   // the next file starts without it
    }
    bool cancelled() const override { return session_.cancelled; }

private:
    void run() {
        const auto step = every_.count() > 0 ? every_ : max_;
        bool cancelling = false;
        for (;;) {
            std::chrono::milliseconds wait = step;
            if (max_.count() > 0 && !cancelling) {
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(started_ + max_ - Clock::now());
                wait = std::min(wait, std::max(left, std::chrono::milliseconds(1)));
            }
            {
                std::unique_lock lock(mutex_);
                if (wake_.wait_for(lock, wait, [this] { return stop_; })) return;
            }
            const auto elapsed = Clock::now() - started_;
            if (max_.count() > 0 && !cancelling && elapsed >= max_) {
                // The progress handler interrupts the statement running now,
                // or the next one the file starts.
                cancelling = true;
                session_.cancel = true;
                report_("running " + seconds(elapsed) + ": longer than max_duration, its statement is cancelled");
                continue;
            }
            if (every_.count() > 0)
                report_("running " + seconds(elapsed) +
                        (session_.waiting ? "; waiting for a lock another connection to the database holds" : ""));
        }
    }

    Interrupts& session_;
    std::function<void(const std::string&)> report_;
    std::chrono::milliseconds every_, max_;
    Clock::time_point started_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace

std::unique_ptr<Watch> watch_session(Interrupts& session, std::function<void(const std::string&)> report,
                                     std::chrono::milliseconds every, std::chrono::milliseconds max) {
    return std::make_unique<SessionWatch>(session, std::move(report), every, max);
}

}  // namespace schemac::migrate::sqlite
