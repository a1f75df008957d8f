#include "model/type.hpp"

#include <schemac/core/ascii.hpp>

#include "diag/diagnostics.hpp"

#include <algorithm>
#include <charconv>

namespace schemac {

namespace {

bool is_plain_word(const std::string& s) {
    if (s.empty() || !(is_ascii_lower(s[0]) || s[0] == '_')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return is_ascii_lower(c) || is_ascii_digit(c) || c == '_';
    });
}

// Lower-cases and collapses runs of white space into one space.
std::string normalize_words(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_ascii_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += ascii_lower(c);
    }
    return out;
}

struct Spelling {
    const char* name;
    TypeKind kind;
    int max_args;
};

const Spelling kSpellings[] = {
    {"smallint", TypeKind::SmallInt, 0}, {"int2", TypeKind::SmallInt, 0},
    {"integer", TypeKind::Integer, 0}, {"int", TypeKind::Integer, 0}, {"int4", TypeKind::Integer, 0},
    {"bigint", TypeKind::BigInt, 0}, {"int8", TypeKind::BigInt, 0},
    {"smallserial", TypeKind::SmallSerial, 0}, {"serial2", TypeKind::SmallSerial, 0},
    {"serial", TypeKind::Serial, 0}, {"serial4", TypeKind::Serial, 0},
    {"bigserial", TypeKind::BigSerial, 0}, {"serial8", TypeKind::BigSerial, 0},
    {"real", TypeKind::Real, 0}, {"float4", TypeKind::Real, 0},
    {"double precision", TypeKind::Double, 0}, {"double", TypeKind::Double, 0},
    {"float8", TypeKind::Double, 0}, {"float", TypeKind::Double, 0},
    {"numeric", TypeKind::Numeric, 2}, {"decimal", TypeKind::Numeric, 2},
    {"varchar", TypeKind::Varchar, 1}, {"character varying", TypeKind::Varchar, 1},
    {"char", TypeKind::Char, 1}, {"character", TypeKind::Char, 1},
    {"text", TypeKind::Text, 0},
    {"citext", TypeKind::Citext, 0},   // extension citext's: text compared without case
    {"boolean", TypeKind::Boolean, 0}, {"bool", TypeKind::Boolean, 0},
    {"date", TypeKind::Date, 0},
    {"time", TypeKind::Time, 1}, {"time without time zone", TypeKind::Time, 1},
    {"timetz", TypeKind::TimeTz, 1}, {"time with time zone", TypeKind::TimeTz, 1},
    {"timestamp", TypeKind::Timestamp, 1}, {"timestamp without time zone", TypeKind::Timestamp, 1},
    {"timestamptz", TypeKind::TimestampTz, 1}, {"timestamp with time zone", TypeKind::TimestampTz, 1},
    {"interval", TypeKind::Interval, 0},
    {"uuid", TypeKind::Uuid, 0}, {"json", TypeKind::Json, 0}, {"jsonb", TypeKind::Jsonb, 0},
    {"bytea", TypeKind::Bytea, 0},
    {"blob", TypeKind::Bytea, 0},   // SQLite's spelling of the same bytes
    {"bit", TypeKind::Bit, 1},
    {"varbit", TypeKind::VarBit, 1}, {"bit varying", TypeKind::VarBit, 1},
};

const char* canonical_name(TypeKind k) {
    switch (k) {
        case TypeKind::SmallInt: return "smallint";
        case TypeKind::Integer: return "integer";
        case TypeKind::BigInt: return "bigint";
        case TypeKind::SmallSerial: return "smallserial";
        case TypeKind::Serial: return "serial";
        case TypeKind::BigSerial: return "bigserial";
        case TypeKind::Real: return "real";
        case TypeKind::Double: return "double precision";
        case TypeKind::Numeric: return "numeric";
        case TypeKind::Varchar: return "varchar";
        case TypeKind::Char: return "char";
        case TypeKind::Text: return "text";
        case TypeKind::Citext: return "citext";
        case TypeKind::Boolean: return "boolean";
        case TypeKind::Date: return "date";
        case TypeKind::Time: return "time";
        case TypeKind::TimeTz: return "timetz";
        case TypeKind::Timestamp: return "timestamp";
        case TypeKind::TimestampTz: return "timestamptz";
        case TypeKind::Interval: return "interval";
        case TypeKind::Uuid: return "uuid";
        case TypeKind::Json: return "json";
        case TypeKind::Jsonb: return "jsonb";
        case TypeKind::Bytea: return "bytea";
        case TypeKind::Bit: return "bit";
        case TypeKind::VarBit: return "varbit";
        case TypeKind::Enum: return "enum";
    }
    return "?";
}

bool parse_int_arg(const std::string& s, int& out) {
    const std::string t = ascii_trim(s);
    if (t.empty()) return false;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
    return ec == std::errc() && p == t.data() + t.size();
}

bool check_args(const Spelling& sp, const std::vector<int>& args, Type& t, std::string& error) {
    const std::string name = sp.name;
    switch (sp.kind) {
        case TypeKind::Numeric:
            if (!args.empty()) {
                if (args[0] < 1 || args[0] > 1000) {
                    error = "numeric precision " + std::to_string(args[0]) + " must be between 1 and 1000";
                    return false;
                }
                t.precision = args[0];
                t.scale = 0;
            }
            if (args.size() == 2) {
                if (args[1] < 0 || args[1] > args[0]) {
                    error = "numeric scale " + std::to_string(args[1]) + " must be between 0 and the precision " +
                            std::to_string(args[0]);
                    return false;
                }
                t.scale = args[1];
            }
            return true;
        case TypeKind::Varchar:
        case TypeKind::Char:
        case TypeKind::Bit:
        case TypeKind::VarBit: {
            // Characters up to 10485760; bits up to PostgreSQL's VARBITMAXLEN.
            const bool bits = sp.kind == TypeKind::Bit || sp.kind == TypeKind::VarBit;
            const int max = bits ? 83886080 : 10485760;
            if (!args.empty()) {
                if (args[0] < 1 || args[0] > max) {
                    error = "length of " + name + " must be between 1 and " + std::to_string(max) + ", not " + std::to_string(args[0]);
                    return false;
                }
                t.length = args[0];
            } else if (sp.kind == TypeKind::Char || sp.kind == TypeKind::Bit) {
                t.length = 1;   // PostgreSQL: char and bit without a length are char(1) and bit(1)
            }
            return true;
        }
        case TypeKind::Time:
        case TypeKind::TimeTz:
        case TypeKind::Timestamp:
        case TypeKind::TimestampTz:
            if (!args.empty()) {
                if (args[0] < 0 || args[0] > 6) {
                    error = "precision of " + name + " must be between 0 and 6, not " + std::to_string(args[0]);
                    return false;
                }
                t.precision = args[0];
            }
            return true;
        default:
            return true;
    }
}

}  // namespace

std::string display_ident(const std::string& name) {
    if (is_plain_word(name)) return name;
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string QualifiedName::display() const {
    // "public" is left out: it is where an unqualified name lives anyway.
    if (schema.empty() || schema == "public") return display_ident(name);
    return display_ident(schema) + "." + display_ident(name);
}

std::optional<QualifiedName> parse_qualified_name(std::string_view text) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (true) {
        while (i < n && text[i] == ' ') ++i;
        std::string part;
        if (i < n && text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < n) {
                if (text[i] == '"') {
                    if (i + 1 < n && text[i + 1] == '"') { part += '"'; i += 2; continue; }
                    ++i;
                    closed = true;
                    break;
                }
                part += text[i++];
            }
            if (!closed || part.empty()) return std::nullopt;
        } else {
            while (i < n && text[i] != '.' && text[i] != ' ' && text[i] != '"') part += text[i++];
            if (part.empty()) return std::nullopt;
            for (char c : part) {
                const auto u = static_cast<unsigned char>(c);
                if (!(is_ascii_alnum(u) || c == '_' || c == '$' || u >= 0x80)) return std::nullopt;
            }
            if (is_ascii_digit(part[0])) return std::nullopt;
        }
        parts.push_back(part);
        while (i < n && text[i] == ' ') ++i;
        if (i == n) break;
        if (text[i] != '.') return std::nullopt;
        ++i;
    }
    if (parts.size() == 1) return QualifiedName{"", parts[0]};
    if (parts.size() == 2) return QualifiedName{parts[0], parts[1]};
    return std::nullopt;
}

std::optional<Type> parse_type(std::string_view raw, std::string& error) {
    std::string text = ascii_trim(raw);
    Type t;
    if (text.size() >= 2 && text.compare(text.size() - 2, 2, "[]") == 0) {
        t.is_array = true;
        text = ascii_trim(std::string_view(text).substr(0, text.size() - 2));
        if (text.size() >= 2 && text.compare(text.size() - 2, 2, "[]") == 0) {
            error = "only one-dimensional arrays are supported (PostgreSQL does not enforce dimensions)";
            return std::nullopt;
        }
    }
    if (text.empty()) {
        error = "empty type";
        return std::nullopt;
    }
    // Split `head(args) tail`; `timestamp(3) with time zone` puts the precision inside.
    std::string head = text, tail;
    std::vector<int> args;
    bool has_parens = false;
    if (text.find('"') == std::string::npos) {
        const auto open = text.find('(');
        if (open != std::string::npos) {
            const auto close = text.find(')', open);
            if (close == std::string::npos) {
                error = "missing ')' in type '" + std::string(ascii_trim(raw)) + "'";
                return std::nullopt;
            }
            has_parens = true;
            head = text.substr(0, open);
            tail = text.substr(close + 1);
            const std::string inner = text.substr(open + 1, close - open - 1);
            std::size_t start = 0;
            while (true) {
                const auto comma = inner.find(',', start);
                const std::string piece = inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
                int v = 0;
                if (!parse_int_arg(piece, v)) {
                    error = "type arguments must be integers in '" + std::string(ascii_trim(raw)) + "'";
                    return std::nullopt;
                }
                args.push_back(v);
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
        }
    }
    const std::string name = normalize_words(head + " " + tail);
    for (const auto& sp : kSpellings) {
        if (name != sp.name) continue;
        t.kind = sp.kind;
        if (static_cast<int>(args.size()) > sp.max_args) {
            error = sp.max_args == 0 ? "type '" + name + "' takes no arguments"
                                     : "type '" + name + "' takes at most " + std::to_string(sp.max_args) +
                                           (sp.max_args == 1 ? " argument" : " arguments");
            return std::nullopt;
        }
        if (!check_args(sp, args, t, error)) return std::nullopt;
        return t;
    }
    if (has_parens) {
        error = with_hint("unknown type '" + name + "'", name, builtin_type_names());
        return std::nullopt;
    }
    auto qn = parse_qualified_name(text);
    if (!qn) {
        error = "'" + std::string(ascii_trim(raw)) + "' is not a type name";
        return std::nullopt;
    }
    t.kind = TypeKind::Enum;
    t.enum_name = *qn;
    return t;
}

std::string Type::display() const {
    std::string s;
    if (kind == TypeKind::Enum) {
        s = enum_name.display();
    } else {
        s = canonical_name(kind);
        if (kind == TypeKind::Numeric && precision >= 0)
            s += "(" + std::to_string(precision) + "," + std::to_string(scale < 0 ? 0 : scale) + ")";
        if ((kind == TypeKind::Varchar || kind == TypeKind::Char || kind == TypeKind::Bit || kind == TypeKind::VarBit) && length >= 0)
            s += "(" + std::to_string(length) + ")";
        if ((kind == TypeKind::Time || kind == TypeKind::TimeTz || kind == TypeKind::Timestamp || kind == TypeKind::TimestampTz) &&
            precision >= 0)
            s += "(" + std::to_string(precision) + ")";
    }
    if (is_array) s += "[]";
    return s;
}

bool is_integer(TypeKind k) {
    return k == TypeKind::SmallInt || k == TypeKind::Integer || k == TypeKind::BigInt || is_serial(k);
}
bool is_serial(TypeKind k) { return k == TypeKind::SmallSerial || k == TypeKind::Serial || k == TypeKind::BigSerial; }
bool is_text(TypeKind k) { return k == TypeKind::Varchar || k == TypeKind::Char || k == TypeKind::Text || k == TypeKind::Citext; }
bool is_time(TypeKind k) { return k == TypeKind::Date || k == TypeKind::Timestamp || k == TypeKind::TimestampTz; }

const std::vector<std::string>& builtin_type_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& sp : kSpellings) v.emplace_back(sp.name);
        return v;
    }();
    return names;
}

}  // namespace schemac
