// The closed set of typed changes between two schema models: what to do, never
// SQL. Changes point into the two models they came from (`from`, `to`), which
// must outlive them. The dialect turns each into SQL with its reverse.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "model/schema.hpp"

namespace schemac::diff {

struct CreateSchema { std::string name; };
struct DropSchema { std::string name; };

struct CreateExtension { const Extension* e; };
struct DropExtension { const Extension* e; };
// `update`: both sides name a version, and they differ. `move_from`: the
// schema the extension leaves for the one `to` names ("" = it stays; an
// unnamed one is the default schema, where CREATE EXTENSION put it).
struct AlterExtension { const Extension* from; const Extension* to; bool update; std::string move_from; };

struct CreateEnum { const Enum* e; };
struct DropEnum { const Enum* e; };
// ALTER TYPE ... ADD VALUE; `before` is the existing value it goes in front of ("" = at the end).
struct AddEnumValue { const Enum* e; std::string value; std::string before; };
// Values removed or reordered, which ALTER TYPE cannot do: the type is made
// again with `to`'s values and every column of `uses` (tables as they are
// after the migration's renames and type changes) is converted through text.
struct EnumUse { const Table* t; const Column* c; };
struct RecreateEnum { const Enum* from; const Enum* to; std::vector<EnumUse> uses; };

// Columns, primary key, unique constraints and checks inline; foreign keys,
// indexes, comments, hypertable and seed rows are separate changes.
struct CreateTable { const Table* t; };
struct DropTable { const Table* t; };
struct RenameTable { const Table* from; const Table* to; };   // name and/or schema

struct AddColumn { const Table* t; const Column* c; };
struct DropColumn { const Table* t; const Column* c; };
struct RenameColumn { const Table* t; std::string from; std::string to; };
// Also carries the default across the type change (dropped before, set after),
// since PostgreSQL cannot always cast a default to the new type.
struct AlterColumnType { const Table* t; const Column* from; const Column* to; };
struct SetNotNull { const Table* t; const Column* c; bool not_null; };
struct SetDefault { const Table* t; const Column* from; const Column* to; };
// GENERATED ALWAYS / BY DEFAULT AS IDENTITY added, dropped or switched on an
// existing integer column (neither side serial).
struct SetIdentity { const Table* t; const Column* from; const Column* to; };
// A generated column made a plain one that keeps its values (DROP
// EXPRESSION). Its reverse makes the column again; whatever names the column
// (keys, indexes, checks) is dropped before and added after it by the diff.
struct DropExpression { const Table* t; const Column* from; const Column* to; };

// `replaces`: the table had another primary key, dropped in the same migration.
struct AddPrimaryKey { const Table* t; const KeyConstraint* k; bool replaces = false; };
struct DropPrimaryKey { const Table* t; const KeyConstraint* k; };
struct AddUnique { const Table* t; const KeyConstraint* k; };
struct DropUnique { const Table* t; const KeyConstraint* k; };
// `validate_separately`: the table exists already, so the key is added NOT VALID
// and validated afterwards (no long write lock while existing rows are checked).
struct AddForeignKey { const Table* t; const ForeignKey* fk; bool validate_separately; };
struct DropForeignKey { const Table* t; const ForeignKey* fk; };
struct AddCheck { const Table* t; const Check* c; };
struct DropCheck { const Table* t; const Check* c; };
// A constraint or index whose definition is unchanged but whose name differs
// (typically a default name after a table or column rename).
struct RenameConstraint { const Table* t; std::string from; std::string to; };
struct RenameIndex { const Table* t; std::string from; std::string to; bool if_exists = false; };
// Checks the rows of a constraint added NOT VALID, in a transaction of its own
// (only then do writes continue while it scans).
struct ValidateConstraint { const Table* t; std::string name; };
// The sequence of a serial column, renamed along with its table or column, as
// PostgreSQL would have named it (table_column_seq).
struct RenameSequence { const Table* t; std::string from; std::string to; };
struct CreateIndex { const Table* t; const Index* i; bool table_is_new; };
// `hypertable_after`: the table is a hypertable once the migration ran, so the
// down, which runs on it, cannot build the index CONCURRENTLY.
struct DropIndex { const Table* t; const Index* i; bool hypertable_after = false; };
// TimescaleDB's own time index on a table that is a hypertable before and
// after: create_hypertable made it, or did not, once, and it changes with the
// schema no more. `create`: the schema now implies it (its own one-column
// index on the time column is gone, or create_default_indexes became true);
// else it implies it no longer. Either way the database ends as a hypertable
// created directly from the new schema would be.
struct SetTimescaleIndex { const Table* t; const Index* i; bool create; };

struct SetTableComment { const Table* t; std::string from; std::string to; };
struct SetColumnComment { const Table* t; const Column* c; std::string from; std::string to; };
struct SetEnumComment { const Enum* e; std::string from; std::string to; };

struct CreateHypertable { const Table* t; bool table_is_new; };
// chunk_interval changed: new chunks get the new one.
struct SetChunkInterval { const Table* t; const Hypertable* from; const Hypertable* to; };
// Back-fill a column just added, from its `backfill` expression. `key`: the
// primary key the table has before and after the migration (so it exists while
// the backfill runs, and a dialect can update in batches along it); null when
// the table has none or the migration changes it.
struct BackfillColumn { const Table* t; const Column* c; const KeyConstraint* key; };

// SQLite's strict, without_rowid or autoincrement (of the primary key's
// column) differs: `t` is the table after, `from` before. SQLite rebuilds the table.
struct SetTableOptions { const Table* t; const Table* from; };
// PostgreSQL's storage parameters of a table differ (`t` after, `from` before):
// ALTER TABLE ... SET (...) / RESET (...), no rewrite.
struct SetStorageParams { const Table* t; const Table* from; };
// UNLOGGED differs: ALTER TABLE ... SET LOGGED / SET UNLOGGED rewrites the
// table. PostgreSQL refuses a logged table referencing an unlogged one at
// every step, so a foreign key between two tables that both change the same
// way is dropped before and added again after (whichever went first would
// fail); any other key already fits both steps.
struct SetPersistence { const Table* t; bool unlogged; };
// ROW LEVEL SECURITY enabled or forced differs (`t` after, `from` before).
struct SetRowSecurity { const Table* t; const Table* from; };
struct InsertSeedRow { const Table* t; const SeedRow* row; };
struct UpdateSeedRow { const Table* t; const SeedRow* from; const SeedRow* to; };
struct DeleteSeedRow { const Table* t; const SeedRow* row; };

using Change = std::variant<CreateSchema, DropSchema, CreateExtension, DropExtension, AlterExtension, CreateEnum, DropEnum, AddEnumValue, RecreateEnum, CreateTable, DropTable,
                            RenameTable, AddColumn, DropColumn, RenameColumn, AlterColumnType, SetNotNull, SetDefault, SetIdentity, DropExpression,
                            AddPrimaryKey, DropPrimaryKey, AddUnique, DropUnique, AddForeignKey, DropForeignKey, AddCheck,
                            DropCheck, RenameConstraint, RenameIndex, ValidateConstraint, RenameSequence, CreateIndex, DropIndex, SetTimescaleIndex,
                            SetTableComment,
                            SetColumnComment, SetEnumComment, CreateHypertable, SetChunkInterval, BackfillColumn, SetTableOptions, SetStorageParams,
                            SetPersistence, SetRowSecurity, InsertSeedRow,
                            UpdateSeedRow, DeleteSeedRow>;

}  // namespace schemac::diff
