// Generates a synthetic schema of N tables × 20 columns (a primary key, two
// indexes, a foreign key to the previous table, one check, a mix of types and
// defaults), 10 tables per file, as in-memory YAML texts.
#pragma once
#include <string>
#include <vector>

namespace schemac::bench {

inline std::vector<std::string> generate_schema(int tables) {
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
        cur += "  " + name + ":\n    comment: generated table " + std::to_string(t) + "\n    columns:\n";
        cur += "      id: bigserial\n      parent_id: bigint?\n";
        for (int c = 0; c < 18; ++c) {
            const std::string type = types[(t + c) % 17];
            cur += "      col_" + std::to_string(c) + ":\n        type: " + type + (c % 3 == 0 ? "?" : "") + "\n";
            if (type == "integer") cur += "        default: 42\n";
            else if (type == "varchar(64)") cur += "        default: pending\n";
            else if (type == "timestamptz") cur += "        default: {sql: now()}\n";
            else if (type == "numeric(18,6)") cur += "        default: 0.000001\n";
        }
        cur += "    primary_key: [id]\n";
        if (t > 0) cur += "    foreign_keys:\n      - columns: [parent_id]\n        references: table_" + std::to_string(t - 1) + "\n        on_delete: cascade\n";
        cur += "    checks:\n      ck_" + name + "_id: id > 0\n";
        cur += "    indexes:\n      - columns: [parent_id]\n      - columns: [col_1, col_2 DESC]\n        where: col_1 IS NOT NULL\n";
    }
    if (!cur.empty()) files.push_back(cur);
    return files;
}

}  // namespace schemac::bench
