#include "sql/postgres/index_options.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <schemac/core/ascii.hpp>

namespace schemac::sql::postgres {

namespace {

enum class ParamKind { Integer, Real, Boolean, Buffering, Ternary };

// Where a parameter belongs: an index method's name ("btree", ...) or "table".
struct Param {
    const char* owner;
    const char* name;
    ParamKind kind;
    long long min, max;   // Integer, Real
};

constexpr long long kIntMax = 2147483647;

// PostgreSQL 15's storage parameters (reloptions.c): per index method and for
// tables, the name, the kind of value and its range. A table's toast.*
// parameters are left out: PostgreSQL drops them without a word from a table
// that has no TOAST table, so they could never be compared.
const std::vector<Param>& known_params() {
    static const std::vector<Param> params = {
        {"btree", "fillfactor", ParamKind::Integer, 10, 100},
        {"btree", "deduplicate_items", ParamKind::Boolean, 0, 0},
        {"hash", "fillfactor", ParamKind::Integer, 10, 100},
        {"gist", "fillfactor", ParamKind::Integer, 10, 100},
        {"gist", "buffering", ParamKind::Buffering, 0, 0},
        {"gin", "fastupdate", ParamKind::Boolean, 0, 0},
        {"gin", "gin_pending_list_limit", ParamKind::Integer, 64, kIntMax},
        {"brin", "pages_per_range", ParamKind::Integer, 1, 131072},
        {"brin", "autosummarize", ParamKind::Boolean, 0, 0},
        {"table", "fillfactor", ParamKind::Integer, 10, 100},
        {"table", "toast_tuple_target", ParamKind::Integer, 128, 8160},
        {"table", "parallel_workers", ParamKind::Integer, 0, 1024},
        {"table", "autovacuum_enabled", ParamKind::Boolean, 0, 0},
        {"table", "vacuum_index_cleanup", ParamKind::Ternary, 0, 0},
        {"table", "vacuum_truncate", ParamKind::Boolean, 0, 0},
        {"table", "autovacuum_vacuum_threshold", ParamKind::Integer, 0, kIntMax},
        {"table", "autovacuum_vacuum_scale_factor", ParamKind::Real, 0, 100},
        {"table", "autovacuum_vacuum_insert_threshold", ParamKind::Integer, -1, kIntMax},
        {"table", "autovacuum_vacuum_insert_scale_factor", ParamKind::Real, 0, 100},
        {"table", "autovacuum_analyze_threshold", ParamKind::Integer, 0, kIntMax},
        {"table", "autovacuum_analyze_scale_factor", ParamKind::Real, 0, 100},
        {"table", "autovacuum_vacuum_cost_delay", ParamKind::Real, 0, 100},
        {"table", "autovacuum_vacuum_cost_limit", ParamKind::Integer, 1, 10000},
        {"table", "autovacuum_freeze_min_age", ParamKind::Integer, 0, 1000000000},
        {"table", "autovacuum_freeze_max_age", ParamKind::Integer, 100000, 2000000000},
        {"table", "autovacuum_freeze_table_age", ParamKind::Integer, 0, 2000000000},
        {"table", "autovacuum_multixact_freeze_min_age", ParamKind::Integer, 0, 1000000000},
        {"table", "autovacuum_multixact_freeze_max_age", ParamKind::Integer, 10000, 2000000000},
        {"table", "autovacuum_multixact_freeze_table_age", ParamKind::Integer, 0, 2000000000},
        {"table", "log_autovacuum_min_duration", ParamKind::Integer, -1, kIntMax},
    };
    return params;
}

// A number of the kind in [min, max], as canonical_storage_value spells it
// (so 070 and 0.050 pass, 1e3 does not).
bool number_in(const std::string& v, ParamKind kind, long long min, long long max) {
    if (v.empty() || v.size() > 20) return false;
    std::size_t digits = 0, points = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (is_ascii_digit(v[i])) ++digits;
        else if (v[i] == '.' && kind == ParamKind::Real) ++points;
        else if (!(v[i] == '-' && i == 0)) return false;
    }
    if (digits == 0 || points > 1) return false;
    const double n = std::stod(v);
    return n >= static_cast<double>(min) && n <= static_cast<double>(max);
}

std::string q(const std::string& name) { return "'" + name + "'"; }

std::string expected(const Param& k) {
    switch (k.kind) {
        case ParamKind::Integer: return "an integer from " + std::to_string(k.min) + " to " + std::to_string(k.max);
        case ParamKind::Real: return "a number from " + std::to_string(k.min) + " to " + std::to_string(k.max);
        case ParamKind::Boolean: return "true or false (on, off)";
        case ParamKind::Buffering: return "on, off or auto";
        case ParamKind::Ternary: return "on, off or auto (true, false)";
    }
    return "";
}

// `owner`: "btree", ..., "table"; `what`: "index 'x'" or "table public.t", for messages.
void check_param(const char* owner, const std::string& what, const SourcePos& with_pos, const StorageParam& p, Diagnostics& diags) {
    const SourcePos& at = p.pos.line ? p.pos : with_pos;
    if (p.name.rfind("toast.", 0) == 0 && std::string_view(owner) == "table") {
        diags.error(at, "bad-value", "storage parameter " + p.name + " of " + what +
                                         ": the toast.* parameters are not in the language, because PostgreSQL drops them without a word "
                                         "from a table that has no TOAST table (schemac could never compare them); set it by hand, and "
                                         "schemac inspect names it in a warning");
        return;
    }
    std::string names;
    for (const auto& k : known_params()) {
        if (std::string_view(k.owner) != owner) continue;
        names += (names.empty() ? "" : ", ") + std::string(k.name);
        if (p.name != k.name) continue;
        const std::string v = canonical_storage_value(p.name, p.value);
        const bool ok = k.kind == ParamKind::Integer || k.kind == ParamKind::Real ? number_in(v, k.kind, k.min, k.max)
                        : k.kind == ParamKind::Boolean                            ? v == "true" || v == "false"
                                                                                  : v == "on" || v == "off" || v == "auto";
        if (!ok) diags.error(at, "bad-value", "storage parameter " + p.name + " of " + what + " is " + p.value + "; it takes " + expected(k));
        return;
    }
    const std::string owner_name = std::string_view(owner) == "table" ? std::string("a table") : "a " + std::string(owner) + " index";
    diags.error(at, "bad-value", owner_name + " has no storage parameter " + p.name + " (" + what + "); it has " + names);
}

// Types whose values have a collation (text, varchar, char, and arrays of them).
bool collatable(const Type& t) { return is_text(t.kind); }

}  // namespace

bool is_table_storage_param(const std::string& name) {
    return std::any_of(known_params().begin(), known_params().end(),
                       [&](const Param& k) { return std::string_view(k.owner) == "table" && name == k.name; });
}

void check_index_options(const Table& t, Diagnostics& diags) {
    for (const auto& p : t.with) check_param("table", "table " + t.name.display(), t.with_pos, p, diags);
    for (const auto& c : t.columns)
        if (!c.collation.empty() && !collatable(c.type))
            diags.error(c.collation_pos, "bad-value", "column " + q(c.name) + " of table " + t.name.display() + " has a collation, but its type " +
                                                           c.type.display() + " has none (text, varchar, char and citext have)");
    for (const auto& i : t.indexes) {
        if (!i.include.empty() && i.method != IndexMethod::Btree && i.method != IndexMethod::Gist)
            diags.error(i.include_pos, "bad-index", "only btree and gist indexes have INCLUDE columns (index " + q(i.name) + " is " +
                                                        index_method_name(i.method) + ")");
        for (const auto& p : i.with) check_param(index_method_name(i.method), "index " + q(i.name), i.with_pos, p, diags);
        for (const auto& e : i.elements) {
            if (e.collation.empty() || !e.expr.empty()) continue;
            const Column* c = t.find_column(e.column);
            if (c && !collatable(c->type))
                diags.error(e.pos, "bad-index", "index " + q(i.name) + " gives column " + q(c->name) + " a collation, but its type " +
                                                    c->type.display() + " has none (text, varchar, char and citext have)");
        }
    }
}

}  // namespace schemac::sql::postgres
