// A canonical text description of everything user-defined in a live
// PostgreSQL 15 database, for comparing two databases byte for byte, e.g.
// "migrate a database up" against "create a database directly at the target".
//
// Covered (all schemas but pg_catalog, information_schema, pg_toast*, pg_temp*;
// objects that belong to an extension are left out, the extension is listed):
//   schemas, extensions, enum/domain/composite/range types, tables (kind,
//   persistence, partitioning, inheritance, options, row level security),
//   columns (type, collation, NOT NULL, default / generated expression,
//   identity), constraints (definition, NOT VALID), indexes (constraint-backed
//   or not, valid or not), triggers, policies, rules, standalone sequences,
//   views and materialized views (definition), functions/procedures/aggregates
//   (signature, result, md5 of the definition), collations, extended
//   statistics, operators, event triggers; comments on all of these;
//   TimescaleDB's hypertables (dimension, interval, partitions) where it is
//   installed (its chunks are in a schema of the extension, left out).
// Deliberately ignored: column order, owners and privileges, OIDs, sequences
// owned by a column (serial/identity: the default shows nextval), data,
// tablespaces, storage parameters of columns.
//
// Format: one block per object, blocks sorted bytewise by their header line;
// a block's detail lines are indented by two spaces and sorted bytewise too:
//
//   enum public.mood ('sad', 'ok', 'happy')
//   schema public
//     comment 'standard public schema'
//   table public.prices
//     column close numeric(10,2) null default 0 comment 'closing price'
//     column id bigint not null identity always
//     constraint prices_close_check c CHECK ((close >= (0)::numeric)) NOT VALID
//     constraint prices_pkey p PRIMARY KEY (id)
//     index prices_pkey CREATE UNIQUE INDEX prices_pkey ON public.prices USING btree (id) [constraint]
//
// Names are quoted only when needed (quote_ident) and always schema-qualified;
// expressions are printed with an empty search_path, ISO dates and UTC, so the
// result does not depend on the connection's settings. Control characters in
// texts are escaped (\n, \t, ...), so every line is one object or property.
#pragma once
#include <pqxx/pqxx>

#include <string>

namespace schemac::test {

struct FingerprintOptions {
    // A column default that is a constant (literals, casts, ARRAY[...], no
    // function call) is shown by its value, `default = {1,2,3}`, instead of its
    // text: PostgreSQL keeps how a constant was spelled (ARRAY[1, 2, 3] or
    // '{1,2,3}'::integer[]), a schema model keeps the value. One extra query
    // per such default.
    bool default_values = false;
};

// Runs a constant number of catalog queries in one read-only, repeatable-read
// transaction on `c` (which must not have a transaction open).
std::string catalog_fingerprint(pqxx::connection& c, const FingerprintOptions& options = {});

// The lines that differ between two fingerprints, "- " for lines only in `a`
// and "+ " for lines only in `b`; a detail line is prefixed with its block's
// header: "- table public.prices:   column close numeric(10,2) null default 0".
// Empty when they are equal. Meant for test failure messages.
std::string fingerprint_diff(const std::string& a, const std::string& b);

}  // namespace schemac::test
