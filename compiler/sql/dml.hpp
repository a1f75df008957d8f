// The statements generated data-access code sends, as a dialect writes them.
// Codegen decides which statements a table gets (find by each key, list by
// index prefixes, update, upsert, ...); the dialect decides their SQL text:
// quoting, parameter markers, upsert and RETURNING syntax, casts. The
// arguments are already quoted by the same dialect (qualified_name, column_name).
#pragma once
#include <string>
#include <vector>

#include "model/schema.hpp"

namespace schemac::sql {

class Dml {
public:
    virtual ~Dml() = default;
    virtual std::string qualified_name(const QualifiedName& name) const = 0;   // a table or type
    virtual std::string column_name(const std::string& name) const = 0;
    virtual std::string type_name(const Type& type) const = 0;           // for comments and casts
    virtual std::string parameter(int number) const = 0;                // the marker of the n-th (1-based) parameter
    // A parameter marker of a named query with its declared type, so the
    // server need not infer it: `marker` as written in the query.
    virtual std::string typed_parameter(const std::string& marker, const Type& type) const = 0;

    virtual std::string select(const std::string& table, const std::string& columns, const std::string& where,
                               const std::vector<std::string>& order_by) const = 0;
    virtual std::string count(const std::string& table) const = 0;
    virtual std::string delete_rows(const std::string& table, const std::string& where) const = 0;
    virtual std::string update(const std::string& table, const std::vector<std::string>& sets, const std::string& where) const = 0;
    // "INSERT INTO t " and " RETURNING a, b": the generated code puts the column list and values between.
    virtual std::string insert_prefix(const std::string& table) const = 0;
    virtual std::string returning(const std::string& columns) const = 0;
    // Insert every column, or update the others when a row with the key exists;
    // `overriding`: the values of GENERATED ALWAYS columns are given too.
    virtual std::string upsert(const std::string& table, const std::vector<std::string>& columns, bool overriding,
                               const std::vector<std::string>& key, const std::vector<std::string>& updated,
                               const std::string& returning) const = 0;
    // The clause between an insert's values and the SET list of an upsert on `key`.
    virtual std::string upsert_clause(const std::vector<std::string>& key) const = 0;
    // `column = <the value the insert proposed>` in an upsert's SET list.
    virtual std::string set_to_proposed(const std::string& column) const = 0;
};

// The statements PostgreSQL and SQLite write alike: SELECT, count, DELETE,
// UPDATE, INSERT ... RETURNING and the upsert INSERT ... ON CONFLICT (key) DO
// UPDATE SET col = excluded.col. A dialect names, quotes and marks parameters.
class CommonDml : public Dml {
public:
    std::string select(const std::string& table, const std::string& columns, const std::string& where,
                       const std::vector<std::string>& order_by) const override;
    std::string count(const std::string& table) const override;
    std::string delete_rows(const std::string& table, const std::string& where) const override;
    std::string update(const std::string& table, const std::vector<std::string>& sets, const std::string& where) const override;
    std::string insert_prefix(const std::string& table) const override;
    std::string returning(const std::string& columns) const override;
    std::string upsert(const std::string& table, const std::vector<std::string>& columns, bool overriding,
                       const std::vector<std::string>& key, const std::vector<std::string>& updated,
                       const std::string& returning) const override;
    std::string upsert_clause(const std::vector<std::string>& key) const override;
    std::string set_to_proposed(const std::string& column) const override;

protected:
    // Between an insert's column list and VALUES when GENERATED ALWAYS columns are given ("").
    virtual std::string overriding_clause() const { return ""; }
};

}  // namespace schemac::sql
