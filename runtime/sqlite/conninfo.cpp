#include "schemac/sqlite/conninfo.hpp"

#include <schemac/core/ascii.hpp>

#include <array>
#include <string>
#include <string_view>

namespace schemac::sqlite {

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (ascii_lower(s[i]) != prefix[i]) return false;
    return true;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && starts_with_ci(s.substr(s.size() - suffix.size()), suffix);
}

int hex_value(char c) {
    if (is_ascii_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// %XX decoded; false on a '%' without two hex digits after it.
bool percent_decode(std::string_view in, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out += in[i];
            continue;
        }
        if (i + 2 >= in.size()) return false;
        const int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

// A path for the path part of a file: URI: what SQLite's URI reader would
// otherwise take as a query, fragment or escape is %-encoded.
std::string percent_encode_path(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '%' || c == '?' || c == '#' || u < 0x20 || u == 0x7f) {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

constexpr std::array<std::string_view, 7> kUriKeys = {"vfs", "mode", "cache", "psow", "nolock", "immutable", "modeof"};

// Reads a URI query (without its '?'): unknown keys are an error, mode= sets
// read_only or memory. Returns the error, or "".
std::string read_query(std::string_view query, SqlitePath& p) {
    std::size_t at = 0;
    while (at <= query.size()) {
        std::size_t end = query.find('&', at);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view item = query.substr(at, end - at);
        at = end + 1;
        if (item.empty()) continue;
        const std::size_t eq = item.find('=');
        std::string key, value;
        if (!percent_decode(item.substr(0, eq), key) ||
            !percent_decode(eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1), value))
            return "a '%' in the query is not followed by two hex digits";
        bool known = false;
        for (auto k : kUriKeys) known = known || key == k;
        if (!known)
            return "unknown query parameter \"" + key +
                   "\" (SQLite's are vfs, mode, cache, psow, nolock, immutable and modeof; it would ignore any other)";
        if (key == "mode") {
            if (value == "ro") p.read_only = true;
            else if (value == "memory") p.memory = true;
            else if (value != "rw" && value != "rwc") return "mode=" + value + ": SQLite's modes are ro, rw, rwc and memory";
        }
    }
    return "";
}

SqlitePath malformed(std::string why) {
    SqlitePath p;
    p.error = std::move(why);
    return p;
}

// sqlite:..., sqlite3:... (`rest`: what follows the scheme's colon).
SqlitePath parse_url(std::string_view rest) {
    if (rest.starts_with("//")) rest.remove_prefix(2);   // no host: what follows is the path
    if (rest.find('#') != std::string_view::npos) return malformed("a '#' in a SQLite URL must be written %23");
    const std::size_t q = rest.find('?');
    const std::string_view raw_path = rest.substr(0, q);
    SqlitePath p;
    if (!percent_decode(raw_path, p.path)) return malformed("a '%' in the path is not followed by two hex digits (write a '%' as %25)");
    if (p.path.empty()) return malformed("the URL names no file (sqlite:///abs/path.db, sqlite:rel.db)");
    if (p.path.find('\0') != std::string::npos) return malformed("the path holds a zero byte");
    if (q != std::string_view::npos) {
        if (std::string why = read_query(rest.substr(q + 1), p); !why.empty()) return malformed(why);
        // Through a file: URI, which carries the query: an absolute path as
        // file:///abs (an empty authority), a relative one as file:rel.
        p.uri = true;
        p.filename = std::string(p.path.starts_with("/") ? "file://" : "file:") + percent_encode_path(p.path) + "?" +
                     std::string(rest.substr(q + 1));
    } else {
        // A plain file name; one that starts with "file:" would be read as a
        // URI where SQLite reads every name as one (SQLITE_USE_URI).
        p.filename = p.path.starts_with("file:") ? "./" + p.path : p.path;
    }
    if (p.path == ":memory:") p.memory = true;
    if (p.memory) p.path = ":memory:";
    return p;
}

// file:... as SQLite reads it (https://sqlite.org/uri.html).
SqlitePath parse_file_uri(std::string_view uri) {
    std::string_view rest = uri.substr(5);
    const std::size_t end = rest.find_first_of("?#");
    std::string_view raw_path = rest.substr(0, end);
    if (raw_path.starts_with("//")) {
        raw_path.remove_prefix(2);
        const std::size_t slash = raw_path.find('/');
        const std::string_view authority = raw_path.substr(0, slash);
        if (!authority.empty() && authority != "localhost")
            return malformed("the URI's authority is \"" + std::string(authority) + "\"; SQLite accepts only an empty one or localhost");
        raw_path = slash == std::string_view::npos ? std::string_view{} : raw_path.substr(slash);
    }
    SqlitePath p;
    p.uri = true;
    p.filename = std::string(uri);
    if (!percent_decode(raw_path, p.path)) return malformed("a '%' in the path is not followed by two hex digits (write a '%' as %25)");
    if (end != std::string_view::npos && rest[end] == '?') {
        std::string_view query = rest.substr(end + 1);
        query = query.substr(0, query.find('#'));
        if (std::string why = read_query(query, p); !why.empty()) return malformed(why);
    }
    if (p.path == ":memory:") p.memory = true;
    if (p.path.empty() && !p.memory) return malformed("the URI names no file (file:app.db, file:///abs/app.db)");
    if (p.memory) p.path = ":memory:";
    return p;
}

}  // namespace

std::optional<SqlitePath> parse_sqlite_conninfo(std::string_view conninfo) {
    if (starts_with_ci(conninfo, "sqlite3:")) return parse_url(conninfo.substr(8));
    if (starts_with_ci(conninfo, "sqlite:")) return parse_url(conninfo.substr(7));
    if (conninfo.starts_with("file:")) return parse_file_uri(conninfo);
    // A bare path: a libpq key=value string always holds a '=', a URL "://".
    if (conninfo.find('=') != std::string_view::npos || conninfo.find("://") != std::string_view::npos) return std::nullopt;
    if (!ends_with_ci(conninfo, ".db") && !ends_with_ci(conninfo, ".sqlite") && !ends_with_ci(conninfo, ".sqlite3")) return std::nullopt;
    if (conninfo.find('\0') != std::string_view::npos) return malformed("the path holds a zero byte");
    SqlitePath p;
    p.path = std::string(conninfo);
    p.filename = p.path;
    return p;
}

bool is_sqlite_conninfo(std::string_view conninfo) { return parse_sqlite_conninfo(conninfo).has_value(); }

}  // namespace schemac::sqlite
