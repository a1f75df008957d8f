#include "diag/diagnostics.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

namespace schemac {

const std::string& SourcePos::file_name() const {
    static const std::string unknown = "<unknown>";
    return file ? *file : unknown;
}

Diagnostic& Diagnostics::error(const SourcePos& pos, std::string code, std::string message) {
    items_.push_back({Severity::Error, pos, std::move(code), std::move(message), {}});
    return items_.back();
}

Diagnostic& Diagnostics::warning(const SourcePos& pos, std::string code, std::string message) {
    items_.push_back({Severity::Warning, pos, std::move(code), std::move(message), {}});
    return items_.back();
}

Diagnostic& Diagnostics::note(const SourcePos& pos, std::string code, std::string message) {
    items_.push_back({Severity::Note, pos, std::move(code), std::move(message), {}});
    return items_.back();
}

void Diagnostics::add_note(Diagnostic& d, const SourcePos& pos, std::string message) {
    d.notes.push_back({Severity::Note, pos, d.code, std::move(message), {}});
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warning_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const auto& fa = a.pos.file_name();
        const auto& fb = b.pos.file_name();
        if (fa != fb) return fa < fb;
        if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
        return a.pos.column < b.pos.column;
    });
}

namespace {

const char* severity_word(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

void render_one(std::ostringstream& out, const Diagnostic& d) {
    out << d.pos.file_name();
    if (d.pos.line > 0) out << ':' << d.pos.line << ':' << d.pos.column;
    out << ": " << severity_word(d.severity) << ": ";
    // A terminal must not interpret a name's control characters: show them as \xNN.
    for (unsigned char c : d.message) {
        if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out << buf;
        } else {
            out << static_cast<char>(c);
        }
    }
    out << '\n';
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
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
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
