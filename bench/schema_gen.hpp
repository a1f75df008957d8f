// Generates a synthetic schema of N tables × 20 columns (a primary key, two
// indexes, a foreign key to the previous table, one check, a mix of types and
// defaults), 10 tables per file, as in-memory YAML texts.
#pragma once
#include <string>
#include <vector>

namespace schemac::bench {

// `variant` 1 changes every 20th table (5%): one more column, a wider varchar,
// one index fewer and a different comment, for diff benchmarks.
inline std::vector<std::string> generate_schema(int tables, int variant = 0) {
    static const char* types[] = {"integer", "bigint", "text", "varchar(64)", "numeric(18,6)", "boolean",
                                  "timestamptz", "date", "jsonb", "double precision", "uuid", "smallint",
                                  "text[]", "bytea", "interval", "real", "char(3)"};
    std::vector<std::string> files;
    std::string cur;
    for (int t = 0; t < tables; ++t) {
        if (t % 10 == 0) {
            if (!cur.empty()) files.push_back(cur);
            cur = "schema: bench\ntables:\n";
        }
        const std::string name = "table_" + std::to_string(t);
        const bool changed = variant == 1 && t % 20 == 0;
        cur += "  " + name + ":\n    comment: generated table " + std::to_string(t) + (changed ? " (changed)" : "") + "\n    columns:\n";
        cur += "      id: bigserial\n      parent_id: bigint?\n";
        for (int c = 0; c < 18; ++c) {
            std::string type = types[(t + c) % 17];
            if (changed && type == "varchar(64)") type = "varchar(128)";
            cur += "      col_" + std::to_string(c) + ":\n        type: " + type + (c % 3 == 0 ? "?" : "") + "\n";
            if (type == "integer") cur += "        default: 42\n";
            else if (type == "varchar(64)") cur += "        default: pending\n";
            else if (type == "timestamptz") cur += "        default: {sql: now()}\n";
            else if (type == "numeric(18,6)") cur += "        default: 0.000001\n";
        }
        if (changed) cur += "      col_extra: text?\n";
        cur += "    primary_key: [id]\n";
        if (t > 0) cur += "    foreign_keys:\n      - columns: [parent_id]\n        references: table_" + std::to_string(t - 1) + "\n        on_delete: cascade\n";
        cur += "    checks:\n      ck_" + name + "_id: id > 0\n";
        cur += "    indexes:\n      - columns: [parent_id]\n";
        if (!changed) cur += "      - columns: [col_1, col_2 DESC]\n        where: col_1 IS NOT NULL\n";
    }
    if (!cur.empty()) files.push_back(cur);
    return files;
}

}  // namespace schemac::bench
