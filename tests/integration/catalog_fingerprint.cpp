#include "catalog_fingerprint.hpp"

#include <cctype>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

namespace schemac::test {
namespace {

// Every query below runs with search_path = '' (pg_catalog is still searched
// implicitly), so the catalog tables need no qualification while every user
// name printed by format_type / pg_get_* comes out schema-qualified.

// Schemas holding user objects: not those an extension's script made, whose
// contents belong to it even when made later (TimescaleDB's chunks in
// _timescaledb_internal).
#define USER_NS                                                              \
    " n.nspname NOT IN ('pg_catalog', 'information_schema')"                 \
    " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' " \
    " AND NOT EXISTS (SELECT 1 FROM pg_depend dn WHERE dn.classid = 'pg_namespace'::regclass" \
    " AND dn.objid = n.oid AND dn.deptype = 'e') "

// Not created by an extension's script (`cls` is the catalog, `id` the oid).
#define NOT_EXT(cls, id)                                                     \
    " NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" cls "'::regclass" \
    " AND d.objid = " id " AND d.deptype = 'e') "

#define QNAME(ns, name) " quote_ident(" ns ") || '.' || quote_ident(" name ") "

const char* const kSettings =
    "SELECT set_config('search_path', '', true), set_config('datestyle', 'ISO, YMD', true),"
    " set_config('intervalstyle', 'postgres', true), set_config('timezone', 'UTC', true),"
    " set_config('extra_float_digits', '1', true), set_config('bytea_output', 'hex', true)";

const char* const kSchemas =
    "SELECT quote_ident(n.nspname), quote_literal(obj_description(n.oid, 'pg_namespace'))"
    " FROM pg_namespace n WHERE" USER_NS "AND" NOT_EXT("pg_namespace", "n.oid");

const char* const kExtensions =
    "SELECT quote_ident(e.extname), quote_ident(n.nspname), e.extversion"
    " FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace";

// TimescaleDB's dimensions of each hypertable (asked only where it is installed).
const char* const kHypertables =
    "SELECT quote_ident(h.schema_name) || '.' || quote_ident(h.table_name), quote_ident(d.column_name),"
    " d.interval_length, d.num_slices"
    " FROM _timescaledb_catalog.hypertable h JOIN _timescaledb_catalog.dimension d ON d.hypertable_id = h.id";

const char* const kTypes =
    "SELECT t.typtype," QNAME("n.nspname", "t.typname") ","
    " CASE t.typtype"
    "  WHEN 'e' THEN (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)"
    "                 FROM pg_enum e WHERE e.enumtypid = t.oid)"
    "  WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod)"
    "  WHEN 'r' THEN (SELECT format_type(r.rngsubtype, NULL) FROM pg_range r WHERE r.rngtypid = t.oid)"
    "  WHEN 'c' THEN (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod),"
    "                        ', ' ORDER BY a.attnum)"
    "                 FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)"
    " END,"
    " t.typnotnull, pg_get_expr(t.typdefaultbin, 0),"
    " (SELECT string_agg(quote_ident(co.conname) || ' ' || co.contype::text || ' ' || pg_get_constraintdef(co.oid)"
    "                    || CASE WHEN co.convalidated OR pg_get_constraintdef(co.oid) LIKE '% NOT VALID' THEN ''"
    "                       ELSE ' NOT VALID' END, E'\\n')"
    "  FROM pg_constraint co WHERE co.contypid = t.oid),"
    " quote_literal(obj_description(t.oid, 'pg_type'))"
    " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
    " WHERE" USER_NS "AND" NOT_EXT("pg_type", "t.oid") "AND (t.typtype IN ('e', 'd', 'r')"
    "  OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))";

const char* const kRelations =
    "SELECT c.oid::text, c.relkind," QNAME("n.nspname", "c.relname") ", c.relpersistence,"
    " quote_literal(obj_description(c.oid, 'pg_class')), (SELECT string_agg(o, ', ' ORDER BY o) FROM unnest(c.reloptions) o),"
    " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,"
    " CASE WHEN c.relispartition THEN"
    "  (SELECT" QNAME("pn.nspname", "pc.relname") "FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent"
    "   JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid)"
    "  || ' ' || pg_get_expr(c.relpartbound, c.oid) END,"
    " CASE WHEN NOT c.relispartition THEN"
    "  (SELECT string_agg(" QNAME("pn.nspname", "pc.relname") ", ', ' ORDER BY i.inhseqno)"
    "   FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent"
    "   JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid) END,"
    " CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,"
    " c.relrowsecurity, c.relforcerowsecurity"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND" USER_NS "AND" NOT_EXT("pg_class", "c.oid");

// Columns of tables and foreign tables (a view's columns follow from its definition).
const char* const kColumns =
    "SELECT a.attrelid::text, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull,"
    " pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,"
    " CASE WHEN a.attcollation <> t.typcollation THEN"
    "  (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END"
    "          || quote_ident(co.collname)"
    "   FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,"
    " quote_literal(col_description(a.attrelid, a.attnum))"
    " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_type t ON t.oid = a.atttypid"
    " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
    " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f') AND" USER_NS;

const char* const kConstraints =
    "SELECT co.conrelid::text, quote_ident(co.conname), co.contype, pg_get_constraintdef(co.oid),"
    " co.convalidated, quote_literal(obj_description(co.oid, 'pg_constraint'))"
    " FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE" USER_NS;

const char* const kIndexes =
    "SELECT i.indrelid::text, quote_ident(ic.relname), pg_get_indexdef(i.indexrelid), i.indisvalid,"
    " EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid"
    "         AND co.contype IN ('p', 'u', 'x')),"
    " i.indisclustered, i.indisreplident, quote_literal(obj_description(i.indexrelid, 'pg_class'))"
    " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace"
    " WHERE" USER_NS;

const char* const kTriggers =
    "SELECT t.tgrelid::text, quote_ident(t.tgname), pg_get_triggerdef(t.oid), t.tgenabled,"
    " quote_literal(obj_description(t.oid, 'pg_trigger'))"
    " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE NOT t.tgisinternal AND" USER_NS;

const char* const kPolicies =
    "SELECT p.polrelid::text, quote_ident(p.polname), p.polcmd, p.polpermissive,"
    " (SELECT string_agg(r.name, ', ' ORDER BY r.name COLLATE \"C\") FROM"
    "   (SELECT CASE WHEN o = 0 THEN 'public' ELSE quote_ident(pg_get_userbyid(o)) END AS name"
    "    FROM unnest(p.polroles) AS o) r),"
    " pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)"
    " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE" USER_NS;

const char* const kRules =
    "SELECT r.ev_class::text, quote_ident(r.rulename), pg_get_ruledef(r.oid)"
    " FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE r.rulename <> '_RETURN' AND" USER_NS;

// Sequences not owned by a column (serial: 'a', identity: 'i').
const char* const kSequences =
    "SELECT" QNAME("n.nspname", "c.relname") ", format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,"
    " s.seqmin, s.seqmax, s.seqcache, s.seqcycle, quote_literal(obj_description(c.oid, 'pg_class'))"
    " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE" USER_NS "AND" NOT_EXT("pg_class", "c.oid") "AND NOT EXISTS (SELECT 1 FROM pg_depend d"
    "  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
    "  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))";

const char* const kFunctions =
    "SELECT p.prokind," QNAME("n.nspname", "p.proname") "|| '(' || pg_get_function_identity_arguments(p.oid) || ')',"
    " pg_get_function_result(p.oid), CASE WHEN p.prokind <> 'a' THEN md5(pg_get_functiondef(p.oid)) END,"
    " quote_literal(obj_description(p.oid, 'pg_proc'))"
    " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
    " WHERE" USER_NS "AND" NOT_EXT("pg_proc", "p.oid")
    // Functions made along with another object (a range type's constructors).
    "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid"
    "  AND d.deptype = 'i')";

// Rarer objects, one line each (kind, name, detail, comment).
const char* const kOthers =
    "SELECT 'collation'," QNAME("n.nspname", "o.collname") ","
    "  'provider ' || o.collprovider::text || ' locale ' || quote_nullable(o.colliculocale)"
    "  || ' collate ' || quote_nullable(o.collcollate) || ' ctype ' || quote_nullable(o.collctype)"
    "  || CASE WHEN o.collisdeterministic THEN '' ELSE ' nondeterministic' END,"
    "  quote_literal(obj_description(o.oid, 'pg_collation'))"
    " FROM pg_collation o JOIN pg_namespace n ON n.oid = o.collnamespace"
    " WHERE" USER_NS "AND" NOT_EXT("pg_collation", "o.oid") " UNION ALL "
    "SELECT 'statistics'," QNAME("n.nspname", "o.stxname") ", pg_get_statisticsobjdef(o.oid),"
    "  quote_literal(obj_description(o.oid, 'pg_statistic_ext'))"
    " FROM pg_statistic_ext o JOIN pg_namespace n ON n.oid = o.stxnamespace"
    " WHERE" USER_NS "AND" NOT_EXT("pg_statistic_ext", "o.oid") " UNION ALL "
    "SELECT 'operator'," QNAME("n.nspname", "o.oprname") "|| '(' || format_type(o.oprleft, NULL) || ', '"
    "  || format_type(o.oprright, NULL) || ')', 'function ' || o.oprcode::text,"
    "  quote_literal(obj_description(o.oid, 'pg_operator'))"
    " FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace"
    " WHERE" USER_NS "AND" NOT_EXT("pg_operator", "o.oid") " UNION ALL "
    "SELECT 'event trigger', quote_ident(o.evtname), o.evtevent || ' function ' || o.evtfoid::regproc::text"
    "  || ' enabled ' || o.evtenabled::text, quote_literal(obj_description(o.oid, 'pg_event_trigger'))"
    " FROM pg_event_trigger o WHERE" NOT_EXT("pg_event_trigger", "o.oid");

#undef USER_NS
#undef NOT_EXT
#undef QNAME

std::string str(const pqxx::field& f) { return f.is_null() ? std::string() : f.as<std::string>(); }
bool flag(const pqxx::field& f) { return !f.is_null() && f.as<bool>(); }

// Every line is one object or property: escape control characters.
std::string one_line(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        const auto u = static_cast<unsigned char>(ch);
        if (ch == '\n') {
            out += "\\n";
        } else if (ch == '\r') {
            out += "\\r";
        } else if (ch == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", u);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out;
}

// Whitespace runs collapsed, for multi-line definitions such as pg_get_viewdef.
std::string collapse(const std::string& s) {
    std::string out;
    bool pending = false;
    for (const char ch : s) {
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            pending = !out.empty();
        } else {
            if (pending) out += ' ';
            pending = false;
            out += ch;
        }
    }
    return out;
}

std::string comment_suffix(const pqxx::field& f) { return f.is_null() ? std::string() : " comment " + str(f); }

class Builder {
public:
    // A block; adding the same header twice keeps one block.
    void block(const std::string& header) { blocks_[one_line(header)]; }
    void detail(const std::string& header, const std::string& line) {
        blocks_[one_line(header)].push_back("  " + one_line(line));
    }
    void comment(const std::string& header, const pqxx::field& f) {
        if (!f.is_null()) detail(header, "comment " + str(f));
    }
    std::string text() {
        std::string out;
        for (auto& [header, lines] : blocks_) {  // std::map: bytewise order of headers
            std::sort(lines.begin(), lines.end());
            out += header;
            out += '\n';
            for (const auto& l : lines) {
                out += l;
                out += '\n';
            }
        }
        return out;
    }

private:
    std::map<std::string, std::vector<std::string>> blocks_;
};

}  // namespace

namespace {

// A default with no function call (other than ARRAY[...] and casts) and no
// SQL value function (CURRENT_TIMESTAMP, LOCALTIME, CURRENT_USER, ...)
// evaluates the same in any transaction: safe to compare by value.
bool is_constant_default(const std::string& expr) {
    std::string words;   // the text outside string literals, upper case
    bool in_string = false;
    for (char ch : expr) {
        if (ch == '\'') in_string = !in_string;
        else if (!in_string) words += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    for (const char* f : {"CURRENT_", "LOCALTIME", "SESSION_USER", "USER"})
        if (words.find(f) != std::string::npos) return false;
    in_string = false;
    for (std::size_t i = 0; i < expr.size(); ++i) {
        const char ch = expr[i];
        if (ch == '\'') in_string = !in_string;
        if (in_string || ch != '(' || i == 0) continue;
        std::size_t j = i;
        while (j > 0 && expr[j - 1] == ' ') --j;
        if (j > 0 && (std::isalnum(static_cast<unsigned char>(expr[j - 1])) || expr[j - 1] == '_' || expr[j - 1] == '"'))
            return false;   // name( : a function call
    }
    return true;
}

}  // namespace

std::string catalog_fingerprint(pqxx::connection& c, const FingerprintOptions& options) {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx{c, "catalog_fingerprint"};
    tx.exec(kSettings);
    Builder b;

    for (const auto& r : tx.exec(kSchemas)) {
        const std::string h = "schema " + str(r[0]);
        b.block(h);
        b.comment(h, r[1]);
    }
    bool timescaledb = false;
    for (const auto& r : tx.exec(kExtensions)) {
        b.block("extension " + str(r[0]) + " schema " + str(r[1]) + " version " + str(r[2]));
        timescaledb = timescaledb || str(r[0]) == "timescaledb";
    }
    if (timescaledb)
        for (const auto& r : tx.exec(kHypertables)) {
            const std::string h = "hypertable " + str(r[0]);
            b.block(h);
            b.detail(h, "dimension " + str(r[1]) + (r[2].is_null() ? "" : " interval " + str(r[2])) +
                            (r[3].is_null() ? "" : " partitions " + str(r[3])));
        }
    for (const auto& r : tx.exec(kTypes)) {
        const std::string kind = str(r[0]);
        const std::string name = str(r[1]);
        std::string h;
        if (kind == "e") h = "enum " + name + " (" + str(r[2]) + ")";
        if (kind == "d") h = "domain " + name + " " + str(r[2]);
        if (kind == "r") h = "range " + name + " subtype " + str(r[2]);
        if (kind == "c") h = "composite " + name + " (" + str(r[2]) + ")";
        b.block(h);
        if (flag(r[3])) b.detail(h, "not null");
        if (!r[4].is_null()) b.detail(h, "default " + str(r[4]));
        std::istringstream cons{str(r[5])};
        for (std::string line; std::getline(cons, line);) b.detail(h, "constraint " + line);
        b.comment(h, r[6]);
    }

    std::map<std::string, std::string> rel;  // oid -> header of its block
    for (const auto& r : tx.exec(kRelations)) {
        const std::string kind = str(r[1]);
        const std::string name = str(r[2]);
        std::string h;
        if (kind == "r" || kind == "p") h = "table " + name;
        if (kind == "f") h = "foreign table " + name;
        if (kind == "v") h = "view " + name;
        if (kind == "m") h = "materialized view " + name;
        rel[str(r[0])] = h;
        b.block(h);
        if (kind == "p") b.detail(h, "partitioned");
        if (str(r[3]) == "u") b.detail(h, "unlogged");
        b.comment(h, r[4]);
        if (!r[5].is_null()) b.detail(h, "options " + str(r[5]));
        if (!r[6].is_null()) b.detail(h, "partition by " + str(r[6]));
        if (!r[7].is_null()) b.detail(h, "partition of " + str(r[7]));
        if (!r[8].is_null()) b.detail(h, "inherits " + str(r[8]));
        if (!r[9].is_null()) b.detail(h, "definition " + collapse(str(r[9])));
        if (flag(r[10])) b.detail(h, "row level security");
        if (flag(r[11])) b.detail(h, "force row level security");
    }
    // Details of relations (rows of relations left out, e.g. extension-owned, are skipped).
    auto owner = [&rel](const pqxx::field& oid) -> const std::string* {
        const auto it = rel.find(str(oid));
        return it == rel.end() ? nullptr : &it->second;
    };
    for (const auto& r : tx.exec(kColumns)) {
        const std::string* h = owner(r[0]);
        if (!h) continue;
        std::string l = "column " + str(r[1]) + " " + str(r[2]);
        if (!r[7].is_null()) l += " collate " + str(r[7]);
        l += flag(r[3]) ? " not null" : " null";
        if (!r[4].is_null()) {
            std::string dflt = str(r[4]);
            if (options.default_values && str(r[6]) != "s" && is_constant_default(dflt)) {
                pqxx::subtransaction sub{tx, "default_value"};
                // As the column's type: 0.0 for a double column is the value 0.
                dflt = "= " + sub.exec1("SELECT ((" + dflt + ")::" + str(r[2]) + ")::text")[0].as<std::string>("NULL");
                sub.commit();
            }
            l += str(r[6]) == "s" ? " generated always as (" + str(r[4]) + ") stored" : " default " + dflt;
        }
        const std::string identity = str(r[5]);
        if (identity == "a") l += " identity always";
        if (identity == "d") l += " identity by default";
        b.detail(*h, l + comment_suffix(r[8]));
    }
    for (const auto& r : tx.exec(kConstraints)) {
        const std::string* h = owner(r[0]);
        if (!h) continue;
        std::string l = "constraint " + str(r[1]) + " " + str(r[2]) + " " + str(r[3]);
        // pg_get_constraintdef prints NOT VALID itself; make sure it is there.
        if (!flag(r[4]) && !l.ends_with(" NOT VALID")) l += " NOT VALID";
        b.detail(*h, l + comment_suffix(r[5]));
    }
    for (const auto& r : tx.exec(kIndexes)) {
        const std::string* h = owner(r[0]);
        if (!h) continue;
        std::string l = "index " + str(r[1]) + " " + str(r[2]);
        if (flag(r[4])) l += " [constraint]";
        if (!flag(r[3])) l += " [invalid]";
        if (flag(r[5])) l += " [clustered]";
        if (flag(r[6])) l += " [replica identity]";
        b.detail(*h, l + comment_suffix(r[7]));
    }
    for (const auto& r : tx.exec(kTriggers)) {
        const std::string* h = owner(r[0]);
        if (!h) continue;
        std::string l = "trigger " + str(r[1]) + " " + str(r[2]);
        if (str(r[3]) != "O") l += " [enabled " + str(r[3]) + "]";
        b.detail(*h, l + comment_suffix(r[4]));
    }
    for (const auto& r : tx.exec(kPolicies)) {
        const std::string* h = owner(r[0]);
        if (!h) continue;
        const std::string cmd = str(r[2]);
        const std::string for_cmd = cmd == "r"   ? "SELECT"
                                    : cmd == "a" ? "INSERT"
                                    : cmd == "w" ? "UPDATE"
                                    : cmd == "d" ? "DELETE"
                                                 : "ALL";
        std::string l = "policy " + str(r[1]) + (flag(r[3]) ? " permissive" : " restrictive") + " for " + for_cmd +
                        " to " + str(r[4]);
        if (!r[5].is_null()) l += " using (" + str(r[5]) + ")";
        if (!r[6].is_null()) l += " with check (" + str(r[6]) + ")";
        b.detail(*h, l);
    }
    for (const auto& r : tx.exec(kRules)) {
        const std::string* h = owner(r[0]);
        if (!h) continue;
        b.detail(*h, "rule " + str(r[1]) + " " + collapse(str(r[2])));
    }

    for (const auto& r : tx.exec(kSequences)) {
        const std::string h = "sequence " + str(r[0]);
        b.block(h);
        b.detail(h, "as " + str(r[1]) + " start " + str(r[2]) + " increment " + str(r[3]) + " min " + str(r[4]) +
                        " max " + str(r[5]) + " cache " + str(r[6]) + (flag(r[7]) ? " cycle" : " no cycle"));
        b.comment(h, r[8]);
    }
    for (const auto& r : tx.exec(kFunctions)) {
        const std::string kind = str(r[0]);
        std::string word = "function";
        if (kind == "p") word = "procedure";
        if (kind == "a") word = "aggregate";
        if (kind == "w") word = "window function";
        const std::string h = word + " " + str(r[1]);
        b.block(h);
        if (kind != "p") b.detail(h, "returns " + str(r[2]));
        if (!r[3].is_null()) b.detail(h, "definition md5 " + str(r[3]));
        b.comment(h, r[4]);
    }
    for (const auto& r : tx.exec(kOthers)) {
        const std::string h = str(r[0]) + " " + str(r[1]);
        b.block(h);
        b.detail(h, str(r[2]));
        b.comment(h, r[3]);
    }
    tx.commit();
    return b.text();
}

std::string fingerprint_diff(const std::string& a, const std::string& b) {
    // Each line qualified by its block's header, so a detail line says what it belongs to.
    auto qualified = [](const std::string& text) {
        std::multiset<std::string> out;
        std::istringstream in{text};
        std::string header;
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("  ", 0) == 0) {
                out.insert(header + ": " + line);
            } else {
                header = line;
                out.insert(line);
            }
        }
        return out;
    };
    const auto qa = qualified(a);
    const auto qb = qualified(b);
    std::vector<std::string> only_a;
    std::vector<std::string> only_b;
    std::set_difference(qa.begin(), qa.end(), qb.begin(), qb.end(), std::back_inserter(only_a));
    std::set_difference(qb.begin(), qb.end(), qa.begin(), qa.end(), std::back_inserter(only_b));
    std::string out;
    for (const auto& l : only_a) out += "- " + l + "\n";
    for (const auto& l : only_b) out += "+ " + l + "\n";
    return out;
}

}  // namespace schemac::test
