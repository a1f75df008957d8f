#include "diag/diagnostics.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

#include "diag/text.hpp"

namespace schemac {

const std::string& SourcePos::file_name() const {
    static const std::string unknown = "<unknown>";
    return file ? *file : unknown;
}

namespace {

// Values are echoed between quotes ("not 'x'", "default 'x'"): in a message
// longer than any written by hand, each long quoted span is cut (echoed()),
// then the message itself, so a 5 MB value never makes a 5 MB line.
constexpr std::size_t kMaxMessageBytes = 512;

std::string bounded(std::string message) {
    if (message.size() <= kMaxMessageBytes) return message;
    std::string out;
    std::size_t i = 0;
    while (i < message.size()) {
        const std::size_t open = message.find('\'', i);
        const std::size_t close = open == std::string::npos ? std::string::npos : message.find('\'', open + 1);
        if (close == std::string::npos) break;
        out.append(message, i, open + 1 - i);
        out += echoed(std::string_view(message).substr(open + 1, close - open - 1));
        out += '\'';
        i = close + 1;
    }
    out.append(message, std::min(i, message.size()));
    return echoed(out, kMaxMessageBytes);
}

}  // namespace

Diagnostic& Diagnostics::add(Severity severity, const SourcePos& pos, std::string code, std::string message) {
    items_.push_back({severity, pos, std::move(code), bounded(std::move(message)), {}});
    return items_.back();
}

Diagnostic& Diagnostics::error(const SourcePos& pos, std::string code, std::string message) {
    return add(Severity::Error, pos, std::move(code), std::move(message));
}

Diagnostic& Diagnostics::warning(const SourcePos& pos, std::string code, std::string message) {
    return add(Severity::Warning, pos, std::move(code), std::move(message));
}

Diagnostic& Diagnostics::note(const SourcePos& pos, std::string code, std::string message) {
    return add(Severity::Note, pos, std::move(code), std::move(message));
}

void Diagnostics::add_note(Diagnostic& d, const SourcePos& pos, std::string message) {
    d.notes.push_back({Severity::Note, pos, d.code, bounded(std::move(message)), {}});
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warning_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

namespace {

bool same_place(const SourcePos& a, const SourcePos& b) {
    return a.file_name() == b.file_name() && a.line == b.line && a.column == b.column;
}

bool same_diagnostic(const Diagnostic& a, const Diagnostic& b) {
    return a.severity == b.severity && same_place(a.pos, b.pos) && a.code == b.code && a.message == b.message &&
           std::equal(a.notes.begin(), a.notes.end(), b.notes.begin(), b.notes.end(), same_diagnostic);
}

}  // namespace

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const auto& fa = a.pos.file_name();
        const auto& fb = b.pos.file_name();
        if (fa != fb) return fa < fb;
        if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
        return a.pos.column < b.pos.column;
    });
    // The same node reached through several YAML aliases is reported once per
    // visit: keep one of each exact duplicate (they sit among their place's diagnostics).
    std::vector<Diagnostic> kept;
    kept.reserve(items_.size());
    std::size_t place_start = 0;
    for (auto& d : items_) {
        if (!kept.empty() && !same_place(kept.back().pos, d.pos)) place_start = kept.size();
        const bool repeated = std::any_of(kept.begin() + static_cast<std::ptrdiff_t>(place_start), kept.end(),
                                          [&](const Diagnostic& k) { return same_diagnostic(k, d); });
        if (!repeated) kept.push_back(std::move(d));
    }
    items_ = std::move(kept);
}

namespace {

// A terminal must not interpret a name's control characters, nor reorder text
// by its bidirectional controls, and text that is not UTF-8 cannot be shown
// (nor be JSON): each such byte is shown as \xNN.
std::string displayed(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Char ch = utf8_at(text, i);
        const bool control = ch.length == 0 || is_unprintable(ch.code_point);
        const std::size_t n = std::max<std::size_t>(1, ch.length);
        for (std::size_t k = i; k < i + n; ++k) {
            if (control) out += hex_byte(static_cast<unsigned char>(text[k]));
            else out += text[k];
        }
        i += n;
    }
    return out;
}

const char* severity_word(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

void render_one(std::ostringstream& out, const Diagnostic& d) {
    out << displayed(d.pos.file_name());
    if (d.pos.line > 0) out << ':' << d.pos.line << ':' << d.pos.column;
    out << ": " << severity_word(d.severity) << ": ";
    out << displayed(d.message) << '\n';
}

void json_one(std::ostringstream& out, const Diagnostic& d) {
    out << "{\"file\":\"" << json_escape(d.pos.file_name()) << "\",\"line\":" << d.pos.line
        << ",\"column\":" << d.pos.column << ",\"severity\":\"" << severity_word(d.severity)
        << "\",\"code\":\"" << json_escape(d.code) << "\",\"message\":\"" << json_escape(d.message)
        << '"';
    if (!d.notes.empty()) {
        out << ",\"notes\":[";
        for (std::size_t i = 0; i < d.notes.size(); ++i) {
            if (i) out << ',';
            json_one(out, d.notes[i]);
        }
        out << ']';
    }
    out << '}';
}

}  // namespace

std::string render_text(const Diagnostics& diags) {
    std::ostringstream out;
    for (const auto& d : diags.all()) {
        render_one(out, d);
        for (const auto& n : d.notes) render_one(out, n);
    }
    return out.str();
}

std::string render_json(const Diagnostics& diags) {
    std::ostringstream out;
    out << "{\"diagnostics\":[";
    bool first = true;
    for (const auto& d : diags.all()) {
        if (!first) out << ',';
        first = false;
        json_one(out, d);
    }
    out << "],\"errors\":" << diags.error_count() << ",\"warnings\":" << diags.warning_count()
        << "}\n";
    return out.str();
}

std::string json_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    auto unicode_escape = [&](char32_t c) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
    };
    for (std::size_t i = 0; i < s.size();) {
        const Utf8Char ch = utf8_at(s, i);
        if (ch.length == 0) {
            // JSON holds only Unicode: a byte that is not UTF-8 is shown as the text \xNN.
            out += "\\" + hex_byte(static_cast<unsigned char>(s[i]));
            ++i;
            continue;
        }
        const char32_t c = ch.code_point;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (is_unprintable(c)) unicode_escape(c);
                else out.append(s, i, ch.length);
        }
        i += ch.length;
    }
    return out;
}

namespace {
// Optimal string alignment distance: a swap of two neighbours ("emial") is one edit.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    auto eq = [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); };
    std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (eq(a[i - 1], b[j - 1]) ? 0 : 1)});
            if (i > 1 && j > 1 && eq(a[i - 1], b[j - 2]) && eq(a[i - 2], b[j - 1])) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2 = prev;
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    if (word.size() > 64) return "";
    // At most one edit per three characters (at least one), and never as many
    // edits as the word has characters: "zz" is not a misspelling of "a".
    std::string best;
    std::size_t best_d = std::min(std::max<std::size_t>(1, word.size() / 3), word.size() - (word.empty() ? 0 : 1)) + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

}  // namespace schemac
