#include "connection.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

#include "schemac/runner.hpp"

namespace schemac {

namespace {

using Span = std::pair<std::size_t, std::size_t>;   // offset, length of a password

// key=value form: password=... (value possibly quoted with '...').
std::vector<Span> keyword_password_spans(const std::string& s) {
    std::vector<Span> spans;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t key_start = i;
        while (i < s.size() && s[i] != '=' && s[i] != ' ') ++i;
        const std::string key = s.substr(key_start, i - key_start);
        while (i < s.size() && s[i] == ' ') ++i;   // "key = value"
        if (i >= s.size() || s[i] != '=') continue;
        ++i;
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t value_start = i;
        if (i < s.size() && s[i] == '\'') {
            ++i;
            while (i < s.size() && s[i] != '\'') i += (s[i] == '\\' && i + 1 < s.size()) ? 2 : 1;
            if (i < s.size()) ++i;
        } else {
            while (i < s.size() && s[i] != ' ') ++i;
        }
        if (key == "password") spans.push_back({value_start, i - value_start});
    }
    return spans;
}

// URL form: scheme://user:password@host/db?password=...
std::vector<Span> url_password_spans(const std::string& s) {
    std::vector<Span> spans;
    const std::size_t auth = s.find("://") + 3;
    const std::size_t end = s.find_first_of("/?#", auth);
    const std::size_t at = s.rfind('@', end == std::string::npos ? s.size() : end);
    if (at != std::string::npos && at >= auth) {
        const std::size_t colon = s.find(':', auth);
        if (colon != std::string::npos && colon < at) spans.push_back({colon + 1, at - colon - 1});
    }
    for (std::size_t q = s.find_first_of("?&"); q != std::string::npos; q = s.find('&', q + 1)) {
        if (s.compare(q + 1, 9, "password=") != 0) continue;
        const std::size_t v = q + 10;
        const std::size_t e = s.find_first_of("&#", v);
        spans.push_back({v, (e == std::string::npos ? s.size() : e) - v});
    }
    return spans;
}

// Anything with "://" is treated as a URL, also a mistyped scheme ("postgresq://",
// " POSTGRESQL://"): libpq would read it as key=value and quote it back whole.
std::vector<Span> password_spans(const std::string& conninfo) {
    if (conninfo.find("://") != std::string::npos) return url_password_spans(conninfo);
    return keyword_password_spans(conninfo);
}

std::string percent_decoded(const std::string& p) {
    std::string d;
    for (std::size_t k = 0; k < p.size(); ++k) {
        if (p[k] == '%' && k + 2 < p.size() && std::isxdigit(static_cast<unsigned char>(p[k + 1])) &&
            std::isxdigit(static_cast<unsigned char>(p[k + 2]))) {
            d += static_cast<char>(std::stoi(p.substr(k + 1, 2), nullptr, 16));
            k += 2;
        } else {
            d += p[k];
        }
    }
    return d;
}

}  // namespace

std::string redact_conninfo(const std::string& conninfo) {
    std::string out = conninfo;
    auto spans = password_spans(conninfo);
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) out.replace(it->first, it->second, "***");
    return out;
}

std::string scrub_passwords(std::string message, const std::string& conninfo) {
    std::vector<std::string> secrets;
    for (const auto& [at, len] : password_spans(conninfo)) {
        std::string p = conninfo.substr(at, len);
        if (p.size() >= 2 && p.front() == '\'' && p.back() == '\'') {   // 'quoted', with \' and \\ escapes
            std::string v;
            for (std::size_t k = 1; k + 1 < p.size(); ++k) v += (p[k] == '\\' && k + 2 < p.size()) ? p[++k] : p[k];
            secrets.push_back(v);
        }
        secrets.push_back(percent_decoded(p));
        secrets.push_back(p);
    }
    // Longest first, so a password that contains another is replaced whole.
    std::sort(secrets.begin(), secrets.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
    for (const auto& p : secrets) {
        if (p.empty()) continue;
        for (std::size_t at = message.find(p); at != std::string::npos; at = message.find(p, at + 3)) message.replace(at, p.size(), "***");
    }
    return message;
}

namespace detail {

std::string one_line(const std::string& message) {
    std::istringstream in(message);
    std::string main, extra;
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
        std::size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos) continue;
        line = line.substr(b);
        if (line.starts_with("LINE ") || line.starts_with("^")) continue;
        if (line.starts_with("ERROR:") || line.starts_with("FATAL:")) {
            std::string text = line.substr(6);
            text = text.substr(std::min(text.find_first_not_of(' '), text.size()));
            main += (main.empty() ? "" : "; ") + text;
        } else if (line.starts_with("DETAIL:") || line.starts_with("HINT:")) {
            const std::size_t colon = line.find(':');
            const std::size_t text = line.find_first_not_of(' ', colon + 1);
            extra += (extra.empty() ? "" : "; ") + line.substr(0, colon + 1) + " " + line.substr(std::min(text, line.size()));
        } else if (line.starts_with("CONTEXT:") || line.starts_with("QUERY:")) {
            continue;
        } else {
            main += (main.empty() ? "" : "; ") + line;
        }
    }
    std::string out = extra.empty() ? main : main + " (" + extra + ")";
    // libpq pads its severity ("failed: FATAL:  role ..."): one space is enough.
    for (std::size_t at = out.find(":  "); at != std::string::npos; at = out.find(":  ", at)) out.erase(at + 1, 1);
    return out;
}

std::unique_ptr<pqxx::connection> connect(const std::string& conninfo) {
    // A malformed conninfo is the caller's mistake, not a server that may come
    // back: say so (exit code 2, not 4), and never quote the string itself.
    char* parse_error = nullptr;
    if (PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &parse_error)) {
        PQconninfoFree(opts);
    } else {
        std::string why = parse_error ? parse_error : "out of memory";
        PQfreemem(parse_error);
        // libpq quotes pieces of the string it could not parse ("missing = after
        // "..."), and a malformed string's password cannot be found reliably:
        // every quoted piece is hidden.
        // (A single punctuation character, as in `missing "=" after`, is kept.)
        std::string safe, piece;
        bool quoted = false;
        for (char ch : why) {
            if (ch != '"') {
                (quoted ? piece : safe) += ch;
                continue;
            }
            if (quoted) {
                const bool punct = piece.size() == 1 && std::ispunct(static_cast<unsigned char>(piece[0]));
                safe += "\"" + (punct ? piece : std::string("***")) + "\"";
                piece.clear();
            }
            quoted = !quoted;
        }
        if (quoted) safe += "\"***";
        why = safe;
        throw RunnerError(RunnerErrorKind::invalid_conninfo, "invalid connection string: " + one_line(scrub_passwords(why, conninfo)));
    }
    std::unique_ptr<pqxx::connection> c;
    try {
        c = std::make_unique<pqxx::connection>(conninfo);
    } catch (const std::exception& e) {
        // libpq's message names host, socket, user and database, never the password,
        // but it quotes pieces of a malformed conninfo: scrubbed all the same.
        throw RunnerError(RunnerErrorKind::connection, "cannot connect: " + one_line(scrub_passwords(e.what(), conninfo)));
    }
    try {
        pqxx::nontransaction tx{*c};
        tx.exec0("SET application_name = 'schemac'");
    } catch (const std::exception& e) {
        throw RunnerError(RunnerErrorKind::connection, "cannot set up the session: " + one_line(e.what()));
    }
    return c;
}

std::string describe(pqxx::connection& c) {
    std::string host = c.hostname() ? c.hostname() : "";
    std::string port = c.port() ? c.port() : "";
    std::string out = std::string(c.username() ? c.username() : "") + "@" + host;
    if (!port.empty()) out += ":" + port;
    return out + "/" + (c.dbname() ? c.dbname() : "");
}

std::string quote_ident(pqxx::connection& c, const std::string& name) { return c.quote_name(name); }

}  // namespace detail
}  // namespace schemac
