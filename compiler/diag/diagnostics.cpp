#include "diag/diagnostics.hpp"
#include "diag/did_you_mean.hpp"

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
char fold(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Optimal string alignment distance (a swap of two neighbours, "emial", is one
// edit), case-insensitive, computed only as far as `limit`: returns limit + 1 as
// soon as the distance is known to exceed it. Rows live on the stack when the
// candidate is short (names are at most 63 bytes), so a query allocates nothing.
std::size_t bounded_distance(const std::string& a, const std::string& b, std::size_t limit) {
    const std::size_t la = a.size(), lb = b.size();
    if ((la > lb ? la - lb : lb - la) > limit) return limit + 1;
    constexpr std::size_t kStack = 128;
    std::size_t stack_rows[3][kStack];
    std::vector<std::size_t> heap_rows;
    std::size_t* rows[3];
    if (lb < kStack) {
        for (int r = 0; r < 3; ++r) rows[r] = stack_rows[r];
    } else {
        heap_rows.resize(3 * (lb + 1));
        for (int r = 0; r < 3; ++r) rows[r] = heap_rows.data() + r * (lb + 1);
    }
    std::size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (std::size_t j = 0; j <= lb; ++j) prev[j] = j;
    std::size_t prev_min = 0;
    for (std::size_t i = 1; i <= la; ++i) {
        cur[0] = i;
        std::size_t row_min = i;
        const char ai = fold(a[i - 1]);
        for (std::size_t j = 1; j <= lb; ++j) {
            const char bj = fold(b[j - 1]);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai == bj ? 0 : 1)});
            if (i > 1 && j > 1 && ai == fold(b[j - 2]) && fold(a[i - 2]) == bj) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        // A cell depends on the previous row (+0 at most) and the one before (+1),
        // so two rows beyond the limit mean every later row is beyond it too.
        if (row_min > limit && prev_min > limit) return limit + 1;
        prev_min = row_min;
        std::size_t* t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return std::min(prev[lb], limit + 1);
}

// At most one edit per three characters (at least one), and never as many edits
// as the word has characters: "zz" is not a misspelling of "a".
std::size_t max_edits(const std::string& word) {
    return std::min(std::max<std::size_t>(1, word.size() / 3), word.size() - (word.empty() ? 0 : 1));
}
}  // namespace

NameMatcher::NameMatcher(std::vector<std::string> candidates) : candidates_(std::move(candidates)) {
    for (std::size_t i = 0; i < candidates_.size(); ++i) by_length_[candidates_[i].size()].push_back(i);
}

// The first candidate (in list order) at the smallest distance within max_edits.
// Only lengths within the current best distance of the word can be closer, so
// buckets are visited nearest length first and the search narrows as it goes.
std::string NameMatcher::closest(const std::string& word) const {
    if (word.size() > 64) return "";
    const std::size_t none = candidates_.size();
    std::size_t best = none, best_d = max_edits(word);
    auto consider = [&](const std::vector<std::size_t>& bucket) {
        for (const std::size_t idx : bucket) {
            if (best != none && idx > best && best_d == 0) break;
            const std::size_t d = bounded_distance(word, candidates_[idx], best_d);
            if (d > best_d) continue;
            if (best == none || d < best_d || idx < best) {
                best = idx;
                best_d = d;
            }
        }
    };
    for (std::size_t off = 0; off <= best_d; ++off) {
        if (auto it = by_length_.find(word.size() + off); it != by_length_.end()) consider(it->second);
        if (off > 0 && off <= word.size())
            if (auto it = by_length_.find(word.size() - off); it != by_length_.end()) consider(it->second);
    }
    return best == none ? "" : candidates_[best];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    return NameMatcher(candidates).closest(word);
}

}  // namespace schemac
