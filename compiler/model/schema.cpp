#include "model/schema.hpp"

#include <algorithm>
#include <string_view>

#include <schemac/core/ascii.hpp>

#include "model/interval.hpp"

namespace schemac {

const char* index_method_name(IndexMethod m) {
    switch (m) {
        case IndexMethod::Btree: return "btree";
        case IndexMethod::Hash: return "hash";
        case IndexMethod::Gist: return "gist";
        case IndexMethod::Gin: return "gin";
        case IndexMethod::Brin: return "brin";
    }
    return "btree";
}

bool Hypertable::same_interval(const Hypertable& other) const {
    const std::string a = interval_text(), b = other.interval_text();
    const auto ua = interval_microseconds(a), ub = interval_microseconds(b);
    return ua && ub ? *ua == *ub : a == b;
}

const Value* SeedRow::find(const std::string& column) const {
    for (const auto& [k, v] : values)
        if (k.name == column) return &v;
    return nullptr;
}

const Column* Table::find_column(const std::string& n) const {
    for (const auto& c : columns)
        if (c.name == n) return &c;
    return nullptr;
}

const Column* Table::sole_integer_key() const {
    if (!primary_key || primary_key->columns.size() != 1) return nullptr;
    const Column* c = find_column(primary_key->columns.front().name);
    return c && c->type.kind == TypeKind::Integer && !c->type.is_array ? c : nullptr;
}

Column* Table::find_column(const std::string& n) {
    for (auto& c : columns)
        if (c.name == n) return &c;
    return nullptr;
}

const Table* Schema::find_table(const QualifiedName& n) const {
    for (const auto& t : tables)
        if (t.name == n) return &t;
    return nullptr;
}

const std::vector<Ident>& referenced_columns(const ForeignKey& f, const Table* target) {
    return f.ref_columns.empty() && target && target->primary_key ? target->primary_key->columns : f.ref_columns;
}

bool expression_may_name(const std::string& expr, const std::string& name) {
    if (name.empty()) return false;
    const std::string lower = ascii_lower(expr), word = ascii_lower(name);
    const auto part_of_word = [](char ch) { return is_ascii_alnum(ch) || ch == '_' || ch == '$'; };
    for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
        const bool left = at == 0 || !part_of_word(lower[at - 1]);
        const bool right = at + word.size() >= lower.size() || !part_of_word(lower[at + word.size()]);
        if (left && right) return true;
    }
    return false;
}

std::string catalog_object_name(const std::string& name) {
    std::string s = ascii_trim(name);
    constexpr std::string_view kCatalog = "pg_catalog.";
    if (s.size() > kCatalog.size() && s.compare(0, kCatalog.size(), kCatalog) == 0) s.erase(0, kCatalog.size());
    return s;
}

std::string canonical_storage_value(const std::string& name, const std::string& value) {
    const std::string v = ascii_lower(value);
    const bool yes = v == "on" || v == "yes" || v == "1" || v == "true";
    const bool no = v == "off" || v == "no" || v == "0" || v == "false";
    if (name == "vacuum_index_cleanup") return yes ? "on" : no ? "off" : v;
    if (name == "deduplicate_items" || name == "fastupdate" || name == "autosummarize" || name == "autovacuum_enabled" ||
        name == "vacuum_truncate")
        return yes ? "true" : no ? "false" : v;
    // [-]digits[.digits]: no leading zeros before the point, none trailing after it.
    const std::size_t sign = !v.empty() && v[0] == '-' ? 1 : 0;
    const std::size_t point = v.find('.');
    std::string whole = v.substr(sign, point == std::string::npos ? std::string::npos : point - sign);
    std::string frac = point == std::string::npos ? "" : v.substr(point + 1);
    const auto digits = [](const std::string& d) { return std::all_of(d.begin(), d.end(), is_ascii_digit); };
    if (!digits(whole) || !digits(frac) || (whole.empty() && frac.empty())) return v;
    whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
    frac.erase(frac.find_last_not_of('0') + 1);
    if (whole.empty()) whole = "0";
    return (sign && (whole != "0" || !frac.empty()) ? "-" : "") + whole + (frac.empty() ? "" : "." + frac);
}

bool same_storage(const std::vector<StorageParam>& a, const std::vector<StorageParam>& b) {
    if (a.size() != b.size()) return false;
    for (const auto& p : a) {
        bool found = false;
        for (const auto& o : b)
            if (o.name == p.name && canonical_storage_value(o.name, o.value) == canonical_storage_value(p.name, p.value)) found = true;
        if (!found) return false;
    }
    return true;
}

const Extension* Schema::find_extension(const std::string& name) const {
    for (const auto& e : extensions)
        if (e.name.name == name) return &e;
    return nullptr;
}

const Enum* Schema::find_enum(const QualifiedName& n) const {
    for (const auto& e : enums)
        if (e.name == n) return &e;
    return nullptr;
}

const Table* Schema::resolve_table(const QualifiedName& n, const std::string& home, const std::string& fallback) const {
    if (!n.schema.empty()) return find_table(n);
    if (const Table* t = find_table({home, n.name})) return t;
    return find_table({fallback, n.name});
}

const Enum* Schema::resolve_enum(const QualifiedName& n, const std::string& home, const std::string& fallback) const {
    if (!n.schema.empty()) return find_enum(n);
    if (const Enum* e = find_enum({home, n.name})) return e;
    return find_enum({fallback, n.name});
}

}  // namespace schemac
