// What a statement of a SQLite migration file is, as far as running it and
// resuming it are concerned: transaction control, a PRAGMA that sets the
// connection's state (to replay it on resume), and which statements must run
// outside a transaction. Private to the runtime; pure functions of the text.
#pragma once
#include <string>
#include <string_view>

namespace schemac::migrate::sqlite {

enum class StatementKind {
    begin,        // BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE] [TRANSACTION]
    commit,       // COMMIT or END [TRANSACTION]
    other_control,// ROLLBACK, SAVEPOINT, RELEASE
    pragma,       // PRAGMA ...
    outside,      // VACUUM, ATTACH, DETACH: cannot run inside a transaction
    other,
};
StatementKind kind_of(std::string_view statement);

// For `PRAGMA [schema.]name = value` and `PRAGMA [schema.]name(value)`: the
// name in lower case; "" for any other statement (a PRAGMA that only reads,
// such as PRAGMA foreign_key_check, included).
std::string pragma_set(std::string_view statement);

// `PRAGMA [schema.]name ...` of any form: the name in lower case, else "".
std::string pragma_name(std::string_view statement);

// Whether a PRAGMA that sets `name` sets the state of the connection (not of
// the file), so that a resumed file must set it again before it goes on:
// foreign_keys, legacy_alter_table, recursive_triggers, ...
bool is_session_pragma(const std::string& name);

// The edges of a table rebuild as schemac plans it (SQLite's twelve steps):
// `CREATE TABLE schemac_new_X (...)` begins one, `ALTER TABLE schemac_new_X
// RENAME TO X` ends it. The runner keeps triggers and views across it.
bool begins_rebuild(std::string_view statement);
bool ends_rebuild(std::string_view statement);

}  // namespace schemac::migrate::sqlite
