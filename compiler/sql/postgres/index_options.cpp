#include "sql/postgres/index_options.hpp"

#include <string>
#include <vector>

#include <schemac/core/ascii.hpp>

namespace schemac::sql::postgres {

namespace {

enum class ParamKind { Integer, Boolean, Buffering };

struct Param {
    IndexMethod method;
    const char* name;
    ParamKind kind;
    long long min, max;   // Integer
};

// PostgreSQL 15's index storage parameters (reloptions.c): per method, the
// name, the kind of value and its range.
const std::vector<Param>& known_params() {
    static const std::vector<Param> params = {
        {IndexMethod::Btree, "fillfactor", ParamKind::Integer, 10, 100},
        {IndexMethod::Btree, "deduplicate_items", ParamKind::Boolean, 0, 0},
        {IndexMethod::Hash, "fillfactor", ParamKind::Integer, 10, 100},
        {IndexMethod::Gist, "fillfactor", ParamKind::Integer, 10, 100},
        {IndexMethod::Gist, "buffering", ParamKind::Buffering, 0, 0},
        {IndexMethod::Gin, "fastupdate", ParamKind::Boolean, 0, 0},
        {IndexMethod::Gin, "gin_pending_list_limit", ParamKind::Integer, 64, 2147483647},
        {IndexMethod::Brin, "pages_per_range", ParamKind::Integer, 1, 131072},
        {IndexMethod::Brin, "autosummarize", ParamKind::Boolean, 0, 0},
    };
    return params;
}

bool integer_in(const std::string& v, long long min, long long max) {
    if (v.empty() || v.size() > 12) return false;
    for (char c : v)
        if (!is_ascii_digit(c)) return false;
    const long long n = std::stoll(v);
    return n >= min && n <= max;
}

std::string q(const std::string& name) { return "'" + name + "'"; }

void check_param(const Index& i, const StorageParam& p, Diagnostics& diags) {
    std::string names;
    for (const auto& k : known_params()) {
        if (k.method != i.method) continue;
        names += (names.empty() ? "" : ", ") + std::string(k.name);
        if (p.name != k.name) continue;
        const std::string v = canonical_storage_value(p.name, p.value);
        const bool ok = k.kind == ParamKind::Integer   ? integer_in(v, k.min, k.max)
                        : k.kind == ParamKind::Boolean ? v == "true" || v == "false"
                                                       : v == "on" || v == "off" || v == "auto";
        if (!ok)
            diags.error(i.with_pos, "bad-value",
                        "storage parameter " + p.name + " of index " + q(i.name) + " is " + p.value + "; it takes " +
                            (k.kind == ParamKind::Integer   ? "an integer from " + std::to_string(k.min) + " to " + std::to_string(k.max)
                             : k.kind == ParamKind::Boolean ? std::string("true or false (on, off)")
                                                            : std::string("on, off or auto")));
        return;
    }
    diags.error(i.with_pos, "bad-value",
                "a " + std::string(index_method_name(i.method)) + " index has no storage parameter " + p.name + " (index " + q(i.name) +
                    "); it has " + names);
}

// Types whose values have a collation (text, varchar, char, and arrays of them).
bool collatable(const Type& t) { return is_text(t.kind); }

}  // namespace

void check_index_options(const Table& t, Diagnostics& diags) {
    for (const auto& c : t.columns)
        if (!c.collation.empty() && !collatable(c.type))
            diags.error(c.collation_pos, "bad-value", "column " + q(c.name) + " of table " + t.name.display() + " has a collation, but its type " +
                                                           c.type.display() + " has none (text, varchar, char and citext have)");
    for (const auto& i : t.indexes) {
        if (!i.include.empty() && i.method != IndexMethod::Btree && i.method != IndexMethod::Gist)
            diags.error(i.include_pos, "bad-index", "only btree and gist indexes have INCLUDE columns (index " + q(i.name) + " is " +
                                                        index_method_name(i.method) + ")");
        for (const auto& p : i.with) check_param(i, p, diags);
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
