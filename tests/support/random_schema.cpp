// Random schema pairs. The generator keeps its own small model (columns and
// tables are referred to by stable ids, so renames and drops are easy to apply
// everywhere), builds A, copies it to B, mutates B, and writes both as YAML with
// randomly varied spelling (type aliases, quoting, concise/full forms, reference
// forms, seed values such as TRUE for true or +5 for 5), written independently
// for A and B, so the pair also checks that spelling is not taken for a change
// (value spellings may give no-op seed updates; they must still be valid SQL).
//
// Data: A's tables carry seed rows; every mutation is chosen so that it still
// applies to those rows (up and down), e.g. a column becomes NOT NULL only when
// every existing row has a value, a unique constraint is added only on values
// that are distinct. Foreign-key columns are always NULL in seed rows, so rows
// can be inserted and deleted in any order.
//
// SQLite (RandomOptions::sqlite): the same model within what `dialect: sqlite`
// accepts, SQLite's SQL in every expression, names unique regardless of ASCII
// case (SQLite's are), and mutations whose values survive the way up and back
// down through SQLite's type affinities (tests/sqlite/random_pairs_test.cpp
// compares those rows); besides, the changes SQLite's planner tells apart:
// primary keys added, dropped, extended or moved, index and constraint renames,
// each kind of added column (ADD COLUMN or a rebuild) and backfills over other
// columns. Off, a seed gives the same pair as before SQLite existed here: every
// SQLite branch draws from the generator only when the option is on.
#include "random_schema.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <schemac/core/ascii.hpp>

namespace schemac::test {

namespace {

// ------------------------------------------------------------------ randomness

class Rng {
public:
    explicit Rng(std::uint64_t seed) : e_(seed) {}
    // Uniform in [lo, hi], by rejection from the engine's raw output: the
    // standard distributions differ between standard libraries.
    int range(int lo, int hi) {
        if (hi <= lo) return lo;
        const std::uint64_t span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
        const std::uint64_t limit = (UINT64_MAX / span) * span;
        std::uint64_t x;
        do x = e_();
        while (x >= limit);
        return lo + static_cast<int>(x % span);
    }
    bool chance(int percent) { return range(0, 99) < percent; }
    template <class T>
    const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(range(0, static_cast<int>(v.size()) - 1))]; }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (int i = static_cast<int>(v.size()) - 1; i > 0; --i) std::swap(v[static_cast<std::size_t>(i)], v[static_cast<std::size_t>(range(0, i))]);
    }

private:
    std::mt19937_64 e_;
};

// ------------------------------------------------------------------ model

enum class K {
    SmallInt, Integer, BigInt, Serial, BigSerial, Real, Double, Numeric, Varchar, Char, Text, Bool,
    Date, Time, Timestamp, TimestampTz, Interval, Uuid, Json, Jsonb, Bytea, VarBit, Enum
};

struct GType {
    K k = K::Text;
    int p = -1, s = -1, len = -1;   // numeric(p,s), time/timestamp(p), varchar/char(len)
    bool array = false;
    int enum_uid = -1;
    bool operator==(const GType&) const = default;
    GType element() const { GType t = *this; t.array = false; return t; }
};

bool is_int(K k) { return k == K::SmallInt || k == K::Integer || k == K::BigInt || k == K::Serial || k == K::BigSerial; }
bool is_serial(K k) { return k == K::Serial || k == K::BigSerial; }
bool is_textual(K k) { return k == K::Varchar || k == K::Char || k == K::Text; }
bool is_numberish(K k) { return is_int(k) || k == K::Numeric || k == K::Real || k == K::Double; }
// Values generated for row r are distinct for distinct r.
bool high_card(const GType& t) { return !t.array && t.k != K::Bool && t.k != K::Enum && t.k != K::Json; }
// Has a btree operator class (json has none).
bool keyable(const GType& t) { return t.k != K::Json; }

struct GVal {
    enum Kind { Scalar, Array, Sql, Null };
    Kind kind = Scalar;
    std::string text;                                  // Scalar: the value; Sql: the expression
    std::vector<std::optional<std::string>> items;     // Array (nullopt = null element)
    int r = -1;   // the row number the value was made for (distinct r, distinct value); -1 = shared (defaults)
    bool same(const GVal& o) const { return kind == o.kind && text == o.text && items == o.items; }
};

struct GCol {
    int uid = 0;
    std::string name;
    GType type;
    bool nullable = false;
    std::optional<GVal> def;
    std::string identity;        // "", "always", "by_default"
    std::string comment;
    std::string renamed_from;
    bool using_cast = false;     // write `using: "<col>"::<type>` (SQLite: CAST("<col>" AS <type>))
    std::string backfill;        // SQL; with backfill_col, a template over $0, that column
    int backfill_col = -1;
    std::string collate;         // PostgreSQL's C or POSIX; written only while the type is text-like
    bool fresh = false, touched = false;
};

struct GKey {
    int uid = 0;
    std::string name;            // "" = PostgreSQL's default name
    std::vector<int> cols;
    bool shorthand = false;      // written as `primary_key: true` / `unique: true` on the column
    bool fresh = false;
};

struct GFk {
    int uid = 0;
    std::string name;
    std::vector<int> cols;
    int ref_table = 0;
    std::vector<int> ref_cols;
    bool ref_explicit = true;    // false: written without columns (the primary key)
    std::string on_delete = "no_action", on_update = "no_action";
    bool shorthand = false;      // written as `references:` on the column
    bool fresh = false;
};

struct GCheck {
    int uid = 0;
    std::string name, tpl;       // tpl: SQL with $0, $1 standing for the quoted column names
    std::vector<int> cols;
    bool fresh = false;
};

struct GIdxEl {
    int col = 0;
    std::string tpl;             // "" = the column itself; else an expression over $0
    int order = 0;               // 0 unwritten, 1 asc, 2 desc
    int nulls = 0;               // 0 unwritten, 1 first, 2 last
    bool pattern_ops = false;    // opclass: text_pattern_ops (a text or varchar column)
    bool collate_c = false;      // collate: C (a text or varchar column)
};

GIdxEl element(int col) {
    GIdxEl e;
    e.col = col;
    return e;
}

struct GIndex {
    int uid = 0;
    std::string name;
    std::vector<GIdxEl> els;
    bool unique = false;
    std::string where_tpl;
    int where_col = -1;
    std::string method = "btree";
    bool method_written = false;
    bool concurrently = false;
    bool fresh = false;
    std::vector<int> include;    // INCLUDE columns (btree)
    int fillfactor = 0;          // with: {fillfactor: N}, 0 unwritten
    int dedup = 0;               // with: {deduplicate_items: ...}, 0 unwritten, 1 on, 2 off
};

struct GRow {
    int uid = 0;
    int r = 0;
    std::vector<std::pair<int, GVal>> vals;
    bool fresh = false, touched = false;
    const GVal* find(int c) const {
        for (const auto& [k, v] : vals)
            if (k == c) return &v;
        return nullptr;
    }
    GVal* find(int c) {
        for (auto& [k, v] : vals)
            if (k == c) return &v;
        return nullptr;
    }
    void erase(int c) {
        vals.erase(std::remove_if(vals.begin(), vals.end(), [&](const auto& kv) { return kv.first == c; }), vals.end());
    }
};

struct GTable {
    int uid = 0;
    std::string schema, name, comment;
    std::string renamed_from;    // as written
    std::vector<GCol> cols;
    std::optional<GKey> pk;
    std::vector<GKey> uniques;
    std::vector<GFk> fks;
    std::vector<GCheck> checks;
    std::vector<GIndex> idx;
    bool seeded = false, seed_intent = false, seed_key_explicit = false;
    std::vector<int> seed_key;
    std::vector<GRow> rows;
    int next_r = 0;              // next row number for values (inserts and updates take fresh ones)
    std::set<std::string> col_names_ever;
    bool fresh = false, touched = false;
    // A hypertable (only with RandomOptions::hypertables): its time column,
    // chunk_interval as written ("" = unset) and create_default_indexes.
    // `time_col` set without `hyper`: a plain table whose keys hold the time
    // column already, ready to become a hypertable in B.
    int time_col = -1;
    bool hyper = false;
    std::string chunk;
    bool default_indexes = true;
    // Generated columns: `name` reads plain column `col` (a uid) as
    // ("col" IS [NOT] NULL). Kept apart from `cols`, so no other mutation
    // picks one; each goes with the column it reads.
    struct Generated {
        int uid = 0;
        std::string name;
        int col = 0;
        bool negate = false;
    };
    std::vector<Generated> generated;
    // PostgreSQL's table settings: with: {fillfactor: N} (0 unwritten),
    // autovacuum_enabled: off, unlogged (never on a hypertable, and a logged
    // table's key never references an unlogged one).
    int fillfactor = 0;
    bool autovacuum_off = false;
    bool unlogged = false;
    bool row_security = false;   // row_level_security: true (never forced: seed rows could not be written)

    GCol* col(int u) {
        for (auto& c : cols)
            if (c.uid == u) return &c;
        return nullptr;
    }
    const GCol* col(int u) const {
        for (const auto& c : cols)
            if (c.uid == u) return &c;
        return nullptr;
    }
};

struct GEnum {
    int uid = 0;
    std::string schema, name;
    std::vector<std::string> values;
    std::string comment;
    bool fresh = false, touched = false;
};

struct GSchema {
    std::vector<GTable> tables;
    std::vector<GEnum> enums;
    GTable* table(int u) {
        for (auto& t : tables)
            if (t.uid == u) return &t;
        return nullptr;
    }
    const GTable* table(int u) const {
        for (const auto& t : tables)
            if (t.uid == u) return &t;
        return nullptr;
    }
    const GEnum* enm(int u) const {
        for (const auto& e : enums)
            if (e.uid == u) return &e;
        return nullptr;
    }
    GEnum* enm(int u) {
        for (auto& e : enums)
            if (e.uid == u) return &e;
        return nullptr;
    }
    bool has_table(const std::string& schema, const std::string& name) const {
        for (const auto& t : tables)
            if (t.schema == schema && t.name == name) return true;
        return false;
    }
    bool has_enum(const std::string& schema, const std::string& name) const {
        for (const auto& e : enums)
            if (e.schema == schema && e.name == name) return true;
        return false;
    }
};

// ------------------------------------------------------------------ names and texts

const std::vector<std::string> kPlainTables = {"accounts", "orders", "items", "events", "prices", "users", "sessions",
                                               "invoices", "products", "tags", "notes", "metrics", "jobs", "teams",
                                               "quotes", "trades", "signals", "models", "runs", "alerts"};
const std::vector<std::string> kTrickyTables = {"order", "user", "select", "table", "group", "Order Items", "MixedCase",
                                                "with space", "naïve café", "we\"ird", "from", "Prices", "2fast", "ÜBER",
                                                "limit"};
const std::vector<std::string> kPlainCols = {"name", "title", "amount", "qty", "price", "status", "created_at",
                                             "updated_at", "note", "flag", "score", "data", "payload", "tags", "code",
                                             "label", "kind", "ref", "value", "position", "total", "seen_at"};
const std::vector<std::string> kTrickyCols = {"order", "user", "select", "Value", "Amount Due", "timestamp", "from",
                                              "desc", "check", "column", "CamelCol", "naïve", "we\"ird col", "default",
                                              "primary"};
const std::vector<std::string> kSchemas = {"ops", "analytics", "Sales Data", "select", "archive"};
const std::vector<std::string> kEnumNames = {"mood", "status_kind", "side", "Level", "order status", "user",
                                             "priority", "color"};
const std::vector<std::string> kEnumValues = {"low", "high", "medium", "buy", "sell", "hold", "in progress", "N/A",
                                              "it's", "UPPER", "Ünï", "null", "a,b", "x\"y", "back\\slash", "done",
                                              "new", "old", "true", "#1"};
const std::vector<std::string> kComments = {"plain comment", "it's quoted", "with \"double\" quotes", "ünïcödé ✓",
                                            "two\nlines", "50% off; -- not SQL", "#hash: colon", "tab\there"};
const std::vector<std::string> kTails = {"a", "b", "x", "Z", " ", "'", "\"", "\\", ",", "{", "}", "é", "#", ":", "-",
                                         "ü", "Q", "$"};

std::size_t utf8_chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string base36(int r) {
    static const char* d = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string s;
    do {
        s.insert(s.begin(), d[r % 36]);
        r /= 36;
    } while (r > 0);
    return s;
}

std::string fmt(const char* f, int a, int b = 0, int c = 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, a, b, c);
    return buf;
}

// SQL: an identifier always in double quotes (the check/index texts must be
// the same in A and B, so no "only when needed").
std::string sql_ident(const std::string& n) {
    std::string out = "\"";
    for (char c : n) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// ------------------------------------------------------------------ YAML writing

bool yaml_plain(const std::string& s) {
    if (s.empty()) return false;
    const unsigned char f = static_cast<unsigned char>(s[0]);
    if (!(is_ascii_alnum(static_cast<char>(f)) || f == '_')) return false;
    for (unsigned char c : s)
        if (!(is_ascii_alnum(static_cast<char>(c)) || c == '_' || c == '.' || c == '+' || c == '-')) return false;
    const std::string l = ascii_lower(s);
    static const std::set<std::string> special = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"};
    return !special.count(l);
}

std::string yaml_single(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

std::string yaml_double(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '\\' || c == '"') { out += '\\'; out += c; }
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out + "\"";
}

// ------------------------------------------------------------------ the generator

class Gen {
public:
    Gen(std::uint64_t seed, const RandomOptions& options) : rng_(seed), options_(options) {
        if (options_.sqlite) options_.hypertables = false;
    }

    SchemaPair run() {
        build_a();
        b_ = a_;
        in_b_ = true;
        const int wanted = rng_.range(1, 5);
        int done = 0;
        for (int attempt = 0; attempt < 200 && done < wanted; ++attempt)
            if (mutate()) ++done;
        // Last, so that no later mutation puts a check, an index expression or
        // a foreign key over a column it converts (schemac refuses those).
        if (!options_.sqlite && rng_.chance(12)) reorder_enum();
        SchemaPair p;
        p.from_yaml = emit(a_);
        p.to_yaml = emit(b_);
        std::string d = std::string(options_.sqlite ? "SQLite " : "") + "A: " + std::to_string(a_.tables.size()) + " table(s), " + std::to_string(a_.enums.size()) +
                        " enum(s); B = A with:\n";
        for (const auto& l : log_) d += "  " + l + "\n";
        p.description = d;
        for (const auto& at : a_.tables) {
            const GTable* bt = b_.table(at.uid);
            if (!bt) continue;
            KeptTable k;
            k.table = at.name;
            for (const auto& c : at.cols)
                if (bt->col(c.uid)) k.columns.push_back(c.name);
            if (bt->seeded) {
                k.b_table = bt->name;
                for (const auto& c : bt->cols)
                    if (const GCol* ac = at.col(c.uid); ac && ac->type == c.type && ac->def.has_value() == c.def.has_value() &&
                                                         (!c.def || ac->def->same(*c.def)))
                        k.seeded_columns.push_back(c.name);
            }
            p.kept.push_back(std::move(k));
        }
        return p;
    }

private:
    Rng rng_;
    RandomOptions options_;
    int uid_ = 0;
    int counter_ = 0;
    std::set<std::string> names_ever_;   // schema \x1f name of every table and enum ever used
    std::string second_;                 // the second PostgreSQL schema of A ("" = none)
    GSchema a_, b_;
    std::vector<std::string> log_;
    std::set<int> commented_;            // objects whose comment a mutation changed already
    bool in_b_ = false;                  // mutating B: time-dependent defaults allowed (SQLite)
    std::set<int> renamed_;              // SQLite: indexes and constraints renamed, tables whose key changed (once each)

    int uid() { return ++uid_; }

    // A name as the database compares it: SQLite's names ignore ASCII case.
    std::string fold(const std::string& n) const { return options_.sqlite ? ascii_lower(n) : n; }

    // ---- names

    static std::string clip_bytes(std::string s, std::size_t n) {
        if (s.size() <= n) return s;
        while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
        return s.substr(0, n);
    }

    std::string long_name() {
        std::string base = rng_.chance(50) ? "a_rather_long_identifier_that_checks_default_name_truncation"
                                           : "très_long_nom_avec_accents_pour_vérifier_la_troncature_é";
        return clip_bytes(base, static_cast<std::size_t>(rng_.range(45, 63)));
    }

    std::string fresh_relation_name(const std::string& schema) {
        for (int i = 0;; ++i) {
            std::string n;
            const int roll = rng_.range(0, 99);
            if (roll < 65) n = rng_.pick(kPlainTables);
            else if (roll < 93) n = rng_.pick(kTrickyTables);
            else n = long_name();
            if (i > 3) n = clip_bytes(n, 55) + "_" + std::to_string(++counter_);
            if (names_ever_.count(schema + '\x1f' + fold(n))) continue;
            names_ever_.insert(schema + '\x1f' + fold(n));
            return n;
        }
    }

    std::string fresh_column_name(GTable& t) {
        for (int i = 0;; ++i) {
            std::string n;
            const int roll = rng_.range(0, 99);
            if (roll < 68) n = rng_.pick(kPlainCols);
            else if (roll < 95) n = rng_.pick(kTrickyCols);
            else n = long_name();
            if (i > 3) n = clip_bytes(n, 55) + "_" + std::to_string(++counter_);
            if (t.col_names_ever.count(fold(n))) continue;
            t.col_names_ever.insert(fold(n));
            return n;
        }
    }

    std::string column_name_like(GTable& t, const std::string& want) {
        std::string n = clip_bytes(want, 58);
        while (t.col_names_ever.count(fold(n))) n = clip_bytes(want, 50) + "_" + std::to_string(++counter_);
        t.col_names_ever.insert(fold(n));
        return n;
    }

    // Explicit constraint and index names are unique across the whole run.
    std::string object_name(const char* prefix) {
        ++counter_;
        if (rng_.chance(20)) return std::string("Mixed ") + prefix + " " + std::to_string(counter_);
        return std::string(prefix) + "_" + std::to_string(counter_);
    }

    std::string comment_text() { return rng_.pick(kComments) + (rng_.chance(50) ? " " + std::to_string(++counter_) : ""); }

    // ---- types and values

    GType random_type(const GSchema& s, bool allow_serial, bool allow_array = true) {
        struct W { K k; int w; };
        std::vector<W> ws = {{K::SmallInt, 4}, {K::Integer, 10}, {K::BigInt, 6}, {K::Real, 3}, {K::Double, 4},
                             {K::Numeric, 7}, {K::Varchar, 8}, {K::Char, 3}, {K::Text, 10}, {K::Bool, 5},
                             {K::Date, 4}, {K::Time, 3}, {K::Timestamp, 4}, {K::TimestampTz, 6}, {K::Interval, 3},
                             {K::Uuid, 4}, {K::Json, 3}, {K::Jsonb, 5}, {K::Bytea, 3}, {K::VarBit, 2}};
        if (options_.sqlite) {   // SQLite's types: no serial, enum or array
            ws = {{K::SmallInt, 4}, {K::Integer, 10}, {K::BigInt, 6}, {K::Real, 3}, {K::Double, 4},
                  {K::Numeric, 7}, {K::Text, 16}, {K::Bool, 5}, {K::Bytea, 3}};
            allow_serial = allow_array = false;
        }
        if (!s.enums.empty()) ws.push_back({K::Enum, 7});
        if (allow_serial) { ws.push_back({K::Serial, 2}); ws.push_back({K::BigSerial, 1}); }
        int total = 0;
        for (const auto& w : ws) total += w.w;
        int x = rng_.range(0, total - 1);
        GType t;
        for (const auto& w : ws) {
            if (x < w.w) { t.k = w.k; break; }
            x -= w.w;
        }
        switch (t.k) {
            case K::Numeric:
                if (rng_.chance(70)) { t.s = rng_.range(0, 4); t.p = t.s + rng_.range(3, 10); }
                break;
            case K::Varchar:
                if (rng_.chance(80)) t.len = rng_.range(5, 40);
                break;
            case K::Char: t.len = rng_.range(1, 8); break;
            case K::VarBit:
                if (rng_.chance(50)) t.len = 64;
                break;
            case K::Time: case K::Timestamp: case K::TimestampTz:
                if (rng_.chance(25)) t.p = rng_.range(0, 6);
                break;
            case K::Enum: t.enum_uid = rng_.pick(s.enums).uid; break;
            default: break;
        }
        if (allow_array && !is_serial(t.k) && t.k != K::Json && rng_.chance(12)) t.array = true;
        return t;
    }

    std::string text_value(int r, const GType& t, bool special_ok) {
        const int maxlen = t.len < 0 ? 5 : std::min(t.len, 5);
        if (special_ok && rng_.chance(15)) {
            static const std::vector<std::string> sp = {"null", "~", "true", "NULL", "yes", "no"};
            const std::string& v = rng_.pick(sp);
            if (static_cast<int>(v.size()) <= maxlen) return v;
        }
        std::string s = base36(r);
        if (static_cast<int>(s.size()) > maxlen) s = s.substr(0, static_cast<std::size_t>(maxlen));
        const int extra = rng_.range(0, maxlen - static_cast<int>(utf8_chars(s)));
        for (int i = 0; i < extra; ++i) s += rng_.pick(kTails);
        return s;
    }

    std::string date_text(int r) { return fmt("2024-%02d-%02d", 1 + (r / 28) % 12, 1 + r % 28); }

    std::string scalar(const GSchema& s, const GType& t, int r, bool special_ok) {
        switch (t.k) {
            case K::SmallInt: case K::Integer: case K::BigInt: case K::Serial: case K::BigSerial:
                return std::to_string(r * 10 + rng_.range(0, 9));
            case K::Real: case K::Double: {
                const std::string v = std::to_string(r * 10 + rng_.range(0, 9));
                const int f = rng_.range(0, 2);
                return f == 0 ? v : f == 1 ? v + ".5" : v + ".25";
            }
            case K::Numeric: {
                std::string v = std::to_string(r * 10 + rng_.range(0, 9));
                const int nd = rng_.range(0, t.p < 0 ? 3 : t.s);
                if (nd > 0) {
                    v += '.';
                    for (int i = 0; i < nd; ++i) v += static_cast<char>('0' + rng_.range(0, 9));
                }
                return v;
            }
            case K::Varchar: case K::Char: case K::Text: return text_value(r, t, special_ok);
            case K::Bool: {
                static const std::vector<std::string> b = {"true", "false", "TRUE", "False"};
                return rng_.pick(b);
            }
            case K::Date: return special_ok && rng_.chance(10) ? "infinity" : date_text(r);
            case K::Time: {
                std::string v = fmt("%02d:%02d", r % 24, (r / 24) % 60);
                if (rng_.chance(60)) {
                    v += fmt(":%02d", rng_.range(0, 59));
                    if (rng_.chance(30)) v += ".125";
                }
                return v;
            }
            case K::Timestamp: case K::TimestampTz: {
                if (special_ok && rng_.chance(8)) return "infinity";
                std::string v = date_text(r) + (rng_.chance(30) ? "T" : " ") + fmt("12:%02d:%02d", rng_.range(0, 59), rng_.range(0, 59));
                if (rng_.chance(20)) v += ".25";
                if (t.k == K::TimestampTz) {
                    static const std::vector<std::string> z = {"", "Z", "+02", "+05:30", "-03:00"};
                    v += rng_.pick(z);
                }
                return v;
            }
            case K::Interval: {
                const int h = rng_.range(1, 23);
                switch (rng_.range(0, 2)) {
                    case 0: return fmt("%d days %d hours", r, h);
                    case 1: return fmt("P%dDT%dH", r, h);
                    default: return fmt("%d day %02d:%02d:00", r, h, rng_.range(0, 59));
                }
            }
            case K::Uuid: {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%c%03x-%06x%06x", r, rng_.range(0, 0xffff),
                              rng_.range(0, 0xfff), "89ab"[rng_.range(0, 3)], rng_.range(0, 0xfff), rng_.range(0, 0xffffff),
                              rng_.range(0, 0xffffff));
                return buf;
            }
            case K::Json: case K::Jsonb:
                switch (rng_.range(0, 2)) {
                    case 0: return "{\"k\": " + std::to_string(r) + ", \"s\": \"x y\"}";
                    case 1: return "[" + std::to_string(r) + ", true, null, \"a\"]";
                    default: return "{\"k\":" + std::to_string(r) + "}";
                }
            case K::Bytea: {
                // Only a lower-case \x: PostgreSQL rejects \X (which the literal check accepts).
                std::string v = fmt(rng_.chance(50) ? "\\x%02x" : "\\x%02X", r);
                const int n = rng_.range(0, 3);
                for (int i = 0; i < n; ++i) v += fmt("%02x", rng_.range(0, 255));
                return v;
            }
            case K::VarBit: {   // r in binary: distinct rows, distinct bits
                std::string v;
                for (int n = r; n > 0; n /= 2) v.insert(v.begin(), static_cast<char>('0' + n % 2));
                return v.empty() ? "0" : v;
            }
            case K::Enum: return rng_.pick(s.enm(t.enum_uid)->values);
        }
        return "0";
    }

    GVal value(const GSchema& s, const GType& t, int r, bool special_ok = false) {
        GVal v;
        if (t.array) {
            v.kind = GVal::Array;
            const int n = rng_.range(0, 3);
            for (int i = 0; i < n; ++i) {
                if (rng_.chance(15)) v.items.push_back(std::nullopt);
                else v.items.push_back(scalar(s, t.element(), rng_.range(0, 60), true));
            }
            return v;
        }
        v.kind = GVal::Scalar;
        v.text = scalar(s, t, r, special_ok);
        v.r = r;
        return v;
    }

    // An {sql: ...} default SQLite accepts; time-dependent (unixepoch()) only
    // in B, whose rows no comparison reads; "" when the type has none.
    std::string sqlite_sql_default(const GType& t) {
        std::vector<std::string> sql;
        if (is_int(t.k)) {
            sql = {"(40 + 2)", "42", "abs(-3)"};
            if (in_b_ && t.k != K::SmallInt) sql.push_back("unixepoch()");
        } else if (is_numberish(t.k)) sql = {"abs(-2.5)", "(1.5 * 2)"};
        else if (t.k == K::Text) sql = {"lower('X')", "'a' || 'b'", "hex(10)"};
        else if (t.k == K::Bool) sql = {"(NOT false)", "(1 = 1)"};
        else if (t.k == K::Bytea) sql = {"X'00ff'", "zeroblob(2)"};
        return sql.empty() ? "" : rng_.pick(sql);
    }

    std::optional<GVal> default_value(const GSchema& s, const GType& t) {
        if (is_serial(t.k)) return std::nullopt;
        if (options_.sqlite) {
            if (rng_.chance(25)) {
                GVal v;
                v.kind = GVal::Sql;
                v.text = sqlite_sql_default(t);
                if (!v.text.empty()) return v;
            }
        } else if (rng_.chance(25)) {
            std::vector<std::string> sql;
            if (t.array) sql = {"'{}'"};
            else if (t.k == K::TimestampTz || t.k == K::Timestamp) sql = {"now()", "CURRENT_TIMESTAMP", "statement_timestamp()"};
            else if (t.k == K::Date) sql = {"CURRENT_DATE"};
            else if (t.k == K::Uuid) sql = {"gen_random_uuid()"};
            else if (is_int(t.k)) sql = {"(40 + 2)", "42"};
            else if (t.k == K::Jsonb) sql = {"'{}'::jsonb"};
            else if (t.k == K::Json) sql = {"'{}'::json"};
            else if (t.k == K::Bool) sql = {"(NOT false)"};
            if (!sql.empty()) {
                GVal v;
                v.kind = GVal::Sql;
                v.text = rng_.pick(sql);
                return v;
            }
        }
        GVal v = value(s, t, 40 + rng_.range(0, 9), true);
        v.r = -1;   // shared by every row that leaves the column out
        return v;
    }

    // ---- expression templates

    std::optional<std::string> check_tpl(const GType& t) {
        if (options_.sqlite) {
            // Every value made here passes (a time default too: no upper bound on numbers).
            if (is_numberish(t.k)) return std::string(rng_.chance(50) ? "$0 >= 0" : "$0 > -1000");
            if (is_textual(t.k)) return std::string(rng_.chance(50) ? "length($0) <= 50" : "$0 <> ''");
            if (t.k == K::Bool) return std::string("($0 OR NOT $0)");
            return std::string("length($0) < 100");
        }
        if (t.array) return std::string("cardinality($0) >= 0");
        if (is_numberish(t.k)) return std::string(rng_.chance(50) ? "$0 >= 0" : "$0 < 100000");
        if (is_textual(t.k)) return std::string(rng_.chance(50) ? "length($0) <= 50" : "$0 <> ''");
        if (t.k == K::Date || t.k == K::Timestamp || t.k == K::TimestampTz) return std::string("$0 > '1900-01-01'");
        if (t.k == K::Bool) return std::string("($0 OR NOT $0)");
        if (t.k == K::Jsonb) return std::string("jsonb_typeof($0) <> 'x'");
        if (t.k == K::Json) return std::string("json_typeof($0) <> 'x'");
        return std::string("num_nonnulls($0) >= 0");
    }

    std::optional<std::string> expr_tpl(const GType& t) {
        if (t.array) return std::nullopt;
        if (is_textual(t.k)) return std::string(rng_.chance(50) ? "lower($0)" : "upper($0)");
        if (is_numberish(t.k)) return std::string("abs($0)");
        if (t.k == K::Jsonb || t.k == K::Json) return std::string("($0 ->> 'k')");
        return std::nullopt;
    }

    std::string where_tpl(const GType& t) {
        if (!t.array && is_numberish(t.k) && rng_.chance(50)) return "$0 > 0";
        if (!t.array && is_textual(t.k) && rng_.chance(50)) return "$0 <> ''";
        return "$0 IS NOT NULL";
    }

    // ---- queries over one table

    static bool in(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

    static bool in_pk(const GTable& t, int c) { return t.pk && in(t.pk->cols, c); }

    static bool in_unique_index(const GTable& t, int c) {
        for (const auto& i : t.idx)
            if (i.unique)
                for (const auto& e : i.els)
                    if (e.col == c) return true;
        return false;
    }

    static bool in_any_unique(const GTable& t, int c) {
        if (in_pk(t, c)) return true;
        for (const auto& u : t.uniques)
            if (in(u.cols, c)) return true;
        return in_unique_index(t, c);
    }

    // Unique in B, or in A: the rollback puts A's unique constraints back on B's rows.
    bool unique_either(const GTable& t, int c) const {
        const GTable* at = a_.table(t.uid);
        return in_any_unique(t, c) || (at && in_any_unique(*at, c));
    }

    static bool in_own_fk(const GTable& t, int c) {
        for (const auto& f : t.fks)
            if (in(f.cols, c)) return true;
        return false;
    }

    // Used in an SQL text (check, index expression or predicate).
    static bool in_expression(const GTable& t, int c) {
        for (const auto& k : t.checks)
            if (in(k.cols, c)) return true;
        for (const auto& o : t.cols)
            if (o.backfill_col == c) return true;
        for (const auto& i : t.idx) {
            if (i.where_col == c) return true;
            for (const auto& e : i.els)
                if (e.col == c && !e.tpl.empty()) return true;
        }
        return false;
    }

    static bool in_any_index(const GTable& t, int c) {
        for (const auto& i : t.idx) {
            if (i.where_col == c || in(i.include, c)) return true;
            for (const auto& e : i.els)
                if (e.col == c) return true;
        }
        return false;
    }

    static std::vector<int> fk_target_cols(const GSchema& s, const GFk& f) {
        if (f.ref_explicit) return f.ref_cols;
        const GTable* r = s.table(f.ref_table);
        return r && r->pk ? r->pk->cols : std::vector<int>{};
    }

    static bool referenced_by_fk(const GSchema& s, const GTable& t, int c) {
        for (const auto& o : s.tables)
            for (const auto& f : o.fks)
                if (f.ref_table == t.uid && in(fk_target_cols(s, f), c)) return true;
        return false;
    }

    static bool fk_involved(const GSchema& s, const GTable& t, int c) { return in_own_fk(t, c) || referenced_by_fk(s, t, c); }

    static bool has_default(const GCol& c) { return c.def.has_value() || is_serial(c.type.k) || !c.identity.empty(); }

    // Every row of `t` has NULL in column c (left out without a default, or null).
    static bool all_null(const GTable& t, const GCol& c) {
        for (const auto& row : t.rows) {
            const GVal* v = row.find(c.uid);
            if (v ? v->kind != GVal::Null : has_default(c)) return false;
        }
        return true;
    }

    // Every row of `t` has a value in column c.
    static bool all_set(const GTable& t, const GCol& c) {
        for (const auto& row : t.rows) {
            const GVal* v = row.find(c.uid);
            if (v ? v->kind == GVal::Null : !(c.def && c.def->kind != GVal::Null)) return false;
        }
        return true;
    }

    // The values of column c are pairwise distinct or NULL in every row of `t`
    // (made for distinct row numbers); `c` is the column as `t` defines it.
    static bool distinct(const GTable& t, const GCol& c) {
        std::set<int> seen;
        int shared = 0;
        for (const auto& row : t.rows) {
            const GVal* v = row.find(c.uid);
            if (v && v->kind == GVal::Null) continue;
            if (!v) {
                if (is_serial(c.type.k) || !c.identity.empty()) return false;
                if (c.def) ++shared;
                continue;
            }
            if (v->kind != GVal::Scalar || v->r < 0 || !seen.insert(v->r).second) return false;
        }
        return shared <= 1;   // a shared default differs from every value made for a row
    }

    // Can a unique constraint or index over column c be added by the migration:
    // distinct in A's rows (as they are in the database when it is added) and in B's.
    bool distinct_both(const GTable& bt, const GCol& bc) const {
        if (!high_card(bc.type) || !keyable(bc.type)) return false;
        if (!distinct(bt, bc)) return false;
        const GTable* at = a_.table(bt.uid);
        if (!at) return true;
        if (const GCol* ac = at->col(bc.uid)) return distinct(*at, *ac);
        // Added by the migration: the old rows get the sequence's next values,
        // or all the same default, or NULL.
        if (at->rows.size() < 2 || is_serial(bc.type.k) || !bc.identity.empty()) return true;
        if (options_.sqlite && !bc.backfill.empty()) return false;   // one backfill value for every old row
        return !bc.def;
    }

    // ---- building tables

    GCol make_column(GSchema& s, GTable& t, bool allow_serial, bool with_data) {
        GCol c;
        c.uid = uid();
        c.name = fresh_column_name(t);
        c.type = random_type(s, allow_serial);
        c.nullable = !is_serial(c.type.k) && rng_.chance(40);
        if (rng_.chance(30)) c.def = default_value(s, c.type);
        if (with_data && !c.nullable && !c.def && !is_serial(c.type.k)) c.def = default_value(s, c.type);
        if (!options_.sqlite && rng_.chance(15)) c.comment = comment_text();
        // PostgreSQL only: SQLite's NOCASE and RTRIM would make distinct seed values equal.
        if (!options_.sqlite && rng_.chance(10)) c.collate = rng_.chance(50) ? "C" : "POSIX";
        return c;
    }

    static bool collatable(const GCol& c) { return is_textual(c.type.k) && !c.type.array; }

    // A text column's collation set, changed or taken back (PostgreSQL).
    bool m_collation() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& c : t->cols)
                if (!c.fresh && collatable(c)) cand.push_back({t, c.uid});
        if (cand.empty()) return false;
        auto [t, cu] = rng_.pick(cand);
        GCol& c = *t->col(cu);
        const std::string before = c.collate;
        while (c.collate == before) c.collate = rng_.chance(40) ? "" : rng_.chance(50) ? "C" : "POSIX";
        c.touched = true;
        log_.push_back("collation of " + cname(*t, c) + ": '" + before + "' -> '" + c.collate + "'");
        return true;
    }

    void make_primary_key(GTable& t) {
        const int roll = rng_.range(0, 99);
        if (roll >= 87) return;
        static const std::vector<std::string> id_names = {"id", "id", "id", "ID", "key", "Order No", "user"};
        auto id_col = [&](GType type) {
            GCol c;
            c.uid = uid();
            c.name = column_name_like(t, rng_.pick(id_names));
            c.type = type;
            return c;
        };
        GKey k;
        k.uid = uid();
        if (options_.sqlite) {   // integer (the rowid alias), bigint or text; or (integer, text)
            const K kind = roll >= 73 ? (rng_.chance(60) ? K::Integer : K::BigInt) : roll < 40 ? K::Integer : roll < 55 ? K::BigInt : K::Text;
            GCol a = id_col(GType{kind});
            k.cols = {a.uid};
            if (roll >= 73) {
                GCol b;
                b.uid = uid();
                b.name = fresh_column_name(t);
                b.type = GType{K::Text};
                k.cols.push_back(b.uid);
                t.cols.insert(t.cols.begin(), b);
            } else {
                k.shorthand = rng_.chance(30);
            }
            t.cols.insert(t.cols.begin(), a);
        } else if (roll < 73) {
            GType ty;
            if (roll < 20) ty.k = K::Serial;
            else if (roll < 35) ty.k = K::BigSerial;
            else if (roll < 57) ty.k = rng_.chance(60) ? K::Integer : K::BigInt;
            else if (roll < 65) ty.k = K::Uuid;
            else { ty.k = rng_.chance(50) ? K::Text : K::Varchar; if (ty.k == K::Varchar) ty.len = rng_.range(5, 30); }
            GCol c = id_col(ty);
            if (roll >= 35 && roll < 45) c.identity = rng_.chance(50) ? "always" : "by_default";
            if (ty.k == K::Uuid && rng_.chance(50)) c.def = GVal{GVal::Sql, "gen_random_uuid()", {}, -1};
            k.cols = {c.uid};
            t.cols.insert(t.cols.begin(), c);
            k.shorthand = rng_.chance(30);
        } else {
            GCol a = id_col(GType{rng_.chance(50) ? K::Integer : K::BigInt});
            GCol b;
            b.uid = uid();
            b.name = fresh_column_name(t);
            b.type = GType{K::Varchar};
            b.type.len = rng_.range(5, 20);
            k.cols = {a.uid, b.uid};
            t.cols.insert(t.cols.begin(), b);
            t.cols.insert(t.cols.begin(), a);
        }
        if (!k.shorthand && rng_.chance(20)) k.name = object_name("pk");
        t.pk = k;
    }

    std::optional<GKey> make_unique(const GTable& t, bool need_data_ok) {
        std::vector<int> cand;
        for (const auto& c : t.cols)
            if (keyable(c.type) && !c.type.array && high_card(c.type) && !in_own_fk(t, c.uid) &&
                (!need_data_ok || distinct_both(t, c)))
                cand.push_back(c.uid);
        if (cand.empty()) return std::nullopt;
        GKey k;
        k.uid = uid();
        k.cols = {rng_.pick(cand)};
        if (rng_.chance(35)) {
            std::vector<int> more;
            for (const auto& c : t.cols)
                if (keyable(c.type) && !c.type.array && c.uid != k.cols[0]) more.push_back(c.uid);
            if (!more.empty()) k.cols.insert(k.cols.begin() + rng_.range(0, 1), rng_.pick(more));
        }
        auto same_set = [](std::vector<int> x, std::vector<int> y) {
            std::sort(x.begin(), x.end());
            std::sort(y.begin(), y.end());
            return x == y;
        };
        if (t.time_col >= 0 && !in(k.cols, t.time_col)) k.cols.push_back(t.time_col);
        if (t.pk && same_set(t.pk->cols, k.cols)) return std::nullopt;
        for (const auto& u : t.uniques)
            if (same_set(u.cols, k.cols)) return std::nullopt;
        if (k.cols.size() == 1 && rng_.chance(30)) k.shorthand = true;
        else if (rng_.chance(30)) k.name = object_name("uq");
        return k;
    }

    std::optional<GCheck> make_check(const GTable& t) {
        if (t.cols.empty()) return std::nullopt;
        GCheck k;
        k.uid = uid();
        k.name = object_name("ck");
        if (t.cols.size() >= 2 && rng_.chance(20)) {
            const GCol& a = rng_.pick(t.cols);
            const GCol& b = rng_.pick(t.cols);
            if (a.uid == b.uid) return std::nullopt;
            k.tpl = options_.sqlite ? "coalesce($0, $1, 0) IS NOT NULL" : "num_nonnulls($0, $1) >= 0";
            k.cols = {a.uid, b.uid};
            return k;
        }
        const GCol& c = rng_.pick(t.cols);
        k.tpl = *check_tpl(c.type);
        k.cols = {c.uid};
        return k;
    }

    // `data_ok`: the rows are there already, so a unique index must hold for them.
    std::optional<GIndex> make_index(const GTable& t, bool data_ok) {
        GIndex ix;
        ix.uid = uid();
        const int roll = options_.sqlite ? 99 : rng_.range(0, 99);   // SQLite's indexes are b-trees
        std::vector<const GCol*> cols;
        for (const auto& c : t.cols) cols.push_back(&c);
        if (cols.empty()) return std::nullopt;
        if (roll < 10) {   // gin on jsonb or an array
            std::vector<const GCol*> g;
            for (const auto* c : cols)
                if ((c->type.k == K::Jsonb && !c->type.array) ||
                    (c->type.array && (is_int(c->type.k) || is_textual(c->type.k))))
                    g.push_back(c);
            if (g.empty()) return std::nullopt;
            ix.method = "gin";
            ix.els.push_back(element(rng_.pick(g)->uid));
        } else if (roll < 18) {   // hash on one column
            std::vector<const GCol*> g;
            for (const auto* c : cols)
                if (!c->type.array && keyable(c->type) && (is_numberish(c->type.k) || is_textual(c->type.k) ||
                                                           c->type.k == K::Uuid || c->type.k == K::Date))
                    g.push_back(c);
            if (g.empty()) return std::nullopt;
            ix.method = "hash";
            ix.els.push_back(element(rng_.pick(g)->uid));
        } else if (roll < 25) {   // brin
            std::vector<const GCol*> g;
            for (const auto* c : cols)
                if (!c->type.array && (is_int(c->type.k) || c->type.k == K::Date || c->type.k == K::Timestamp ||
                                       c->type.k == K::TimestampTz))
                    g.push_back(c);
            if (g.empty()) return std::nullopt;
            ix.method = "brin";
            ix.els.push_back(element(rng_.pick(g)->uid));
        } else {
            std::vector<const GCol*> g;
            for (const auto* c : cols)
                if (keyable(c->type)) g.push_back(c);
            if (g.empty()) return std::nullopt;
            rng_.shuffle(g);
            const int n = std::min<int>(static_cast<int>(g.size()), rng_.range(1, 3));
            for (int i = 0; i < n; ++i) {
                GIdxEl e = element(g[static_cast<std::size_t>(i)]->uid);
                if (rng_.chance(25))
                    if (auto x = expr_tpl(g[static_cast<std::size_t>(i)]->type)) e.tpl = *x;
                if (rng_.chance(30)) e.order = rng_.range(1, 2);
                if (!options_.sqlite && rng_.chance(15)) e.nulls = rng_.range(1, 2);
                ix.els.push_back(e);
            }
            if (rng_.chance(25)) {
                bool ok = false;
                for (const auto& e : ix.els) {
                    const GCol* c = t.col(e.col);
                    if (high_card(c->type) && (!data_ok || distinct_both(t, *c))) ok = true;
                }
                // Low-cardinality columns only with a distinct partner; when the rows
                // exist already, every member must keep the rows distinct on its own
                // terms (checked above for at least one; the others may repeat).
                ix.unique = ok;
            }
            if (!options_.sqlite) postgres_index_options(t, ix, cols);
        }
        ix.method_written = ix.method != "btree" || rng_.chance(15);
        if (rng_.chance(20)) {
            const GCol& c = rng_.pick(t.cols);
            ix.where_col = c.uid;
            ix.where_tpl = where_tpl(c.type);
        }
        if (rng_.chance(30)) ix.name = object_name("ix");
        ix.concurrently = rng_.chance(20) && !options_.sqlite;   // drawn either way: a seed keeps its pair
        add_time_to_unique_index(t, ix);
        return ix;
    }

    GTable make_table(GSchema& s, const std::string& schema) {
        GTable t;
        t.uid = uid();
        t.schema = schema;
        t.name = fresh_relation_name(schema);
        t.seed_intent = rng_.chance(60);
        make_primary_key(t);
        const int extra = rng_.range(1, 6);
        for (int i = 0; i < extra; ++i) t.cols.push_back(make_column(s, t, !t.pk || rng_.chance(30), false));
        if (!options_.sqlite && rng_.chance(15)) t.comment = comment_text();
        const int nu = rng_.chance(45) ? rng_.range(1, 2) : 0;
        for (int i = 0; i < nu; ++i)
            if (auto u = make_unique(t, false)) t.uniques.push_back(*u);
        const int nc = rng_.chance(40) ? rng_.range(1, 2) : 0;
        for (int i = 0; i < nc; ++i)
            if (auto k = make_check(t)) t.checks.push_back(*k);
        const int ni = rng_.chance(60) ? rng_.range(1, 3) : 0;
        for (int i = 0; i < ni; ++i)
            if (auto x = make_index(t, false)) t.idx.push_back(*x);
        return t;
    }

    // `t` gets a NOT NULL time column, which its primary key, unique keys and
    // unique indexes take in (TimescaleDB demands it); foreign keys to it go
    // (schemac's generated tables reference no hypertable). `now`: it is a
    // hypertable; else only ready to become one.
    void make_hypertable(GSchema& s, GTable& t, bool now) {
        static const std::vector<std::string> names = {"at", "ts", "time", "recorded_at", "Event Time"};
        GCol c;
        c.uid = uid();
        c.name = column_name_like(t, rng_.pick(names));
        const int k = rng_.range(0, 99);
        c.type.k = k < 60 ? K::TimestampTz : k < 85 ? K::Timestamp : K::Date;
        if (c.type.k != K::Date && rng_.chance(20)) c.type.p = rng_.range(0, 6);
        if (rng_.chance(25)) c.def = default_value(s, c.type);
        if (rng_.chance(15)) c.comment = comment_text();
        t.cols.insert(t.cols.begin() + rng_.range(0, static_cast<int>(t.cols.size())), c);
        take_time_column(t, c.uid);
        for (auto& o : s.tables)
            o.fks.erase(std::remove_if(o.fks.begin(), o.fks.end(), [&](const GFk& f) { return f.ref_table == t.uid; }), o.fks.end());
        if (now) set_hypertable(t);
    }

    void take_time_column(GTable& t, int time) {
        t.time_col = time;
        if (t.pk && !in(t.pk->cols, time)) {
            t.pk->cols.push_back(time);
            t.pk->shorthand = false;
        }
        for (auto& u : t.uniques)
            if (!in(u.cols, time)) {
                u.cols.push_back(time);
                u.shorthand = false;
            }
        for (auto& i : t.idx) add_time_to_unique_index(t, i);
    }

    void add_time_to_unique_index(const GTable& t, GIndex& i) {
        if (!i.unique || t.time_col < 0) return;
        for (const auto& e : i.els)
            if (e.col == t.time_col && e.tpl.empty()) return;
        i.els.push_back(element(t.time_col));
    }

    void set_hypertable(GTable& t) {
        const GCol* c = t.col(t.time_col);
        // Whole days for a date column; spelled many ways (TimescaleDB stores
        // microseconds), with their length in hours ("" is TimescaleDB's 7 days).
        using Spelling = std::pair<std::string, int>;
        static const std::vector<Spelling> days = {{"", 168}, {"1 day", 24}, {"2 days", 48}, {"7 days", 168},
                                                   {"1 week", 168}, {"30 days", 720}, {"48:00:00", 48}};
        static const std::vector<Spelling> any = {{"", 168}, {"1 day", 24}, {"24 hours", 24}, {"12:00:00", 12},
                                                  {"12 hours", 12}, {"2 days", 48}, {"1d", 24}, {"36:00:00", 36},
                                                  {"90 mins", 1}, {"1 week", 168}, {"1 mon", 720}, {"@ 3 days", 72}, {"6h", 6}};
        const auto& pool = c->type.k == K::Date ? days : any;
        auto hours = [&](const std::string& spelled) {
            for (const auto& [text, h] : pool)
                if (text == spelled) return h;
            return -1;
        };
        const int before = t.hyper ? hours(t.chunk) : -1;
        for (int attempt = 0; attempt < 20; ++attempt) {   // a change, when it is one, changes the length
            t.chunk = rng_.pick(pool).first;
            if (hours(t.chunk) != before) break;
        }
        t.hyper = true;
        t.default_indexes = !rng_.chance(15);
    }

    // A foreign key from `t` to a key of `target`, on new columns of `t`.
    bool add_fk_columns(GTable& t, const GTable& target, bool has_rows) {
        if (target.time_col >= 0 || (target.unlogged && !t.unlogged && target.uid != t.uid)) return false;
        std::vector<std::pair<std::vector<int>, bool>> keys;   // columns, is the primary key
        if (target.pk) keys.push_back({target.pk->cols, true});
        for (const auto& u : target.uniques) keys.push_back({u.cols, false});
        if (keys.empty()) return false;
        const auto& [kc, is_pk] = keys[static_cast<std::size_t>(rng_.range(0, static_cast<int>(keys.size()) - 1))];
        for (int c : kc)
            if (target.col(c)->type.array) return false;
        GFk f;
        f.uid = uid();
        f.ref_table = target.uid;
        f.ref_cols = kc;
        f.ref_explicit = !is_pk || rng_.chance(50);
        const bool nullable = has_rows || t.seed_intent || rng_.chance(50);
        for (int c : kc) {
            const GCol& rc = *target.col(c);
            GCol n;
            n.uid = uid();
            n.name = column_name_like(t, clip_bytes(target.name, 30) + "_" + rc.name);
            n.type = rc.type;
            n.identity.clear();
            if (n.type.k == K::Serial) n.type.k = rng_.chance(70) ? K::Integer : K::BigInt;
            else if (n.type.k == K::BigSerial) n.type.k = rng_.chance(70) ? K::BigInt : K::Integer;
            else if (is_int(n.type.k) && rng_.chance(25)) n.type.k = n.type.k == K::BigInt ? K::Integer : K::BigInt;
            else if (is_textual(n.type.k) && rng_.chance(30)) { n.type.k = K::Text; n.type.len = -1; }
            else if (n.type.k == K::Numeric && n.type.p > 0 && rng_.chance(30)) n.type.p += 2;
            n.nullable = nullable;
            t.cols.push_back(n);
            f.cols.push_back(n.uid);
        }
        static const std::vector<std::string> del = {"no_action", "no_action", "no_action", "cascade", "restrict", "set_null", "set_default"};
        static const std::vector<std::string> upd = {"no_action", "no_action", "no_action", "no_action", "cascade", "restrict"};
        f.on_delete = rng_.pick(del);
        if ((f.on_delete == "set_null" || f.on_delete == "set_default") && !nullable) f.on_delete = "cascade";
        f.on_update = rng_.pick(upd);
        if (f.cols.size() == 1 && rng_.chance(35)) f.shorthand = true;
        else if (rng_.chance(25)) f.name = object_name("fk");
        if (f.shorthand && f.on_delete == "no_action" && f.on_update == "no_action" && rng_.chance(30)) f.name.clear();
        t.fks.push_back(f);
        return true;
    }

    void make_rows(GSchema& s, GTable& t) {
        std::vector<std::vector<int>> keys;
        if (t.pk) keys.push_back(t.pk->cols);
        for (const auto& u : t.uniques) {
            bool fk = false;
            for (int c : u.cols) fk = fk || in_own_fk(t, c);
            if (!fk) keys.push_back(u.cols);
        }
        if (keys.empty()) return;
        const std::size_t ki = static_cast<std::size_t>(t.pk && rng_.chance(70) ? 0 : rng_.range(0, static_cast<int>(keys.size()) - 1));
        t.seeded = true;
        t.seed_key = keys[ki];
        t.seed_key_explicit = !(t.pk && ki == 0) || rng_.chance(30);
        const int n = rng_.range(1, 4);
        std::vector<int> rs;
        for (int i = 0; i < n; ++i) rs.push_back(t.next_r++);
        rng_.shuffle(rs);
        for (int r : rs) t.rows.push_back(make_row(s, t, r));
    }

    GRow make_row(const GSchema& s, const GTable& t, int r) {
        GRow row;
        row.uid = uid();
        row.r = r;
        for (const auto& c : t.cols) {
            if (in_own_fk(t, c.uid)) continue;
            const bool key = in(t.seed_key, c.uid) || unique_either(t, c.uid);
            const bool required = !c.nullable && !has_default(c);
            if (key || required || (c.identity.empty() && rng_.chance(45))) {
                if (c.identity == "always" && !in(t.seed_key, c.uid)) continue;
                row.vals.push_back({c.uid, value(s, c.type, r)});
            } else if (c.nullable && rng_.chance(10)) {
                row.vals.push_back({c.uid, GVal{GVal::Null, "", {}, -1}});
            }
        }
        rng_.shuffle(row.vals);
        return row;
    }

    void build_a() {
        GSchema& s = a_;
        if (!options_.sqlite && rng_.chance(35)) second_ = rng_.pick(kSchemas);
        const int ne = options_.sqlite ? 0 : rng_.range(0, 2);
        for (int i = 0; i < ne; ++i) s.enums.push_back(make_enum(!second_.empty() && rng_.chance(30) ? second_ : "public"));
        const int nt = rng_.range(1, 6);
        for (int i = 0; i < nt; ++i)
            s.tables.push_back(make_table(s, !second_.empty() && rng_.chance(35) ? second_ : "public"));
        // Foreign keys once every table exists: self-references and cycles are allowed.
        for (std::size_t i = 0; i < s.tables.size(); ++i) {
            const int nf = rng_.chance(45) ? rng_.range(1, 2) : 0;
            for (int k = 0; k < nf; ++k) {
                const GTable target = s.tables[static_cast<std::size_t>(rng_.range(0, static_cast<int>(s.tables.size()) - 1))];
                add_fk_columns(s.tables[i], target, false);
            }
        }
        // Close a cycle: the first table referenced by another references it back.
        auto close_cycle = [&] {
            for (auto& t : s.tables)
                for (const auto& f : t.fks)
                    if (f.ref_table != t.uid && add_fk_columns(*s.table(f.ref_table), GTable(t), false)) return;
        };
        if (s.tables.size() >= 2 && rng_.chance(30)) close_cycle();
        if (options_.hypertables)
            for (auto& t : s.tables) {
                const int roll = rng_.range(0, 99);
                if (roll < 45) make_hypertable(s, t, true);
                else if (roll < 65) make_hypertable(s, t, false);
            }
        for (auto& t : s.tables)
            if (t.time_col < 0 && rng_.chance(20)) add_generated(t);
        for (auto& t : s.tables)
            if (t.seed_intent) make_rows(s, t);
    }

    void add_generated(GTable& t) {
        GTable::Generated g;
        g.uid = uid();
        g.col = rng_.pick(t.cols).uid;
        g.negate = rng_.chance(50);
        for (;;) {
            g.name = "gen_" + std::to_string(++counter_);
            if (t.col_names_ever.insert(g.name).second) break;
        }
        t.generated.push_back(g);
    }

    // A generated column added, dropped, or reading its column the other way.
    bool m_generated() {
        std::vector<GTable*> v;
        for (auto* t : old_tables(true))
            if (t->time_col < 0) v.push_back(t);
        if (v.empty()) return false;
        GTable& t = *rng_.pick(v);
        if (t.generated.empty() || rng_.chance(35)) {
            add_generated(t);
            log_.push_back("add generated column " + tname(t) + "." + t.generated.back().name);
        } else if (rng_.chance(50)) {
            const auto at = t.generated.begin() + rng_.range(0, static_cast<int>(t.generated.size()) - 1);
            log_.push_back("drop generated column " + tname(t) + "." + at->name);
            t.generated.erase(at);
        } else {
            auto& g = t.generated[static_cast<std::size_t>(rng_.range(0, static_cast<int>(t.generated.size()) - 1))];
            g.negate = !g.negate;
            log_.push_back("generated column " + tname(t) + "." + g.name + " reads its column the other way");
        }
        t.touched = true;
        return true;
    }

    GEnum make_enum(const std::string& schema) {
        GEnum e;
        e.uid = uid();
        e.schema = schema;
        for (int i = 0;; ++i) {
            std::string n = rng_.pick(kEnumNames);
            if (i > 3) n += "_" + std::to_string(++counter_);
            if (names_ever_.count(schema + '\x1f' + n)) continue;
            names_ever_.insert(schema + '\x1f' + n);
            e.name = n;
            break;
        }
        std::vector<std::string> pool = kEnumValues;
        rng_.shuffle(pool);
        const int n = rng_.range(1, 4);
        e.values.assign(pool.begin(), pool.begin() + n);
        if (rng_.chance(25)) e.comment = comment_text();
        return e;
    }

    // ---- mutations of B

    std::string tname(const GTable& t) const { return (t.schema == "public" ? "" : t.schema + ".") + t.name; }
    std::string cname(const GTable& t, const GCol& c) const { return tname(t) + "." + c.name; }

    bool mutate() {
        if (options_.hypertables && rng_.chance(25)) return hypertable_mutation();
        struct W { bool (Gen::*fn)(); int w; };
        if (options_.sqlite) {
            // What SQLite has (no enums, comments or hypertables), and the changes its
            // planner tells apart besides: primary keys, index and constraint renames.
            static const W sq[] = {
                {&Gen::m_add_table, 5}, {&Gen::m_drop_table, 4}, {&Gen::m_rename_table, 6}, {&Gen::m_add_column, 12},
                {&Gen::m_drop_column, 8}, {&Gen::m_rename_column, 7}, {&Gen::m_change_type, 10}, {&Gen::m_flip_null, 6},
                {&Gen::m_change_default, 6}, {&Gen::m_add_index, 6}, {&Gen::m_drop_index, 4}, {&Gen::m_rename_index, 4},
                {&Gen::m_add_unique, 4}, {&Gen::m_drop_unique, 3}, {&Gen::m_add_check, 4}, {&Gen::m_drop_check, 3},
                {&Gen::m_add_fk, 5}, {&Gen::m_drop_fk, 3}, {&Gen::m_change_pk, 5}, {&Gen::m_rename_constraint, 4},
                {&Gen::m_seed_insert, 5}, {&Gen::m_seed_update, 9}, {&Gen::m_seed_delete, 4}, {&Gen::m_generated, 4}};
            int total = 0;
            for (const auto& w : sq) total += w.w;
            int x = rng_.range(0, total - 1);
            for (const auto& w : sq) {
                if (x < w.w) return (this->*w.fn)();
                x -= w.w;
            }
            return false;
        }
        static const W ws[] = {
            {&Gen::m_add_table, 6}, {&Gen::m_drop_table, 4}, {&Gen::m_rename_table, 6}, {&Gen::m_add_column, 10},
            {&Gen::m_drop_column, 7}, {&Gen::m_rename_column, 7}, {&Gen::m_change_type, 12}, {&Gen::m_flip_null, 6},
            {&Gen::m_change_default, 6}, {&Gen::m_add_index, 6}, {&Gen::m_drop_index, 4}, {&Gen::m_add_unique, 4},
            {&Gen::m_drop_unique, 3}, {&Gen::m_add_check, 4}, {&Gen::m_drop_check, 3}, {&Gen::m_add_fk, 5},
            {&Gen::m_drop_fk, 3}, {&Gen::m_add_enum_value, 5}, {&Gen::m_add_enum, 3}, {&Gen::m_drop_enum, 3},
            {&Gen::m_comment, 6}, {&Gen::m_seed_insert, 4}, {&Gen::m_seed_update, 4}, {&Gen::m_seed_delete, 3},
            {&Gen::m_index_storage, 3}, {&Gen::m_generated, 4}, {&Gen::m_collation, 3}, {&Gen::m_table_storage, 3}};
        int total = 0;
        for (const auto& w : ws) total += w.w;
        int x = rng_.range(0, total - 1);
        for (const auto& w : ws) {
            if (x < w.w) return (this->*w.fn)();
            x -= w.w;
        }
        return false;
    }

    bool hypertable_mutation() {
        std::vector<GTable*> ready, hyper;
        for (auto* t : old_tables(true)) {
            const GTable* at = a_.table(t->uid);
            if (t->time_col >= 0 && !t->hyper) ready.push_back(t);
            if (t->hyper && at && at->hyper) hyper.push_back(t);
        }
        const int roll = rng_.range(0, 99);
        if (roll < 35) {   // a plain table (its rows move into chunks) becomes a hypertable
            if (ready.empty()) return false;
            GTable& t = *rng_.pick(ready);
            set_hypertable(t);
            log_.push_back("make " + tname(t) + " a hypertable" + (has_rows_in_a(t) ? " (rows move into chunks)" : ""));
            return true;
        }
        if (hyper.empty()) return false;
        GTable& t = *rng_.pick(hyper);
        if (roll < 65) {
            const std::string before = t.chunk;
            const bool defaults = t.default_indexes;
            set_hypertable(t);
            t.default_indexes = defaults;
            log_.push_back("chunk interval of " + tname(t) + ": '" + before + "' -> '" + t.chunk + "'");
        } else if (roll < 80) {
            t.default_indexes = !t.default_indexes;
            log_.push_back(std::string("create_default_indexes of ") + tname(t) + (t.default_indexes ? " true" : " false"));
        } else {   // its own index on the time column alone (TimescaleDB's then goes)
            GIndex ix;
            ix.uid = uid();
            ix.els.push_back(element(t.time_col));
            if (rng_.chance(50)) ix.els[0].order = rng_.range(1, 2);
            if (rng_.chance(30)) ix.name = object_name("ix");
            ix.fresh = true;
            t.idx.push_back(ix);
            log_.push_back("add an index on the time column of " + tname(t));
        }
        return true;
    }

    // Tables present in A and not yet dropped, renamed or created by a mutation.
    std::vector<GTable*> old_tables(bool allow_touched = true) {
        std::vector<GTable*> v;
        for (auto& t : b_.tables)
            if (!t.fresh && (allow_touched || !t.touched)) v.push_back(&t);
        return v;
    }

    bool has_rows_in_a(const GTable& t) const {
        const GTable* at = a_.table(t.uid);
        return at && !at->rows.empty();
    }

    bool m_add_table() {
        std::string schema = "public";
        if (options_.sqlite) {}   // one schema
        else if (!second_.empty() && rng_.chance(40)) schema = second_;
        else if (rng_.chance(10)) schema = rng_.pick(kSchemas);
        GTable t = make_table(b_, schema);
        t.fresh = true;
        for (auto& c : t.cols) c.fresh = true;
        b_.tables.insert(b_.tables.begin() + rng_.range(0, static_cast<int>(b_.tables.size())), t);
        GTable& nt = *b_.table(t.uid);
        if (!options_.sqlite && rng_.chance(10)) nt.unlogged = true;
        if (!options_.sqlite && rng_.chance(10)) nt.fillfactor = rng_.range(10, 100);
        if (rng_.chance(50)) {
            const GTable target = rng_.pick(b_.tables);
            add_fk_columns(nt, target, false);
            for (auto& c : nt.cols) c.fresh = true;
        }
        if (options_.hypertables && !nt.unlogged && rng_.chance(40)) {
            make_hypertable(b_, nt, true);
            for (auto& c : nt.cols) c.fresh = true;
        }
        if (nt.seed_intent) make_rows(b_, nt);
        log_.push_back("add table " + tname(nt));
        return true;
    }

    void remove_fks_to(int table_uid, const std::vector<int>* only_cols) {
        for (auto& o : b_.tables) {
            o.fks.erase(std::remove_if(o.fks.begin(), o.fks.end(), [&](const GFk& f) {
                if (f.ref_table != table_uid) return false;
                if (!only_cols) return true;
                const auto tc = fk_target_cols(b_, f);
                for (int c : *only_cols)
                    if (in(tc, c)) return true;
                return false;
            }), o.fks.end());
        }
    }

    bool m_drop_table() {
        if (b_.tables.size() < 2) return false;
        auto v = old_tables(false);
        if (v.empty()) return false;
        GTable* t = rng_.pick(v);
        const std::string n = tname(*t);
        const int u = t->uid;
        remove_fks_to(u, nullptr);
        b_.tables.erase(std::remove_if(b_.tables.begin(), b_.tables.end(), [&](const GTable& x) { return x.uid == u; }),
                        b_.tables.end());
        log_.push_back("drop table " + n);
        return true;
    }

    bool m_rename_table() {
        auto v = old_tables(false);
        if (v.empty()) return false;
        GTable* t = rng_.pick(v);
        std::string schema = t->schema;
        if (!options_.sqlite && rng_.chance(25)) {
            if (schema != "public") schema = "public";
            else if (!second_.empty()) schema = second_;
            else schema = rng_.pick(kSchemas);
        }
        const std::string old_schema = t->schema, old_name = t->name;
        if (schema != old_schema) {
            // The table passes through (new schema, old name), and its serial sequences,
            // key and index names arrive there as they are: nothing else may take those
            // names in this migration (schemac does not order such renames; see the report
            // in tests/integration/random_pairs_test.cpp).
            if (b_.has_table(schema, old_name) || b_.has_enum(schema, old_name)) return false;
            names_ever_.insert(schema + '\x1f' + old_name);
        }
        const std::string before = tname(*t);
        t->name = fresh_relation_name(schema);
        t->schema = schema;
        t->touched = true;
        const std::string q = qname_text(old_schema, old_name, old_schema != schema || rng_.chance(30));
        t->renamed_from = q;
        log_.push_back("rename table " + before + " -> " + tname(*t));
        return true;
    }

    bool m_add_column() {
        const auto v = old_tables(true);
        if (v.empty()) return false;
        GTable& t = *rng_.pick(v);
        if (options_.sqlite) return add_column_sqlite(t);
        const bool rows = !t.rows.empty() || has_rows_in_a(t);
        GCol c = make_column(b_, t, rng_.chance(10), rows);
        c.fresh = true;
        c.touched = true;
        if (c.nullable && !c.def && rng_.chance(25) && !c.type.array) {
            // Back-fill existing rows with a constant (none with a backslash, which
            // schemac refuses in '...': a server with standard_conforming_strings
            // off would read it as an escape).
            GVal v = value(b_, c.type, 40 + rng_.range(0, 9));
            if (v.kind == GVal::Scalar && (is_numberish(c.type.k) || is_textual(c.type.k)) && v.text.find('\\') == std::string::npos)
                c.backfill = is_numberish(c.type.k) ? v.text : "'" + [&] {
                    std::string s;
                    for (char ch : v.text) { if (ch == '\'') s += '\''; s += ch; }
                    return s;
                }() + "'";
        }
        t.cols.push_back(c);
        log_.push_back("add column " + cname(t, c) + " " + type_text(b_, c.type, t.schema) + (c.nullable ? "?" : "") +
                       (c.def ? " with a default" : "") + (c.backfill.empty() ? "" : " with backfill"));
        return true;
    }

    // Removes column c of t and everything that uses it.
    void remove_column(GTable& t, int c) {
        std::erase_if(t.generated, [&](const GTable::Generated& g) { return g.col == c; });
        std::vector<int> dropped_keys;
        t.uniques.erase(std::remove_if(t.uniques.begin(), t.uniques.end(), [&](const GKey& k) { return in(k.cols, c); }),
                        t.uniques.end());
        const std::vector<int> only{c};
        remove_fks_to(t.uid, &only);
        t.fks.erase(std::remove_if(t.fks.begin(), t.fks.end(), [&](const GFk& f) { return in(f.cols, c); }), t.fks.end());
        t.checks.erase(std::remove_if(t.checks.begin(), t.checks.end(), [&](const GCheck& k) { return in(k.cols, c); }),
                       t.checks.end());
        t.idx.erase(std::remove_if(t.idx.begin(), t.idx.end(), [&](const GIndex& i) {
            if (i.where_col == c || in(i.include, c)) return true;
            for (const auto& e : i.els)
                if (e.col == c) return true;
            return false;
        }), t.idx.end());
        for (auto& r : t.rows) r.erase(c);
        t.cols.erase(std::remove_if(t.cols.begin(), t.cols.end(), [&](const GCol& x) { return x.uid == c; }), t.cols.end());
    }

    bool droppable(const GTable& t, const GCol& c) const {
        if (c.fresh || c.touched || in_pk(t, c.uid) || in(t.seed_key, c.uid) || c.uid == t.time_col) return false;
        if (t.cols.size() < 2) return false;
        for (const auto& o : t.cols)
            if (o.backfill_col == c.uid) return false;   // another column's backfill reads it
        // The rollback re-adds the column: NOT NULL needs a default when rows exist.
        if ((has_rows_in_a(t) || !t.rows.empty()) && !c.nullable && !has_default(c)) return false;
        // ... and every row gets the same default: not when the column was unique.
        const GTable* at = a_.table(t.uid);
        if (unique_either(t, c.uid) && c.def && (t.rows.size() >= 2 || (at && at->rows.size() >= 2))) return false;
        return true;
    }

    bool m_drop_column() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& c : t->cols)
                if (droppable(*t, c)) cand.push_back({t, c.uid});
        if (cand.empty()) return false;
        auto [t, c] = rng_.pick(cand);
        log_.push_back("drop column " + cname(*t, *t->col(c)));
        remove_column(*t, c);
        t->touched = true;
        return true;
    }

    bool m_rename_column() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& c : t->cols)
                if (!c.fresh && c.renamed_from.empty()) cand.push_back({t, c.uid});
        if (cand.empty()) return false;
        auto [t, cu] = rng_.pick(cand);
        GCol& c = *t->col(cu);
        const std::string before = cname(*t, c);
        c.renamed_from = c.name;
        c.name = fresh_column_name(*t);
        log_.push_back("rename column " + before + " -> " + c.name);
        return true;
    }

    bool m_change_type() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& c : t->cols)
                if (!c.fresh && !c.touched && c.uid != t->time_col) cand.push_back({t, c.uid});
        if (cand.empty()) return false;
        auto [t, cu] = rng_.pick(cand);
        GCol& c = *t->col(cu);
        if (options_.sqlite) return change_type_sqlite(*t, c);
        const GType from = c.type;
        const bool fk = fk_involved(b_, *t, cu);
        const bool expr = in_expression(*t, cu);
        std::vector<std::pair<GType, bool>> to;   // target, unsafe
        auto add = [&](GType x, bool unsafe) { if (!(x == from)) to.push_back({x, unsafe}); };
        GType x = from;
        switch (from.k) {
            case K::SmallInt:
                x.k = K::Integer; add(x, false);
                x.k = K::BigInt; add(x, false);
                break;
            case K::Integer:
                x.k = K::BigInt; add(x, false);
                if (!from.array) { x.k = K::SmallInt; add(x, true); }
                // Not under a check or index expression: ALTER TYPE re-parses those from their
                // text, and the way back leaves casts in them ("x"::numeric >= 0::numeric).
                if (!fk && !expr && !from.array && c.identity.empty()) {
                    x = from; x.k = K::Numeric; x.s = rng_.range(0, 3); x.p = x.s + rng_.range(5, 9); add(x, false);
                }
                if (!fk && !expr && !in_any_index(*t, cu) && c.identity.empty()) { x = from; x.k = K::Text; add(x, false); }
                break;
            case K::BigInt:
                x.k = K::Integer; add(x, true);
                break;
            case K::Serial:
                x.k = K::BigSerial; add(x, false);
                break;
            case K::Real:
                x.k = K::Double; add(x, false);
                break;
            case K::Double:
                x.k = K::Real; add(x, true);
                break;
            case K::Numeric:
                if (from.p < 0) {
                    x.p = 14; x.s = 4; add(x, true);
                } else {
                    x.p = from.p + rng_.range(1, 5); add(x, false);
                    x = from; x.p = -1; x.s = -1; add(x, false);
                    x = from; x.p = from.p + 1; x.s = from.s + 1; add(x, true);
                    if (from.p - 1 - from.s >= 3) { x = from; x.p = from.p - 1; add(x, true); }
                }
                break;
            case K::Varchar:
                if (from.len >= 0) {
                    x.len = from.len + rng_.range(1, 20); add(x, false);
                    x = from; x.len = -1; add(x, false);
                    if (from.len > 5) { x = from; x.len = rng_.range(5, from.len - 1); add(x, true); }
                }
                x = from; x.k = K::Text; x.len = -1; add(x, false);
                break;
            case K::Text:
                x.k = K::Varchar; x.len = rng_.range(5, 40); add(x, true);
                x = from; x.k = K::Varchar; x.len = -1; add(x, false);
                break;
            case K::Timestamp:
                // Not under an expression: ALTER TYPE keeps '...'::timestamp in it, a table
                // created directly has '...'::timestamptz.
                if (!fk && !expr) { x.k = K::TimestampTz; add(x, false); }
                if (from.p >= 0 && from.p < 6) { x = from; x.p = rng_.range(from.p + 1, 6); add(x, false); }
                break;
            case K::TimestampTz: case K::Time:
                if (from.p >= 0 && from.p < 6) { x.p = rng_.range(from.p + 1, 6); add(x, false); }
                else if (from.p < 0) { x.p = 6; add(x, false); }
                break;
            case K::Json:
                if (!fk && !expr) { x.k = K::Jsonb; add(x, false); }
                break;
            case K::Enum:
                if (!fk && !expr) { x.k = K::Text; x.enum_uid = -1; add(x, false); }
                break;
            case K::VarBit:   // wider (no rewrite), or its text
                if (from.len >= 0) { x.len = -1; add(x, false); x.len = from.len + 8; add(x, false); }
                if (!fk && !expr && !in_any_index(*t, cu) && !from.array) { x = from; x.k = K::Text; x.len = -1; add(x, false); }
                break;
            default: break;
        }
        if (to.empty()) return false;
        const auto [target, unsafe] = rng_.pick(to);
        const std::string before = type_text(b_, from, t->schema);
        c.type = target;
        c.touched = true;
        if (!is_serial(target.k) && target.k != K::Enum && !target.array && rng_.chance(20)) c.using_cast = true;
        log_.push_back("change type of " + cname(*t, c) + ": " + before + " -> " + type_text(b_, target, t->schema) +
                       (unsafe ? " (narrowing; the data fits)" : "") + (c.using_cast ? " with using" : ""));
        return true;
    }

    bool m_flip_null() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& c : t->cols) {
                if (c.fresh || c.touched || is_serial(c.type.k) || !c.identity.empty() || in_pk(*t, c.uid) || c.uid == t->time_col)
                    continue;
                if (!c.nullable) { cand.push_back({t, c.uid}); continue; }
                // To NOT NULL: every row, as it is in the database and in B, has a value.
                bool set_null = false;
                for (const auto& f : t->fks)
                    if (in(f.cols, c.uid) && (f.on_delete == "set_null" || f.on_update == "set_null" ||
                                              (!c.def && (f.on_delete == "set_default" || f.on_update == "set_default"))))
                        set_null = true;
                if (set_null) continue;
                const GTable* at = a_.table(t->uid);
                const GCol* ac = at ? at->col(c.uid) : nullptr;
                if (!ac || !all_set(*at, *ac)) continue;
                bool b_ok = true;
                for (const auto& row : t->rows) {
                    const GVal* v = row.find(c.uid);
                    if (v ? v->kind == GVal::Null : !c.def) b_ok = false;
                }
                if (b_ok) cand.push_back({t, c.uid});
            }
        if (cand.empty()) return false;
        auto [t, cu] = rng_.pick(cand);
        GCol& c = *t->col(cu);
        c.nullable = !c.nullable;
        c.touched = true;
        log_.push_back("make " + cname(*t, c) + (c.nullable ? " nullable" : " NOT NULL"));
        return true;
    }

    // SQLite's rowid alias: an integer primary key of one column, which numbers
    // rows itself and never takes a default (schemac check warns of one).
    bool rowid_alias(const GTable& t, const GCol& c) const {
        return options_.sqlite && t.pk && t.pk->cols.size() == 1 && t.pk->cols.front() == c.uid && c.type.k == K::Integer;
    }

    bool m_change_default() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& c : t->cols)
                if (!c.fresh && !c.touched && !is_serial(c.type.k) && c.identity.empty() && !in_own_fk(*t, c.uid) &&
                    !rowid_alias(*t, c))
                    cand.push_back({t, c.uid});
        if (cand.empty()) return false;
        auto [t, cu] = rng_.pick(cand);
        GCol& c = *t->col(cu);
        bool may_drop = true;
        if (!c.nullable) {
            for (const auto& row : t->rows) {
                const GVal* v = row.find(cu);
                if (!v || v->kind == GVal::Null) may_drop = false;
            }
            for (const auto& f : t->fks)
                if (in(f.cols, cu) && (f.on_delete == "set_default" || f.on_update == "set_default")) may_drop = false;
        }
        std::optional<GVal> nd;
        if (c.def && may_drop && rng_.chance(35)) {
            nd.reset();
        } else {
            for (int i = 0; i < 5 && !nd; ++i) {
                auto v = default_value(b_, c.type);
                // (SQLite: true and TRUE are the same default, no change.)
                const bool same = v && c.def && (c.def->same(*v) || (options_.sqlite && c.type.k == K::Bool && v->kind == GVal::Scalar &&
                                                                c.def->kind == GVal::Scalar && ascii_lower(c.def->text) == ascii_lower(v->text)));
                if (v && !same) nd = v;
            }
            if (!nd) return false;
        }
        c.def = nd;
        c.touched = true;
        log_.push_back(std::string(nd ? "set" : "drop") + " default of " + cname(*t, c));
        return true;
    }

    bool m_add_index() {
        auto v = old_tables(true);
        if (v.empty()) return false;
        GTable* t = rng_.pick(v);
        auto ix = make_index(*t, true);
        if (!ix) return false;
        if (options_.sqlite && a_has_index_like(*t, *ix)) return false;   // it may be one B dropped: no change then
        ix->fresh = true;
        t->idx.push_back(*ix);
        log_.push_back("add index on " + tname(*t) + (ix->unique ? " (unique)" : "") + " using " + ix->method);
        return true;
    }

    // PostgreSQL's finer settings of a btree index: an operator class and a
    // collation on text columns, INCLUDE columns, storage parameters.
    void postgres_index_options(const GTable& t, GIndex& ix, const std::vector<const GCol*>& cols) {
        for (auto& e : ix.els) {
            const GCol* c = t.col(e.col);
            if (!e.tpl.empty() || !c || c->type.array || (c->type.k != K::Text && c->type.k != K::Varchar)) continue;
            e.pattern_ops = rng_.chance(12);
            e.collate_c = rng_.chance(12);
        }
        if (rng_.chance(15)) {
            std::vector<int> others;
            for (const auto* c : cols)
                if (std::none_of(ix.els.begin(), ix.els.end(), [&](const GIdxEl& e) { return e.col == c->uid; })) others.push_back(c->uid);
            rng_.shuffle(others);
            const std::size_t n = std::min<std::size_t>(others.size(), static_cast<std::size_t>(rng_.range(1, 2)));
            ix.include.assign(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(n));
        }
        if (rng_.chance(15)) ix.fillfactor = rng_.range(10, 100);
        if (rng_.chance(8)) ix.dedup = rng_.range(1, 2);
    }

    // A table's storage parameters or its UNLOGGED change (PostgreSQL): a table
    // becomes unlogged only when every other table referencing it is, logged
    // only when every other table it references is.
    bool m_table_storage() {
        if (options_.sqlite) return false;
        std::vector<GTable*> cand;
        for (auto* t : old_tables(true))
            if (t->time_col < 0 && !t->hyper) cand.push_back(t);
        if (cand.empty()) return false;
        GTable& t = *rng_.pick(cand);
        const int roll = rng_.range(0, 3);
        if (roll == 3) {
            t.row_security = !t.row_security;
            log_.push_back("row level security of " + tname(t) + (t.row_security ? " on" : " off"));
            return true;
        }
        if (roll == 0) {
            const int before = t.fillfactor;
            while (t.fillfactor == before) t.fillfactor = rng_.chance(20) ? 0 : rng_.range(10, 100);
            log_.push_back("fillfactor of " + tname(t) + ": " + std::to_string(before) + " -> " + std::to_string(t.fillfactor));
            return true;
        }
        if (roll == 1) {
            t.autovacuum_off = !t.autovacuum_off;
            log_.push_back(std::string("autovacuum of ") + tname(t) + (t.autovacuum_off ? " off" : " back on"));
            return true;
        }
        for (const auto& o : b_.tables) {
            if (o.uid == t.uid) continue;
            const bool references_t = std::any_of(o.fks.begin(), o.fks.end(), [&](const GFk& f) { return f.ref_table == t.uid; });
            const bool t_references = std::any_of(t.fks.begin(), t.fks.end(), [&](const GFk& f) { return f.ref_table == o.uid; });
            if (!t.unlogged && references_t && !o.unlogged) return false;
            if (t.unlogged && t_references && o.unlogged) return false;
        }
        t.unlogged = !t.unlogged;
        log_.push_back(tname(t) + (t.unlogged ? " becomes unlogged" : " becomes logged"));
        return true;
    }

    // A btree index's storage parameters change (PostgreSQL): it is built again.
    bool m_index_storage() {
        if (options_.sqlite) return false;
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& i : t->idx)
                if (!i.fresh && i.method == "btree") cand.push_back({t, i.uid});
        if (cand.empty()) return false;
        auto [t, iu] = rng_.pick(cand);
        for (auto& i : t->idx) {
            if (i.uid != iu) continue;
            const int before = i.fillfactor;
            while (i.fillfactor == before) i.fillfactor = rng_.chance(20) ? 0 : rng_.range(10, 100);
            log_.push_back("fillfactor of an index of " + tname(*t) + ": " + std::to_string(before) + " -> " + std::to_string(i.fillfactor));
        }
        return true;
    }

    bool m_drop_index() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& i : t->idx)
                if (!i.fresh) cand.push_back({t, i.uid});
        if (cand.empty()) return false;
        auto [t, iu] = rng_.pick(cand);
        t->idx.erase(std::remove_if(t->idx.begin(), t->idx.end(), [&](const GIndex& i) { return i.uid == iu; }), t->idx.end());
        log_.push_back("drop an index of " + tname(*t));
        return true;
    }

    bool m_add_unique() {
        auto v = old_tables(true);
        if (v.empty()) return false;
        GTable* t = rng_.pick(v);
        auto k = make_unique(*t, true);
        if (!k) return false;
        if (options_.sqlite)   // it may be one B dropped: no change then
            if (const GTable* at = a_.table(t->uid))
                for (const auto& u : at->uniques)
                    if (same_cols(u.cols, k->cols)) return false;
        k->fresh = true;
        k->shorthand = false;
        t->uniques.push_back(*k);
        log_.push_back("add unique constraint on " + tname(*t));
        return true;
    }

    bool m_drop_unique() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& u : t->uniques)
                if (!u.fresh && u.cols != t->seed_key) cand.push_back({t, u.uid});
        if (cand.empty()) return false;
        auto [t, uu] = rng_.pick(cand);
        std::vector<int> cols;
        for (const auto& u : t->uniques)
            if (u.uid == uu) cols = u.cols;
        // Foreign keys that reference exactly this constraint go with it.
        for (auto& o : b_.tables)
            o.fks.erase(std::remove_if(o.fks.begin(), o.fks.end(), [&](const GFk& f) {
                if (f.ref_table != t->uid || !f.ref_explicit) return false;
                std::vector<int> a = f.ref_cols, b = cols;
                std::sort(a.begin(), a.end());
                std::sort(b.begin(), b.end());
                return a == b && !(t->pk && [&] { std::vector<int> p = t->pk->cols; std::sort(p.begin(), p.end()); return p == a; }());
            }), o.fks.end());
        t->uniques.erase(std::remove_if(t->uniques.begin(), t->uniques.end(), [&](const GKey& k) { return k.uid == uu; }),
                         t->uniques.end());
        log_.push_back("drop a unique constraint of " + tname(*t));
        return true;
    }

    bool m_add_check() {
        auto v = old_tables(true);
        if (v.empty()) return false;
        GTable* t = rng_.pick(v);
        auto k = make_check(*t);
        if (!k) return false;
        k->fresh = true;
        t->checks.push_back(*k);
        log_.push_back("add check " + k->name + " on " + tname(*t));
        return true;
    }

    bool m_drop_check() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& k : t->checks)
                if (!k.fresh) cand.push_back({t, k.uid});
        if (cand.empty()) return false;
        auto [t, ku] = rng_.pick(cand);
        t->checks.erase(std::remove_if(t->checks.begin(), t->checks.end(), [&](const GCheck& k) { return k.uid == ku; }),
                        t->checks.end());
        log_.push_back("drop a check of " + tname(*t));
        return true;
    }

    bool m_add_fk() {
        if (b_.tables.empty()) return false;
        GTable* t = &b_.tables[static_cast<std::size_t>(rng_.range(0, static_cast<int>(b_.tables.size()) - 1))];
        const GTable target = b_.tables[static_cast<std::size_t>(rng_.range(0, static_cast<int>(b_.tables.size()) - 1))];
        if (target.time_col >= 0 || (target.unlogged && !t->unlogged && target.uid != t->uid)) return false;
        const bool rows = !t->rows.empty() || has_rows_in_a(*t);
        // Reuse existing columns when some fit and hold no data; else add new ones.
        std::vector<std::vector<int>> keys;
        if (target.pk) keys.push_back(target.pk->cols);
        for (const auto& u : target.uniques) keys.push_back(u.cols);
        if (!keys.empty() && rng_.chance(40) && !t->fresh) {
            const auto& kc = rng_.pick(keys);
            std::vector<int> mine;
            std::set<int> used;
            for (int rc : kc) {
                const GCol& r = *target.col(rc);
                if (r.type.array) break;
                for (const auto& c : t->cols) {
                    if (used.count(c.uid) || c.fresh || c.def || !c.identity.empty() || is_serial(c.type.k)) continue;
                    if (!(c.type == r.type) && !(is_int(c.type.k) && is_int(r.type.k) && !c.type.array)) continue;
                    if (c.type.k == K::Enum && c.type.enum_uid != r.type.enum_uid) continue;
                    const GTable* at = a_.table(t->uid);
                    const GCol* ac = at ? at->col(c.uid) : nullptr;
                    if (!all_null(*t, c) || (ac && (!all_null(*at, *ac) || ac->def))) continue;
                    if (in_pk(*t, c.uid) || in(t->seed_key, c.uid) || in_any_unique(*t, c.uid)) continue;
                    mine.push_back(c.uid);
                    used.insert(c.uid);
                    break;
                }
            }
            if (options_.sqlite && mine.size() == kc.size())   // it may be one B dropped: no change then
                if (const GTable* at = a_.table(t->uid))
                    for (const auto& f : at->fks)
                        if (f.ref_table == target.uid && f.cols == mine) return false;
            if (mine.size() == kc.size()) {
                GFk f;
                f.uid = uid();
                f.cols = mine;
                f.ref_table = target.uid;
                f.ref_cols = kc;
                f.ref_explicit = !(target.pk && kc == target.pk->cols) || rng_.chance(50);
                f.fresh = true;
                bool nullable = true;
                for (int c : mine) nullable = nullable && t->col(c)->nullable;
                if (nullable && rng_.chance(30)) f.on_delete = "set_null";
                else if (rng_.chance(30)) f.on_delete = "cascade";
                if (rng_.chance(30)) f.name = object_name("fk");
                for (int c : mine) t->col(c)->touched = true;
                t->fks.push_back(f);
                log_.push_back("add foreign key " + tname(*t) + " -> " + tname(target) + " on existing columns");
                return true;
            }
        }
        const std::size_t before = t->fks.size();
        if (!add_fk_columns(*t, target, rows)) return false;
        if (t->fks.size() == before) return false;
        GFk& f = t->fks.back();
        f.fresh = true;
        f.shorthand = f.shorthand && rng_.chance(50);
        if (f.on_delete == "set_default") f.on_delete = "set_null";
        for (int c : f.cols) { t->col(c)->fresh = true; t->col(c)->touched = true; }
        log_.push_back("add foreign key " + tname(*t) + " -> " + tname(target) + " on new columns");
        return true;
    }

    bool m_drop_fk() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& f : t->fks)
                if (!f.fresh) cand.push_back({t, f.uid});
        if (cand.empty()) return false;
        auto [t, fu] = rng_.pick(cand);
        t->fks.erase(std::remove_if(t->fks.begin(), t->fks.end(), [&](const GFk& f) { return f.uid == fu; }), t->fks.end());
        log_.push_back("drop a foreign key of " + tname(*t));
        return true;
    }

    // An enum's values in another order: PostgreSQL cannot move a value, so
    // schemac makes the type again and converts every column of it.
    void reorder_enum() {
        std::vector<GEnum*> v;
        for (auto& e : b_.enums) {
            if (e.fresh || e.values.size() < 2 || !a_.enm(e.uid)) continue;
            bool ok = true;
            for (const auto& t : b_.tables)
                for (const auto& c : t.cols)
                    if (c.type.k == K::Enum && c.type.enum_uid == e.uid && (in_expression(t, c.uid) || fk_involved(b_, t, c.uid)))
                        ok = false;
            if (ok) v.push_back(&e);
        }
        if (v.empty()) return;
        GEnum& e = *rng_.pick(v);
        const auto before = e.values;
        while (e.values == before) rng_.shuffle(e.values);
        e.touched = true;
        log_.push_back("reorder the values of enum " + e.name);
    }

    bool m_add_enum_value() {
        std::vector<GEnum*> v;
        for (auto& e : b_.enums)
            if (!e.fresh) v.push_back(&e);
        if (v.empty()) return false;
        GEnum& e = *rng_.pick(v);
        std::vector<std::string> pool;
        for (const auto& x : kEnumValues)
            if (std::find(e.values.begin(), e.values.end(), x) == e.values.end()) pool.push_back(x);
        pool.push_back("added " + std::to_string(++counter_));
        const std::string val = rng_.pick(pool);
        const int at = rng_.chance(50) ? static_cast<int>(e.values.size()) : rng_.range(0, static_cast<int>(e.values.size()));
        e.values.insert(e.values.begin() + at, val);
        e.touched = true;
        log_.push_back("add value '" + val + "' to enum " + e.name + (at == static_cast<int>(e.values.size()) - 1 ? " at the end" : " in the middle"));
        return true;
    }

    bool m_add_enum() {
        std::string schema = "public";
        if (!second_.empty() && rng_.chance(40)) schema = second_;
        GEnum e = make_enum(schema);
        e.fresh = true;
        b_.enums.push_back(e);
        std::string what = "add enum " + e.name;
        if (rng_.chance(50) && !b_.tables.empty()) {
            GTable& t = b_.tables[static_cast<std::size_t>(rng_.range(0, static_cast<int>(b_.tables.size()) - 1))];
            GCol c;
            c.uid = uid();
            c.name = fresh_column_name(t);
            c.type.k = K::Enum;
            c.type.enum_uid = e.uid;
            c.type.array = rng_.chance(20);
            c.nullable = rng_.chance(50);
            if (!c.nullable || rng_.chance(30)) c.def = value(b_, c.type, 40);
            if (c.def) c.def->r = -1;
            c.fresh = c.touched = true;
            t.cols.push_back(c);
            what += " used by new column " + cname(t, c);
        }
        log_.push_back(what);
        return true;
    }

    bool m_drop_enum() {
        std::vector<GEnum*> v;
        for (auto& e : b_.enums)
            if (!e.fresh && !e.touched) v.push_back(&e);
        if (v.empty()) return false;
        GEnum& e = *rng_.pick(v);
        // Every column of this type goes too; give up if one cannot.
        std::vector<std::pair<GTable*, int>> users;
        for (auto& t : b_.tables)
            for (const auto& c : t.cols)
                if (c.type.k == K::Enum && c.type.enum_uid == e.uid) {
                    if (!droppable(t, c)) return false;
                    users.push_back({&t, c.uid});
                }
        std::string what = "drop enum " + e.name;
        for (auto [t, c] : users) {
            what += ", column " + cname(*t, *t->col(c));
            remove_column(*t, c);
            t->touched = true;
        }
        const int u = e.uid;
        b_.enums.erase(std::remove_if(b_.enums.begin(), b_.enums.end(), [&](const GEnum& x) { return x.uid == u; }),
                       b_.enums.end());
        log_.push_back(what);
        return true;
    }

    bool m_comment() {
        const int what = rng_.range(0, 2);
        auto next = [&](const std::string& old) {
            if (!old.empty() && rng_.chance(35)) return std::string();
            std::string n = comment_text();
            while (n == old) n += " (new)";
            return n;
        };
        if (what == 0 && !b_.enums.empty()) {
            GEnum& e = b_.enums[static_cast<std::size_t>(rng_.range(0, static_cast<int>(b_.enums.size()) - 1))];
            if (e.fresh || !commented_.insert(e.uid).second) return false;
            e.comment = next(e.comment);
            log_.push_back("comment on enum " + e.name);
            return true;
        }
        auto v = old_tables(true);
        if (v.empty()) return false;
        GTable* t = rng_.pick(v);
        if (what == 1 || t->cols.empty()) {
            if (!commented_.insert(t->uid).second) return false;
            t->comment = next(t->comment);
            log_.push_back("comment on table " + tname(*t));
            return true;
        }
        GCol& c = t->cols[static_cast<std::size_t>(rng_.range(0, static_cast<int>(t->cols.size()) - 1))];
        if (c.fresh || !commented_.insert(c.uid).second) return false;
        c.comment = next(c.comment);
        log_.push_back("comment on column " + cname(*t, c));
        return true;
    }

    bool m_seed_insert() {
        std::vector<GTable*> v;
        for (auto& t : b_.tables)
            if (t.seeded) v.push_back(&t);
        if (v.empty()) return false;
        GTable* t = rng_.pick(v);
        for (const auto& c : t->cols)
            if (in_own_fk(*t, c.uid) && !c.nullable) return false;
        GRow row = make_row(b_, *t, t->next_r++);
        row.fresh = true;
        t->rows.insert(t->rows.begin() + rng_.range(0, static_cast<int>(t->rows.size())), row);
        log_.push_back("insert a seed row into " + tname(*t));
        return true;
    }

    bool m_seed_update() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto& t : b_.tables)
            for (const auto& r : t.rows)
                if (!r.fresh && !r.touched && !t.fresh) cand.push_back({&t, r.uid});
        if (cand.empty()) return false;
        auto [t, ru] = rng_.pick(cand);
        GRow* row = nullptr;
        for (auto& r : t->rows)
            if (r.uid == ru) row = &r;
        std::vector<int> cols;
        for (const auto& c : t->cols)
            if (!in(t->seed_key, c.uid) && !unique_either(*t, c.uid) && !in_own_fk(*t, c.uid) && c.identity != "always" &&
                !is_serial(c.type.k))
                cols.push_back(c.uid);
        if (cols.empty()) return false;
        int cu = rng_.pick(cols);
        if (options_.sqlite && rng_.chance(50)) {
            // Rather a column the migration renames or changes too: the rollback
            // must put the row's old value back in the old column's terms.
            std::vector<int> changed;
            const GTable* at = a_.table(t->uid);
            for (int u : cols)
                if (const GCol* ac = at ? at->col(u) : nullptr; ac && (!t->col(u)->renamed_from.empty() || !(ac->type == t->col(u)->type) ||
                                                                        ac->def.has_value() != t->col(u)->def.has_value() ||
                                                                        (ac->def && !ac->def->same(*t->col(u)->def))))
                    changed.push_back(u);
            if (!changed.empty()) cu = rng_.pick(changed);
            // ... and a row that left it out (it holds the old default).
            for (auto& r : t->rows)
                if (!r.fresh && !r.touched && !r.find(cu) && rng_.chance(50)) row = &r;
        }
        const GCol& c = *t->col(cu);
        const GRow before = *row;
        GVal* cur = row->find(cu);
        std::string what;
        if (cur && (c.nullable || c.def) && rng_.chance(options_.sqlite ? 40 : 25)) {
            row->erase(cu);   // the value is left out: back to the default
            what = "leave out";
        } else if (c.nullable && cur && cur->kind != GVal::Null && rng_.chance(20)) {
            *cur = GVal{GVal::Null, "", {}, -1};
            what = "set null";
        } else {
            GVal nv = value(b_, c.type, t->next_r++, true);
            if (cur && cur->same(nv)) return false;
            if (cur) *cur = nv;
            else row->vals.push_back({cu, nv});
            what = "change";
        }
        if (options_.sqlite) {
            // The same value before and after (true for TRUE, the default left out
            // or written) is no change: SQLite's plan writes no UPDATE for it.
            auto effective = [&](const GRow& r) {
                const GVal* v = r.find(cu);
                return v ? *v : c.def ? *c.def : GVal{GVal::Null, "", {}, -1};
            };
            const GVal x = effective(before), y = effective(*row);
            if (x.kind == y.kind && (x.text == y.text || (c.type.k == K::Bool && ascii_lower(x.text) == ascii_lower(y.text)))) {
                *row = before;
                return false;
            }
        }
        row->touched = true;
        log_.push_back("update a seed row of " + tname(*t) + " (" + what + " " + c.name + ")");
        return true;
    }

    bool m_seed_delete() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto& t : b_.tables)
            for (const auto& r : t.rows)
                if (!r.fresh && !r.touched && !t.fresh) cand.push_back({&t, r.uid});
        if (cand.empty()) return false;
        auto [t, ru] = rng_.pick(cand);
        t->rows.erase(std::remove_if(t->rows.begin(), t->rows.end(), [&](const GRow& r) { return r.uid == ru; }), t->rows.end());
        log_.push_back("delete a seed row of " + tname(*t));
        return true;
    }

    // ---- mutations only SQLite's pairs make

    GVal literal_default(const GType& t) {
        GVal v = value(b_, t, 40 + rng_.range(0, 9), true);
        v.r = -1;   // shared by every row that leaves the column out
        return v;
    }

    static std::string sql_string(const std::string& s) {
        std::string out = "'";
        for (char ch : s) {
            if (ch == '\'') out += '\'';
            out += ch;
        }
        return out + "'";
    }

    // A backfill SQLite evaluates over the old rows: a constant of the column's
    // type, or for a number, one computed from an old number column of the table.
    void set_backfill(const GTable& t, GCol& c) {
        if (is_numberish(c.type.k)) {
            std::vector<int> from;
            for (const auto& o : t.cols)
                if (!o.fresh && is_numberish(o.type.k) && o.uid != c.uid) from.push_back(o.uid);
            if (!from.empty() && rng_.chance(50)) {
                c.backfill = rng_.chance(50) ? "coalesce($0, 0) + 1" : "abs(coalesce($0, 7))";
                c.backfill_col = rng_.pick(from);
                return;
            }
            c.backfill = value(b_, c.type, 40 + rng_.range(0, 9)).text;
        } else if (c.type.k == K::Bool) {
            c.backfill = rng_.chance(50) ? "TRUE" : "(1 = 0)";
        } else if (c.type.k == K::Bytea) {
            c.backfill = rng_.chance(50) ? "X'0a0b'" : "zeroblob(3)";
        } else {
            c.backfill = rng_.chance(20) ? "upper('x') || 'y'" : sql_string(value(b_, c.type, 40 + rng_.range(0, 9)).text);
        }
    }

    // The kinds of new columns SQLite's planner tells apart: nullable (ADD COLUMN,
    // with a backfill an UPDATE), NOT NULL with a literal default (ADD COLUMN),
    // NOT NULL with a backfill and an {sql:} default (both a rebuild).
    bool add_column_sqlite(GTable& t) {
        const bool rows = !t.rows.empty() || has_rows_in_a(t);
        GCol c;
        c.uid = uid();
        c.name = fresh_column_name(t);
        c.type = random_type(b_, false);
        c.fresh = c.touched = true;
        std::string what;
        switch (rng_.range(0, 4)) {
            case 0:
                c.nullable = true;
                if (rng_.chance(30)) c.def = literal_default(c.type);
                if (rng_.chance(40)) set_backfill(t, c);
                what = "nullable";
                break;
            case 1:
                c.def = literal_default(c.type);
                what = "NOT NULL with a literal default";
                break;
            case 2:
                set_backfill(t, c);
                // B's own rows, created directly, take the default instead.
                if (!t.rows.empty() || rng_.chance(30)) c.def = literal_default(c.type);
                what = "NOT NULL with a backfill";
                break;
            case 3: {
                const std::string sql = sqlite_sql_default(c.type);
                if (sql.empty()) return false;
                c.def = GVal{GVal::Sql, sql, {}, -1};
                c.nullable = rng_.chance(40);
                what = "with the default {sql: " + sql + "}";
                break;
            }
            default:
                c.nullable = rng_.chance(40);
                if (rng_.chance(30)) c.def = default_value(b_, c.type);
                if (rows && !c.nullable && !c.def) c.def = literal_default(c.type);
                what = c.nullable ? "nullable" : "NOT NULL";
                if (c.def) what += c.def->kind == GVal::Sql ? " with the default {sql: " + c.def->text + "}" : " with a default";
                break;
        }
        t.cols.push_back(c);
        log_.push_back("add column " + cname(t, c) + " " + type_text(b_, c.type, t.schema) + ", " + what +
                       (c.backfill.empty() ? "" : " (backfill " + c.backfill + ")"));
        return true;
    }

    // Type changes whose values SQLite converts there and back again unchanged
    // (by the columns' affinities), and that keep B's literals valid.
    bool change_type_sqlite(GTable& t, GCol& c) {
        const GType from = c.type;
        const bool fk = fk_involved(b_, t, c.uid);
        const bool expr = in_expression(t, c.uid) || in_any_index(t, c.uid);
        std::vector<GType> to;
        auto add = [&](K k) {
            GType x;
            x.k = k;
            if (k == K::Numeric && rng_.chance(60)) { x.s = rng_.range(0, 3); x.p = x.s + rng_.range(5, 9); }
            if (!(x == from)) to.push_back(x);
        };
        switch (from.k) {
            case K::SmallInt: add(K::Integer); add(K::BigInt); if (!fk) { add(K::Numeric); add(K::Double); } break;
            case K::Integer: add(K::BigInt); add(K::SmallInt); if (!fk) { add(K::Numeric); add(K::Real); if (!expr) add(K::Text); } break;
            case K::BigInt: add(K::Integer); if (!fk) add(K::Numeric); break;
            case K::Real: add(K::Double); if (!fk) add(K::Numeric); break;
            case K::Double: add(K::Real); if (!fk) add(K::Numeric); break;
            case K::Numeric: {
                GType x = from;
                if (from.p < 0) { x.p = 14; x.s = 4; to.push_back(x); }
                else {
                    x.p = from.p + rng_.range(1, 5); to.push_back(x);
                    x = from; x.p = -1; x.s = -1; to.push_back(x);
                    x = from; x.p = from.p + 1; x.s = from.s + 1; to.push_back(x);
                }
                if (!fk) add(K::Double);
                break;
            }
            case K::Bytea: if (!fk && !expr) add(K::Text); break;
            default: break;
        }
        if (to.empty()) return false;
        const GType target = rng_.pick(to);
        const std::string before = type_text(b_, from, t.schema);
        c.type = target;
        c.touched = true;
        c.using_cast = is_numberish(from.k) && is_numberish(target.k) && rng_.chance(30);
        log_.push_back("change type of " + cname(t, c) + ": " + before + " -> " + type_text(b_, target, t.schema) +
                       (c.using_cast ? " with using" : ""));
        return true;
    }

    bool a_has_index_like(const GTable& t, const GIndex& ix) const {
        const GTable* at = a_.table(t.uid);
        if (!at) return false;
        for (const auto& i : at->idx) {
            bool same = i.unique == ix.unique && i.where_col == ix.where_col && i.where_tpl == ix.where_tpl && i.els.size() == ix.els.size();
            for (std::size_t k = 0; same && k < i.els.size(); ++k)
                same = i.els[k].col == ix.els[k].col && i.els[k].tpl == ix.els[k].tpl && i.els[k].order == ix.els[k].order;
            if (same) return true;
        }
        return false;
    }

    static bool same_cols(std::vector<int> x, std::vector<int> y) {
        std::sort(x.begin(), x.end());
        std::sort(y.begin(), y.end());
        return x == y;
    }

    // A primary key added, dropped, extended by a column or moved to another;
    // not on a table whose seed rows are keyed by it or whose key a foreign key
    // references.
    bool m_change_pk() {
        std::vector<GTable*> cand;
        for (auto* t : old_tables(true)) {
            if (renamed_.count(t->uid) || (t->pk && (t->pk->fresh || (t->seeded && same_cols(t->seed_key, t->pk->cols))))) continue;
            bool referenced = false;
            for (const auto& o : b_.tables)
                for (const auto& f : o.fks)
                    if (f.ref_table == t->uid && (!f.ref_explicit || (t->pk && same_cols(f.ref_cols, t->pk->cols)))) referenced = true;
            if (!referenced) cand.push_back(t);
        }
        if (cand.empty()) return false;
        GTable& t = *rng_.pick(cand);
        renamed_.insert(t.uid);   // a second change could undo the first
        const GTable* at = a_.table(t.uid);
        // Columns that can be in a key: NOT NULL in A and B, with a value in every row.
        std::vector<int> keyish, distinct_keyish;
        for (const auto& c : t.cols) {
            const GCol* ac = at ? at->col(c.uid) : nullptr;
            if (c.fresh || !ac || c.nullable || ac->nullable || !keyable(c.type) || in_own_fk(t, c.uid)) continue;
            if (!all_set(t, c) || !all_set(*at, *ac)) continue;
            keyish.push_back(c.uid);
            // An integer primary key of one column is the rowid alias, whose default
            // SQLite never uses (a row without it is numbered): not over a default.
            if (distinct_both(t, c) && !(c.type.k == K::Integer && c.def)) distinct_keyish.push_back(c.uid);
        }
        auto taken = [&](const std::vector<int>& cols) {
            for (const auto& u : t.uniques)
                if (same_cols(u.cols, cols)) return true;
            return t.pk && same_cols(t.pk->cols, cols);
        };
        const int roll = rng_.range(0, 99);
        std::string what;
        GKey k;
        k.uid = uid();
        k.fresh = true;
        if (t.pk && roll < 35) {
            std::vector<int> more;
            for (int c : keyish)
                if (!in(t.pk->cols, c)) more.push_back(c);
            if (more.empty()) return false;
            k.cols = t.pk->cols;
            k.cols.push_back(rng_.pick(more));
            what = "extend the primary key of " + tname(t);
        } else if (t.pk && roll < 65) {
            t.pk.reset();
            log_.push_back("drop the primary key of " + tname(t));
            return true;
        } else {
            if (distinct_keyish.empty()) return false;
            k.cols = {rng_.pick(distinct_keyish)};
            what = (t.pk ? "move the primary key of " : "add a primary key to ") + tname(t);
        }
        if (taken(k.cols)) return false;
        if (rng_.chance(20)) k.name = object_name("pk");
        for (int c : k.cols) t.col(c)->touched = true;
        t.pk = k;
        log_.push_back(what + " (" + t.col(k.cols.back())->name + ")");
        return true;
    }

    // An index of A under another name (or its default one): SQLite cannot
    // rename one, the planner builds it again.
    bool m_rename_index() {
        std::vector<std::pair<GTable*, int>> cand;
        for (auto* t : old_tables(true))
            for (const auto& i : t->idx)
                if (!i.fresh && !renamed_.count(i.uid)) cand.push_back({t, i.uid});
        if (cand.empty()) return false;
        auto [t, iu] = rng_.pick(cand);
        renamed_.insert(iu);
        for (auto& i : t->idx)
            if (i.uid == iu) {
                const std::string before = i.name.empty() ? "(default)" : i.name;
                i.name = !i.name.empty() && rng_.chance(25) ? "" : object_name("ix");
                log_.push_back("rename index " + before + " of " + tname(*t) + " -> " + (i.name.empty() ? "(default)" : i.name));
            }
        return true;
    }

    // A constraint of A under another name (or its default one): SQLite keeps
    // names only in the CREATE TABLE text, so a name that is written is a rebuild.
    bool m_rename_constraint() {
        struct C { GTable* t; int kind; int uid; };   // kind: 0 pk, 1 unique, 2 foreign key, 3 check
        std::vector<C> cand;
        for (auto* t : old_tables(true)) {
            if (t->pk && !t->pk->fresh) cand.push_back({t, 0, t->pk->uid});
            for (const auto& u : t->uniques)
                if (!u.fresh) cand.push_back({t, 1, u.uid});
            for (const auto& f : t->fks)
                if (!f.fresh) cand.push_back({t, 2, f.uid});
            for (const auto& k : t->checks)
                if (!k.fresh) cand.push_back({t, 3, k.uid});
        }
        cand.erase(std::remove_if(cand.begin(), cand.end(), [&](const C& c) { return renamed_.count(c.uid) > 0; }), cand.end());
        if (cand.empty()) return false;
        const C c = rng_.pick(cand);
        renamed_.insert(c.uid);
        std::string* name = nullptr;
        bool* shorthand = nullptr;
        static const char* prefix[] = {"pk", "uq", "fk", "ck"};
        if (c.kind == 0) { name = &c.t->pk->name; shorthand = &c.t->pk->shorthand; }
        for (auto& u : c.t->uniques)
            if (c.kind == 1 && u.uid == c.uid) { name = &u.name; shorthand = &u.shorthand; }
        for (auto& f : c.t->fks)
            if (c.kind == 2 && f.uid == c.uid) name = &f.name;
        for (auto& k : c.t->checks)
            if (c.kind == 3 && k.uid == c.uid) name = &k.name;
        const std::string before = name->empty() ? "(default)" : *name;
        *name = c.kind != 3 && !name->empty() && rng_.chance(30) ? "" : object_name(prefix[c.kind]);
        if (shorthand && !name->empty()) *shorthand = false;   // `primary_key: true` and `unique: true` carry no name
        log_.push_back(std::string("rename ") + (c.kind == 0 ? "primary key " : c.kind == 1 ? "unique " : c.kind == 2 ? "foreign key " : "check ") +
                       before + " of " + tname(*c.t) + " -> " + (name->empty() ? "(default)" : *name));
        return true;
    }

    // ------------------------------------------------------------------ writing YAML

    std::string q(const std::string& s) {
        bool control = false;
        for (unsigned char c : s) control = control || c < 0x20;
        if (control) return yaml_double(s);
        if (yaml_plain(s) && rng_.chance(80)) return s;
        return rng_.chance(60) ? yaml_single(s) : yaml_double(s);
    }

    // One part of a qualified name as parse_qualified_name reads it.
    std::string qpart(const std::string& n, bool force_quote) {
        bool bare = !n.empty() && !(n[0] >= '0' && n[0] <= '9');
        for (unsigned char c : n) bare = bare && (is_ascii_alnum(static_cast<char>(c)) || c == '_' || c >= 0x80);
        if (bare && !force_quote) return n;
        std::string out = "\"";
        for (char c : n) {
            if (c == '"') out += '"';
            out += c;
        }
        return out + "\"";
    }

    std::string qname_text(const std::string& schema, const std::string& name, bool qualify) {
        if (options_.sqlite) qualify = false;   // one schema
        const bool fq = rng_.chance(20);
        return qualify ? qpart(schema, fq) + "." + qpart(name, fq) : qpart(name, fq);
    }

    // A type as the user would write it; enums qualified when the name would
    // not resolve to them from `home`.
    std::string type_text(const GSchema& s, const GType& t, const std::string& home) {
        std::string out;
        auto pick = [&](std::vector<std::string> v) { return rng_.pick(v); };
        const bool ps = t.p >= 0;
        switch (t.k) {
            case K::SmallInt: out = pick({"smallint", "int2", "SMALLINT"}); break;
            case K::Integer: out = pick({"integer", "int", "int4", "INTEGER"}); break;
            case K::BigInt: out = pick({"bigint", "int8"}); break;
            case K::Serial: out = pick({"serial", "serial4"}); break;
            case K::BigSerial: out = pick({"bigserial", "serial8"}); break;
            case K::Real: out = pick({"real", "float4"}); break;
            case K::Double: out = pick({"double precision", "float8", "double", "float", "Double  Precision"}); break;
            case K::Numeric:
                out = pick({"numeric", "decimal"});
                if (ps) out += t.s == 0 && rng_.chance(50) ? "(" + std::to_string(t.p) + ")" : "(" + std::to_string(t.p) + (rng_.chance(50) ? ", " : ",") + std::to_string(t.s) + ")";
                break;
            case K::Varchar:
                out = pick({"varchar", "character varying", "VARCHAR"});
                if (t.len >= 0) out += "(" + std::to_string(t.len) + ")";
                break;
            case K::Char:
                if (t.len == 1 && rng_.chance(50)) out = "char";
                else out = pick({"char", "character"}) + "(" + std::to_string(t.len) + ")";
                break;
            case K::Text: out = pick({"text", "TEXT"}); break;
            case K::Bool: out = pick({"boolean", "bool"}); break;
            case K::Date: out = "date"; break;
            case K::Time:
                out = ps ? "time(" + std::to_string(t.p) + ")" : pick({"time", "time without time zone"});
                break;
            case K::Timestamp:
                out = ps ? pick({"timestamp(" + std::to_string(t.p) + ")", "timestamp(" + std::to_string(t.p) + ") without time zone"})
                         : pick({"timestamp", "timestamp without time zone"});
                break;
            case K::TimestampTz:
                out = ps ? pick({"timestamptz(" + std::to_string(t.p) + ")", "timestamp(" + std::to_string(t.p) + ") with time zone"})
                         : pick({"timestamptz", "timestamp with time zone"});
                break;
            case K::Interval: out = "interval"; break;
            case K::Uuid: out = "uuid"; break;
            case K::Json: out = "json"; break;
            case K::Jsonb: out = pick({"jsonb", "JSONB"}); break;
            case K::Bytea: out = options_.sqlite ? pick({"blob", "BLOB", "bytea"}) : "bytea"; break;
            case K::VarBit:
                out = t.len >= 0 ? pick({"varbit(" + std::to_string(t.len) + ")", "bit varying(" + std::to_string(t.len) + ")"})
                                 : pick({"varbit", "bit varying"});
                break;
            case K::Enum: {
                const GEnum* e = s.enm(t.enum_uid);
                const bool bare_ok = e->schema == home || (e->schema == "public" && !s.has_enum(home, e->name));
                // A bare name must not read as a built-in type (normalized like parse_type does).
                out = qname_text(e->schema, e->name, !bare_ok || rng_.chance(20));
                break;
            }
        }
        if (t.array) out += "[]";
        return out;
    }

    std::string type_scalar(const std::string& spelled, bool mark) {
        const std::string s = spelled + (mark ? "?" : "");
        bool plain = !s.empty() && (is_ascii_alpha(s[0]) || s[0] == '_');
        for (char c : s) plain = plain && (is_ascii_alnum(c) || c == '_' || c == '(' || c == ')' || c == ',' || c == ' ' || c == '[' || c == ']' || c == '?' || c == '.');
        if (plain && rng_.chance(85)) return s;
        return rng_.chance(50) ? yaml_single(s) : yaml_double(s);
    }

    // Another spelling of the same value, so A and B may differ in spelling only
    // (booleans in any case, numbers with a plus sign).
    std::string respelled(const GVal& v, const GType& t) {
        if (v.kind != GVal::Scalar || t.array || !rng_.chance(30)) return v.text;
        const std::string l = ascii_lower(v.text);
        if (t.k == K::Bool) {
            static const std::vector<std::string> yes = {"true", "TRUE", "True"}, no = {"false", "FALSE", "False"};
            return rng_.pick(l == "true" ? yes : no);
        }
        if ((is_int(t.k) || t.k == K::Numeric) && !v.text.empty() && v.text[0] != '-' && v.text[0] != '+') return "+" + v.text;
        return v.text;
    }

    std::string value_text(const GVal& v, const GType* respell = nullptr) {
        if (respell && v.kind == GVal::Scalar) {
            GVal w = v;
            w.text = respelled(v, *respell);
            return value_text(w);
        }
        switch (v.kind) {
            case GVal::Null: return "null";
            case GVal::Sql: return "{sql: " + q(v.text) + "}";
            case GVal::Array: {
                std::string s = "[";
                for (std::size_t i = 0; i < v.items.size(); ++i) {
                    if (i) s += ", ";
                    s += v.items[i] ? q(*v.items[i]) : "null";
                }
                return s + "]";
            }
            case GVal::Scalar: return q(v.text);
        }
        return "null";
    }

    std::string flow_names(const GTable& t, const std::vector<int>& cols) {
        std::string s = "[";
        for (std::size_t i = 0; i < cols.size(); ++i) s += (i ? ", " : "") + q(t.col(cols[i])->name);
        return s + "]";
    }

    std::string tpl_sql(const GTable& t, const std::string& tpl, const std::vector<int>& cols) {
        std::string out;
        for (std::size_t i = 0; i < tpl.size(); ++i) {
            if (tpl[i] == '$' && i + 1 < tpl.size() && is_ascii_digit(tpl[i + 1])) {
                out += sql_ident(t.col(cols[static_cast<std::size_t>(tpl[i + 1] - '0')])->name);
                ++i;
            } else {
                out += tpl[i];
            }
        }
        return out;
    }

    std::string ref_table_text(const GSchema& s, const GTable& from, const GTable& to) {
        const bool bare_ok = to.schema == from.schema || (to.schema == "public" && !s.has_table(from.schema, to.name));
        return qname_text(to.schema, to.name, !bare_ok || rng_.chance(25));
    }

    static bool paren_safe(const std::string& n) {
        return n.find_first_of("\"(),") == std::string::npos && !n.empty() && n.front() != ' ' && n.back() != ' ';
    }

    // `references:` value: "table", "table(a, b)" or a flow map.
    std::string reference_text(const GSchema& s, const GTable& t, const GFk& f, bool allow_actions) {
        const GTable& to = *s.table(f.ref_table);
        const std::string tt = ref_table_text(s, t, to);
        bool names_ok = true;
        for (int c : f.ref_cols) names_ok = names_ok && paren_safe(to.col(c)->name);
        const bool no_extras = !allow_actions || (f.on_delete == "no_action" && f.on_update == "no_action" && f.name.empty());
        if (no_extras && rng_.chance(50)) {
            if (!f.ref_explicit) return q(tt);
            if (names_ok) {
                std::string s2 = tt + "(";
                for (std::size_t i = 0; i < f.ref_cols.size(); ++i) {
                    const std::string& n = to.col(f.ref_cols[i])->name;
                    s2 += (i ? ", " : "") + (rng_.chance(30) || n.find(' ') != std::string::npos ? "\"" + n + "\"" : n);
                }
                return yaml_single(s2 + ")");
            }
        }
        std::string m = "{table: " + q(tt);
        if (f.ref_explicit) m += ", columns: " + flow_names(to, f.ref_cols);
        if (allow_actions) {
            if (f.on_delete != "no_action" || rng_.chance(10)) m += ", on_delete: " + f.on_delete;
            if (f.on_update != "no_action") m += ", on_update: " + f.on_update;
            if (!f.name.empty()) m += ", name: " + q(f.name);
        }
        return m + "}";
    }

    std::string index_element(const GTable& t, const GIdxEl& e) {
        const std::string& n = t.col(e.col)->name;
        if (!e.tpl.empty()) {
            std::string m = "{expr: " + q(tpl_sql(t, e.tpl, {e.col}));
            if (e.order) m += std::string(", order: ") + (e.order == 2 ? "desc" : "asc");
            if (e.nulls) m += std::string(", nulls: ") + (e.nulls == 1 ? "first" : "last");
            return m + "}";
        }
        const bool spaces = n.find_first_of(" \t") != std::string::npos;
        if (!spaces && !e.pattern_ops && !e.collate_c && rng_.chance(60)) {
            std::string s = n;
            if (e.order) s += e.order == 2 ? (rng_.chance(50) ? " DESC" : " desc") : " ASC";
            if (e.nulls) s += e.nulls == 1 ? " NULLS FIRST" : " nulls last";
            return q(s);
        }
        std::string m = "{column: " + q(n);
        if (e.order) m += std::string(", order: ") + (e.order == 2 ? "desc" : "asc");
        if (e.nulls) m += std::string(", nulls: ") + (e.nulls == 1 ? "first" : "last");
        if (e.pattern_ops) m += ", opclass: text_pattern_ops";
        if (e.collate_c) m += ", collate: C";
        return m + "}";
    }

    void emit_table(std::string& o, const GSchema& s, const GTable& t, bool schema_key) {
        const std::string I = "  ", I2 = "    ", I3 = "      ", I4 = "        ";
        o += I + q(t.name) + ":\n";
        if (schema_key) o += I2 + "schema: " + q(t.schema) + "\n";
        if (!t.comment.empty()) o += I2 + "comment: " + q(t.comment) + "\n";
        if (!t.renamed_from.empty()) o += I2 + "renamed_from: " + q(t.renamed_from) + "\n";
        if (t.unlogged) o += I2 + "unlogged: true\n";
        if (t.row_security) o += I2 + "row_level_security: " + (rng_.chance(50) ? "true" : "enabled") + "\n";
        if (t.fillfactor || t.autovacuum_off) {
            std::string w;
            if (t.fillfactor) w += "fillfactor: " + std::to_string(t.fillfactor);
            if (t.autovacuum_off) w += std::string(w.empty() ? "" : ", ") + "autovacuum_enabled: " + (rng_.chance(50) ? "off" : "false");
            o += I2 + "with: {" + w + "}\n";
        }
        o += I2 + "columns:\n";
        for (const auto& c : t.cols) {
            const bool pk_short = t.pk && t.pk->shorthand && t.pk->cols == std::vector<int>{c.uid};
            const GKey* uq_short = nullptr;
            for (const auto& u : t.uniques)
                if (u.shorthand && u.cols == std::vector<int>{c.uid}) uq_short = &u;
            const GFk* fk_short = nullptr;
            for (const auto& f : t.fks)
                if (f.shorthand && f.cols == std::vector<int>{c.uid}) fk_short = &f;
            const std::string ty = type_text(s, c.type, t.schema);
            const bool collate = !c.collate.empty() && collatable(c);
            const bool extras = c.def || !c.comment.empty() || !c.renamed_from.empty() || !c.identity.empty() || pk_short ||
                                uq_short || fk_short || c.using_cast || !c.backfill.empty() || collate;
            if (!extras && rng_.chance(70)) {
                o += I3 + q(c.name) + ": " + type_scalar(ty, c.nullable) + "\n";
                continue;
            }
            o += I3 + q(c.name) + ":\n";
            const bool mark = c.nullable && rng_.chance(50);
            o += I4 + "type: " + type_scalar(ty, mark) + "\n";
            if (c.nullable && (!mark || rng_.chance(20))) o += I4 + "nullable: true\n";
            if (!c.nullable && rng_.chance(10) && !is_serial(c.type.k)) o += I4 + "nullable: false\n";
            // A default spelled anew is a change to the diff (SQLite rebuilds the table
            // for it): rarely on SQLite, where it would hide the ALTER TABLE paths.
            if (c.def) o += I4 + "default: " + value_text(*c.def, options_.sqlite && !rng_.chance(10) ? nullptr : &c.type) + "\n";
            if (!c.comment.empty()) o += I4 + "comment: " + q(c.comment) + "\n";
            if (collate) o += I4 + "collate: " + c.collate + "\n";
            if (!c.renamed_from.empty()) o += I4 + "renamed_from: " + q(c.renamed_from) + "\n";
            if (!c.identity.empty()) o += I4 + "identity: " + c.identity + "\n";
            if (pk_short) o += I4 + "primary_key: true\n";
            if (uq_short) o += I4 + "unique: true\n";
            if (fk_short) o += I4 + "references: " + reference_text(s, t, *fk_short, true) + "\n";
            if (c.using_cast)
                o += I4 + "using: " +
                     q(options_.sqlite ? "CAST(" + sql_ident(c.name) + " AS " + sqlite_type_sql(c.type) + ")"
                                       : sql_ident(c.name) + "::" + type_display(c.type)) + "\n";
            if (!c.backfill.empty())
                o += I4 + "backfill: " + q(c.backfill_col >= 0 ? tpl_sql(t, c.backfill, {c.backfill_col}) : c.backfill) + "\n";
        }
        for (const auto& g : t.generated) {
            const GCol* c = t.col(g.col);
            if (!c) continue;
            o += I3 + q(g.name) + ":\n" + I4 + "type: " + (options_.sqlite ? "integer" : "boolean") + "\n";
            o += I4 + "generated: " + q("(" + sql_ident(c->name) + (g.negate ? " IS NOT NULL)" : " IS NULL)")) + "\n";
        }
        std::vector<int> sections = {0, 1, 2, 3, 4, 5};
        rng_.shuffle(sections);
        for (int sec : sections) {
            switch (sec) {
                case 0:
                    if (t.pk && !t.pk->shorthand) {
                        if (!t.pk->name.empty() || rng_.chance(20)) {
                            o += I2 + "primary_key: {";
                            if (!t.pk->name.empty()) o += "name: " + q(t.pk->name) + ", ";
                            o += "columns: " + flow_names(t, t.pk->cols) + "}\n";
                        } else {
                            o += I2 + "primary_key: " + flow_names(t, t.pk->cols) + "\n";
                        }
                    }
                    break;
                case 1: {
                    std::vector<const GKey*> us;
                    for (const auto& u : t.uniques)
                        if (!u.shorthand) us.push_back(&u);
                    if (us.empty()) break;
                    o += I2 + "unique:\n";
                    for (const auto* u : us) {
                        if (u->name.empty() && rng_.chance(70)) o += I3 + "- " + flow_names(t, u->cols) + "\n";
                        else {
                            o += I3 + "- {";
                            if (!u->name.empty()) o += "name: " + q(u->name) + ", ";
                            o += "columns: " + flow_names(t, u->cols) + "}\n";
                        }
                    }
                    break;
                }
                case 2: {
                    std::vector<const GFk*> fs;
                    for (const auto& f : t.fks)
                        if (!f.shorthand) fs.push_back(&f);
                    if (fs.empty()) break;
                    o += I2 + "foreign_keys:\n";
                    for (const auto* f : fs) {
                        o += I3 + "- columns: " + flow_names(t, f->cols) + "\n";
                        o += I4 + "references: " + reference_text(s, t, *f, false) + "\n";
                        if (f->on_delete != "no_action" || rng_.chance(10)) o += I4 + "on_delete: " + f->on_delete + "\n";
                        if (f->on_update != "no_action") o += I4 + "on_update: " + f->on_update + "\n";
                        if (!f->name.empty()) o += I4 + "name: " + q(f->name) + "\n";
                    }
                    break;
                }
                case 3:
                    if (t.checks.empty()) break;
                    o += I2 + "checks:\n";
                    for (const auto& k : t.checks) o += I3 + q(k.name) + ": " + q(tpl_sql(t, k.tpl, k.cols)) + "\n";
                    break;
                case 4:
                    if (t.idx.empty()) break;
                    o += I2 + "indexes:\n";
                    for (const auto& i : t.idx) {
                        std::string els = "[";
                        for (std::size_t k = 0; k < i.els.size(); ++k) els += (k ? ", " : "") + index_element(t, i.els[k]);
                        o += I3 + "- columns: " + els + "]\n";
                        if (!i.name.empty()) o += I4 + "name: " + q(i.name) + "\n";
                        if (i.unique || rng_.chance(10)) o += I4 + "unique: " + (i.unique ? "true" : "false") + "\n";
                        if (i.where_col >= 0) o += I4 + "where: " + q(tpl_sql(t, i.where_tpl, {i.where_col})) + "\n";
                        if (i.method_written) o += I4 + "method: " + i.method + "\n";
                        if (i.concurrently) o += I4 + "concurrently: true\n";
                        if (!i.include.empty()) o += I4 + "include: " + flow_names(t, i.include) + "\n";
                        if (i.fillfactor || i.dedup) {
                            std::string w;
                            if (i.fillfactor) w += "fillfactor: " + std::to_string(i.fillfactor);
                            if (i.dedup) w += std::string(w.empty() ? "" : ", ") + "deduplicate_items: " + (i.dedup == 1 ? "on" : "false");
                            o += I4 + "with: {" + w + "}\n";
                        }
                    }
                    break;
                case 5: {
                    if (!t.seeded) break;
                    const bool list_form = !t.seed_key_explicit && rng_.chance(50);
                    std::string rows_indent = I3;
                    if (list_form) {
                        o += I2 + "seed:" + (t.rows.empty() ? " []" : "") + "\n";
                    } else {
                        o += I2 + "seed:\n";
                        if (t.seed_key_explicit) o += I3 + "key: " + flow_names(t, t.seed_key) + "\n";
                        o += I3 + "rows:" + (t.rows.empty() ? " []" : "") + "\n";
                        rows_indent = I4;
                    }
                    // Values outside the key may be spelled differently in A and B.
                    auto val = [&](const std::pair<int, GVal>& cv) {
                        return value_text(cv.second, in(t.seed_key, cv.first) ? nullptr : &t.col(cv.first)->type);
                    };
                    for (const auto& r : t.rows) {
                        if (r.vals.empty()) { o += rows_indent + "- {}\n"; continue; }
                        if (rng_.chance(60)) {
                            std::string m = "{";
                            for (std::size_t k = 0; k < r.vals.size(); ++k)
                                m += (k ? ", " : "") + q(t.col(r.vals[k].first)->name) + ": " + val(r.vals[k]);
                            o += rows_indent + "- " + m + "}\n";
                        } else {
                            for (std::size_t k = 0; k < r.vals.size(); ++k)
                                o += rows_indent + (k ? "  " : "- ") + q(t.col(r.vals[k].first)->name) + ": " +
                                     val(r.vals[k]) + "\n";
                        }
                    }
                    break;
                }
            }
        }
        emit_hypertable(o, t);
    }

    void emit_hypertable(std::string& o, const GTable& t) {
        if (!t.hyper) return;
        o += "    hypertable:\n      time_column: " + q(t.col(t.time_col)->name) + "\n";
        if (!t.chunk.empty()) o += "      chunk_interval: " + q(t.chunk) + "\n";
        if (!t.default_indexes) o += "      create_default_indexes: false\n";
        else if (rng_.chance(10)) o += "      create_default_indexes: true\n";
    }

    // SQLite's spelling of a type, for CAST in `using`.
    static std::string sqlite_type_sql(const GType& t) {
        switch (t.k) {
            case K::SmallInt: return "SMALLINT";
            case K::Integer: return "INTEGER";
            case K::BigInt: return "BIGINT";
            case K::Real: return "REAL";
            case K::Double: return "DOUBLE PRECISION";
            case K::Numeric: return t.p >= 0 ? "NUMERIC(" + std::to_string(t.p) + "," + std::to_string(t.s) + ")" : "NUMERIC";
            case K::Bool: return "BOOLEAN";
            case K::Bytea: return "BLOB";
            default: return "TEXT";
        }
    }

    // Canonical spelling for `using` casts (built-in types only).
    static std::string type_display(const GType& t) {
        std::string s;
        switch (t.k) {
            case K::SmallInt: s = "smallint"; break;
            case K::Integer: s = "integer"; break;
            case K::BigInt: s = "bigint"; break;
            case K::Real: s = "real"; break;
            case K::Double: s = "double precision"; break;
            case K::Numeric: s = t.p >= 0 ? "numeric(" + std::to_string(t.p) + "," + std::to_string(t.s) + ")" : "numeric"; break;
            case K::Varchar: s = t.len >= 0 ? "varchar(" + std::to_string(t.len) + ")" : "varchar"; break;
            case K::Char: s = "char(" + std::to_string(t.len) + ")"; break;
            case K::Text: s = "text"; break;
            case K::Bool: s = "boolean"; break;
            case K::Date: s = "date"; break;
            case K::Time: s = t.p >= 0 ? "time(" + std::to_string(t.p) + ")" : "time"; break;
            case K::Timestamp: s = t.p >= 0 ? "timestamp(" + std::to_string(t.p) + ")" : "timestamp"; break;
            case K::TimestampTz: s = t.p >= 0 ? "timestamptz(" + std::to_string(t.p) + ")" : "timestamptz"; break;
            case K::Interval: s = "interval"; break;
            case K::Uuid: s = "uuid"; break;
            case K::Json: s = "json"; break;
            case K::Jsonb: s = "jsonb"; break;
            case K::Bytea: s = "bytea"; break;
            case K::VarBit: s = t.len >= 0 ? "varbit(" + std::to_string(t.len) + ")" : "varbit"; break;
            default: s = "text"; break;
        }
        return s + (t.array ? "[]" : "");
    }

    void emit_enum(std::string& o, const GEnum& e, bool schema_key) {
        std::string vals = "[";
        for (std::size_t i = 0; i < e.values.size(); ++i) vals += (i ? ", " : "") + q(e.values[i]);
        vals += "]";
        if (!schema_key && e.comment.empty() && rng_.chance(60)) {
            o += "  " + q(e.name) + ": " + vals + "\n";
            return;
        }
        o += "  " + q(e.name) + ":\n";
        o += "    values: " + vals + "\n";
        if (!e.comment.empty()) o += "    comment: " + q(e.comment) + "\n";
        if (schema_key) o += "    schema: " + q(e.schema) + "\n";
    }

    std::string emit(const GSchema& s) {
        if (options_.sqlite) {   // one schema, main: the default, written or not
            std::string o = "# generated by tests/support/random_schema.cpp (dialect: sqlite)\n";
            if (rng_.chance(10)) o += "schema: main\n";
            o += s.tables.empty() ? "tables: {}\n" : "tables:\n";
            for (const auto& t : s.tables) emit_table(o, s, t, false);
            return o;
        }
        std::vector<std::string> schemas = {"public"};
        for (const auto& e : s.enums)
            if (std::find(schemas.begin(), schemas.end(), e.schema) == schemas.end()) schemas.push_back(e.schema);
        for (const auto& t : s.tables)
            if (std::find(schemas.begin(), schemas.end(), t.schema) == schemas.end()) schemas.push_back(t.schema);
        // YAML keys repeat when two schemas have a table (or an enum) of the same name.
        std::set<std::string> tnames, enames;
        bool clash = false;
        for (const auto& t : s.tables) clash = clash || !tnames.insert(t.name).second;
        for (const auto& e : s.enums) clash = clash || !enames.insert(e.name).second;
        std::string o = "# generated by tests/support/random_schema.cpp\n";
        if (schemas.size() == 1 || (!clash && rng_.chance(40))) {
            // One document; other schemas through table- and enum-level `schema:`.
            if (rng_.chance(20)) o += "schema: public\n";
            if (!s.enums.empty()) {
                o += "enums:\n";
                for (const auto& e : s.enums) emit_enum(o, e, e.schema != "public");
            }
            o += s.tables.empty() ? "tables: {}\n" : "tables:\n";
            for (const auto& t : s.tables) emit_table(o, s, t, t.schema != "public" || rng_.chance(5));
            return o;
        }
        for (const auto& sch : schemas) {
            std::string d;
            if (sch != "public" || rng_.chance(20)) d += "schema: " + q(sch) + "\n";
            bool any = false;
            std::string es, ts;
            for (const auto& e : s.enums)
                if (e.schema == sch) { emit_enum(es, e, false); any = true; }
            for (const auto& t : s.tables)
                if (t.schema == sch) { emit_table(ts, s, t, false); any = true; }
            if (!any) continue;
            if (!es.empty()) d += "enums:\n" + es;
            if (!ts.empty()) d += "tables:\n" + ts;
            o += "---\n" + d;
        }
        return o;
    }
};

}  // namespace

SchemaPair random_schema_pair(std::uint64_t seed, const RandomOptions& options) { return Gen(seed, options).run(); }

}  // namespace schemac::test
