#include "sql/postgres/inspect.hpp"

#include <schemac/core/ascii.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "sql/postgres/index_options.hpp"
#include "sql/postgres/literal.hpp"
#include "sql/postgres/naming.hpp"
#include "schemac/postgres/pg_codec.hpp"

namespace schemac::sql::postgres {

namespace {

// "schema.name" with each part as the user would write it, the schema always
// shown (QualifiedName::display leaves public out).
std::string full_name(const std::string& schema, const std::string& name) {
    return display_ident(schema) + "." + display_ident(name);
}

// Index of the quote that closes the SQL string literal opening at `open`
// ('' inside is a quote), or npos.
std::size_t closing_quote(const std::string& s, std::size_t open) {
    for (std::size_t i = open + 1; i < s.size(); ++i) {
        if (s[i] != '\'') continue;
        if (i + 1 < s.size() && s[i + 1] == '\'') {
            ++i;
            continue;
        }
        return i;
    }
    return std::string::npos;
}

// Index of the bracket closing the one at `open` (( or [), skipping string
// literals and quoted identifiers; npos when unbalanced.
std::size_t closing_bracket(const std::string& s, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\'') {
            i = closing_quote(s, i);
            if (i == std::string::npos) return i;
        } else if (c == '"') {
            i = s.find('"', i + 1);
            if (i == std::string::npos) return i;
        } else if (c == '(' || c == '[') {
            ++depth;
        } else if (c == ')' || c == ']') {
            if (--depth == 0) return i;
        }
    }
    return std::string::npos;
}

// "(x)" -> "x", repeatedly, when the parentheses enclose the whole text.
std::string strip_parens(std::string s) {
    s = ascii_trim(s);
    while (s.size() >= 2 && s.front() == '(' && closing_bracket(s, 0) == s.size() - 1) s = ascii_trim(s.substr(1, s.size() - 2));
    return s;
}

// Splits at commas outside brackets, strings and quoted identifiers.
std::vector<std::string> split_top_level(const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\'') {
            i = closing_quote(s, i);
            if (i == std::string::npos) return {};
        } else if (c == '"') {
            i = s.find('"', i + 1);
            if (i == std::string::npos) return {};
        } else if (c == '(' || c == '[') {
            ++depth;
        } else if (c == ')' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 0) {
            parts.push_back(ascii_trim(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    parts.push_back(ascii_trim(s.substr(start)));
    return parts;
}

bool is_number_kind(TypeKind k) {
    return is_integer(k) || k == TypeKind::Numeric || k == TypeKind::Real || k == TypeKind::Double;
}

// -?digits[.digits]: how PostgreSQL prints an integer or numeric constant.
bool is_plain_number(const std::string& s) {
    std::size_t i = s.size() && s[0] == '-' ? 1 : 0;
    const std::size_t start = i;
    while (i < s.size() && is_ascii_digit(s[i])) ++i;
    if (i == start) return false;
    if (i < s.size() && s[i] == '.') {
        const std::size_t f = ++i;
        while (i < s.size() && is_ascii_digit(s[i])) ++i;
        if (i == f) return false;
    }
    return i == s.size();
}

// The type named by a cast (`::character varying`, `::bpchar`, `::s.side[]`).
std::optional<Type> cast_type(const std::string& text) {
    std::string t = ascii_trim(text);
    std::string err;
    const bool array = t.size() > 2 && t.compare(t.size() - 2, 2, "[]") == 0;
    const std::string base = array ? ascii_trim(t.substr(0, t.size() - 2)) : t;
    // char(n)'s internal name, and bit(n)'s quoted one (bit is a keyword), as
    // constants of such columns show them.
    if (base == "bpchar" || base == "\"bit\"") {
        Type c;
        c.kind = base == "bpchar" ? TypeKind::Char : TypeKind::Bit;
        c.is_array = array;
        return c;
    }
    return parse_type(t, err);
}

// Does a constant cast to `cast` give exactly the value its text says, once
// assigned to a column of type `col`? Same kind, or exact decimal text into
// any number, or one text type into another (check_literal checks lengths).
bool cast_fits(const Type& cast, const Type& col) {
    if (cast.is_array != col.is_array) return false;
    if (cast.kind == TypeKind::Enum || col.kind == TypeKind::Enum)
        return cast.kind == col.kind && cast.enum_name == col.enum_name;
    if (cast.kind == col.kind) return true;
    if (is_number_kind(col.kind) && (is_integer(cast.kind) || cast.kind == TypeKind::Numeric)) return true;
    return is_text(col.kind) && is_text(cast.kind);
}

std::string unquote_sql(const std::string& s, std::size_t open, std::size_t close) {
    std::string out;
    for (std::size_t i = open + 1; i < close; ++i) {
        out += s[i];
        if (s[i] == '\'') ++i;   // '' -> '
    }
    return out;
}

// The elements of an array constant's text ({a,"b c",NULL}), read as the
// runtime's codec reads array_out text; nullopt for anything but one
// dimension without bounds decoration.
std::optional<std::vector<Value>> parse_array_text(const std::string& s, const SourcePos& pos) {
    std::vector<std::optional<std::string>> elements;
    try {
        pg::detail::split_array(s, elements);
    } catch (const PgTextError&) {
        return std::nullopt;
    }
    std::vector<Value> items;
    for (auto& e : elements) {
        Value v;
        v.pos = pos;
        if (!e) {
            v.kind = Value::Kind::Null;
        } else {
            v.kind = Value::Kind::Scalar;
            v.text = std::move(*e);
        }
        items.push_back(std::move(v));
    }
    return items;
}

// 'text'::type where the cast fits a column of type `t` (for an array column,
// the array type): the text between the quotes.
std::optional<std::string> quoted_with_fitting_cast(const std::string& s, const Type& t) {
    if (s.empty() || s[0] != '\'') return std::nullopt;
    const std::size_t close = closing_quote(s, 0);
    if (close == std::string::npos) return std::nullopt;
    const std::string rest = ascii_trim(s.substr(close + 1));
    if (!rest.starts_with("::")) return std::nullopt;
    const auto ct = cast_type(rest.substr(2));
    if (!ct || !cast_fits(*ct, t)) return std::nullopt;
    return unquote_sql(s, 0, close);
}

// A scalar constant of (element) type `t` as PostgreSQL prints it: a bare
// number or boolean, or 'text'::type with a fitting cast. The text of the value.
std::optional<std::string> scalar_constant(const std::string& expr, const Type& t) {
    const std::string s = strip_parens(expr);
    if (is_plain_number(s)) return is_number_kind(t.kind) ? std::optional(s) : std::nullopt;
    if (s == "true" || s == "false") return t.kind == TypeKind::Boolean ? std::optional(s) : std::nullopt;
    return quoted_with_fitting_cast(s, t);
}

// A float as PostgreSQL 12+ prints it (float8out/float4out with
// extra_float_digits > 0): the shortest text that reads back as the same
// value, in fixed notation when the decimal exponent is in [-4, 15) (float4:
// [-4, 6)), else as d.ddde+XX. So 0.1 written as a numeric constant and
// '0.1'::double precision are the same value in the model.
template <typename F>
std::optional<std::string> canonical_float(const std::string& text, int fixed_below) {
    F x{};
    const char* b = text.data();
    const char* e = text.data() + text.size();
    if (text.empty() || text[0] == '+') return std::nullopt;
    auto [p, ec] = std::from_chars(b, e, x);
    if (ec != std::errc() || p != e || !std::isfinite(x)) return std::nullopt;
    char buf[64];
    auto sci = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    const std::string s(buf, sci.ptr);
    const int exponent = std::stoi(s.substr(s.find('e') + 1));
    if (exponent < -4 || exponent >= fixed_below) return s;
    auto fixed = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
    return std::string(buf, fixed.ptr);
}

void canonical_floats(Value& v, TypeKind k) {
    if (k != TypeKind::Real && k != TypeKind::Double) return;
    if (v.kind == Value::Kind::Scalar) {
        auto c = k == TypeKind::Real ? canonical_float<float>(v.text, 6) : canonical_float<double>(v.text, 15);
        if (c) v.text = *c;
    }
    for (auto& item : v.items) canonical_floats(item, k);
}

// A whole default as a value of the column's type, when it is exactly one.
std::optional<Value> constant(const std::string& expr, const Type& t, const SourcePos& pos) {
    if (!t.is_array) {
        auto text = scalar_constant(expr, t);
        if (!text) return std::nullopt;
        return Value{Value::Kind::Scalar, *text, {}, pos};
    }
    const std::string s = strip_parens(expr);
    // '{...}'::type[]
    if (!s.empty() && s[0] == '\'') {
        const auto text = quoted_with_fitting_cast(s, t);
        if (!text) return std::nullopt;
        auto items = parse_array_text(*text, pos);
        if (!items) return std::nullopt;
        if (t.kind == TypeKind::Boolean)   // array_out prints booleans as t and f
            for (auto& item : *items)
                if (item.kind == Value::Kind::Scalar) item.text = item.text == "t" ? "true" : item.text == "f" ? "false" : item.text;
        return Value{Value::Kind::Array, "", std::move(*items), pos};
    }
    // ARRAY[e1, e2, ...][::type[]]
    if (s.size() >= 6 && s.compare(0, 6, "ARRAY[") == 0) {
        const std::size_t close = closing_bracket(s, 5);
        if (close == std::string::npos) return std::nullopt;
        const std::string rest = ascii_trim(s.substr(close + 1));
        if (!rest.empty()) {
            if (!rest.starts_with("::")) return std::nullopt;
            const auto ct = cast_type(rest.substr(2));
            if (!ct || !cast_fits(*ct, t)) return std::nullopt;
        }
        Value v{Value::Kind::Array, "", {}, pos};
        const std::string inner = ascii_trim(s.substr(6, close - 6));
        if (inner.empty()) return std::nullopt;   // ARRAY[] needs a cast that says the type
        for (const auto& part : split_top_level(inner)) {
            const std::string bare = strip_parens(part);
            const std::optional<Type> null_cast =
                bare.starts_with("NULL::") ? cast_type(bare.substr(6)) : std::nullopt;   // NULL::integer
            if (bare == "NULL" || (null_cast && cast_fits(*null_cast, t.element()))) {
                v.items.push_back({Value::Kind::Null, "", {}, pos});
                continue;
            }
            auto text = scalar_constant(part, t.element());
            if (!text) return std::nullopt;
            v.items.push_back({Value::Kind::Scalar, *text, {}, pos});
        }
        return v;
    }
    return std::nullopt;
}

std::string sql_string(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

// A name the catalog printed with quote_ident ("C", my_schema."My Ops") as the
// model holds it: the quotes taken off each part, the parts joined by a dot.
std::string object_name(const std::string& quoted) {
    if (quoted.empty()) return "";
    const auto q = parse_qualified_name(quoted);
    if (!q) return quoted;   // not expected: the catalog quotes what needs it
    return q->schema.empty() ? q->name : q->schema + "." + q->name;
}

FkAction fk_action(char c) {
    switch (c) {
        case 'r': return FkAction::Restrict;
        case 'c': return FkAction::Cascade;
        case 'n': return FkAction::SetNull;
        case 'd': return FkAction::SetDefault;
        default: return FkAction::NoAction;
    }
}

std::optional<IndexMethod> index_method(const std::string& m) {
    if (m == "btree") return IndexMethod::Btree;
    if (m == "hash") return IndexMethod::Hash;
    if (m == "gist") return IndexMethod::Gist;
    if (m == "gin") return IndexMethod::Gin;
    if (m == "brin") return IndexMethod::Brin;
    return std::nullopt;
}

class Inspector {
public:
    Inspector(const catalog::Snapshot& s, const std::string& source, Diagnostics& d)
        : snap_(s), diags_(d), pos_{std::make_shared<const std::string>(source), 0, 0} {}

    Schema run() {
        for (const auto& u : snap_.unsupported)
            diags_.warning(pos_, "unsupported-object",
                           u.kind + " " + u.name + " is not part of the schema language: it is left out of the model, "
                           "and plans never create, change or drop it");
        for (const auto& [name, grants] : snap_.schema_grants)
            // USAGE on public for everybody is how PostgreSQL 15 makes every database.
            if (name != "public" || grants != std::vector<std::string>{"PUBLIC: USAGE"})
                not_represented("schema " + display_ident(name), granted(grants), true);
        for (const auto& x : snap_.extensions) out_.extensions.push_back({{x.name, pos_}, x.version, x.schema, pos_});
        for (const auto& e : snap_.enums) out_.enums.push_back(enum_of(e));
        for (const auto& e : out_.enums) enums_[e.name] = &e;
        for (const auto& t : snap_.tables) tables_.insert({t.schema, t.name});
        for (const auto& t : snap_.tables) out_.tables.push_back(table_of(t));
        return std::move(out_);
    }

private:
    const catalog::Snapshot& snap_;
    Diagnostics& diags_;
    SourcePos pos_;
    Schema out_;
    std::map<QualifiedName, const Enum*> enums_;
    std::set<QualifiedName> tables_;

    void unsupported(const std::string& what, const std::string& why) {
        diags_.error(pos_, "unsupported-feature", what + " " + why);
    }

    // A setting the model has no place for, that changes no name, type or
    // constraint (storage, tablespace, row security, ...): a warning naming it.
    // Plans never set it; one that drops and creates the object again loses it.
    void not_represented(const std::string& what, const std::string& has, bool plural = false) {
        diags_.warning(pos_, "not-represented", what + " " + has + (plural ? " that schemac cannot represent; they are not compared"
                                                                          : ", which schemac cannot represent; it is not compared"));
    }

    static std::string joined(const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
        return s;
    }

    // GRANTs are not in the language yet: named, so a plan that drops and
    // creates the table again (which loses them) surprises nobody.
    static std::string granted(const std::vector<std::string>& grants) {
        std::string s;
        for (const auto& g : grants) s += (s.empty() ? "" : "; ") + g;
        return "has privileges granted to other roles (" + s + ")";
    }

    void storage(const std::string& what, const std::vector<std::string>& options, const std::string& tablespace) {
        if (!options.empty()) not_represented(what, "has storage parameters (" + joined(options) + ")", true);
        if (!tablespace.empty()) not_represented(what, "is in tablespace " + display_ident(tablespace));
    }

    // The storage parameters the language has go into `out`, the rest (toast.*,
    // user_catalog_table) into a warning.
    void table_settings(const std::string& what, const catalog::Table& t, Table& out) {
        std::vector<std::string> others;
        for (const auto& o : t.options) {
            const std::size_t eq = o.find('=');
            const std::string name = o.substr(0, eq);
            if (is_table_storage_param(name) && eq != std::string::npos) out.with.push_back({name, ascii_lower(o.substr(eq + 1))});
            else others.push_back(o);
        }
        if (!out.with.empty()) out.with_pos = pos_;
        storage(what, others, t.tablespace);
        if (!t.access_method.empty()) not_represented(what, "uses table access method " + t.access_method);
        if (!t.grants.empty()) not_represented(what, granted(t.grants), true);
        out.unlogged = t.unlogged;
        out.unlogged_pos = pos_;
        // FORCE without ENABLE does nothing until it is enabled: the language
        // has no word for it.
        out.row_security = t.row_security;
        out.force_row_security = t.row_security && t.force_row_security;
        out.row_security_pos = pos_;
        if (t.force_row_security && !t.row_security)
            not_represented(what, "has ROW LEVEL SECURITY forced but not enabled");
        if (t.replica_identity != 'd')
            not_represented(what, std::string("has REPLICA IDENTITY ") +
                                      (t.replica_identity == 'f' ? "FULL" : t.replica_identity == 'n' ? "NOTHING" : "USING INDEX"));
    }

    void column_settings(const std::string& what, const catalog::Column& c) {
        if (!c.storage.empty()) not_represented(what, "has STORAGE " + c.storage);
        if (!c.compression.empty()) not_represented(what, "has COMPRESSION " + c.compression);
        if (c.statistics >= 0) not_represented(what, "has STATISTICS " + std::to_string(c.statistics));
        // pg_attver: the server's own bookkeeping, which PostgreSQL 15.20 writes on
        // every column while an extension is preloaded (TimescaleDB); nobody sets it.
        std::vector<std::string> options;
        for (const auto& o : c.options)
            if (o.rfind("pg_attver=", 0) != 0) options.push_back(o);
        if (!options.empty()) not_represented(what, "has attribute options (" + joined(options) + ")", true);
        if (!c.grants.empty()) not_represented(what, granted(c.grants), true);
        if (!c.sequence_grants.empty()) not_represented(what, "takes its values from a sequence that " + granted(c.sequence_grants), true);
        if (!c.sequence_options.empty())
            not_represented(what, "takes its values from a sequence with options (" + c.sequence_options + ")", true);
    }

    Enum enum_of(const catalog::Enum& e) {
        Enum out;
        out.name = {e.schema, e.name};
        out.pos = out.schema_pos = pos_;
        for (const auto& v : e.values) out.values.push_back({v, pos_});
        out.comment = e.comment;
        return out;
    }

    // The column's type in the schema language, or nullopt after an error.
    std::optional<Type> type_of(const std::string& what, const catalog::Column& c) {
        if (c.type_category == 'E') {
            Type t;
            t.kind = TypeKind::Enum;
            t.enum_name = {c.type_schema, c.type_name};
            t.is_array = c.is_array;
            if (!enums_.count(t.enum_name)) {
                unsupported(what, "has type " + c.type + ", an enum in a schema that is not inspected; inspect schema " +
                                      display_ident(c.type_schema) + " too");
                return std::nullopt;
            }
            return t;
        }
        std::string err;
        std::optional<Type> t;
        if (c.type_schema == "pg_catalog") t = parse_type(c.type, err);
        // citext is the extension's type, in the extension's schema.
        for (const auto& x : snap_.extensions)
            if (c.type_name == "citext" && x.name == "citext" && x.schema == c.type_schema) t = Type{TypeKind::Citext, -1, -1, -1, {}, c.is_array};
        if (!t || t->kind == TypeKind::Enum || t->is_array != c.is_array) {
            const std::string kind = c.type_schema == "pg_catalog" ? "" : " (a user-defined type: domain, composite, range or base type)";
            unsupported(what, "has type " + c.type + kind + ", which the schema language does not have");
            return std::nullopt;
        }
        return t;
    }

    Column column_of(const catalog::Table& tbl, const catalog::Column& c) {
        const std::string what = "column " + full_name(tbl.schema, tbl.name) + "." + display_ident(c.name);
        Column out;
        out.name = c.name;
        out.pos = out.type_pos = pos_;
        out.nullable = !c.not_null;
        out.comment = c.comment;
        const auto type = type_of(what, c);
        out.type = type ? *type : Type{};
        if (c.generated) out.generated = c.default_expr;   // pg_get_expr of its generation expression
        if (!c.collation.empty()) out.collation = catalog_object_name(object_name(c.collation));
        column_settings(what, c);
        if (c.identity == 'a') out.identity = Identity::Always;
        if (c.identity == 'd') out.identity = Identity::ByDefault;
        std::string def = c.default_expr;
        if (!c.owned_sequence.empty()) {
            if (!def.empty() && def == "nextval(" + sql_string(c.owned_sequence) + "::regclass)" && type && !type->is_array &&
                c.identity == 0) {
                serial(tbl, c, what, out);
                def.clear();
            } else {
                diags_.warning(pos_, "unsupported-object",
                               "sequence " + c.owned_sequence + " is owned by " + what +
                                   " but is not its default: it is left out of the model, and plans never create, change or drop it");
            }
        }
        if (!def.empty() && type && !c.generated) {
            const Enum* e = type->kind == TypeKind::Enum ? enums_.at(type->enum_name) : nullptr;
            auto v = constant(def, *type, pos_);
            if (v) canonical_floats(*v, type->kind);
            if (v && !sql::postgres::check_literal(*type, *v, e)) out.default_value = std::move(v);
            else out.default_value = Value{Value::Kind::Sql, def, {}, pos_};
        }
        return out;
    }

    // A column whose default is nextval() of the sequence it owns: serial or bigserial.
    void serial(const catalog::Table& tbl, const catalog::Column& c, const std::string& what, Column& out) {
        if (out.type.kind == TypeKind::SmallInt) {
            out.type.kind = TypeKind::SmallSerial;
        } else if (out.type.kind == TypeKind::Integer) {
            out.type.kind = TypeKind::Serial;
        } else if (out.type.kind == TypeKind::BigInt) {
            out.type.kind = TypeKind::BigSerial;
        } else {
            unsupported(what, "is " + out.type.display() + " with its own sequence " + c.owned_sequence +
                                  "; the schema language has smallserial, serial and bigserial");
            return;
        }
        if (out.nullable)
            unsupported(what, "takes its values from sequence " + c.owned_sequence +
                                  " but allows NULL; a serial column is NOT NULL (SET NOT NULL, or make it an identity column)");
        const auto seq = parse_qualified_name(c.owned_sequence);
        const std::string expected = sql::postgres::pg_object_name(tbl.name, c.name, "seq");
        if (!seq || seq->schema != tbl.schema || seq->name != expected)
            diags_.warning(pos_, "serial-sequence-name",
                           what + " is " + out.type.display() + " with sequence " + c.owned_sequence + ", not " +
                               full_name(tbl.schema, expected) + " as PostgreSQL names it; a later rename of the table "
                               "or column renames " + full_name(tbl.schema, expected) + ", which does not exist: "
                               "ALTER SEQUENCE ... RENAME TO " + display_ident(expected) + " first");
    }

    Table table_of(const catalog::Table& t) {
        const std::string what = "table " + full_name(t.schema, t.name);
        Table out;
        out.name = {t.schema, t.name};
        out.pos = out.schema_pos = out.renamed_pos = pos_;
        out.comment = t.comment;
        if (t.kind == 'p') unsupported(what, "is partitioned (PARTITION BY); the schema language has no partitioning");
        for (const auto& parent : t.inherits)
            unsupported(what, "inherits from (or is a partition of) " + parent + "; the schema language has no inheritance or partitions");
        table_settings(what, t, out);
        for (const auto& c : t.columns) out.columns.push_back(column_of(t, c));

        std::map<std::string, const catalog::Index*> index_of_constraint;
        for (const auto& i : t.indexes)
            if (!i.constraint.empty()) index_of_constraint[i.constraint] = &i;
        for (const auto& c : t.constraints) constraint(t, c, index_of_constraint, out);
        for (const auto& i : t.indexes)
            if (i.constraint.empty()) index(t, i, out);
        if (t.has_hypertable) hypertable(t, out);
        return out;
    }

    // What a key's backing index may carry that the model cannot say.
    void key_index(const std::string& what, const catalog::Index* i) {
        if (!i) return;
        storage(what, i->options, i->tablespace);
        if (i->clustered) not_represented(what, "is the index the table is CLUSTERed on");
        if (!i->include.empty()) unsupported(what, "has INCLUDE columns; the schema language has none");
        if (i->nulls_not_distinct) unsupported(what, "is NULLS NOT DISTINCT; the schema language has only the default (NULLS DISTINCT)");
        for (const auto& e : i->elements) {
            if (!e.opclass.empty()) unsupported(what, "uses operator class " + e.opclass + "; the schema language has only the default ones");
            if (!e.collation.empty()) unsupported(what, "uses collation " + e.collation + "; the schema language has only the default collation");
        }
    }

    std::vector<Ident> idents(const std::vector<std::string>& names) const {
        std::vector<Ident> v;
        for (const auto& n : names) v.push_back({n, pos_});
        return v;
    }

    void not_valid(const std::string& what) {
        diags_.warning(pos_, "not-valid", what + " is NOT VALID: rows that existed when it was added were never checked, and the model "
                                         "has no such state (a plan treats it as valid); run ALTER TABLE ... VALIDATE CONSTRAINT");
    }

    void constraint(const catalog::Table& t, const catalog::Constraint& c,
                    const std::map<std::string, const catalog::Index*>& indexes, Table& out) {
        const std::string tname = full_name(t.schema, t.name);
        const char* kind = c.type == 'p' ? "primary key" : c.type == 'u' ? "unique constraint" : c.type == 'f' ? "foreign key"
                         : c.type == 'c' ? "check" : "constraint";
        const std::string what = std::string(kind) + " " + display_ident(c.name) + " of table " + tname;
        if (c.type == 'x') {
            unsupported(what, "is an exclusion constraint (" + c.definition + "); the schema language has none");
            return;
        }
        if (c.deferrable && c.type != 'f')
            unsupported(what, std::string("is DEFERRABLE") + (c.deferred ? " INITIALLY DEFERRED" : "") +
                                  "; the schema language has only immediate constraints");
        if (!c.comment.empty())
            diags_.warning(pos_, "unsupported-object", "the comment on " + what + " is not part of the schema language: it is left out of the model");
        const auto found = indexes.find(c.name);
        const catalog::Index* backing = found == indexes.end() ? nullptr : found->second;
        if (c.type == 'p' || c.type == 'u') {
            key_index(what, backing);
            KeyConstraint k{c.name, true, idents(c.columns), pos_};
            if (c.type == 'p') out.primary_key = std::move(k);
            else out.uniques.push_back(std::move(k));
            return;
        }
        if (c.type == 'f') {
            if (c.match_type == 'p') unsupported(what, "is MATCH PARTIAL, which PostgreSQL does not implement");
            if (c.definition.find("SET NULL (") != std::string::npos || c.definition.find("SET DEFAULT (") != std::string::npos)
                unsupported(what, "sets only some columns on delete (" + c.definition + "); the schema language sets all of them");
            if (!tables_.count({c.ref_schema, c.ref_table})) {
                diags_.error(pos_, "fk-outside-inspection",
                             what + " references " + full_name(c.ref_schema, c.ref_table) +
                                 ", which is not inspected (another schema, or excluded); inspect it too");
                return;
            }
            if (!c.validated) not_valid(what);
            ForeignKey f;
            f.name = c.name;
            f.name_given = true;
            f.columns = idents(c.columns);
            f.ref_table = {c.ref_schema, c.ref_table};
            f.ref_pos = pos_;
            f.ref_columns = idents(c.ref_columns);
            f.on_delete = fk_action(c.on_delete);
            f.on_update = fk_action(c.on_update);
            f.match_full = c.match_type == 'f';
            f.deferrable = !c.deferrable ? Deferrable::No : c.deferred ? Deferrable::InitiallyDeferred : Deferrable::InitiallyImmediate;
            f.pos = pos_;
            out.foreign_keys.push_back(std::move(f));
            return;
        }
        if (c.type == 'c') {
            if (c.no_inherit) unsupported(what, "is NO INHERIT; the schema language has no inheritance");
            if (!c.validated) not_valid(what);
            std::string expr = c.check_expr;
            if (expr.empty() && c.definition.starts_with("CHECK (")) {   // never expected; the definition says the same
                const std::size_t close = closing_bracket(c.definition, 6);
                if (close != std::string::npos) expr = c.definition.substr(7, close - 7);
            }
            out.checks.push_back({c.name, expr, pos_});
        }
    }

    void index(const catalog::Table& t, const catalog::Index& i, Table& out) {
        const std::string what = "index " + full_name(t.schema, i.name) + " on table " + full_name(t.schema, t.name);
        Index x;
        x.name = i.name;
        x.name_given = true;
        x.unique = i.unique;
        x.pos = x.method_pos = pos_;
        if (const auto m = index_method(i.method)) x.method = *m;
        else unsupported(what, "uses access method " + i.method + "; the schema language has btree, hash, gist, gin and brin");
        if (!i.valid)
            diags_.warning(pos_, "invalid-index", what + " is INVALID (a CREATE INDEX CONCURRENTLY failed and left it behind): "
                                                  "PostgreSQL does not use it; drop it and create it again");
        if (!i.comment.empty())
            diags_.warning(pos_, "unsupported-object", "the comment on " + what + " is not part of the schema language: it is left out of the model");
        if (!i.tablespace.empty()) not_represented(what, "is in tablespace " + display_ident(i.tablespace));
        if (i.clustered) not_represented(what, "is the index the table is CLUSTERed on");
        x.include = idents(i.include);
        x.nulls_not_distinct = i.nulls_not_distinct;
        for (const auto& o : i.options) {
            const std::size_t eq = o.find('=');
            const std::string name = o.substr(0, eq);
            x.with.push_back({name, eq == std::string::npos ? "" : ascii_lower(o.substr(eq + 1))});
        }
        for (const auto& e : i.elements) {
            IndexElement el;
            el.pos = pos_;
            el.opclass = catalog_object_name(object_name(e.opclass));
            el.collation = catalog_object_name(object_name(e.collation));
            if (e.expr.empty()) el.column = e.column;
            else el.expr = strip_parens(e.expr);
            el.order = e.desc ? SortOrder::Desc : SortOrder::Asc;
            // Stored as a flag; the model says NULLS FIRST/LAST only against the default.
            if (!e.desc && e.nulls_first) el.nulls = NullsOrder::First;
            if (e.desc && !e.nulls_first) el.nulls = NullsOrder::Last;
            x.elements.push_back(std::move(el));
        }
        x.where = i.predicate;
        out.indexes.push_back(std::move(x));
    }

    void hypertable(const catalog::Table& t, Table& out) {
        const std::string what = "hypertable " + full_name(t.schema, t.name);
        if (t.hypertable.dimensions > 1)
            unsupported(what, "has " + std::to_string(t.hypertable.dimensions) +
                                  " dimensions (space partitioning); the schema language has the time dimension only");
        const Column* c = out.find_column(t.hypertable.time_column);
        if (!c || !is_time(c->type.kind) || c->type.is_array) {
            unsupported(what, "is partitioned by column " + display_ident(t.hypertable.time_column) +
                                  ", which is not a date, timestamp or timestamptz column; the schema language has time dimensions only");
            return;
        }
        Hypertable h;
        h.time_column = {t.hypertable.time_column, pos_};
        h.pos = pos_;
        if (!t.hypertable.chunk_interval.empty())
            h.chunk_interval = Value{Value::Kind::Scalar, t.hypertable.chunk_interval, {}, pos_};
        out.hypertable = std::move(h);
    }
};

}  // namespace

Schema schema_from_catalog(const catalog::Snapshot& snapshot, const std::string& source, Diagnostics& diags) {
    return Inspector(snapshot, source, diags).run();
}

}  // namespace schemac::sql::postgres
