#include "sql/postgres/online.hpp"

#include "sql/postgres/naming.hpp"
#include "sql/postgres/quote.hpp"

namespace schemac::sql::postgres {

namespace {

constexpr int kBatchRows = 10000;    // per committed batch along the primary key
constexpr int kBatchPages = 1000;    // per committed batch by ctid (8 MB of heap at the default block size)

std::string alter(const Table& t) { return "ALTER TABLE " + quote_name(t.name) + " "; }

// "a, b": the columns, quoted.
std::string column_list(const std::vector<Ident>& ids) {
    std::string s;
    for (std::size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + quote_ident(ids[i].name);
    return s;
}

// The block's variables, one pair per key column: schemac_batch.lo_1, hi_1, ...
// A block label makes every reference qualified, and `#variable_conflict error`
// pins what PostgreSQL does if the backfill expression names a column like a
// variable (the server's plpgsql.variable_conflict could say otherwise): it fails.
std::string vars(std::size_t n, const char* which) {
    std::string s;
    for (std::size_t i = 1; i <= n; ++i) s += (i > 1 ? ", " : "") + std::string("schemac_batch.") + which + "_" + std::to_string(i);
    return s;
}

// The batch's UPDATE at `indent`; the expression on lines of its own, so a
// trailing -- comment in it cannot swallow the rest.
std::string update(const Table& t, const Column& c, const std::string& indent, const std::string& range) {
    const std::string col = quote_ident(c.name);
    return indent + "UPDATE " + quote_name(t.name) + " SET " + col + " = (\n" + indent + "    " + c.backfill + "\n" + indent + ")\n" +
           indent + "WHERE " + col + " IS NULL AND " + range + ";\n";
}

std::string by_key(const Table& t, const Column& c, const KeyConstraint& key) {
    const std::string table = quote_name(t.name);
    const std::string order = column_list(key.columns);
    const std::string cols = "(" + order + ")";
    std::string declare;
    for (std::size_t i = 0; i < key.columns.size(); ++i)
        for (const char* which : {"lo", "hi"})
            declare += "    " + std::string(which) + "_" + std::to_string(i + 1) + " " + table + "." + quote_ident(key.columns[i].name) + "%TYPE;\n";
    const std::string lo = vars(key.columns.size(), "lo"), hi = vars(key.columns.size(), "hi");
    std::string assign;
    for (std::size_t i = 1; i <= key.columns.size(); ++i)
        assign += "        schemac_batch.lo_" + std::to_string(i) + " := schemac_batch.hi_" + std::to_string(i) + ";\n";
    const std::string from = cols + " >= (" + lo + ")";
    return "\n#variable_conflict error\n<<schemac_batch>>\nDECLARE\n" + declare + "    more boolean;\nBEGIN\n"
           "    SELECT " + order + " INTO " + lo + " FROM " + table + " ORDER BY " + order + " LIMIT 1;\n"
           "    schemac_batch.more := FOUND;\n"
           "    WHILE schemac_batch.more LOOP\n"
           "        SELECT " + order + " INTO " + hi + " FROM " + table + " WHERE " + from +
           " ORDER BY " + order + " OFFSET " + std::to_string(kBatchRows) + " LIMIT 1;\n"
           "        schemac_batch.more := FOUND;\n"
           "        IF schemac_batch.more THEN\n"
           + update(t, c, "            ", from + " AND " + cols + " < (" + hi + ")") +
           "        ELSE\n"
           + update(t, c, "            ", from) +
           "        END IF;\n"
           "        COMMIT;\n"
           + assign + 
           "    END LOOP;\nEND\n";
}

std::string by_ctid(const Table& t, const Column& c) {
    const std::string table = quote_name(t.name);
    const std::string batch = std::to_string(kBatchPages);
    // The table's size when the backfill starts bounds the loop: rows an update
    // moves further on are already filled, and rows added later are the
    // application's (as with a single UPDATE).
    return "\n#variable_conflict error\n<<schemac_batch>>\nDECLARE\n"
           "    page bigint := 0;\n"
           "    pages constant bigint := pg_relation_size(" + quote_literal(table) + "::regclass) / current_setting('block_size')::bigint;\n"
           "BEGIN\n"
           "    WHILE schemac_batch.page <= schemac_batch.pages LOOP\n"
           + update(t, c, "        ", "ctid >= format('(%s,0)', schemac_batch.page)::tid AND ctid < format('(%s,0)', schemac_batch.page + " +
                    batch + ")::tid") +
           "        COMMIT;\n"
           "        schemac_batch.page := schemac_batch.page + " + batch + ";\n"
           "    END LOOP;\nEND\n";
}

}  // namespace

void add_online_not_null(PlanStep& step, const Table& t, const std::string& column) {
    const std::string check = quote_ident(pg_object_name(t.name.name, column, "not_null_check"));
    const std::string col = quote_ident(column);
    step.up.push_back(alter(t) + "ADD CONSTRAINT " + check + " CHECK (" + col + " IS NOT NULL) NOT VALID");
    step.up.push_back(alter(t) + "VALIDATE CONSTRAINT " + check);
    step.up.push_back(alter(t) + "ALTER COLUMN " + col + " SET NOT NULL");
    step.up.push_back(alter(t) + "DROP CONSTRAINT " + check);
    // Reversed in order; IF EXISTS: after a complete up the check is gone, after
    // one that stopped at VALIDATE it is still there.
    step.down.insert(step.down.begin(), {alter(t) + "ALTER COLUMN " + col + " DROP NOT NULL", alter(t) + "DROP CONSTRAINT IF EXISTS " + check});
    step.transactional = false;
    step.hazards.push_back({HazardKind::FullScan, "VALIDATE reads every row of " + t.name.display() +
                            " under SHARE UPDATE EXCLUSIVE, so reads and writes go on; SET NOT NULL then takes ACCESS EXCLUSIVE "
                            "only briefly, since the validated check proves there is no NULL"});
    step.hazards.push_back({HazardKind::MayFail, "stops at the VALIDATE if a row has NULL in " + display_ident(column) +
                            " (also one the application wrote meanwhile): fix the rows and `schemac apply --resume`"});
}

std::string batched_backfill(const Table& t, const Column& c, const KeyConstraint* key) {
    return "DO " + dollar_quoted(key ? by_key(t, c, *key) : by_ctid(t, c));
}

PlanStep online_key(const Table& t, const KeyConstraint& k, bool primary) {
    const std::string what = primary ? "PRIMARY KEY" : "UNIQUE";
    const std::string name = quote_ident(k.name);
    const std::string index = quote_name({t.name.schema, k.name});
    PlanStep s;
    s.up = {"CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + quote_name(t.name) + " (" + column_list(k.columns) + ")",
            alter(t) + "ADD CONSTRAINT " + name + " " + what + " USING INDEX " + name};
    s.down = {alter(t) + "DROP CONSTRAINT IF EXISTS " + name, "DROP INDEX CONCURRENTLY IF EXISTS " + index};
    s.transactional = false;
    s.up_note = "the index is built without blocking reads or writes, then attached with a brief ACCESS EXCLUSIVE lock";
    s.hazards.push_back({HazardKind::MayFail, std::string("fails if existing rows have duplicates") + (primary ? " or NULLs" : "") +
                         "; the INVALID index the failed build leaves is dropped, and `schemac apply --resume` builds it again"});
    return s;
}

}  // namespace schemac::sql::postgres
