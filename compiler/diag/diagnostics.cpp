#include "diag/diagnostics.hpp"
#include <schemac/core/ascii.hpp>
#include "diag/did_you_mean.hpp"

#include <algorithm>
#include <array>
#include <bit>
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
// then the message itself, so a 5 MB value never makes a 5 MB line. A quote
// opens only after a non-letter and closes only before one, so the apostrophes
// of prose ("PostgreSQL's normal form", "the server's lock table") are text.
// The whole line may be longer than kCutQuotedAbove: a server's error with its
// hint and schemac's advice is, and must stay readable.
constexpr std::size_t kCutQuotedAbove = 512;
constexpr std::size_t kMaxMessageBytes = 4096;

bool word_char(const std::string& s, std::size_t i) {
    if (i >= s.size()) return false;
    const auto c = static_cast<unsigned char>(s[i]);
    return is_ascii_alnum(c) || c >= 0x80;
}

std::size_t quote_opening(const std::string& s, std::size_t from) {
    for (std::size_t q = s.find('\'', from); q != std::string::npos; q = s.find('\'', q + 1))
        if (q == 0 || !word_char(s, q - 1)) return q;
    return std::string::npos;
}

std::size_t quote_closing(const std::string& s, std::size_t from) {
    for (std::size_t q = s.find('\'', from); q != std::string::npos; q = s.find('\'', q + 1))
        if (!word_char(s, q + 1)) return q;
    return std::string::npos;
}

std::string bounded(std::string message) {
    if (message.size() <= kCutQuotedAbove) return message;
    std::string out;
    std::size_t i = 0;
    while (i < message.size()) {
        const std::size_t open = quote_opening(message, i);
        const std::size_t close = open == std::string::npos ? std::string::npos : quote_closing(message, open + 1);
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

void render_one(std::ostringstream& out, const Diagnostic& d) {
    out << displayed(d.pos.file_name());
    if (d.pos.line > 0) out << ':' << d.pos.line << ':' << d.pos.column;
    out << ": " << severity_name(d.severity) << ": ";
    out << displayed(d.message) << '\n';
}

}  // namespace

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

std::string render_text(const Diagnostics& diags) {
    std::ostringstream out;
    for (const auto& d : diags.all()) {
        render_one(out, d);
        for (const auto& n : d.notes) render_one(out, n);
    }
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
char fold(char c) { return ascii_lower(c); }

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

// Case-folded characters in 64 bins (letters, digits and '_' each their own).
// Every edit changes the counts of one string by at most one "too many" and
// one "too few", and a swap changes nothing, so the larger of the two totals is
// a lower bound of the distance. Shared bins only lower it: it stays a bound.
std::array<std::uint8_t, 64> char_counts(const std::string& s) {
    std::array<std::uint8_t, 64> h{};
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(fold(ch));
        const std::size_t bin = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + (c - '0') : c == '_' ? 36 : 37 + c % 27;
        if (h[bin] < 255) ++h[bin];
    }
    return h;
}

// Which bins occur at all: a character bin the word has and a candidate lacks
// is at least one "too many", so the bits alone give a bound (two popcounts,
// the first filter over a whole length bucket).
std::uint64_t bins_present(const std::array<std::uint8_t, 64>& counts) {
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i]) bits |= std::uint64_t{1} << i;
    return bits;
}

std::size_t bins_bound(std::uint64_t a, std::uint64_t b) {
    return static_cast<std::size_t>(std::max(std::popcount(a & ~b), std::popcount(b & ~a)));
}

std::size_t counts_bound(const std::array<std::uint8_t, 64>& a, const std::array<std::uint8_t, 64>& b) {
    std::size_t more = 0, fewer = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        more += a[i] > b[i] ? a[i] - b[i] : 0;
        fewer += b[i] > a[i] ? b[i] - a[i] : 0;
    }
    return std::max(more, fewer);
}

// FNV-1a of the case-folded text without the character at `skip` (none when skip == size).
std::uint64_t folded_hash(const std::string& s, std::size_t skip) {
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != skip) h = (h ^ static_cast<unsigned char>(fold(s[i]))) * 1099511628211ull;
    return h;
}

// The answer so far: the first candidate (lowest index) at the smallest distance.
struct Best {
    std::size_t index = 0;
    std::size_t distance;   // the most still acceptable until something is found
    bool found = false;
    void offer(std::size_t i, std::size_t d) {
        if (d > distance || (found && d == distance && i > index)) return;
        index = i;
        distance = d;
        found = true;
    }
};
}  // namespace

NameMatcher::NameMatcher(std::vector<std::string> candidates) : candidates_(std::move(candidates)) {
    counts_.reserve(candidates_.size());
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        const std::string& c = candidates_[i];
        counts_.push_back(char_counts(c));
        auto& bucket = by_length_[c.size()];
        const std::uint64_t bins = bins_present(counts_.back());
        for (std::size_t b = 0; b < 64; ++b)
            if (bins >> b & 1) bucket.with_bin[b].push_back(bucket.indexes.size());
        bucket.indexes.push_back(i);
        bucket.bins.push_back(bins);
        for (std::size_t skip = 0; skip <= c.size(); ++skip) one_deleted_.emplace_back(folded_hash(c, skip), i);
    }
    std::sort(one_deleted_.begin(), one_deleted_.end());
}

// Two passes. Distance 0 or 1 first, through the one-deletion index: a word
// within one edit (insertion, deletion, substitution or swap) of a candidate
// becomes equal to it after deleting at most one character from each, so the
// word's own deletions find every such candidate. Only when there is none, the
// candidates of nearby lengths are scanned, skipped cheaply when their
// character counts differ too much, each distance computed only as far as the
// best so far. Both passes give the first candidate at the smallest distance.
std::string NameMatcher::closest(const std::string& word) const {
    if (word.size() > 64) return "";
    const std::size_t limit = max_edits(word);
    Best best{.distance = limit};
    const std::size_t near = std::min<std::size_t>(1, limit);
    for (std::size_t skip = 0; skip <= word.size(); ++skip) {
        const std::pair<std::uint64_t, std::size_t> key{folded_hash(word, skip), 0};
        for (auto it = std::lower_bound(one_deleted_.begin(), one_deleted_.end(), key); it != one_deleted_.end() && it->first == key.first; ++it)
            if (const std::size_t d = bounded_distance(word, candidates_[it->second], near); d <= near) best.offer(it->second, d);
    }
    if (best.found || limit <= 1) return best.found ? candidates_[best.index] : "";
    const auto counts = char_counts(word);
    const std::uint64_t bins = bins_present(counts);
    std::vector<std::size_t> word_bins, positions;
    for (std::size_t b = 0; b < 64; ++b)
        if (bins >> b & 1) word_bins.push_back(b);
    auto scan = [&](std::size_t length) {
        const auto it = by_length_.find(length);
        if (it == by_length_.end()) return;
        const LengthBucket& bucket = it->second;
        // A candidate lacking a set of the word's bins altogether has at least
        // their counts "too many": once that sum passes the distance, every
        // candidate still in reach holds one of those bins. The set is taken
        // from the bins fewest candidates of this length hold.
        std::sort(word_bins.begin(), word_bins.end(),
                  [&](std::size_t a, std::size_t b) { return bucket.with_bin[a].size() < bucket.with_bin[b].size(); });
        std::size_t lacking = 0, n = 0;
        while (n < word_bins.size() && lacking <= best.distance) lacking += counts[word_bins[n++]];
        positions.clear();
        if (lacking <= best.distance) {
            for (std::size_t k = 0; k < bucket.indexes.size(); ++k) positions.push_back(k);
        } else {
            for (std::size_t m = 0; m < n; ++m)
                positions.insert(positions.end(), bucket.with_bin[word_bins[m]].begin(), bucket.with_bin[word_bins[m]].end());
            std::sort(positions.begin(), positions.end());
            positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
        }
        for (const std::size_t k : positions) {
            if (bins_bound(bins, bucket.bins[k]) > best.distance) continue;
            const std::size_t i = bucket.indexes[k];
            if (counts_bound(counts, counts_[i]) > best.distance) continue;
            best.offer(i, bounded_distance(word, candidates_[i], best.distance));
        }
    };
    for (std::size_t off = 0; off <= best.distance; ++off) {
        scan(word.size() + off);
        if (off > 0 && off <= word.size()) scan(word.size() - off);
    }
    return best.found ? candidates_[best.index] : "";
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    return NameMatcher(candidates).closest(word);
}

}  // namespace schemac
