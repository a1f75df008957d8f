// Reading a live catalog (schemac/catalog/catalog.hpp): one query per kind of object
// over every schema at once, so the number of queries does not grow with the
// number of tables, only the size of the answers does. Queries are built once
// per read from a few fragments (the schema filter, "not an extension's object").
// Needs PostgreSQL 12 or later (attgenerated, MATERIALIZED); NULLS NOT DISTINCT is read from 15.
//
// Cost (docs/performance.md, "Inspecting a database"): per-row calls of SQL
// functions such as obj_description()/col_description() run a query each, and
// correlated sub-selects probe an index per row; at 1,000 tables those were
// most of the server time. Comments are joined from pg_description, owned
// sequences from one pass over pg_depend, per-index values computed once per
// index rather than once per index element.
#include "schemac/catalog/catalog.hpp"

#include <schemac/core/ascii.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "migrate/postgres/connection.hpp"
#include "schemac/postgres/sql_split.hpp"
#include "schemac/migrate/runner.hpp"

namespace schemac::catalog {

namespace {

RunnerError failure(const std::string& what) { return RunnerError(RunnerErrorKind::failure, what); }

std::string str(const pqxx::field& f) { return f.is_null() ? std::string() : std::string(f.c_str()); }
bool flag(const pqxx::field& f) { return !f.is_null() && f.c_str()[0] == 't'; }
char ch(const pqxx::field& f) { return f.is_null() || f.c_str()[0] == ' ' ? 0 : f.c_str()[0]; }
int num(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int>(); }

// A one-dimensional text[] (every query casts its arrays to text[]).
std::vector<std::string> text_array(const pqxx::field& f) {
    std::vector<std::string> out;
    if (f.is_null()) return out;
    pqxx::array_parser p = f.as_array();
    while (true) {
        const auto next = p.get_next();
        if (next.first == pqxx::array_parser::done) break;
        if (next.first == pqxx::array_parser::string_value || next.first == pqxx::array_parser::null_value)
            out.push_back(next.second);
    }
    return out;
}

// Not created by an extension's script (`cls` the catalog, `id` the object's oid).
std::string not_ext(const std::string& cls, const std::string& id) {
    return " NOT EXISTS (SELECT 1 FROM pg_depend xd WHERE xd.classid = '" + cls + "'::regclass AND xd.objid = " + id +
           " AND xd.deptype = 'e') ";
}

// LEFT JOIN of an object's own comment (objsubid 0) as `alias`.description:
// what obj_description(id, 'catalog') returns, but one join instead of a query per row.
std::string description(const std::string& alias, const std::string& id, const std::string& catalog) {
    return " LEFT JOIN pg_description " + alias + " ON " + alias + ".objoid = " + id + " AND " + alias + ".classoid = '" +
           catalog + "'::regclass AND " + alias + ".objsubid = 0";
}

class Reader {
public:
    Reader(pqxx::transaction_base& tx, const ReadOptions& o, int version) : tx_(tx), options_(o), version_(version) {
        for (const auto& t : o.exclude_tables) excluded_.insert(t);
        // Every user schema: not PostgreSQL's own (pg_catalog, pg_toast*, pg_temp*,
        // anything pg_ is reserved), not information_schema, not an extension's.
        std::string ns = "SELECT n.oid, n.nspname FROM pg_namespace n WHERE n.nspname <> 'information_schema'"
                         " AND n.nspname NOT LIKE 'pg\\_%' AND" + not_ext("pg_namespace", "n.oid");
        if (!o.schemas.empty()) {
            ns += " AND n.nspname IN (";
            for (std::size_t i = 0; i < o.schemas.size(); ++i) ns += (i ? ", " : "") + tx_.quote(o.schemas[i]);
            ns += ")";
        }
        // Tables (plain and partitioned) of those schemas, not an extension's.
        // MATERIALIZED: evaluated once (a few hundred rows at most), instead of
        // inlined into every query, where the "not an extension's" anti-join
        // would be planned against the much larger joins (a sort of every column).
        with_ = "WITH ns AS MATERIALIZED (" + ns + "), rel AS MATERIALIZED (SELECT c.oid, c.relname, ns.nspname FROM pg_class c JOIN ns ON ns.oid = c.relnamespace"
                " WHERE c.relkind IN ('r', 'p') AND" + not_ext("pg_class", "c.oid") + ") ";
    }

    Snapshot read() {
        snap_.server_version = version_;
        settings();
        const bool timescale = schemas();
        extensions();
        enums();
        tables();
        columns();
        constraints();
        indexes();
        unsupported();
        snap_.timescaledb = timescale;
        if (timescale) hypertables();
        finish();
        return std::move(snap_);
    }

private:
    pqxx::transaction_base& tx_;
    const ReadOptions& options_;
    int version_;
    std::set<std::string> excluded_;   // "schema.name"
    std::string with_;
    Snapshot snap_;
    std::unordered_map<std::string, std::size_t> table_by_oid_;   // oid text -> index in snap_.tables

    pqxx::result query(const std::string& sql) {
        ++snap_.queries;
        return tx_.exec(sql);
    }

    Table* table(const pqxx::field& oid) {
        auto it = table_by_oid_.find(str(oid));
        return it == table_by_oid_.end() ? nullptr : &snap_.tables[it->second];
    }

    // Output that does not depend on the connection: every name outside
    // pg_catalog qualified, ISO dates, postgres intervals, UTC, shortest exact
    // floats, hex bytea. No JIT: the planner's row guesses for generate_series
    // make it compile the index query for a second, for a few milliseconds of work.
    void settings() {
        query("SELECT set_config('search_path', '', true), set_config('datestyle', 'ISO, YMD', true),"
              " set_config('intervalstyle', 'postgres', true), set_config('timezone', 'UTC', true),"
              " set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true),"
              " set_config('jit', 'off', true)");
    }

    // The privileges an ACL column grants to roles other than the owner, one
    // "role: PRIVILEGE, PRIVILEGE" per role (PUBLIC for everybody), as text[].
    static std::string grants_of(const std::string& acl, const std::string& owner) {
        return "ARRAY(SELECT coalesce(acl_role.rolname, 'PUBLIC') || ': ' ||"
               " string_agg(acl_item.privilege_type, ', ' ORDER BY acl_item.privilege_type)"
               " FROM aclexplode(" + acl + ") acl_item LEFT JOIN pg_roles acl_role ON acl_role.oid = acl_item.grantee"
               " WHERE acl_item.grantee <> " + owner + " GROUP BY acl_role.rolname ORDER BY 1)::text[]";
    }

    // The schemas, and whether TimescaleDB is installed (a first row of its own).
    bool schemas() {
        bool timescale = false;
        const auto r = query(with_ + "SELECT 0, EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')::text, NULL::text[]"
                                     " UNION ALL SELECT 1, ns.nspname::text, " + grants_of("n.nspacl", "n.nspowner") +
                                     " FROM ns JOIN pg_namespace n ON n.oid = ns.oid ORDER BY 1, 2");
        for (const auto& row : r) {
            if (num(row[0]) == 0) {
                timescale = str(row[1]) == "true";
                continue;
            }
            snap_.schemas.push_back(str(row[1]));
            if (auto g = text_array(row[2]); !g.empty()) snap_.schema_grants[str(row[1])] = std::move(g);
        }
        return timescale;
    }

    void enums() {
        const auto r = query(with_ +
                             "SELECT ns.nspname, t.typname, obj_description(t.oid, 'pg_type'), e.enumlabel"
                             " FROM pg_type t JOIN ns ON ns.oid = t.typnamespace LEFT JOIN pg_enum e ON e.enumtypid = t.oid"
                             " WHERE t.typtype = 'e' AND" + not_ext("pg_type", "t.oid") +
                             " ORDER BY ns.nspname, t.typname, e.enumsortorder");
        for (const auto& row : r) {
            if (snap_.enums.empty() || snap_.enums.back().schema != str(row[0]) || snap_.enums.back().name != str(row[1])) {
                Enum e;
                e.schema = str(row[0]);
                e.name = str(row[1]);
                e.comment = str(row[2]);
                snap_.enums.push_back(std::move(e));
            }
            if (!row[3].is_null()) snap_.enums.back().values.push_back(str(row[3]));
        }
    }

    void tables() {
        const auto r = query(with_ +
                             "SELECT c.oid::text, rel.nspname, c.relname, c.relkind, cd.description,"
                             " ARRAY(SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) FROM pg_inherits i"
                             "  JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
                             "  WHERE i.inhrelid = c.oid ORDER BY i.inhseqno)::text[],"
                             " c.reloptions::text[] || ARRAY(SELECT 'toast.' || o FROM unnest(tc.reloptions) o), sp.spcname, CASE WHEN am.amname <> 'heap' THEN am.amname END,"
                             " c.relpersistence = 'u', c.relrowsecurity, c.relforcerowsecurity, c.relreplident, " +
                             grants_of("c.relacl", "c.relowner") +
                             " FROM rel JOIN pg_class c ON c.oid = rel.oid LEFT JOIN pg_tablespace sp ON sp.oid = c.reltablespace"
                             " LEFT JOIN pg_am am ON am.oid = c.relam LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid" + description("cd", "c.oid", "pg_class"));
        for (const auto& row : r) {
            Table t;
            t.schema = str(row[1]);
            t.name = str(row[2]);
            if (excluded_.count(t.schema + "." + t.name)) continue;
            t.kind = ch(row[3]);
            t.comment = str(row[4]);
            t.inherits = text_array(row[5]);
            t.options = text_array(row[6]);
            t.tablespace = str(row[7]);
            t.access_method = str(row[8]);
            t.unlogged = flag(row[9]);
            t.row_security = flag(row[10]);
            t.force_row_security = flag(row[11]);
            t.replica_identity = ch(row[12]) ? ch(row[12]) : 'd';
            t.grants = text_array(row[13]);
            table_by_oid_[str(row[0])] = snap_.tables.size();
            snap_.tables.push_back(std::move(t));
        }
    }

    void columns() {
        // The sequence a column owns (serial: deptype 'a'), the first by name;
        // no ORDER BY: finish() sorts each table's columns by number.
        const auto r = query(with_ +
                             ", seq AS MATERIALIZED (SELECT DISTINCT ON (d.refobjid, d.refobjsubid) d.refobjid, d.refobjsubid,"
                             "  CASE WHEN d.deptype = 'a' THEN quote_ident(sn.nspname) || '.' || quote_ident(s.relname) END AS name,"
                             // What CREATE SEQUENCE would not have chosen by itself (an ascending
                             // sequence of the column's type: START 1, MINVALUE 1, MAXVALUE the
                             // type's, CACHE 1, NO CYCLE).
                             "  concat_ws(' ', CASE WHEN q.seqtypid <> a.atttypid THEN 'AS ' || format_type(q.seqtypid, NULL) END,"
                             "   CASE WHEN q.seqincrement <> 1 THEN 'INCREMENT ' || q.seqincrement END,"
                             "   CASE WHEN q.seqmin <> 1 THEN 'MINVALUE ' || q.seqmin END,"
                             "   CASE WHEN q.seqmax <> CASE q.seqtypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647"
                             "    ELSE 9223372036854775807 END THEN 'MAXVALUE ' || q.seqmax END,"
                             "   CASE WHEN q.seqstart <> 1 THEN 'START ' || q.seqstart END,"
                             "   CASE WHEN q.seqcache <> 1 THEN 'CACHE ' || q.seqcache END, CASE WHEN q.seqcycle THEN 'CYCLE' END) AS options, " +
                             grants_of("s.relacl", "s.relowner") + " AS grants"
                             "  FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'"
                             "  JOIN pg_namespace sn ON sn.oid = s.relnamespace JOIN pg_sequence q ON q.seqrelid = s.oid"
                             "  JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                             "  WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
                             "  AND d.refobjid IN (SELECT oid FROM rel)"
                             "  ORDER BY d.refobjid, d.refobjsubid, d.deptype, s.relname, sn.nspname) "
                             "SELECT a.attrelid::text, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod),"
                             " etn.nspname, et.typname, et.typcategory, et.oid <> t.oid, a.attnotnull,"
                             // A default cannot refer to columns (a generated column's expression
                             // can): deparsed without its table, pg_get_expr does not open the
                             // table for every default; the same text in about a third of the time.
                             " pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END, true),"
                             " a.attidentity, a.attgenerated, seq.name,"
                             " CASE WHEN a.attcollation <> t.typcollation THEN"
                             "  (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END"
                             "          || quote_ident(co.collname)"
                             "   FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,"
                             " cd.description,"
                             " CASE a.attstorage WHEN t.typstorage THEN NULL WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external'"
                             "  WHEN 'm' THEN 'main' WHEN 'x' THEN 'extended' END,"
                             " CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END,"
                             " a.attstattarget, a.attoptions::text[], seq.options, seq.grants, " +
                             grants_of("a.attacl", "(SELECT relowner FROM pg_class WHERE oid = a.attrelid)") +
                             " FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid JOIN pg_type t ON t.oid = a.atttypid"
                             " JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END"
                             " JOIN pg_namespace etn ON etn.oid = et.typnamespace"
                             " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
                             " LEFT JOIN seq ON seq.refobjid = a.attrelid AND seq.refobjsubid = a.attnum"
                             " LEFT JOIN pg_description cd ON cd.objoid = a.attrelid AND cd.classoid = 'pg_class'::regclass"
                             "  AND cd.objsubid = a.attnum"
                             " WHERE a.attnum > 0 AND NOT a.attisdropped");
        for (const auto& row : r) {
            Table* t = table(row[0]);
            if (!t) continue;
            Column c;
            c.name = str(row[1]);
            c.number = num(row[2]);
            c.type = str(row[3]);
            c.type_schema = str(row[4]);
            c.type_name = str(row[5]);
            c.type_category = ch(row[6]);
            c.is_array = flag(row[7]);
            c.not_null = flag(row[8]);
            c.default_expr = str(row[9]);
            c.identity = ch(row[10]);
            c.generated = ch(row[11]);
            c.owned_sequence = str(row[12]);
            c.collation = str(row[13]);
            c.comment = str(row[14]);
            c.storage = str(row[15]);
            c.compression = str(row[16]);
            c.statistics = row[17].is_null() ? -1 : num(row[17]);
            c.options = text_array(row[18]);
            c.sequence_options = str(row[19]);
            c.sequence_grants = text_array(row[20]);
            c.grants = text_array(row[21]);
            t->columns.push_back(std::move(c));
        }
    }

    void constraints() {
        // Key columns in key order; contype 't' (constraint triggers) are triggers.
        const auto r = query(with_ +
                             "SELECT co.conrelid::text, co.conname, co.contype,"
                             // OFFSET 0 keeps the lateral sub-select one index lookup per key column:
                             // pulled up, the planner reads all of the table's attributes into a
                             // hash for every constraint (and, in indexes(), all of pg_attribute).
                             " ARRAY(SELECT a.attname FROM unnest(co.conkey) WITH ORDINALITY k(n, i) JOIN LATERAL (SELECT a.attname"
                             "  FROM pg_attribute a WHERE a.attrelid = co.conrelid AND a.attnum = k.n OFFSET 0) a ON true ORDER BY k.i)::text[],"
                             " pg_get_constraintdef(co.oid, true),"
                             " CASE WHEN co.contype = 'c' THEN pg_get_expr(co.conbin, co.conrelid, true) END,"
                             " fn.nspname, fc.relname,"
                             " ARRAY(SELECT a.attname FROM unnest(co.confkey) WITH ORDINALITY k(n, i) JOIN LATERAL (SELECT a.attname"
                             "  FROM pg_attribute a WHERE a.attrelid = co.confrelid AND a.attnum = k.n OFFSET 0) a ON true ORDER BY k.i)::text[],"
                             " co.confupdtype, co.confdeltype, co.confmatchtype, co.condeferrable, co.condeferred,"
                             " co.convalidated, co.connoinherit, cd.description"
                             " FROM rel JOIN pg_constraint co ON co.conrelid = rel.oid"
                             " LEFT JOIN pg_class fc ON fc.oid = co.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace" +
                             description("cd", "co.oid", "pg_constraint") + " WHERE co.contype IN ('p', 'u', 'f', 'c', 'x')");
        for (const auto& row : r) {
            Table* t = table(row[0]);
            if (!t) continue;
            Constraint c;
            c.name = str(row[1]);
            c.type = ch(row[2]);
            c.columns = text_array(row[3]);
            c.definition = str(row[4]);
            c.check_expr = str(row[5]);
            if (c.type == 'f') {
                c.ref_schema = str(row[6]);
                c.ref_table = str(row[7]);
                c.ref_columns = text_array(row[8]);
                c.on_update = ch(row[9]) ? ch(row[9]) : 'a';
                c.on_delete = ch(row[10]) ? ch(row[10]) : 'a';
                c.match_type = ch(row[11]) ? ch(row[11]) : 's';
            }
            c.deferrable = flag(row[12]);
            c.deferred = flag(row[13]);
            c.validated = flag(row[14]);
            c.no_inherit = flag(row[15]);
            c.comment = str(row[16]);
            t->constraints.push_back(std::move(c));
        }
    }

    void indexes() {
        // One row per element (key columns, then INCLUDE columns). indoption bit 1
        // is DESC, bit 2 NULLS FIRST. An operator class is shown when it is not the
        // default one, a collation when it is not the column's (for an expression:
        // not the database default).
        // The per-index values (definition, predicate, comment) once per index in
        // idx, then one row per element with its column looked up by index.
        const std::string nnd = version_ >= 150000 ? "i.indnullsnotdistinct" : "false";
        const auto r = query(with_ +
                             ", idx AS MATERIALIZED (SELECT i.indexrelid, i.indrelid, ic.relname, am.amname, i.indisunique,"
                             "  i.indisprimary, co.conname, pg_get_expr(i.indpred, i.indrelid, true) AS pred,"
                             "  pg_get_indexdef(i.indexrelid) AS def, i.indisvalid, cd.description, " + nnd + " AS nnd,"
                             "  i.indnkeyatts, i.indnatts, i.indkey, i.indoption, i.indclass, i.indcollation,"
                             "  ic.reloptions::text[] AS options, sp.spcname, i.indisclustered"
                             "  FROM rel JOIN pg_index i ON i.indrelid = rel.oid JOIN pg_class ic ON ic.oid = i.indexrelid"
                             "  JOIN pg_am am ON am.oid = ic.relam LEFT JOIN pg_tablespace sp ON sp.oid = ic.reltablespace"
                             // A join, not a sub-select: pg_constraint has no index on conindid.
                             "  LEFT JOIN pg_constraint co ON co.conindid = i.indexrelid AND co.conrelid = i.indrelid"
                             "   AND co.contype IN ('p', 'u', 'x')" +
                             description("cd", "i.indexrelid", "pg_class") + ") "
                             "SELECT i.indrelid::text, i.relname, i.amname, i.indisunique, i.indisprimary, i.conname,"
                             " i.pred, i.def, i.indisvalid, i.description, i.nnd, i.indnkeyatts, k.k, a.attname,"
                             " CASE WHEN i.indkey[k.k] = 0 THEN pg_get_indexdef(i.indexrelid, k.k + 1, true) END,"
                             " i.indoption[k.k],"
                             " CASE WHEN NOT opc.opcdefault THEN CASE WHEN opn.nspname = 'pg_catalog' THEN ''"
                             "  ELSE quote_ident(opn.nspname) || '.' END || quote_ident(opc.opcname) END,"
                             " CASE WHEN k.k < i.indnkeyatts AND i.indcollation[k.k] <> 0"
                             "  AND i.indcollation[k.k] <> COALESCE(a.attcollation, 100) THEN"
                             "  (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END"
                             "          || quote_ident(co.collname)"
                             "   FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = i.indcollation[k.k]) END,"
                             " i.options, i.spcname, i.indisclustered"
                             " FROM idx i CROSS JOIN LATERAL generate_series(0, i.indnatts - 1) AS k(k)"
                             " LEFT JOIN LATERAL (SELECT a.attname, a.attcollation FROM pg_attribute a"
                             "  WHERE i.indkey[k.k] <> 0 AND a.attrelid = i.indrelid AND a.attnum = i.indkey[k.k] OFFSET 0) a ON true"
                             " LEFT JOIN pg_opclass opc ON k.k < i.indnkeyatts AND opc.oid = i.indclass[k.k]"
                             " LEFT JOIN pg_namespace opn ON opn.oid = opc.opcnamespace"
                             " ORDER BY i.indrelid, i.relname, k.k");
        for (const auto& row : r) {
            Table* t = table(row[0]);
            if (!t) continue;
            if (t->indexes.empty() || t->indexes.back().name != str(row[1])) {
                Index x;
                x.name = str(row[1]);
                x.method = str(row[2]);
                x.unique = flag(row[3]);
                x.primary = flag(row[4]);
                x.constraint = str(row[5]);
                x.predicate = str(row[6]);
                x.definition = str(row[7]);
                x.valid = flag(row[8]);
                x.comment = str(row[9]);
                x.nulls_not_distinct = flag(row[10]);
                x.options = text_array(row[18]);
                x.tablespace = str(row[19]);
                x.clustered = flag(row[20]);
                t->indexes.push_back(std::move(x));
            }
            Index& x = t->indexes.back();
            if (num(row[12]) >= num(row[11])) {
                x.include.push_back(str(row[13]));
                continue;
            }
            IndexElement e;
            if (row[14].is_null()) e.column = str(row[13]);
            else e.expr = str(row[14]);
            const int option = num(row[15]);
            e.desc = (option & 1) != 0;
            e.nulls_first = (option & 2) != 0;
            e.opclass = str(row[16]);
            e.collation = str(row[17]);
            x.elements.push_back(std::move(e));
        }
    }

    // Every extension of the database, whatever schemas are read: they belong
    // to the database, and a column of a schema that is read may take its type
    // from one in another (citext in public, read for a scratch schema).
    void extensions() {
        for (const auto& row : query("SELECT e.extname::text, e.extversion, n.nspname::text FROM pg_extension e"
                                     " JOIN pg_namespace n ON n.oid = e.extnamespace"
                                     " WHERE e.extname NOT IN ('plpgsql', 'timescaledb') AND n.nspname <> 'pg_catalog' ORDER BY 1"))
            snap_.extensions.push_back({str(row[0]), str(row[1]), str(row[2])});
    }

    void unsupported() {
        // kind, name, and the table it belongs to ("schema.name" unquoted, for
        // exclude_tables), NULL for objects of their own.
        const std::string qname = "quote_ident(ns.nspname) || '.' || quote_ident(";
        std::string sql = with_ +
            // Relations other than tables; sequences owned by a column (serial 'a',
            // identity 'i') are part of their column.
            "SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'"
            "  WHEN 'c' THEN 'composite type' WHEN 'S' THEN 'sequence' END, " + qname + "c.relname), NULL"
            " FROM pg_class c JOIN ns ON ns.oid = c.relnamespace WHERE c.relkind IN ('v', 'm', 'f', 'c', 'S') AND" +
            not_ext("pg_class", "c.oid") +
            " AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
            "  AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))"
            " UNION ALL "
            // Types other than enums and the row types of relations; arrays and
            // multiranges come with their element / range type.
            "SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' ELSE 'base type' END, " + qname +
            "t.typname), NULL FROM pg_type t JOIN ns ON ns.oid = t.typnamespace"
            " WHERE t.typtype IN ('d', 'r', 'b') AND t.typcategory <> 'A' AND" + not_ext("pg_type", "t.oid") +
            " UNION ALL "
            "SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' WHEN 'w' THEN 'window function'"
            "  ELSE 'function' END, " + qname + "p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL"
            " FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace WHERE" + not_ext("pg_proc", "p.oid") +
            " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')"
            " UNION ALL "
            // Triggers on any relation of the schemas (tables, views, foreign tables).
            "SELECT CASE WHEN tg.tgconstraint <> 0 THEN 'constraint trigger' ELSE 'trigger' END, quote_ident(tg.tgname) || ' on ' || " + qname + "c.relname), ns.nspname || '.' || c.relname"
            " FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN ns ON ns.oid = c.relnamespace"
            " WHERE NOT tg.tgisinternal AND" + not_ext("pg_class", "c.oid") + "AND" + not_ext("pg_proc", "tg.tgfoid") +
            " UNION ALL "
            "SELECT 'policy', quote_ident(po.polname) || ' on ' || " + qname + "c.relname), ns.nspname || '.' || c.relname"
            " FROM pg_policy po JOIN pg_class c ON c.oid = po.polrelid JOIN ns ON ns.oid = c.relnamespace"
            " WHERE" + not_ext("pg_class", "c.oid") +
            " UNION ALL "
            "SELECT 'rule', quote_ident(ru.rulename) || ' on ' || " + qname + "c.relname), ns.nspname || '.' || c.relname"
            " FROM pg_rewrite ru JOIN pg_class c ON c.oid = ru.ev_class JOIN ns ON ns.oid = c.relnamespace"
            " WHERE ru.rulename <> '_RETURN' AND" + not_ext("pg_class", "c.oid") +
            " UNION ALL "
            "SELECT 'collation', " + qname + "o.collname), NULL FROM pg_collation o JOIN ns ON ns.oid = o.collnamespace"
            " WHERE" + not_ext("pg_collation", "o.oid") +
            " UNION ALL "
            "SELECT 'statistics', " + qname + "o.stxname), NULL FROM pg_statistic_ext o JOIN ns ON ns.oid = o.stxnamespace"
            " WHERE" + not_ext("pg_statistic_ext", "o.oid") +
            " UNION ALL "
            "SELECT 'operator', " + qname + "o.oprname) || '(' || format_type(o.oprleft, NULL) || ', '"
            "  || format_type(o.oprright, NULL) || ')', NULL FROM pg_operator o JOIN ns ON ns.oid = o.oprnamespace"
            " WHERE" + not_ext("pg_operator", "o.oid") +
            " UNION ALL "
            "SELECT 'text search configuration', " + qname + "o.cfgname), NULL FROM pg_ts_config o"
            " JOIN ns ON ns.oid = o.cfgnamespace WHERE" + not_ext("pg_ts_config", "o.oid");
        if (options_.schemas.empty())
            sql += " UNION ALL SELECT 'event trigger', quote_ident(o.evtname), NULL FROM pg_event_trigger o WHERE" +
                   not_ext("pg_event_trigger", "o.oid");
        for (const auto& row : query(sql)) {
            if (!row[2].is_null() && excluded_.count(str(row[2]))) continue;
            snap_.unsupported.push_back({str(row[0]), str(row[1])});
        }
    }

    // TimescaleDB's own catalog (stable from 1.x to 2.x): the open (time)
    // dimension's interval, and how many dimensions there are.
    void hypertables() {
        const auto r = query(
            "SELECT h.schema_name::text, h.table_name::text, d.column_name::text,"
            " justify_hours((d.interval_length::text || ' microseconds')::interval)::text,"
            " (SELECT count(*) FROM _timescaledb_catalog.dimension x WHERE x.hypertable_id = h.id)::int"
            " FROM _timescaledb_catalog.hypertable h JOIN _timescaledb_catalog.dimension d ON d.hypertable_id = h.id"
            " AND d.interval_length IS NOT NULL"
            " WHERE d.id = (SELECT min(y.id) FROM _timescaledb_catalog.dimension y WHERE y.hypertable_id = h.id"
            "  AND y.interval_length IS NOT NULL)");
        std::map<std::pair<std::string, std::string>, Table*> by_name;
        for (auto& t : snap_.tables) by_name[{t.schema, t.name}] = &t;
        for (const auto& row : r) {
            auto it = by_name.find({str(row[0]), str(row[1])});
            if (it == by_name.end()) continue;
            it->second->has_hypertable = true;
            it->second->hypertable.time_column = str(row[2]);
            it->second->hypertable.chunk_interval = str(row[3]);
            it->second->hypertable.dimensions = num(row[4]);
        }
    }

    // Sorted bytewise whatever the server's collation, as the header promises.
    void finish() {
        std::sort(snap_.schemas.begin(), snap_.schemas.end());
        std::sort(snap_.enums.begin(), snap_.enums.end(),
                  [](const Enum& a, const Enum& b) { return std::tie(a.schema, a.name) < std::tie(b.schema, b.name); });
        std::sort(snap_.tables.begin(), snap_.tables.end(),
                  [](const Table& a, const Table& b) { return std::tie(a.schema, a.name) < std::tie(b.schema, b.name); });
        for (auto& t : snap_.tables) {
            std::sort(t.columns.begin(), t.columns.end(), [](const Column& a, const Column& b) { return a.number < b.number; });
            std::sort(t.constraints.begin(), t.constraints.end(), [](const Constraint& a, const Constraint& b) { return a.name < b.name; });
            std::sort(t.indexes.begin(), t.indexes.end(), [](const Index& a, const Index& b) { return a.name < b.name; });
        }
        std::sort(snap_.unsupported.begin(), snap_.unsupported.end(),
                  [](const Unsupported& a, const Unsupported& b) { return std::tie(a.kind, a.name) < std::tie(b.kind, b.name); });
        snap_.unsupported.erase(std::unique(snap_.unsupported.begin(), snap_.unsupported.end(),
                                            [](const Unsupported& a, const Unsupported& b) { return a.kind == b.kind && a.name == b.name; }),
                                snap_.unsupported.end());
    }
};

// Runs `body` and turns libpqxx errors into one-line RunnerErrors.
template <typename Body>
Snapshot guarded(const std::string& conninfo, Body body) {
    auto conn = detail::connect(conninfo);   // throws RunnerError itself
    const std::string db = detail::describe(*conn, conninfo);
    try {
        Snapshot snap = body(*conn);
        snap.database = db;
        return snap;
    } catch (const RunnerError&) {
        throw;
    } catch (const pqxx::broken_connection& e) {
        throw RunnerError(RunnerErrorKind::connection, "the connection to " + db + " was lost while reading its catalog: " +
                                                           detail::one_line(e.what()));
    } catch (const std::exception& e) {
        throw failure("cannot read the catalog of " + db + ": " + detail::one_line(e.what()));
    }
}

}  // namespace

Snapshot read_catalog(const std::string& conninfo, const ReadOptions& options) {
    return guarded(conninfo, [&](pqxx::connection& c) {
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx{c, "schemac_catalog"};
        Snapshot s = Reader(tx, options, c.server_version()).read();
        tx.commit();
        return s;
    });
}

namespace {

// The first keyword of a statement, lower-case, after whitespace and comments
// (-- and nested /* */); "" when it does not start with a word.
std::string first_keyword(std::string_view sql) {
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
        } else if (sql.substr(i, 2) == "--") {
            while (i < sql.size() && sql[i] != '\n') ++i;
        } else if (sql.substr(i, 2) == "/*") {
            int depth = 0;
            do {
                if (sql.substr(i, 2) == "/*") { ++depth; i += 2; }
                else if (sql.substr(i, 2) == "*/") { --depth; i += 2; }
                else ++i;
            } while (depth > 0 && i < sql.size());
        } else {
            break;
        }
    }
    std::string word;
    for (; i < sql.size() && is_ascii_alpha(sql[i]); ++i)
        word += ascii_lower(sql[i]);
    return word;
}

// Every transaction statement of PostgreSQL starts with one of these words
// (PREPARE also starts PREPARE TRANSACTION; a plain PREPARE is never needed here).
bool is_transaction_control(std::string_view sql) {
    static const std::set<std::string> words = {"abort", "begin", "commit", "end", "prepare", "release", "rollback", "savepoint", "start"};
    return words.count(first_keyword(sql)) > 0;
}

}  // namespace

// Nothing the statements do may outlive the transaction, whatever their text:
// each is sent alone through the extended query protocol (exec_params), which
// refuses a string of several commands, so "...; COMMIT; DROP ..." cannot
// smuggle a second statement; and a statement that is itself transaction
// control (COMMIT, END, ROLLBACK, PREPARE TRANSACTION, ...) is refused before
// it is sent. What remains cannot end the transaction block: procedures and DO
// blocks may not COMMIT inside one.
Snapshot read_catalog_after(const std::string& conninfo, const std::vector<std::string>& statements, const ReadOptions& options) {
    return guarded(conninfo, [&](pqxx::connection& c) {
        pqxx::transaction<pqxx::repeatable_read> tx{c, "schemac_catalog_after"};
        for (std::size_t i = 0; i < statements.size(); ++i) {
            const std::string where = "statement " + std::to_string(i + 1) + " of " + std::to_string(statements.size());
            if (is_transaction_control(statements[i]))
                throw failure(where + " is transaction control, which would end the transaction that keeps the database unchanged: " +
                              statement_preview(statements[i]));
            try {
                tx.exec_params(statements[i]);
            } catch (const pqxx::broken_connection&) {
                throw;
            } catch (const pqxx::sql_error& e) {
                throw failure(where + " failed: " + statement_preview(statements[i]) + ": " + detail::one_line(e.what()));
            }
        }
        Snapshot s = Reader(tx, options, c.server_version()).read();
        tx.abort();   // nothing of the statements stays
        return s;
    });
}

}  // namespace schemac::catalog
