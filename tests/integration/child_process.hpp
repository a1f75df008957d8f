// Test helper: `schemac` (SCHEMAC_BINARY) as a real child process (fork +
// execve), for the tests that run the CLI against the test server.
//
// A Workdir is a temporary directory, removed at the end. Each child it starts
// runs in it (so no schemac.yaml is read unless a test writes one), with stdin
// from /dev/null, stdout and stderr written to files there, and an environment
// built from scratch: PATH, HOME (the directory), LC_ALL=C, PGPASSFILE and
// PGSYSCONFDIR pointing into the directory (no .pgpass or pg_service.conf of
// the machine), the sanitizers' *SAN_OPTIONS, and what the test adds. So no
// PG* or *DATABASE_URL variable unless a test gives one.
#pragma once
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "read_file.hpp"

namespace schemac::test {

// Writes a file of a test's scratch directory, creating its directories.
inline void write_text(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

// Variables added to a child's environment.
using Env = std::vector<std::pair<std::string, std::string>>;

// What a finished child did.
struct Outcome {
    int code = -1;        // exit code; -1 when it ended by a signal (or was killed by wait)
    int signal = 0;       // the signal that ended it, or 0
    std::string out;      // stdout
    std::string err;      // stderr
    double seconds = 0;   // from start to exit
};

// A running `schemac`; killed and reaped if a test leaves it behind.
class Child {
public:
    using Clock = std::chrono::steady_clock;

    Child(pid_t pid, std::filesystem::path out, std::filesystem::path err)
        : pid_(pid), out_(std::move(out)), err_(std::move(err)), t0_(Clock::now()) {}
    Child(Child&& o) noexcept
        : pid_(std::exchange(o.pid_, -1)), status_(o.status_), reaped_(o.reaped_), out_(std::move(o.out_)), err_(std::move(o.err_)),
          t0_(o.t0_), ended_(o.ended_) {}
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    ~Child() {
        if (pid_ > 0 && !reaped_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status_, 0);
        }
    }

    pid_t pid() const { return pid_; }

    // False once it has exited (and is reaped).
    bool running() {
        if (reaped_) return false;
        if (::waitpid(pid_, &status_, WNOHANG) == pid_) {
            reaped_ = true;
            ended_ = std::chrono::duration<double>(Clock::now() - t0_).count();
        }
        return !reaped_;
    }

    void kill9() {
        if (running()) ::kill(pid_, SIGKILL);
    }

    // Waits for the exit. A child still running after `limit` is killed and
    // the test fails (a hung child must not hang the suite).
    Outcome wait(std::chrono::seconds limit = std::chrono::seconds(60)) {
        const auto deadline = Clock::now() + limit;
        bool killed = false;
        while (running()) {
            if (Clock::now() > deadline) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, &status_, 0);
                reaped_ = killed = true;
                ended_ = std::chrono::duration<double>(Clock::now() - t0_).count();
                FAIL_CHECK("schemac (pid " << pid_ << ") still running after " << limit.count() << " s: killed");
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        Outcome o;
        if (WIFEXITED(status_)) o.code = WEXITSTATUS(status_);
        if (WIFSIGNALED(status_)) o.signal = WTERMSIG(status_);
        o.out = read_file(out_);
        o.err = read_file(err_);
        if (killed) o.err += "\n[killed: still running after " + std::to_string(limit.count()) + " s]";
        o.seconds = ended_;
        return o;
    }

private:
    pid_t pid_;
    int status_ = 0;
    bool reaped_ = false;
    std::filesystem::path out_, err_;
    Clock::time_point t0_;
    double ended_ = 0;
};

// A temporary directory (under the system's, named `<prefix>-XXXXXX`): the
// children's working directory and HOME, and their output files.
class Workdir {
public:
    explicit Workdir(const std::string& prefix) {
        std::string tmpl = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        root_ = tmpl;
    }
    ~Workdir() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    Workdir(const Workdir&) = delete;
    Workdir& operator=(const Workdir&) = delete;

    const std::filesystem::path& root() const { return root_; }

    // Starts `schemac args...` here, with the environment described at the top
    // of this file plus `extra`.
    Child start(const std::vector<std::string>& args, const Env& extra = {}) {
        const int n = ++count_;
        const std::filesystem::path out = root_ / ("stdout-" + std::to_string(n) + ".txt");
        const std::filesystem::path err = root_ / ("stderr-" + std::to_string(n) + ".txt");

        Env env = {{"PATH", "/usr/local/bin:/usr/bin:/bin"},
                   {"HOME", root_.string()},
                   {"LC_ALL", "C"},
                   {"PGPASSFILE", (root_ / "no-pgpass").string()},
                   {"PGSYSCONFDIR", root_.string()}};
        for (const char* keep : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"})
            if (const char* v = std::getenv(keep)) env.emplace_back(keep, v);
        env.insert(env.end(), extra.begin(), extra.end());

        // Everything the child needs, built before fork: after it, only
        // async-signal-safe calls.
        std::vector<std::string> argv_s{SCHEMAC_BINARY};
        argv_s.insert(argv_s.end(), args.begin(), args.end());
        std::vector<std::string> envp_s;
        for (const auto& [k, v] : env) envp_s.push_back(k + "=" + v);
        std::vector<char*> argv, envp;
        for (auto& s : argv_s) argv.push_back(s.data());
        argv.push_back(nullptr);
        for (auto& s : envp_s) envp.push_back(s.data());
        envp.push_back(nullptr);
        const std::string cwd = root_.string(), out_s = out.string(), err_s = err.string();

        const pid_t pid = ::fork();
        if (pid < 0) throw std::runtime_error("fork failed");
        if (pid == 0) {
            const int in_fd = ::open("/dev/null", O_RDONLY);
            const int out_fd = ::open(out_s.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            const int err_fd = ::open(err_s.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (in_fd < 0 || out_fd < 0 || err_fd < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(126);
            ::dup2(in_fd, 0);
            ::dup2(out_fd, 1);
            ::dup2(err_fd, 2);
            ::execve(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        return Child(pid, out, err);
    }

    // start(), then wait().
    Outcome run(const std::vector<std::string>& args, const Env& extra = {}) { return start(args, extra).wait(); }

private:
    std::filesystem::path root_;
    int count_ = 0;
};

}  // namespace schemac::test
