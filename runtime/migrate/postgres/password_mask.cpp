// Hiding a connection string's password in messages.
//
// A password is found two ways, and both are hidden: as libpq reads it
// (PQconninfoParse: keyword and URL forms, percent-decoded), and as the user
// meant it, read from the text. The two differ exactly when the password
// leaks: in `postgresql://app:hunter2/x@h/db` libpq stops the user part at
// the first '/', reads "hunter2" as a port and quotes it back in its error.
// So the password as written (up to the last '@' of a URL, or to the next
// `keyword=` of a key=value string) is split at every character that libpq
// may cut a value at, and each piece is a secret of its own.
#include <libpq-fe.h>

#include <schemac/core/ascii.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "schemac/migrate/runner.hpp"

namespace schemac {

namespace {

using Span = std::pair<std::size_t, std::size_t>;   // offset, length of a password as written

// Pieces shorter than this are hidden only inside libpq's quoted values
// ("..."): everywhere, they would blank out ordinary words.
constexpr std::size_t kMinPiece = 3;

// Where libpq may cut a value: URL syntax, key=value syntax, quoting and
// percent-encoding, multi-host lists.
bool cuts(char c) {
    return std::string_view("/@:?#[]%&=+;, '\"\\\t\n\r\f\v").find(c) != std::string_view::npos;
}

bool is_keyword_char(char c) { return is_ascii_lower(c) || c == '_'; }

bool is_libpq_keyword(const std::string& word) {
    static const std::set<std::string> keywords = [] {
        std::set<std::string> k;
        PQconninfoOption* defaults = PQconndefaults();
        for (PQconninfoOption* o = defaults; o && o->keyword; ++o) k.insert(o->keyword);
        PQconninfoFree(defaults);
        return k;
    }();
    return keywords.count(word) > 0;
}

// After a blank: does the next option of a key=value string start at i
// (`word=`, or one of libpq's keywords missing its '=')?
bool keyword_at(const std::string& s, std::size_t i) {
    std::size_t k = i;
    while (k < s.size() && is_keyword_char(s[k])) ++k;
    if (k > i && (k == s.size() || is_ascii_space(s[k])) && is_libpq_keyword(s.substr(i, k - i))) return true;
    while (k < s.size() && s[k] == ' ') ++k;
    return k > i && k < s.size() && s[k] == '=';
}

// key=value form. An unquoted value runs to the next `keyword=`, not to the
// next blank: `password=a b host=x` meant the password "a b".
std::vector<Span> keyword_password_spans(const std::string& s) {
    std::vector<Span> spans;
    for (std::size_t at = s.find("password"); at != std::string::npos; at = s.find("password", at + 1)) {
        if (at > 0 && !is_ascii_space(s[at - 1])) continue;
        std::size_t i = at + 8;
        while (i < s.size() && s[i] == ' ') ++i;
        if (i >= s.size() || s[i] != '=') continue;
        ++i;
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t value = i;
        if (i < s.size() && s[i] == '\'') {
            ++i;
            while (i < s.size() && s[i] != '\'') i += (s[i] == '\\' && i + 1 < s.size()) ? 2 : 1;
            if (i < s.size()) ++i;
        } else {
            while (i < s.size() && !(is_ascii_space(s[i]) && keyword_at(s, i + 1))) ++i;
        }
        spans.push_back({value, i - value});
    }
    return spans;
}

// URL form: scheme://user:password@host/db?password=... The user part runs to
// the LAST '@': a password may hold '@', '/', '?' that the user forgot to
// percent-encode. `whole_userinfo` hides the user name too (an unparsable URL).
std::vector<Span> url_password_spans(const std::string& s, bool whole_userinfo) {
    std::vector<Span> spans;
    const std::size_t auth = s.find("://") + 3;
    const std::size_t at = s.rfind('@');
    if (at != std::string::npos && at >= auth) {
        const std::size_t colon = s.find(':', auth);
        if (whole_userinfo) spans.push_back({auth, at - auth});
        else if (colon < at) spans.push_back({colon + 1, at - colon - 1});
    }
    for (std::size_t q = s.find_first_of("?&", auth); q != std::string::npos; q = s.find_first_of("?&", q + 1)) {
        if (s.compare(q + 1, 9, "password=") != 0) continue;
        const std::size_t v = q + 10;
        const std::size_t e = s.find('&', v);
        spans.push_back({v, (e == std::string::npos ? s.size() : e) - v});
    }
    return spans;
}

// In a string libpq cannot parse, any word with an '@' may be a URL with its
// scheme mistyped (`postgresql//u:pw@h`, `u:pw@h`): what comes before its last
// '@' (after a "//") is hidden, as the user part of a URL would be.
std::vector<Span> userinfo_like_spans(const std::string& s) {
    std::vector<Span> spans;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_ascii_space(s[i])) ++i;
        std::size_t end = i;
        while (end < s.size() && !is_ascii_space(s[end])) ++end;
        const std::string word = s.substr(i, end - i);
        const std::size_t at = word.rfind('@');
        if (at != std::string::npos) {
            const std::size_t slashes = word.rfind("//", at);
            const std::size_t from = slashes == std::string::npos ? 0 : slashes + 2;
            spans.push_back({i + from, at - from});
        }
        i = end;
    }
    return spans;
}

// Anything with "://" is also read as a URL, a mistyped scheme included
// (libpq would read it as key=value and quote it back whole); and every
// string is also read as key=value. Reading too much as a password is safe.
std::vector<Span> password_spans(const std::string& conninfo, bool parsable) {
    std::vector<Span> spans = keyword_password_spans(conninfo);
    if (conninfo.find("://") != std::string::npos) {
        auto url = url_password_spans(conninfo, !parsable);
        spans.insert(spans.end(), url.begin(), url.end());
    }
    if (!parsable) {
        auto words = userinfo_like_spans(conninfo);
        spans.insert(spans.end(), words.begin(), words.end());
    }
    return spans;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decoded(const std::string& p) {
    std::string d;
    for (std::size_t k = 0; k < p.size(); ++k) {
        if (p[k] == '%' && k + 2 < p.size() && hex_value(p[k + 1]) >= 0 && hex_value(p[k + 2]) >= 0) {
            d += static_cast<char>(hex_value(p[k + 1]) * 16 + hex_value(p[k + 2]));
            k += 2;
        } else {
            d += p[k];
        }
    }
    return d;
}

std::string percent_encoded(const std::string& p, const char* digits) {
    std::string e;
    for (char c : p) {
        const auto u = static_cast<unsigned char>(c);
        if (is_ascii_alnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
            e += c;
        } else {
            e += '%';
            e += digits[u >> 4];
            e += digits[u & 15];
        }
    }
    return e;
}

// 'a b\'c' -> a b'c (key=value quoting); anything else as it is.
std::string unquoted(const std::string& p) {
    if (p.size() < 2 || p.front() != '\'' || p.back() != '\'') return p;
    std::string v;
    for (std::size_t k = 1; k + 1 < p.size(); ++k) v += (p[k] == '\\' && k + 2 < p.size()) ? p[++k] : p[k];
    return v;
}

// a b'c -> a b\'c (as written inside key=value quotes)
std::string keyword_escaped(const std::string& p) {
    std::string e;
    for (char c : p) {
        if (c == '\'' || c == '\\') e += '\\';
        e += c;
    }
    return e;
}

std::vector<std::string> pieces_of(const std::string& text) {
    std::vector<std::string> out;
    std::string piece;
    for (char c : text) {
        if (!cuts(c)) {
            piece += c;
        } else if (!piece.empty()) {
            out.push_back(piece);
            piece.clear();
        }
    }
    if (!piece.empty()) out.push_back(piece);
    return out;
}

// The password libpq reads, or nothing; `parsable` says whether libpq can read the string at all.
std::string libpq_password(const std::string& conninfo, bool& parsable) {
    char* error = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &error);
    PQfreemem(error);
    parsable = opts != nullptr;
    std::string password;
    for (PQconninfoOption* o = opts; o && o->keyword; ++o)
        if (std::string_view(o->keyword) == "password" && o->val) password = o->val;
    PQconninfoFree(opts);
    return password;
}

// A character that cannot carry a secret: what the mask itself is made of.
bool is_mask_char(char c) { return c == '*' || c == '"'; }

struct Secrets {
    std::vector<std::string> whole;   // hidden wherever they occur, longest first
    std::set<std::string> pieces;     // every piece, for libpq's quoted values

    explicit Secrets(const std::string& conninfo) {
        bool parsable = false;
        std::vector<std::string> found;
        if (std::string p = libpq_password(conninfo, parsable); !p.empty()) {
            found.insert(found.end(), {p, percent_encoded(p, "0123456789ABCDEF"), percent_encoded(p, "0123456789abcdef"),
                                       keyword_escaped(p)});
        }
        for (const auto& [at, len] : password_spans(conninfo, parsable)) {
            const std::string raw = conninfo.substr(at, len);
            found.insert(found.end(), {raw, unquoted(raw), percent_decoded(raw)});
        }
        std::set<std::string> all;
        for (const auto& f : found) {
            all.insert(f);
            for (auto& piece : pieces_of(f)) {
                if (piece.size() >= kMinPiece) all.insert(piece);
                pieces.insert(std::move(piece));
            }
        }
        for (const auto& s : all)
            if (!s.empty() && !std::all_of(s.begin(), s.end(), is_mask_char)) whole.push_back(s);
        std::stable_sort(whole.begin(), whole.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
    }

    // Until none is left: a replacement can bring a secret's characters
    // together again ("aa*" less "a" is "a***", which holds "a*"). Each round
    // removes characters that are not '*', so it ends.
    void hide_whole(std::string& message) const {
        for (bool again = true; again;) {
            again = false;
            for (const auto& p : whole) {
                for (std::size_t at = message.find(p); at != std::string::npos; at = message.find(p, at)) {
                    message.replace(at, p.size(), "***");
                    again = true;
                }
            }
        }
    }

    bool touches(const std::string& quoted) const {
        for (const auto& piece : pieces_of(quoted))
            if (pieces.count(piece)) return true;
        return false;
    }

    // libpq quotes the values it parsed ("invalid integer value "hunter2"",
    // "could not translate host name "ssw0rd@host""): a quoted value made
    // with any piece of the password is hidden whole.
    void hide_quoted(std::string& message) const {
        std::string out;
        std::size_t i = 0;
        while (i < message.size()) {
            const std::size_t open = message.find('"', i);
            const std::size_t close = open == std::string::npos ? open : message.find('"', open + 1);
            if (close == std::string::npos) break;
            const std::string inside = message.substr(open + 1, close - open - 1);
            out += message.substr(i, open + 1 - i) + (touches(inside) ? "***" : inside) + '"';
            i = close + 1;
        }
        message = out + message.substr(std::min(i, message.size()));
    }
};

}  // namespace

std::string redact_conninfo(const std::string& conninfo) {
    bool parsable = false;
    libpq_password(conninfo, parsable);
    auto spans = password_spans(conninfo, parsable);
    std::sort(spans.begin(), spans.end());
    std::vector<Span> merged;   // the two readings may overlap
    for (const auto& s : spans) {
        if (!merged.empty() && s.first <= merged.back().first + merged.back().second)
            merged.back().second = std::max(merged.back().second, s.first + s.second - merged.back().first);
        else
            merged.push_back(s);
    }
    std::string out = conninfo;
    for (auto it = merged.rbegin(); it != merged.rend(); ++it) out.replace(it->first, it->second, "***");
    return out;
}

std::string scrub_passwords(std::string message, const std::string& conninfo) {
    const Secrets secrets(conninfo);
    secrets.hide_whole(message);
    secrets.hide_quoted(message);
    secrets.hide_whole(message);   // a '"' in the password may have shifted the quotes
    return message;
}

}  // namespace schemac
