// A plan: the SQL for a list of changes, each step with its reverse. Dialect-
// neutral; a dialect (sql/postgres/) fills it.
#pragma once
#include <string>
#include <vector>

namespace schemac::sql {

enum class HazardKind {
    DataLoss,          // rows or values are deleted and the reverse cannot bring them back
    TableRewrite,      // the whole table is rewritten (time and disk proportional to its size)
    ExclusiveLock,     // ACCESS EXCLUSIVE (or write-blocking) lock held while existing rows are scanned or rewritten
    FullScan,          // every existing row is read to check a condition
    BreaksApp,         // the running application's SQL stops working (rename, drop)
    MayFail,           // can fail on existing data (narrowing type, NOT NULL with NULLs, unique on duplicates)
};

const char* hazard_name(HazardKind k);   // "data-loss", "table-rewrite", ...

struct Hazard {
    HazardKind kind;
    std::string message;   // what happens and the safe alternative
};

struct PlanStep {
    PlanStep() = default;
    PlanStep(std::string s, std::vector<std::string> u, std::vector<std::string> d)
        : summary(std::move(s)), up(std::move(u)), down(std::move(d)) {}

    std::string summary;              // "+ table public.prices", "~ column public.prices.close: type", ...
    std::vector<std::string> up;      // statements, each without the trailing newline
    std::vector<std::string> down;    // the reverse statements (may be empty: see down_note)
    std::string up_note;              // comment above the up statements (e.g. which data is lost)
    std::string down_note;            // comment above the down statements; why there is no reverse
    std::vector<Hazard> hazards;
    bool transactional = true;        // false: must run outside a transaction block
    bool own_transaction = false;     // must start a new transaction (e.g. VALIDATE after NOT VALID)
    bool destructive = false;         // the up loses data: needs --allow-destructive
    bool down_destructive = false;    // the down loses data (rollback needs --allow-destructive)
    // SQLite's table rebuild: its file runs with foreign keys off (switched
    // outside the transaction) and checks them all before it commits
    // (`-- schemac:foreign-keys-off`), so dropping the old table neither
    // cascades nor fails on the rows that reference it.
    bool foreign_keys_off = false;
};

struct Plan {
    std::vector<PlanStep> steps;
    // Whether a transaction's locks take room in a table the server shares
    // (PostgreSQL's, max_locks_per_transaction): a plan that would take too
    // many is written as several migrations. SQLite locks the whole database
    // file instead, which costs nothing per table.
    bool shared_lock_table = true;
    bool empty() const { return steps.empty(); }
};

}  // namespace schemac::sql
