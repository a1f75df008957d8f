// The keys each mapping of a schema file and of schemac.yaml accepts. One list,
// read by the loaders (which refuse any other key) and by the JSON Schema that
// editors use (load/json_schema.cpp), so the two cannot disagree.
#pragma once
#include <initializer_list>

namespace schemac {

using Keys = std::initializer_list<const char*>;

// Schema files.
inline const Keys kFileKeys = {"schema", "extensions", "enums", "tables", "queries"};
inline const Keys kExtensionKeys = {"name", "version", "schema"};
inline const Keys kTableKeys = {"schema", "comment", "renamed_from", "columns", "primary_key", "unique",
                                "foreign_keys", "checks", "indexes", "hypertable", "seed", "strict", "without_rowid",
                                "unlogged", "with", "row_level_security"};
inline const Keys kColumnKeys = {"type", "nullable", "default", "comment", "primary_key", "unique",
                                 "references", "identity", "renamed_from", "using", "backfill", "online", "autoincrement", "generated", "collate"};
inline const Keys kKeyKeys = {"name", "columns", "concurrently"};
inline const Keys kForeignKeyKeys = {"name", "columns", "references", "on_delete", "on_update", "deferrable", "match"};
inline const Keys kReferenceKeys = {"table", "columns", "on_delete", "on_update", "name"};
inline const Keys kIndexKeys = {"name", "columns", "unique", "where", "method", "concurrently", "include", "nulls_not_distinct", "with"};
inline const Keys kIndexElementKeys = {"column", "expr", "order", "nulls", "opclass", "collate"};
inline const Keys kHypertableKeys = {"time_column", "chunk_interval", "create_default_indexes"};
inline const Keys kSeedKeys = {"key", "rows", "environments"};
inline const Keys kEnumKeys = {"values", "comment", "schema"};
inline const Keys kQueryKeys = {"comment", "params", "returns", "columns", "row", "sql"};

// schemac.yaml.
inline const Keys kConfigKeys = {"dialect",          "schema",       "migrations",        "history_table", "lock_timeout",
                                 "statement_lock_timeout", "lock_retries", "statement_timeout", "heartbeat",     "warn_after",
                                 "max_duration",           "environments", "codegen"};
inline const Keys kCodegenKeys = {"out", "namespace", "templates", "driver"};
inline const Keys kEnvironmentKeys = {"url",          "url_env",          "protected",        "lock_timeout",
                                      "statement_lock_timeout", "lock_retries", "statement_timeout", "heartbeat",
                                      "warn_after",             "max_duration"};

}  // namespace schemac
