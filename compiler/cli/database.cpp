#include <charconv>
#include "cli/database.hpp"

#include <cstdlib>
#include <filesystem>

#include <iostream>

#include "cli/json_output.hpp"
#include "cli/project.hpp"
#include "cli/sources.hpp"
#include "schemac/core/migration_set.hpp"
#include "schemac/sqlite/conninfo.hpp"

namespace schemac::cli {

namespace {

std::string getenv_or_empty(const std::string& name) {
    const char* v = std::getenv(name.c_str());
    return v ? v : "";
}

Project read_project(const DatabaseOptions& opts) {
    if (!opts.config.empty() && !std::filesystem::exists(opts.config))
        throw UsageError("--config " + opts.config + ": no such file");
    Diagnostics diags;
    Project project = resolve_project({opts.config, {}, opts.dir, ""}, diags);
    if (diags.has_errors()) {
        // Each diagnostic already says "error:"; the thrown message only counts them.
        const std::string path = project.config.path.empty() ? opts.config : project.config.path;
        const bool json = opts.format == "json";
        if (!json) std::cerr << render_text(diags);
        throw UsageError(path + " has " + std::to_string(diags.error_count()) + (diags.error_count() == 1 ? " error" : " errors") +
                         (json ? ":\n" + render_text(diags) : ""));
    }
    return project;
}

std::string known_environments(const ProjectConfig& cfg) {
    std::string names;
    for (const auto& e : cfg.environments) names += (names.empty() ? "" : ", ") + e.name;
    return names.empty() ? "none" : names;
}

const char* kind_name(RunnerErrorKind k) {
    switch (k) {
        case RunnerErrorKind::failure: return "failure";
        case RunnerErrorKind::connection: return "connection";
        case RunnerErrorKind::lock_timeout: return "lock_timeout";
        case RunnerErrorKind::lock_lost: return "lock_lost";
        case RunnerErrorKind::invalid_conninfo: return "usage";
    }
    return "failure";
}

}  // namespace

bool is_sqlite(const DatabaseTarget& t) { return sqlite::is_sqlite_conninfo(t.runner.conninfo); }

std::string history_name(const DatabaseTarget& t) {
    return is_sqlite(t) ? t.runner.history_table : t.runner.history_schema + "." + t.runner.history_table;
}

int with_database(const DatabaseOptions& opts, const std::function<int(const DatabaseTarget&)>& body) {
    auto fail = [&](const char* kind, const std::string& message, int code) {
        return report_error(opts.format, kind, message, code);
    };
    // libpq's rules find no password in a SQLite file name; they would only
    // hide pieces of a path that looks like a URL's user part.
    const auto scrubbed = [](const std::string& message, const DatabaseTarget& t) {
        return is_sqlite(t) ? message : scrub_passwords(message, t.runner.conninfo);
    };
    DatabaseTarget target;
    try {
        target = resolve_target(opts);
        return body(target);
    } catch (const UsageError& e) {
        return fail("usage", e.what(), kUsage);
    } catch (const MigrationSetError& e) {
        return fail("failure", e.what(), kFailure);
    } catch (const RunnerError& e) {
        const int code = e.kind == RunnerErrorKind::connection         ? kCannotConnect
                         : e.kind == RunnerErrorKind::lock_timeout     ? kLockNotObtained
                         : e.kind == RunnerErrorKind::lock_lost        ? kLockNotObtained
                         : e.kind == RunnerErrorKind::invalid_conninfo ? kUsage
                                                                       : kFailure;
        return fail(kind_name(e.kind), scrubbed(e.what(), target), code);
    } catch (const std::exception& e) {
        // The runtime turns every database error into a RunnerError; this is for the rest (out of memory, ...).
        return fail("failure", scrubbed(e.what(), target), kFailure);
    }
}

// An explicit flag beats the environment: an operator who types --env
// production must never reach whatever DATABASE_URL happens to point at.
DatabaseTarget resolve_target(const DatabaseOptions& opts) {
    const Project project = read_project(opts);
    const ProjectConfig& cfg = project.config;
    DatabaseTarget t;
    t.runner.history_schema = cfg.history_schema;
    t.runner.history_table = cfg.history_table;
    t.runner.lock_timeout = cfg.lock_timeout;
    t.runner.statement_lock_timeout = cfg.statement_lock_timeout;
    t.runner.lock_retries = cfg.lock_retries;
    if (cfg.statement_timeout) t.runner.statement_timeout = *cfg.statement_timeout;
    if (cfg.heartbeat) t.runner.heartbeat = *cfg.heartbeat;
    if (cfg.warn_after) t.runner.warn_after = *cfg.warn_after;
    if (cfg.max_duration) t.runner.max_duration = *cfg.max_duration;
    t.migrations_dir = project.migrations_dir;
    t.dialect = project.dialect;

    if (!opts.db.empty() && !opts.env.empty()) throw UsageError("--db and --env are two answers to one question: give one");
    if (!opts.db.empty()) {
        t.runner.conninfo = opts.db;
        t.source = "--db";
    } else if (!opts.env.empty()) {
        const EnvironmentConfig* env = cfg.find_environment(opts.env);
        if (cfg.path.empty()) throw UsageError("--env " + opts.env + ": there is no schemac.yaml here or in a parent directory to define it (see docs/config.md)");
        if (!env) throw UsageError("--env " + opts.env + ": " + cfg.path + " defines no such environment (known: " + known_environments(cfg) + ")");
        if (!env->url_env.empty()) {
            t.runner.conninfo = getenv_or_empty(env->url_env);
            if (t.runner.conninfo.empty())
                throw UsageError("--env " + opts.env + ": its URL is read from $" + env->url_env + ", which is not set");
        } else {
            t.runner.conninfo = env->url;
        }
        if (env->lock_timeout) t.runner.lock_timeout = *env->lock_timeout;
        t.environment = env->name;
        t.is_protected = env->is_protected;
        if (env->statement_lock_timeout) t.runner.statement_lock_timeout = *env->statement_lock_timeout;
        if (env->lock_retries) t.runner.lock_retries = *env->lock_retries;
        if (env->statement_timeout) t.runner.statement_timeout = *env->statement_timeout;
        if (env->heartbeat) t.runner.heartbeat = *env->heartbeat;
        if (env->warn_after) t.runner.warn_after = *env->warn_after;
        if (env->max_duration) t.runner.max_duration = *env->max_duration;
        t.source = "--env " + opts.env;
    } else if (auto v = getenv_or_empty("SCHEMAC_DATABASE_URL"); !v.empty()) {
        t.runner.conninfo = v;
        t.source = "SCHEMAC_DATABASE_URL";
    } else if (auto d = getenv_or_empty("DATABASE_URL"); !d.empty()) {
        t.runner.conninfo = d;
        t.source = "DATABASE_URL";
    } else {
        throw UsageError("no database given: use --db URL or --env NAME (schemac.yaml), or set SCHEMAC_DATABASE_URL or DATABASE_URL");
    }
    t.dialect = database_dialect(project.dialect, !project.config.path.empty(), t.runner.conninfo);
    const auto flag_duration = [](const std::string& flag, const std::string& text, bool zero_is_none) {
        if (zero_is_none && text == "0") return std::chrono::milliseconds{0};
        auto d = parse_duration(text);
        if (!d) {
            throw UsageError(flag + " " + text + ": expected a duration such as 60s, 500ms, 2m" + (zero_is_none ? " (0: no limit)" : ""));
        }
        return *d;
    };
    if (!opts.lock_timeout.empty()) t.runner.lock_timeout = flag_duration("--lock-timeout", opts.lock_timeout, false);
    if (!opts.statement_lock_timeout.empty()) {
        t.runner.statement_lock_timeout = flag_duration("--statement-lock-timeout", opts.statement_lock_timeout, false);
    }
    if (!opts.statement_timeout.empty()) t.runner.statement_timeout = flag_duration("--statement-timeout", opts.statement_timeout, true);
    if (!opts.heartbeat.empty()) t.runner.heartbeat = flag_duration("--heartbeat", opts.heartbeat, true);
    if (!opts.warn_after.empty()) t.runner.warn_after = flag_duration("--warn-after", opts.warn_after, true);
    if (!opts.max_duration.empty()) t.runner.max_duration = flag_duration("--max-duration", opts.max_duration, true);
    if (!opts.lock_retries.empty()) {
        int n = -1;
        const auto [end, ec] = std::from_chars(opts.lock_retries.data(), opts.lock_retries.data() + opts.lock_retries.size(), n);
        if (ec != std::errc{} || end != opts.lock_retries.data() + opts.lock_retries.size() || n < 0 || n > 100) {
            throw UsageError("--lock-retries " + opts.lock_retries + ": expected a whole number from 0 to 100");
        }
        t.runner.lock_retries = n;
    }
    return t;
}

std::vector<OptionSpec> database_options(DatabaseOptions& db, bool runner) {
    std::vector<OptionSpec> o = {
        {"--db,--db-path", "Database URL or libpq conninfo, or a SQLite file (sqlite:///abs/app.db, app.db, file:app.db?mode=ro) "
                 "(else --env, SCHEMAC_DATABASE_URL, DATABASE_URL)", &db.db},
        {"--env", "Environment from schemac.yaml (dev, production, ...)", &db.env},
        {"--config", kConfigHelp, &db.config},
    };
    if (runner) {
        o.push_back({"--dir,--migrations-dir", kDirHelp, &db.dir});
        o.push_back({"--lock-timeout", "How long to wait for another runner, e.g. 60s, 500ms, 2m (default 60s)", &db.lock_timeout});
    }
    return o;
}

std::vector<OptionSpec> statement_options(DatabaseOptions& db) {
    return {
        {"--statement-lock-timeout",
         "How long each migration statement waits for a table lock before it is rolled back and retried (default 3s)",
         &db.statement_lock_timeout},
        {"--lock-retries", "How many times such a statement is retried, after 1s, 2s, 4s, ... (default 5)", &db.lock_retries},
        {"--statement-timeout", "How long each migration statement may run (default: no limit; 0: no limit)", &db.statement_timeout},
        {"--heartbeat", "While a migration runs longer, a line this often: elapsed, the lock it waits for and who holds it (default 5s; 0: none)",
         &db.heartbeat},
        {"--warn-after", "Warn about a migration that takes longer than this, e.g. 10m (default: none)", &db.warn_after},
        {"--max-duration", "Cancel a migration that runs longer than this; it fails and a transactional one is rolled back (default: none)",
         &db.max_duration},
        {"--verbose", "Print each statement as it starts", &db.verbose},
    };
}

}  // namespace schemac::cli
