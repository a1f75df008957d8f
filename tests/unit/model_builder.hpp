// A small fluent builder for schema models in tests (Atlas's dsl.go idea):
// every node gets a distinct synthetic position "model:<n>:1" so a test can
// assert *where* a diagnostic points.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "model/schema.hpp"

namespace schemac::test {

inline SourcePos next_pos() {
    static auto file = std::make_shared<const std::string>("model");
    static std::uint32_t line = 0;
    return {file, ++line, 1};
}

inline std::vector<Ident> idents(const std::vector<std::string>& names) {
    std::vector<Ident> v;
    for (const auto& n : names) v.push_back({n, next_pos()});
    return v;
}

inline Type type_of(const std::string& spelling) {
    std::string err;
    auto t = parse_type(spelling, err);
    return t ? *t : Type{};
}

inline Value scalar(const std::string& text) { return {Value::Kind::Scalar, text, {}, next_pos()}; }
inline Value sql(const std::string& text) { return {Value::Kind::Sql, text, {}, next_pos()}; }

class TableBuilder {
public:
    explicit TableBuilder(std::string name, std::string schema = "public") {
        t_.name = {std::move(schema), std::move(name)};
        t_.pos = next_pos();
    }
    TableBuilder& col(const std::string& name, const std::string& type, bool nullable = false) {
        Column c;
        c.name = name;
        c.pos = next_pos();
        c.type = type_of(type);
        c.type_pos = c.pos;
        c.nullable = nullable;
        t_.columns.push_back(c);
        return *this;
    }
    TableBuilder& nullable_col(const std::string& name, const std::string& type) { return col(name, type, true); }
    TableBuilder& with_default(Value v) {
        t_.columns.back().default_value = std::move(v);
        return *this;
    }
    TableBuilder& pk(const std::vector<std::string>& cols, const std::string& name = "") {
        t_.primary_key = KeyConstraint{name, !name.empty(), idents(cols), next_pos()};
        return *this;
    }
    TableBuilder& unique(const std::vector<std::string>& cols, const std::string& name = "") {
        t_.uniques.push_back({name, !name.empty(), idents(cols), next_pos()});
        return *this;
    }
    TableBuilder& fk(const std::vector<std::string>& cols, const std::string& table, const std::vector<std::string>& ref_cols = {},
                     FkAction on_delete = FkAction::NoAction) {
        ForeignKey f;
        f.columns = idents(cols);
        auto qn = parse_qualified_name(table);
        f.ref_table = qn ? *qn : QualifiedName{"", table};
        f.ref_pos = next_pos();
        f.ref_columns = idents(ref_cols);
        f.on_delete = on_delete;
        f.pos = next_pos();
        t_.foreign_keys.push_back(f);
        return *this;
    }
    TableBuilder& check(const std::string& name, const std::string& expr) {
        t_.checks.push_back({name, expr, next_pos()});
        return *this;
    }
    TableBuilder& index(const std::vector<std::string>& cols, const std::string& name = "", bool unique = false,
                        IndexMethod method = IndexMethod::Btree) {
        Index i;
        i.name = name;
        i.name_given = !name.empty();
        i.unique = unique;
        i.method = method;
        i.pos = next_pos();
        i.method_pos = i.pos;
        for (const auto& c : cols) {
            IndexElement e;
            if (c.rfind("expr:", 0) == 0) e.expr = c.substr(5);
            else e.column = c;
            e.pos = next_pos();
            i.elements.push_back(e);
        }
        t_.indexes.push_back(i);
        return *this;
    }
    TableBuilder& hypertable(const std::string& time_column, std::optional<std::string> chunk_interval = std::nullopt) {
        t_.hypertable = Hypertable{{time_column, next_pos()}, std::nullopt, true, next_pos()};
        if (chunk_interval) t_.hypertable->chunk_interval = scalar(*chunk_interval);
        return *this;
    }
    TableBuilder& seed_row(const std::vector<std::pair<std::string, std::string>>& values,
                           const std::vector<std::string>& key = {}) {
        if (!t_.seed) t_.seed = Seed{idents(key), next_pos(), {}, {}};
        SeedRow r;
        r.pos = next_pos();
        for (const auto& [k, v] : values) r.values.emplace_back(Ident{k, next_pos()}, scalar(v));
        t_.seed->rows.push_back(r);
        return *this;
    }
    Table build() const { return t_; }

private:
    Table t_;
};

class SchemaBuilder {
public:
    SchemaBuilder& table(const TableBuilder& t) {
        s_.tables.push_back(t.build());
        return *this;
    }
    SchemaBuilder& enumeration(const std::string& name, const std::vector<std::string>& values, const std::string& schema = "public") {
        s_.enums.push_back({{schema, name}, next_pos(), {}, idents(values), ""});
        return *this;
    }
    Schema build() const { return s_; }

private:
    Schema s_;
};

}  // namespace schemac::test
