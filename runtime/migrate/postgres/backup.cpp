// pg_dump before a migration run: finding it, handing it the connection
// without a command line that shows it, and writing its archive atomically.
#include "schemac/migrate/backup.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

namespace schemac {

namespace {

namespace fs = std::filesystem;

RunnerError failure(const std::string& what) { return RunnerError(RunnerErrorKind::failure, "backup failed: " + what + "; nothing was run"); }

bool is_executable_file(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

// $PG_DUMP (a path, or a name looked up on PATH), else pg_dump on PATH, else
// where Debian installs PostgreSQL 15's, which is not on PATH by default.
std::string find_pg_dump() {
    const char* override_ = std::getenv("PG_DUMP");
    const std::string name = override_ && *override_ ? override_ : "pg_dump";
    if (name.find('/') != std::string::npos) {
        if (!is_executable_file(name)) throw failure("PG_DUMP=" + name + " is not an executable file");
        return name;
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    for (std::size_t at = 0; at <= dirs.size();) {
        std::size_t end = dirs.find(':', at);
        if (end == std::string::npos) end = dirs.size();
        const std::string dir = end > at ? dirs.substr(at, end - at) : ".";
        if (is_executable_file(dir + "/" + name)) return dir + "/" + name;
        at = end + 1;
    }
    if (name == "pg_dump" && is_executable_file("/usr/lib/postgresql/15/bin/pg_dump")) return "/usr/lib/postgresql/15/bin/pg_dump";
    throw failure(name + " was not found on PATH" + (override_ && *override_ ? " (PG_DUMP)" : " nor in /usr/lib/postgresql/15/bin") +
                  ": install the PostgreSQL client (postgresql-client-15), or set PG_DUMP to its path");
}

// The conninfo's options: those libpq also reads from a PG* variable go into
// pg_dump's environment; the few without one (keepalives, ...) into a
// key=value --dbname, which is shown, so no secret may be among them.
void add_connection(const std::string& conninfo, BackupCommand& b) {
    char* error = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &error);
    PQfreemem(error);   // its text may quote the password: the runner already connected, so this is not reached in practice
    if (!opts) throw RunnerError(RunnerErrorKind::invalid_conninfo, "the connection string cannot be parsed");
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> guard(opts, PQconninfoFree);
    std::string rest;
    for (PQconninfoOption* o = opts; o->keyword; ++o) {
        if (!o->val) continue;
        const bool secret = o->dispchar && o->dispchar[0] == '*';
        if (o->envvar) {
            b.environment.push_back({o->envvar, o->val, secret});
            continue;
        }
        if (secret) throw failure(std::string(o->keyword) + " cannot be given to pg_dump without showing it on its command line");
        std::string quoted;
        for (const char* c = o->val; *c; ++c) quoted += std::string(*c == '\'' || *c == '\\' ? "\\" : "") + *c;
        rest += (rest.empty() ? "" : " ") + std::string(o->keyword) + "='" + quoted + "'";
    }
    if (!rest.empty()) b.args.push_back("--dbname=" + rest);
}

// A file name from the database's name: letters, digits, '.', '-', '_'.
std::string file_part(const std::string& database) {
    std::string name = database.substr(database.rfind('/') + 1);
    for (char& c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) c = '_';
    if (!name.empty() && name[0] == '.') name[0] = '_';
    return name.empty() ? "database" : name.substr(0, 64);
}

std::string utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &tm);
    return text;
}

bool exists(const std::string& path) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

// pg_dump's output as one line: its lines joined, cut at 2,000 bytes.
std::string one_line(const std::string& text) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(at, end - at);
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
        if (!line.empty()) out += (out.empty() ? "" : "; ") + line;
        at = end + 1;
    }
    return out.size() > 2000 ? out.substr(0, 2000) + "…" : out;
}

// The environment pg_dump runs with: schemac's, with the connection's
// variables replacing any of the same name.
std::vector<std::string> child_environment(const BackupCommand& b) {
    std::set<std::string> ours;
    std::vector<std::string> env;
    for (const auto& v : b.environment) {
        ours.insert(v.name);
        env.push_back(v.name + "=" + v.value);
    }
    for (char** e = ::environ; e && *e; ++e) {
        const char* eq = std::strchr(*e, '=');
        if (eq && !ours.count(std::string(*e, static_cast<std::size_t>(eq - *e)))) env.emplace_back(*e);
    }
    return env;
}

struct Exit {
    int status = 0;
    std::string output;   // stdout and stderr
};

// posix_spawn with an argument array: no shell reads any of it. stdin is
// /dev/null (with --no-password pg_dump never prompts); stdout and stderr are
// read back, so schemac's stdout keeps only its own output.
Exit spawn(const BackupCommand& b) {
    std::vector<std::string> args{b.program};
    args.insert(args.end(), b.args.begin(), b.args.end());
    const std::vector<std::string> env = child_environment(b);
    std::vector<char*> argv, envp;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    argv.push_back(nullptr);
    envp.push_back(nullptr);

    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw failure(std::string("cannot create a pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, b.program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
        ::close(fds[0]);
        throw failure("cannot run " + b.program + ": " + std::strerror(rc));
    }
    Exit out;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        if (out.output.size() < 64 * 1024) out.output.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    while (::waitpid(pid, &out.status, 0) < 0 && errno == EINTR) {
    }
    return out;
}

// A custom-format archive starts with "PGDMP": a pg_dump stand-in that exits
// 0 having written nothing is no backup.
bool is_archive(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[5] = {};
    return in.read(magic, sizeof magic) && std::memcmp(magic, "PGDMP", 5) == 0;
}

void sync_directory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

BackupCommand plan_backup(const std::string& conninfo, const std::string& dir, const RunResult& plan) {
    BackupCommand b;
    add_connection(conninfo, b);
    b.program = find_pg_dump();
    const std::string stem = (fs::path(dir) / (file_part(plan.database) + "-v" + version_text(plan.from_version) + "-to-v" +
                                               version_text(plan.to_version) + "-" + utc_now()))
                                 .string();
    b.file = stem + ".dump";
    for (int n = 2; exists(b.file) || exists(b.file + ".partial"); ++n) b.file = stem + "-" + std::to_string(n) + ".dump";
    b.partial = b.file + ".partial";
    // The whole database, custom format (pg_restore can restore any part of it).
    b.args.insert(b.args.begin(), {"--format=custom", "--no-password", "--file=" + b.partial});
    return b;
}

std::string backup_command_line(const BackupCommand& b) {
    const auto quoted = [](const std::string& s) {
        if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%") == std::string::npos)
            return s;
        std::string q = "'";
        for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return q + "'";
    };
    std::string line;
    for (const auto& v : b.environment) line += v.name + "=" + (v.secret ? "***" : quoted(v.value)) + " ";
    line += quoted(b.program);
    for (const auto& a : b.args) line += " " + quoted(a);
    return line;
}

BackupResult run_backup(const BackupCommand& b, const std::string& conninfo) {
    const auto started = std::chrono::steady_clock::now();
    const std::string dir = fs::path(b.file).parent_path().string();
    std::error_code ec;
    if (!dir.empty() && !fs::is_directory(dir, ec)) {
        fs::create_directories(dir, ec);
        if (ec) throw failure("cannot create " + dir + ": " + ec.message());
        fs::permissions(dir, fs::perms::owner_all, ec);
    }
    const int fd = ::open(b.partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw failure("cannot create " + b.partial + ": " + std::strerror(errno));
    ::close(fd);
    Exit exit;
    try {
        exit = spawn(b);
    } catch (...) {
        fs::remove(b.partial, ec);
        throw;
    }
    const std::string said = one_line(scrub_passwords(exit.output, conninfo));
    std::string why;
    if (WIFSIGNALED(exit.status)) why = b.program + " was killed by signal " + std::to_string(WTERMSIG(exit.status));
    else if (WEXITSTATUS(exit.status) != 0) why = b.program + " exited with status " + std::to_string(WEXITSTATUS(exit.status));
    else if (!is_archive(b.partial)) why = b.program + " exited 0 but wrote no pg_dump archive";
    if (!why.empty()) {
        fs::remove(b.partial, ec);
        if (said.find("version mismatch") != std::string::npos)
            why += " (a pg_dump older than the server refuses it: set PG_DUMP to the server's major version's pg_dump or newer)";
        throw failure(why + (said.empty() ? "" : ": " + said));
    }
    fs::rename(b.partial, b.file, ec);
    if (ec) {
        const std::string reason = ec.message();
        fs::remove(b.partial, ec);
        throw failure("cannot rename the dump to " + b.file + ": " + reason);
    }
    sync_directory(dir.empty() ? "." : dir);
    BackupResult r;
    r.bytes = fs::file_size(b.file, ec);
    r.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (!said.empty()) r.warnings.push_back("pg_dump: " + said);
    return r;
}

}  // namespace schemac
