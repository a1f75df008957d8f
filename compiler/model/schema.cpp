#include "model/schema.hpp"

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
