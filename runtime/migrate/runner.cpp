#include "schemac/migrate/runner.hpp"

#include <schemac/core/ascii.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "driver.hpp"
#include "postgres/driver.hpp"
#include "schemac/postgres/sql_split.hpp"
#include "schemac/sqlite/conninfo.hpp"
#include "sqlite/driver.hpp"

namespace schemac {

using migrate::Driver;
using migrate::ErrorKind;
using migrate::Rerun;
using migrate::Watch;
using migrate::Work;

const char* state_name(MigrationState s) {
    switch (s) {
        case MigrationState::applied: return "applied";
        case MigrationState::baseline: return "baseline";
        case MigrationState::modified: return "modified";
        case MigrationState::failed: return "failed";
        case MigrationState::running: return "running";
        case MigrationState::missing: return "missing";
        case MigrationState::pending: return "pending";
    }
    return "?";
}

namespace {

using Clock = std::chrono::steady_clock;

RunnerError failure(const std::string& what) { return RunnerError(RunnerErrorKind::failure, what); }

long long ms_since(Clock::time_point t0) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
}

Status make_status(const MigrationSet& set, const std::vector<HistoryRow>& rows, bool exists, const std::string& db) {
    Status st;
    st.database = db;
    st.history_exists = exists;
    std::map<int, const HistoryRow*> by_version;
    int highest = 0;
    for (const auto& r : rows) {
        by_version[r.version] = &r;
        highest = std::max(highest, r.version);
        if (r.success) st.current_version = std::max(st.current_version, r.version);
    }
    std::set<int> versions;
    for (const auto& m : set.migrations()) versions.insert(m.version);
    for (const auto& r : rows) versions.insert(r.version);
    for (int v : versions) {
        StatusEntry e;
        e.version = v;
        const Migration* m = set.find(v);
        auto it = by_version.find(v);
        if (m) {
            e.name = m->name;
            e.file = m->up.file;
            e.file_checksum = m->checksum;
        }
        if (it != by_version.end()) {
            const HistoryRow& r = *it->second;
            e.row = r;
            if (e.name.empty()) e.name = r.name;
            // A failed row is failed whatever the files say: it must never be skipped.
            if (!r.success) e.state = MigrationState::failed;
            else if (!m) e.state = MigrationState::missing;
            else if (r.checksum != m->checksum) e.state = MigrationState::modified;
            else e.state = r.baseline ? MigrationState::baseline : MigrationState::applied;
        } else {
            e.state = MigrationState::pending;
            e.out_of_order = v < highest;
        }
        st.entries.push_back(std::move(e));
    }
    return st;
}

// The file a failed row stopped in: its down file when it was being rolled back.
std::string stopped_file(const StatusEntry& e) {
    if (!e.row->rolling_back || !e.file.ends_with(".up.sql")) return e.file;
    return e.file.substr(0, e.file.size() - 7) + ".down.sql";
}

std::string stopped_at(const StatusEntry& e) {
    const HistoryRow& r = *e.row;
    const int done = r.statements_done.value_or(0);
    const int total = r.statements_total.value_or(0);
    std::string s = stopped_file(e) + " stopped at statement " + std::to_string(done + 1) + " of " + std::to_string(total);
    s += r.error.empty() ? " (the runner was interrupted)" : ": " + r.error;
    return s;
}

std::string resolve_failed_hint(const StatusEntry& e) {
    const std::string next = std::to_string(e.row->statements_done.value_or(0) + 1);
    const std::string v = std::to_string(e.version);
    if (e.row->rolling_back)
        return "fix the cause and run `schemac rollback` (with the options given before) to continue the rollback at statement " +
               next + ", or finish undoing it by hand and run `schemac repair --forget " + v +
               "`, or restore it by hand and run `schemac repair --mark-applied " + v + "`";
    return "fix the cause and run `schemac apply --resume` to continue at statement " + next +
           ", or finish or undo it by hand and run `schemac repair --mark-applied " + v + "` or `schemac repair --forget " +
           v + "`";
}

// The first failed migration, or nothing.
const StatusEntry* first_failed(const Status& st) {
    for (const auto& e : st.entries)
        if (e.state == MigrationState::failed) return &e;
    return nullptr;
}

void refuse_modified(const Status& st) {
    for (const auto& e : st.entries)
        if (e.state == MigrationState::modified)
            throw failure(e.file + " was changed after it was applied (recorded " + e.row->checksum + ", file " +
                          e.file_checksum + "): restore the file, or if the edit is deliberate run `schemac repair`");
}

std::vector<std::string> data_loss_notes(const std::string& sql) {
    std::vector<std::string> notes;
    std::istringstream in(sql);
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("--")) continue;
        const auto p = line.find("data-loss:");
        if (p != std::string::npos) notes.push_back(line.substr(p + 11));
    }
    return notes;
}

// The row that records `m` as applied (success true unless said otherwise).
HistoryRow row_for(const Migration& m) {
    HistoryRow r;
    r.version = m.version;
    r.name = m.name;
    r.checksum = m.checksum;
    r.success = true;
    return r;
}

LogEntry log_entry(const Migration& m, bool down, bool success, long long ms, const std::string& error) {
    LogEntry e;
    e.version = m.version;
    e.name = m.name;
    e.action = down ? "rollback" : "apply";
    e.outcome = success ? "success" : "failed";
    e.execution_time_ms = ms;
    e.checksum = m.checksum;
    e.rollback_available = m.down.has_value();
    e.error = error.substr(0, error.find('\n'));
    return e;
}

// "FILE:LINE: statement I of N", how every message about one statement starts.
std::string statement_at(const MigrationScript& s, const SqlStatement& stmt, int i, int n) {
    return s.file + ":" + std::to_string(stmt.line) + ": statement " + std::to_string(i) + " of " + std::to_string(n);
}

// How a failed transactional file ends its message.
std::string rolled_back_text(const Migration& m, int from_version) {
    return version_text(m.version) + " was rolled back as a whole; the database stays at version " + version_text(from_version);
}

std::string statement_failed(const Driver& d, const MigrationScript& s, const SqlStatement& stmt, int i, int n,
                             const std::string& error) {
    return statement_at(s, stmt, i, n) + " failed: " + statement_preview(stmt.text) + "\n  " + d.statement_error(error);
}

std::string settings_phrase(const std::string& changed) {
    return "it changed settings schemac pins for the SQL it writes (" + changed +
           "); a migration file must leave them as pinned (docs/runtime.md, \"Session settings\")";
}

std::string settings_changed(const MigrationScript& s, const SqlStatement& stmt, int i, int n, const std::string& changed) {
    return statement_at(s, stmt, i, n) + (i == n ? " (or one before it) " : " ") + "failed: " + statement_preview(stmt.text) + "\n  " + settings_phrase(changed);
}

// A statement of a transactional file ran out of statement_lock_timeout: the
// file is rolled back and run again from its start (Executor::run).
struct LockWait {
    std::string what;   // "FILE:LINE: statement I of N waited ... for a lock: PREVIEW"
};

std::string duration_text(std::chrono::milliseconds d) {
    const auto ms = d.count();
    return ms % 1000 == 0 ? std::to_string(ms / 1000) + "s" : std::to_string(ms) + "ms";
}

// The pause before retry `attempt` (0-based): 1 s, 2 s, 4 s, ... at most 30 s.
std::chrono::milliseconds backoff(int attempt) {
    return std::chrono::milliseconds(std::min<long long>(30'000, 1000LL << std::min(attempt, 5)));
}

std::vector<int> own_blocks(const std::vector<SqlStatement>& stmts);

class Executor {
public:
    Executor(Driver& d, const RunnerOptions& options, const ProgressFn& progress) : d_(d), options_(options), progress_(progress) {}

    long long run(const Migration& m, const PlannedStep& step, bool down, int from_version) {
        const MigrationScript& script = *step.script;
        const auto stmts = d_.split(script.sql);
        report(Progress::Event::started, m, script, down, step.first_statement - 1, stmts.size(), 0);
        const auto t0 = Clock::now();
        long long ms = 0;
        std::unique_ptr<Watch> watch;
        if ((progress_ && options_.heartbeat.count() > 0) || options_.max_duration.count() > 0)
            watch = d_.watch([this, &m](const std::string& line) { report_note(m, line); }, options_.heartbeat, options_.max_duration);
        try {
            for (int attempt = 0;; ++attempt) {
                try {
                    d_.pin_session();   // whatever an earlier file SET
                    ms = script.transactional ? run_transactional(m, script, stmts, down, from_version, t0)
                                              : run_statements(m, script, stmts, down, step.first_statement, step.resumes, t0);
                    break;
                } catch (const LockWait& w) {
                    if (attempt >= options_.lock_retries) {
                        throw failure(w.what + "\n  " + gave_up(attempt) + "\n  " + rolled_back_text(m, from_version));
                    }
                    wait_before_retry(m, w.what + "; rolled back as a whole", attempt);
                }
            }
        } catch (const RunnerError& e) {
            if (e.kind != RunnerErrorKind::failure) throw;
            log_failure(m, down, ms_since(t0), e.what());
            if (watch && watch->cancelled())
                throw failure(std::string(e.what()) + "\n  " + script.file + " ran longer than max_duration (" +
                              duration_text(options_.max_duration) + "): its statement was cancelled");
            throw;
        } catch (const std::exception& e) {
            switch (d_.classify(e)) {
                case ErrorKind::commit_in_doubt:
                    throw RunnerError(RunnerErrorKind::connection, "the connection was lost while committing " + script.file +
                                                                       ": it may or may not be applied; run `schemac status`");
                case ErrorKind::connection_lost:
                    throw RunnerError(RunnerErrorKind::connection, "the connection was lost while running " + script.file + ": " +
                                                                       d_.one_line(e) +
                                                                       (script.transactional ? " (nothing of it was committed)" : ""));
                default: throw;
            }
        }
        report(Progress::Event::finished, m, script, down, stmts.size(), stmts.size(), ms);
        return ms;
    }

private:
    long long run_transactional(const Migration& m, const MigrationScript& script, const std::vector<SqlStatement>& stmts,
                                bool down, int from_version, Clock::time_point t0) {
        const auto tx = d_.begin_file(script);
        const int n = static_cast<int>(stmts.size());
        const std::string rolled_back = "\n  " + rolled_back_text(m, from_version);
        for (int i = 0; i < n; ++i) {
            report_statement(m, script, down, i + 1, n, stmts[i]);
            try {
                tx->execute(stmts[i].text);
            } catch (const std::exception& e) {
                const ErrorKind kind = d_.classify(e);
                if (kind == ErrorKind::connection_lost) throw;
                if (kind == ErrorKind::lock_timeout) throw LockWait{waited(script, stmts[i], i + 1, n)};
                throw failure(statement_failed(d_, script, stmts[i], i + 1, n, d_.transaction_error(d_.one_line(e))) + rolled_back);
            }
            if (const std::string changed = tx->encoding_changed(); !changed.empty())
                throw failure(settings_changed(script, stmts[i], i + 1, n, changed) + rolled_back);
        }
        if (n > 0)
            if (const std::string changed = tx->settings_changed(); !changed.empty())
                throw failure(settings_changed(script, stmts.back(), n, n, changed) + rolled_back);
        const long long ms = ms_since(t0);
        const std::string undone = script.file + " was rolled back as a whole (nothing of it committed); run `schemac status`, then " +
                                   (down ? "`schemac rollback` again" : "`schemac apply` again");
        tx->verify_lock(undone);   // before the history row: another runner may be writing the same one
        try {
            if (down) {
                tx->remove(m.version);
            } else {
                HistoryRow r = row_for(m);
                r.execution_time_ms = ms;
                tx->insert(r);
            }
        } catch (const std::exception& e) {
            if (const ErrorKind kind = d_.classify(e); kind != ErrorKind::statement && kind != ErrorKind::lock_timeout) throw;
            throw failure(script.file + ": could not record it in " + d_.history_name() + ": " + d_.one_line(e) + "\n  " +
                          rolled_back_text(m, from_version));
        }
        tx->log(log_entry(m, down, true, ms, ""));
        tx->verify_lock(undone);
        try {
            tx->commit();
        } catch (const std::exception& e) {
            // The database refused the commit itself (a deferred constraint,
            // SQLite's foreign key check of a -- schemac:foreign-keys-off file).
            if (d_.classify(e) != ErrorKind::statement) throw;
            throw failure(script.file + ": the commit failed: " + d_.statement_error(d_.one_line(e)) + "\n  " +
                          rolled_back_text(m, from_version));
        }
        return ms;
    }

    // Outside a transaction: statement by statement, the progress recorded after
    // each (for a down file too), so that a failure or a kill can be resumed
    // where it stopped. The statement resumed at is checked first (Work::prepare_rerun).
    long long run_statements(const Migration& m, const MigrationScript& script, const std::vector<SqlStatement>& stmts,
                             bool down, int first, bool resuming, Clock::time_point t0) {
        const auto tx = d_.begin_file(script);
        const int n = static_cast<int>(stmts.size());
        const std::string again = down ? "`schemac rollback`" : "`schemac apply --resume`";
        // The file's own BEGIN ... COMMIT blocks, where the driver allows them:
        // a failure (or a kill) inside one undoes the block, its progress
        // records included, so what is done is what preceded its BEGIN.
        const std::vector<int> block = d_.own_transactions() ? own_blocks(stmts) : std::vector<int>(stmts.size(), -1);
        if (resuming) {
            tx->set_progress(m.version, first - 1, "");
            if (first > 1)
                if (const std::string restored = tx->restore_session({stmts.begin(), stmts.begin() + (first - 1)}); !restored.empty())
                    report_note(m, restored);
        } else if (down) {
            tx->start_rollback(m.version, n);
        } else {
            HistoryRow r = row_for(m);
            r.success = false;
            r.statements_done = 0;
            r.statements_total = n;
            tx->insert(r);
        }
        for (int i = first - 1; i < n; ++i) {
            const int kept = block[i] >= 0 ? block[i] : i;   // what stays done if it stops here
            tx->verify_lock(script.file + " stopped before statement " + std::to_string(i + 1) + " of " + std::to_string(n) +
                            (kept == 0 ? std::string(i == 0 ? " (none of its statements ran)" : " (none of its statements is applied)")
                                       : " (statements 1-" + std::to_string(kept) + " are done and recorded)") +
                            "; run `schemac status`, then " + again + " once no other runner is at work");
            std::string note;
            if (resuming && i == first - 1 && tx->prepare_rerun(stmts[i].text, note) == Rerun::done) {
                report_note(m, note + ": statement " + std::to_string(i + 1) + " counted as done");
            } else {
                if (!note.empty()) report_note(m, note);
                report_statement(m, script, down, i + 1, n, stmts[i]);
                try {
                    execute_retrying(*tx, m, script, stmts[i], i + 1, n);
                    // One query for all of them, client_encoding included: these files are short.
                    if (const std::string changed = tx->settings_changed(); !changed.empty())
                        throw std::runtime_error(settings_phrase(changed));
                } catch (const std::exception& e) {
                    if (d_.classify(e) == ErrorKind::connection_lost) throw;
                    std::string error = d_.one_line(e);
                    try {
                        if (const std::string cleaned = tx->clean_up_failed(stmts[i].text); !cleaned.empty()) error += "; " + cleaned;
                    } catch (const std::exception& cleanup) {
                        if (d_.classify(cleanup) == ErrorKind::connection_lost) throw;
                        error += "; it may have left an INVALID index, which could not be dropped: " + d_.one_line(cleanup);
                    }
                    tx->set_progress(m.version, kept, "statement " + std::to_string(i + 1) + " (line " +
                                                          std::to_string(stmts[i].line) + "): " + error);
                    const std::string undone =
                        kept == i ? std::string()
                                  : "; statements " + std::to_string(kept + 1) + "-" + std::to_string(i + 1) +
                                        " ran in the file's own transaction (BEGIN at line " + std::to_string(stmts[kept].line) +
                                        "), which was rolled back";
                    throw failure(statement_failed(d_, script, stmts[i], i + 1, n, error) + "\n  this file runs outside a transaction: " +
                                  (kept == 0 ? std::string(i == 0 ? "none of its statements ran" : "none of its statements is applied")
                                             : "statements 1-" + std::to_string(kept) + " are " + (down ? "rolled back" : "applied") +
                                                   " and recorded") +
                                  undone + "; fix the cause, then " + again + " continues at statement " + std::to_string(kept + 1));
                }
            }
            tx->set_progress(m.version, i + 1, "");
            report(Progress::Event::statement_done, m, script, down, i + 1, n, ms_since(t0));
        }
        const long long ms = ms_since(t0);
        tx->verify_lock(script.file + ": all its statements ran but it is not yet recorded as " +
                        (down ? "rolled back" : "applied") + "; run `schemac status`, then " + again);
        if (down) tx->remove(m.version);
        else tx->finish(m.version, ms);
        tx->log(log_entry(m, down, true, ms, ""));
        return ms;
    }

    // Outside a transaction a statement that ran out of statement_lock_timeout
    // took no effect: it alone is run again, up to lock_retries times.
    void execute_retrying(Work& tx, const Migration& m, const MigrationScript& script, const SqlStatement& stmt, int i, int n) {
        for (int attempt = 0;; ++attempt) {
            try {
                tx.execute(stmt.text);
                return;
            } catch (const std::exception& e) {
                if (d_.classify(e) != ErrorKind::lock_timeout) throw;
                if (attempt >= options_.lock_retries) throw std::runtime_error(d_.one_line(e) + "; " + gave_up(attempt));
                wait_before_retry(m, waited(script, stmt, i, n), attempt);
            }
        }
    }

    std::string waited(const MigrationScript& script, const SqlStatement& stmt, int i, int n) const {
        return statement_at(script, stmt, i, n) + " waited " + duration_text(options_.statement_lock_timeout) + " for a lock (statement_lock_timeout): " +
               statement_preview(stmt.text);
    }

    std::string gave_up(int attempts) const {
        return "gave up after " + std::to_string(attempts + 1) + (attempts == 0 ? " try" : " tries") +
               ": another session holds a lock the statement needs for longer (see pg_locks and pg_stat_activity); "
               "try again when it is quieter, or raise statement_lock_timeout or lock_retries";
    }

    void wait_before_retry(const Migration& m, const std::string& what, int attempt) {
        const auto pause = backoff(attempt);
        report_note(m, what + "; retry " + std::to_string(attempt + 1) + " of " + std::to_string(options_.lock_retries) + " in " +
                           duration_text(pause));
        std::this_thread::sleep_for(pause);
    }

    // A failed file leaves a trace in the audit log, written on its own (its
    // transaction, if it had one, is rolled back). Never hides the failure.
    void log_failure(const Migration& m, bool down, long long ms, const std::string& error) {
        try {
            d_.begin(false)->log(log_entry(m, down, false, ms, error));
        } catch (...) {
        }
    }

    void report_statement(const Migration& m, const MigrationScript& script, bool down, int i, int n, const SqlStatement& stmt) {
        if (!progress_) return;
        Progress p{Progress::Event::statement_started, m.version, m.name, script.file, down, i, n, 0,
                   "line " + std::to_string(stmt.line) + ": " + statement_preview(stmt.text)};
        std::lock_guard lock(progress_mutex_);
        progress_(p);
    }

    void report_note(const Migration& m, const std::string& note) {
        if (!progress_) return;
        std::lock_guard lock(progress_mutex_);
        Progress p{Progress::Event::note, m.version, m.name, "", false, 0, 0, 0, note};
        progress_(p);
    }

    void report(Progress::Event ev, const Migration& m, const MigrationScript& script, bool down, std::size_t done,
                std::size_t total, long long ms) {
        if (!progress_) return;
        std::lock_guard lock(progress_mutex_);
        Progress p{ev, m.version, m.name, script.file, down, static_cast<int>(done), static_cast<int>(total), ms, ""};
        progress_(p);
    }

    Driver& d_;
    const RunnerOptions& options_;
    const ProgressFn& progress_;
    std::mutex progress_mutex_;   // the watch reports from its own thread
};

// The statement's first word, upper case ("" when it starts with a symbol).
std::string first_word(const std::string& stmt, std::size_t from = 0) {
    std::size_t b = from;
    while (b < stmt.size() && is_ascii_space(stmt[b])) ++b;
    std::string w;
    while (b < stmt.size() && is_ascii_alpha(stmt[b]))
        w += ascii_upper(stmt[b++]);
    return w;
}

// For each statement of a file whose own BEGIN ... COMMIT blocks were checked
// (refuse_transaction_control): the index of the BEGIN of the block it is in
// (the BEGIN and the COMMIT included), else -1.
std::vector<int> own_blocks(const std::vector<SqlStatement>& stmts) {
    std::vector<int> block(stmts.size(), -1);
    int open = -1;
    for (std::size_t i = 0; i < stmts.size(); ++i) {
        const std::string w = first_word(stmts[i].text);
        if (w == "BEGIN") open = static_cast<int>(i);
        block[i] = open;
        if (w == "COMMIT" || w == "END") open = -1;
    }
    return block;
}

// The runner owns the transactions: a file's own BEGIN/COMMIT/ROLLBACK would
// commit part of a "transactional" migration, or record one that was rolled
// back, or take the progress records of a non-transactional one with it.
// Where the driver allows it (Driver::own_transactions), a non-transactional
// file may open and commit transactions of its own, one at a time: BEGIN ...
// COMMIT (or END); ROLLBACK, SAVEPOINT and the rest stay refused.
void refuse_transaction_control(const MigrationScript& script, const std::vector<SqlStatement>& stmts, bool own_allowed) {
    static const std::set<std::string> control = {"BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE"};
    const bool blocks = own_allowed && !script.transactional;
    const auto at = [&](std::size_t i) {
        return script.file + ":" + std::to_string(stmts[i].line) + ": statement " + std::to_string(i + 1) + " (" +
               statement_preview(stmts[i].text, 40) + ")";
    };
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t open = none;   // the file's own BEGIN
    for (std::size_t i = 0; i < stmts.size(); ++i) {
        const std::string w = first_word(stmts[i].text);
        const bool prepared = w == "PREPARE" && first_word(stmts[i].text, 7) == "TRANSACTION";
        if (!control.count(w) && !prepared) continue;
        if (blocks && w == "BEGIN" && open == none) {
            open = i;
            continue;
        }
        if (blocks && (w == "COMMIT" || w == "END") && open != none) {
            open = none;
            continue;
        }
        if (blocks)
            throw failure(at(i) + (w == "BEGIN" ? " opens a transaction inside the one its BEGIN at line " + std::to_string(stmts[open].line) +
                                                      " opened: transactions do not nest"
                                 : w == "COMMIT" || w == "END" ? " commits, but no BEGIN before it opened a transaction"
                                                               : " controls the transaction: a file marked -- schemac:no-transaction may open "
                                                                 "and commit transactions of its own (BEGIN ... COMMIT), nothing more") +
                          ". Nothing was run.");
        throw failure(at(i) + " controls the transaction, which the runner owns: remove it. A file runs in one transaction; "
                              "one marked -- schemac:no-transaction runs statement by statement" +
                      (own_allowed ? std::string(" and may hold BEGIN ... COMMIT blocks of its own") : std::string()) +
                      ". Nothing was run.");
    }
    if (open != none)
        throw failure(at(open) + " opens a transaction that the file never commits: end it with COMMIT. Nothing was run.");
}

PlannedStep step_for(const Driver& d, const Migration& m, const MigrationScript& script, int first = 1) {
    PlannedStep p;
    p.version = m.version;
    p.name = m.name;
    p.script = &script;
    p.first_statement = first;
    const auto stmts = d.split(script.sql);
    refuse_transaction_control(script, stmts, d.own_transactions());
    if (script.foreign_keys_off && !(d.switches_foreign_keys() && script.transactional))
        throw failure(script.file + ": -- schemac:foreign-keys-off " +
                      (d.switches_foreign_keys()
                           ? std::string("switches foreign keys around the file's transaction, and a file marked "
                                         "-- schemac:no-transaction has none: switch them in the file (PRAGMA foreign_keys = OFF "
                                         "before its own BEGIN)")
                           : std::string("is for SQLite's table rebuild; this database has no such switch")) +
                      ". Nothing was run.");
    p.statements = static_cast<int>(stmts.size());
    return p;
}

int run_steps(Driver& d, const RunnerOptions& options, const MigrationSet& set, RunResult& result, bool down,
              const ProgressFn& progress) {
    Executor ex(d, options, progress);
    int at = result.from_version;
    for (std::size_t i = 0; i < result.steps.size(); ++i) {
        const auto& step = result.steps[i];
        result.elapsed_ms.push_back(ex.run(*set.find(step.version), step, down, at));
        // A server WARNING (a hypertable left a plain table where TimescaleDB is
        // missing) is said with the file that caused it, never only in the server log.
        for (const auto& w : d.take_warnings()) result.warnings.push_back(step.script->file + ": " + w);
        if (options.warn_after.count() > 0 && result.elapsed_ms.back() > options.warn_after.count())
            result.warnings.push_back(step.script->file + " took " + std::to_string(result.elapsed_ms.back()) + " ms, longer than warn_after (" +
                                      duration_text(options.warn_after) + ")");
        at = down ? (i + 1 < result.steps.size() ? result.steps[i + 1].version : result.to_version) : step.version;
    }
    return at;
}

// ApplyOptions::after, in one transaction of the pinned session: all of it or
// nothing. A statement that fails names what it was writing.
void run_after(Driver& d, const AfterMigrations& after) {
    d.pin_session();
    const std::unique_ptr<Work> tx = d.begin(true);
    for (std::size_t i = 0; i < after.statements.size(); ++i) {
        try {
            tx->execute(after.statements[i]);
        } catch (const std::exception& e) {
            throw failure("writing " + after.what + ": statement " + std::to_string(i + 1) + " of " +
                          std::to_string(after.statements.size()) + " failed (nothing of them was written): " + d.one_line(e));
        }
    }
    tx->commit();
}

// Every database error leaves the runner as a RunnerError with one line of
// text: a lost connection as `connection`, anything else as `failure`, with
// what the runner was doing. `f` is given the driver, its session opened here.
// `create`: the command may create the database (Driver::connect_existing).
template <class F>
auto guarded(const DriverFactory& make, const RunnerOptions& o, const char* doing, bool create, F&& f) {
    const std::unique_ptr<Driver> d = make(o);
    try {
        if (create) d->connect();
        else d->connect_existing();
        return f(*d);
    } catch (const RunnerError&) {
        throw;
    } catch (const std::exception& e) {
        if (d->classify(e) == ErrorKind::connection_lost)
            throw RunnerError(RunnerErrorKind::connection, std::string("the connection was lost while ") + doing + ": " + d->one_line(e));
        throw failure(std::string("while ") + doing + ": " + d->one_line(e));
    }
}

}  // namespace

namespace {

// The driver a connection string names: SQLite's for a SQLite file name or
// URL (schemac/sqlite/conninfo.hpp), else PostgreSQL's.
DriverFactory driver_for(const std::string& conninfo) {
    if (sqlite::is_sqlite_conninfo(conninfo)) return migrate::sqlite::make_driver;
    return migrate::postgres::make_driver;
}

}  // namespace

Runner::Runner(MigrationSet set, RunnerOptions options) : Runner(std::move(set), options, driver_for(options.conninfo)) {}

Runner::Runner(MigrationSet set, RunnerOptions options, DriverFactory driver)
    : set_(std::move(set)), opts_(std::move(options)), driver_(std::move(driver)) {}

std::vector<LogEntry> Runner::log() {
    return guarded(driver_, opts_, "reading the audit log", false, [&](Driver& d) { return d.read_log(); });
}

Status Runner::status() {
    return guarded(driver_, opts_, "reading the history", false, [&](Driver& d) {
        bool exists = false;
        auto rows = d.read_history(&exists);
        Status st = make_status(set_, rows, exists, d.database());
        // A row without an error while another runner holds the lock is not
        // stopped: it is being applied right now.
        if (first_failed(st) && d.lock_held())
            for (auto& e : st.entries)
                if (e.state == MigrationState::failed && e.row->error.empty()) e.state = MigrationState::running;
        return st;
    });
}

RunResult Runner::apply(const ApplyOptions& o, const ProgressFn& progress) {
    return guarded(driver_, opts_, "applying migrations", !o.dry_run, [&](Driver& d) {
        if (!o.dry_run) {
            d.lock(opts_.lock_timeout);
            d.ensure_history(true);
        }
        bool exists = false;
        const Status st = make_status(set_, d.read_history(&exists), exists, d.database());   // read again under the lock
        if (!o.dry_run && o.resume && first_failed(st)) d.wait_for_orphans(opts_.lock_timeout);

        RunResult result;
        result.database = d.database();
        result.from_version = st.current_version;
        if (o.target) {
            if (!set_.find(*o.target)) throw failure("--target " + std::to_string(*o.target) + ": there is no migration " + version_text(*o.target));
            if (*o.target < st.current_version)
                throw failure("--target " + version_text(*o.target) + " is below the current version " + version_text(st.current_version) +
                              ": use `schemac rollback --target " + std::to_string(*o.target) + "`");
        }
        refuse_modified(st);
        if (const StatusEntry* f = first_failed(st)) {
            if (f->row->rolling_back)
                throw failure(stopped_at(*f) + "\n  it was being rolled back: " + resolve_failed_hint(*f));
            if (!o.resume) throw failure(stopped_at(*f) + "\n  " + resolve_failed_hint(*f));
            const Migration* m = set_.find(f->version);
            if (!m) throw failure(stopped_at(*f) + "\n  its file is missing: it cannot be resumed");
            if (f->row->checksum != m->checksum)
                throw failure(f->file + " changed since it stopped (recorded " + f->row->checksum + ", file " + m->checksum +
                              "): if the edit is deliberate, run `schemac repair` to record it, then `schemac apply --resume`");
            result.steps.push_back(step_for(d, *m, m->up, f->row->statements_done.value_or(0) + 1));
            result.steps.back().resumes = true;
        }
        std::vector<const StatusEntry*> late;
        for (const auto& e : st.entries) {
            if (e.state == MigrationState::missing)
                result.warnings.push_back(version_text(e.version) + " " + e.name + " is applied but its file is not in the migrations directory");
            if (e.state != MigrationState::pending || (o.target && e.version > *o.target)) continue;
            if (e.out_of_order) late.push_back(&e);
            const Migration* m = set_.find(e.version);
            result.steps.push_back(step_for(d, *m, m->up));
        }
        if (!late.empty() && !o.allow_out_of_order) {
            std::string files;
            for (const auto* e : late) files += (files.empty() ? "" : ", ") + e->file;
            throw failure(files + (late.size() == 1 ? " is" : " are") + " older than the newest applied migration " +
                          version_text(st.current_version) +
                          " (merged from another branch?): applying now would run it after migrations it may not expect. "
                          "Review it against the applied ones, then run `schemac apply --allow-out-of-order`, or renumber it above " +
                          version_text(st.current_version));
        }
        result.to_version = result.steps.empty() ? st.current_version : std::max(st.current_version, result.steps.back().version);
        if (o.after && result.to_version != o.after->version) {
            result.warnings.push_back(o.after->what + " were not written: they belong to version " + version_text(o.after->version) +
                                      ", and the database " + (o.dry_run ? "would be" : "is") + " at " + version_text(result.to_version));
        }
        result.after = o.after;
        result.after_ran = o.after && result.to_version == o.after->version;
        if (o.dry_run) return result;
        if (o.before_run && !result.steps.empty()) o.before_run(result);
        run_steps(d, opts_, set_, result, false, progress);
        if (result.after_ran) run_after(d, *o.after);
        return result;
    });
}

namespace {

struct RollbackRange {
    std::vector<const StatusEntry*> entries;   // newest first
    int to_version = 0;                        // the version the database is at after them
};

// The applied migrations a rollback with `o` takes back, newest first: those
// above --target, or the newest --steps (1 by default). `partial` (a rollback
// that stopped part-way) counts as applied.
RollbackRange rollback_range(const Status& st, const RollbackOptions& o, const StatusEntry* partial) {
    std::vector<const StatusEntry*> applied;   // newest first
    for (auto it = st.entries.rbegin(); it != st.entries.rend(); ++it)
        if (it->row && (it->row->success || &*it == partial)) applied.push_back(&*it);
    std::size_t count = 0;
    if (o.target) {
        if (*o.target < 0) throw failure("--target must be 0 (everything) or a version");
        while (count < applied.size() && applied[count]->version > *o.target) ++count;
    } else {
        const int steps = o.steps.value_or(1);
        if (steps < 1) throw failure("--steps must be at least 1");
        if (static_cast<std::size_t>(steps) > applied.size())
            throw failure("--steps " + std::to_string(steps) + ": only " + std::to_string(applied.size()) + " migrations are applied");
        count = steps;
    }
    RollbackRange r;
    r.entries.assign(applied.begin(), applied.begin() + static_cast<std::ptrdiff_t>(count));
    r.to_version = count < applied.size() ? applied[count]->version : 0;
    return r;
}

}  // namespace

RunResult Runner::rollback(const RollbackOptions& o, const ProgressFn& progress) {
    return guarded(driver_, opts_, "rolling back", false, [&](Driver& d) {
        if (!o.dry_run) {
            d.lock(opts_.lock_timeout);
            d.ensure_history(false);
        }
        bool exists = false;
        const Status st = make_status(set_, d.read_history(&exists), exists, d.database());
        // A down file that stopped part-way is finished first (it is the newest
        // applied one: apply refuses while it is there), as one of the steps.
        const StatusEntry* partial = first_failed(st);
        if (partial && !partial->row->rolling_back)
            throw failure(stopped_at(*partial) + "\n  resolve it before rolling back: " + resolve_failed_hint(*partial));
        if (partial && !o.dry_run) d.wait_for_orphans(opts_.lock_timeout);

        const RollbackRange range = rollback_range(st, o, partial);
        RunResult result;
        result.database = d.database();
        result.from_version = st.current_version;
        result.to_version = range.to_version;
        std::string destructive;
        for (const StatusEntry* entry : range.entries) {
            const StatusEntry& e = *entry;
            const Migration* m = set_.find(e.version);
            if (!m) throw failure(version_text(e.version) + " " + e.name + " cannot be rolled back: its files are not in the migrations directory");
            if (!m->down)
                throw failure(m->up.file + " has no .down.sql file: it cannot be rolled back (`schemac rollback --forget` removes only "
                              "its history row: nothing runs, its changes stay, the next apply runs it again)");
            if (e.state == MigrationState::baseline)
                throw failure(version_text(e.version) + " " + e.name + " was marked applied by `schemac baseline`, never run by schemac: "
                              "its down file was never checked against this database, so schemac does not roll it back");
            if (e.state == MigrationState::modified)
                throw failure(e.file + " was changed after it was applied (recorded " + e.row->checksum + ", file " +
                              e.file_checksum + "): its down file may not match what was applied; run `schemac repair` if the edit is deliberate");
            if (m->down_destructive) {
                destructive += "\n  " + m->down->file + " loses data:";
                for (const auto& n : data_loss_notes(m->down->sql)) destructive += "\n    " + n;
            }
            if (&e == partial) {
                if (m->down->transactional)
                    throw failure(stopped_at(e) + "\n  but " + m->down->file + " now runs in a transaction: finish it by hand and run `schemac repair --forget " +
                                  std::to_string(e.version) + "`");
                result.steps.push_back(step_for(d, *m, *m->down, e.row->statements_done.value_or(0) + 1));
                result.steps.back().resumes = true;
                continue;
            }
            result.steps.push_back(step_for(d, *m, *m->down));
        }
        if (!destructive.empty() && !o.allow_destructive) {
            if (!o.dry_run)
                throw failure("refusing to roll back: a down file loses data; rerun with --allow-destructive if that is intended" +
                              destructive);
            result.warnings.push_back("a down file loses data: the rollback needs --allow-destructive" + destructive);
        }
        if (o.dry_run) return result;
        if (o.before_run && !result.steps.empty()) o.before_run(result);
        run_steps(d, opts_, set_, result, true, progress);
        return result;
    });
}

RepairResult Runner::repair(const RepairOptions& o) {
    return guarded(driver_, opts_, "repairing the history", false, [&](Driver& d) {
        d.lock(opts_.lock_timeout);
        if (!o.dry_run) d.ensure_history(false);
        bool exists = false;
        const Status st = make_status(set_, d.read_history(&exists), exists, d.database());
        RepairResult result;
        result.database = d.database();
        auto listed = [](const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); };
        for (int v : o.mark_applied)
            if (listed(o.forget, v)) throw failure(version_text(v) + " is given to both --mark-applied and --forget");
        for (const auto* list : {&o.mark_applied, &o.forget})
            for (int v : *list) {
                auto it = std::find_if(st.entries.begin(), st.entries.end(), [&](const StatusEntry& e) { return e.version == v; });
                if (it == st.entries.end() || it->state != MigrationState::failed)
                    throw failure(version_text(v) + " is not a failed migration: --mark-applied and --forget only resolve failed ones");
            }
    
        const auto tx = d.begin(true);
        for (const auto& e : st.entries) {
            if (!e.row) continue;
            const bool edited = !e.file.empty() && e.row->checksum != e.file_checksum;
            if (edited) {
                result.changes.push_back({e.version, e.name, "update checksum", e.row->checksum + " -> " + e.file_checksum});
                if (!o.dry_run) tx->set_checksum(e.version, e.file_checksum);
            }
            if (e.state == MigrationState::missing)
                result.unresolved.push_back({e.version, e.name, "file missing", "left as is: restore the file, or roll back with the files that created it"});
            if (e.state != MigrationState::failed) continue;
            const bool down = e.row->rolling_back;
            const std::string at = (down ? "rollback stopped at statement " : "stopped at statement ") +
                                   std::to_string(e.row->statements_done.value_or(0) + 1) + " of " +
                                   std::to_string(e.row->statements_total.value_or(0));
            if (listed(o.mark_applied, e.version)) {
                result.changes.push_back({e.version, e.name, "mark applied",
                                          at + (down ? "; recorded as applied (restored by hand)" : "; recorded as applied (finished by hand)")});
                if (!o.dry_run) {
                    // The row's counts are the down file's while it was being rolled back.
                    const Migration* m = set_.find(e.version);
                    const int total = down && m ? static_cast<int>(d.split(m->up.sql).size()) : e.row->statements_total.value_or(0);
                    tx->set_counts(e.version, total, total);
                    tx->finish(e.version, e.row->execution_time_ms);
                }
            } else if (listed(o.forget, e.version)) {
                result.changes.push_back({e.version, e.name, "remove row",
                                          at + (down ? "; recorded as rolled back (undone by hand)"
                                                     : "; the next apply runs it from statement 1 (undone by hand)")});
                if (!o.dry_run) tx->remove(e.version);
            } else {
                result.unresolved.push_back({e.version, e.name, "failed", at + ": " + resolve_failed_hint(e)});
            }
        }
        if (!o.dry_run) {
            tx->verify_lock("Nothing was changed; run `schemac repair` again.");
            tx->commit();
        }
        return result;
    });
}

RepairResult Runner::forget(const RollbackOptions& o) {
    return guarded(driver_, opts_, "forgetting migrations", false, [&](Driver& d) {
        d.lock(opts_.lock_timeout);
        if (!o.dry_run) d.ensure_history(false);
        bool exists = false;
        const Status st = make_status(set_, d.read_history(&exists), exists, d.database());
        if (const StatusEntry* partial = first_failed(st))
            throw failure(stopped_at(*partial) + "\n  resolve it first: " + resolve_failed_hint(*partial));
        RepairResult result;
        result.database = d.database();
        const auto tx = d.begin(true);
        for (const StatusEntry* e : rollback_range(st, o, nullptr).entries) {
            result.changes.push_back({e->version, e->name, "remove row",
                                      "nothing runs: its changes stay in the database, and the next apply runs it again"});
            if (!o.dry_run) tx->remove(e->version);
        }
        if (!o.dry_run) {
            tx->verify_lock("Nothing was changed; run `schemac rollback --forget` again.");
            tx->commit();
        }
        return result;
    });
}

RepairResult Runner::baseline(int version, bool dry_run) {
    return guarded(driver_, opts_, "recording a baseline", !dry_run, [&](Driver& d) {
        d.lock(opts_.lock_timeout);
        if (!set_.find(version)) throw failure("--version " + std::to_string(version) + ": there is no migration " + version_text(version));
        if (!dry_run) d.ensure_history(true);
        const auto rows = d.read_history();
        if (!rows.empty())
            throw failure("the history already has " + std::to_string(rows.size()) +
                          " rows: baseline is only for a database schemac has never migrated");
        RepairResult result;
        result.database = d.database();
        const auto tx = d.begin(true);
        for (const auto& m : set_.migrations()) {
            if (m.version > version) break;
            result.changes.push_back({m.version, m.name, "baseline", "recorded as applied without running " + m.up.file});
            HistoryRow r = row_for(m);
            r.baseline = true;
            if (!dry_run) tx->insert(r);
        }
        if (!dry_run) {
            tx->verify_lock("Nothing was recorded; run `schemac baseline` again.");
            tx->commit();
        }
        return result;
    });
}

}  // namespace schemac
