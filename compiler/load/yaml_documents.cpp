#include "load/yaml_documents.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

namespace schemac {

namespace {

// yaml-cpp 0.7's LoadAll loops forever on some malformed input (",\nx: 1"):
// the parser stops advancing and yields empty documents without end (found by
// the fuzzer). Walk the documents as events first and stop at the first one
// that starts where the previous one did.
class DocumentProbe : public YAML::EventHandler {
public:
    YAML::Mark last{};
    bool started = false;
    void OnDocumentStart(const YAML::Mark& m) override { last = m; started = true; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// nullopt when every document advances; else where the parser got stuck.
std::optional<YAML::Mark> stuck_document(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentProbe probe;
    std::optional<YAML::Mark> previous;
    while (parser.HandleNextDocument(probe)) {
        if (previous && probe.last.pos == previous->pos) return probe.last;
        previous = probe.last;
    }
    return std::nullopt;
}

// How deep lists and mappings are nested where yaml-cpp's parser gives up
// (its DeepRecursion guard counts recursions, not levels): counted on the
// parser's own events, so the message states the real limit of this yaml-cpp.
class NestingProbe : public DocumentProbe {
public:
    int depth = 0, deepest = 0;
    YAML::Mark deepest_at;   // the first list or mapping at the deepest level
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { enter(m); }
    void OnSequenceEnd() override { --depth; }
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { enter(m); }
    void OnMapEnd() override { --depth; }

private:
    void enter(const YAML::Mark& m) {
        if (++depth > deepest) {
            deepest = depth;
            deepest_at = m;
        }
    }
};

// Reports where nesting went beyond what the parser reads: at the list or
// mapping on the last level it could read, whose contents are one too deep.
void report_too_deep(const std::shared_ptr<const std::string>& file, const std::string& text, Diagnostics& diags) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    NestingProbe probe;
    try {
        while (parser.HandleNextDocument(probe)) {}
    } catch (const YAML::Exception&) {}
    diags.error(at_mark(file, probe.deepest_at), "yaml-too-deep",
                "YAML nested deeper than " + std::to_string(probe.deepest) +
                    " levels (lists and mappings inside each other), the most schemac can read; this one is at level " +
                    std::to_string(probe.deepest) + " and holds another");
}

bool has_document_markers(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.compare(i, 3, "---") == 0 || text.compare(i, 3, "...") == 0) return true;
        const std::size_t nl = text.find('\n', i);
        if (nl == std::string::npos) break;
        i = nl + 1;
    }
    return false;
}

// Where the first meaningful character is (0-based line, column), skipping
// blank lines, comments, directives and document markers; nullopt if none.
std::optional<std::pair<std::size_t, std::size_t>> first_content(const std::string& text) {
    std::size_t line = 0, i = 0;
    while (i < text.size()) {
        const std::size_t nl = std::min(text.find('\n', i), text.size());
        std::size_t j = i;
        while (j < nl && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
        const bool skip = j == nl || text[j] == '#' || text[j] == '%' || text.compare(j, 3, "---") == 0 ||
                          text.compare(j, 3, "...") == 0 || (line == 0 && text.compare(j, 3, "\xEF\xBB\xBF") == 0 && j + 3 == nl);
        if (!skip) return std::make_pair(line, j - i);
        i = nl + 1;
        ++line;
    }
    return std::nullopt;
}

bool is_null_word(const std::string& text, std::size_t pos) {
    for (const char* w : {"~", "null", "Null", "NULL"}) {
        const std::size_t n = std::char_traits<char>::length(w);
        if (text.compare(pos, n, w) == 0) return true;
    }
    return false;
}

}  // namespace

SourcePos at_mark(const std::shared_ptr<const std::string>& file, const YAML::Mark& m) {
    return {file, m.line < 0 ? 1u : static_cast<std::uint32_t>(m.line + 1), m.column < 0 ? 1u : static_cast<std::uint32_t>(m.column + 1)};
}

const char* yaml_kind_name(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map: return "a mapping";
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Scalar: return "a scalar";
        case YAML::NodeType::Null: return "null";
        default: return "nothing";
    }
}

std::optional<std::vector<YAML::Node>> parse_yaml_documents(const std::shared_ptr<const std::string>& file,
                                                            const std::string& text, Diagnostics& diags) {
    try {
        if (!has_document_markers(text)) {
            std::vector<YAML::Node> docs{YAML::Load(text)};
            // yaml-cpp gives back an empty document, silently, for some input
            // that starts with a stray flow character (",\na: 1"): nothing may be lost.
            if (docs.back().IsNull()) {
                if (auto at = first_content(text)) {
                    std::size_t offset = 0;
                    for (std::size_t l = 0; l < at->first; ++l) offset = text.find('\n', offset) + 1;
                    if (!is_null_word(text, offset + at->second)) {
                        diags.error({file, static_cast<std::uint32_t>(at->first + 1), static_cast<std::uint32_t>(at->second + 1)},
                                    "yaml-syntax", std::string("invalid YAML: unexpected '") + text[offset + at->second] + "'");
                        return std::nullopt;
                    }
                }
            }
            return docs;
        }
        if (auto stuck = stuck_document(text)) {
            diags.error(at_mark(file, *stuck), "yaml-syntax", "invalid YAML: the parser cannot get past this point");
            return std::nullopt;
        }
        return YAML::LoadAll(text);
    } catch (const YAML::DeepRecursion&) {
        report_too_deep(file, text, diags);
    } catch (const YAML::ParserException& e) {
        std::string msg = "invalid YAML: " + e.msg;
        // yaml-cpp rejects `{type: text?, ...}`: the nullable mark inside flow style.
        if (e.mark.pos >= 0 && static_cast<std::size_t>(e.mark.pos) < text.size() && text[static_cast<std::size_t>(e.mark.pos)] == '?')
            msg += "; inside {...} or [...], quote a nullable type: {type: 'text?'} (or use block style)";
        diags.error(at_mark(file, e.mark), "yaml-syntax", msg);
    } catch (const std::exception& e) {
        diags.error({file, 1, 1}, "yaml-syntax", std::string("invalid YAML: ") + e.what());
    }
    return std::nullopt;
}

SourcePos YamlWalk::pos(const YAML::Node& n, const SourcePos& fallback) const {
    const auto m = n.Mark();
    if (n.IsNull() || m.line < 0 || m.column < 0) return fallback;
    return {file_, static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)};
}

SourcePos YamlWalk::key_pos(const YAML::Node& k, const SourcePos& fallback) const {
    // A key is always written, so its mark is known even when it is null (`null:`, `~:`).
    const auto m = k.Mark();
    if (m.line < 0 || m.column < 0) return fallback;
    return {file_, static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)};
}

std::string YamlWalk::text_of(const YAML::Node& n) {
    const auto m = n.Mark();
    if (n.Tag() == "!" && m.pos >= 0 && static_cast<std::size_t>(m.pos) < text_.size()) {
        const char quote = text_[static_cast<std::size_t>(m.pos)];
        if ((quote == '"' || quote == '\'') && !closed_quote(static_cast<std::size_t>(m.pos), quote))
            diags_.error(pos(n, start()), "yaml-syntax", std::string("invalid YAML: this quoted string has no closing ") + quote);
    }
    return n.Scalar();
}

std::string YamlWalk::flow_comma_hint(const YAML::Node& n) const {
    const auto m = n.Mark();
    if (!n.IsScalar() || n.Tag() != "?" || m.pos < 0) return "";
    const std::string& scalar = n.Scalar();
    const auto start = static_cast<std::size_t>(m.pos);
    const std::size_t open = scalar.rfind('(');
    if (open == std::string::npos || scalar.find(')', open) != std::string::npos) return "";
    if (text_.compare(start, scalar.size(), scalar) != 0 || start + scalar.size() >= text_.size() ||
        text_[start + scalar.size()] != ',')
        return "";
    // The value as meant: up to the ')' that closes it, on the same line.
    const std::size_t close = text_.find_first_of(")\n{}[]", start + scalar.size());
    const std::string meant = close != std::string::npos && text_[close] == ')' ? text_.substr(start, close + 1 - start) : scalar + ",...)";
    return "; inside {...} or [...], a comma ends a plain value: quote it, '" + meant + "' (or use block style)";
}

bool YamlWalk::closed_quote(std::size_t start, char quote) const {
    for (std::size_t i = start + 1; i < text_.size(); ++i) {
        if (quote == '"' && text_[i] == '\\') { ++i; continue; }
        if (text_[i] != quote) continue;
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') { ++i; continue; }
        return true;
    }
    return false;
}

std::string join_keys(Keys keys) {
    std::string s;
    for (const char* k : keys) {
        if (!s.empty()) s += ", ";
        s += k;
    }
    return s;
}

namespace {

// `<<` written plainly (a quoted '<<' is an ordinary key).
bool is_merge_key(const YAML::Node& k) { return k.IsScalar() && k.Tag() == "?" && k.Scalar() == "<<"; }

// Merges inside merged mappings inside ...: far beyond any template, and a
// bound on the recursion whatever the aliases do.
constexpr int kMaxMergeDepth = 32;

}  // namespace

std::vector<YamlWalk::MapEntry> YamlWalk::entries(const YAML::Node& map, const std::string& what, bool report) {
    std::vector<MapEntry> out;
    std::set<std::string> taken;
    add_entries(map, what, report, 0, {}, taken, out);
    return out;
}

void YamlWalk::add_entries(const YAML::Node& map, const std::string& what, bool report, int merge_depth,
                           const std::set<std::string>& overridden, std::set<std::string>& taken, std::vector<MapEntry>& out) {
    // Copy the entries: yaml-cpp's it->first lives in a temporary proxy, so a
    // reference to it dangles (found by the fuzzer under ASan).
    std::vector<std::pair<YAML::Node, YAML::Node>> items;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!spend()) return;
        const auto entry = *it;
        items.emplace_back(entry.first, entry.second);
    }
    // The mapping's own keys win over merged ones, wherever `<<` is written.
    std::set<std::string> blocked;
    if (std::any_of(items.begin(), items.end(), [](const auto& item) { return is_merge_key(item.first); })) {
        blocked = overridden;
        for (const auto& [k, v] : items)
            if (k.IsScalar() && !is_merge_key(k)) blocked.insert(k.Scalar());
    }
    std::set<std::string> seen;
    for (const auto& [k, v] : items) {
        const SourcePos kp = key_pos(k, pos(map, start()));
        if (is_merge_key(k)) {
            merge(v, kp, what, report, merge_depth, blocked, taken, out);
            continue;
        }
        if (!k.IsScalar()) {
            if (report) diags_.error(kp, "wrong-type", "keys of " + what + " must be plain strings");
            continue;
        }
        const std::string key = text_of(k);
        if (!accept_key(key, kp, what, report)) continue;
        if (!seen.insert(key).second) {
            if (report) diags_.error(kp, "duplicate-key", "duplicate key '" + key + "' in " + what);
            continue;
        }
        // Merged: a key of the mapping that merges this one, or of an earlier merged mapping.
        if (overridden.count(key) || !taken.insert(key).second) continue;
        out.push_back({key, kp, v});
    }
}

void YamlWalk::merge(const YAML::Node& v, const SourcePos& kp, const std::string& what, bool report, int merge_depth,
                     const std::set<std::string>& blocked, std::set<std::string>& taken, std::vector<MapEntry>& out) {
    if (merge_depth >= kMaxMergeDepth) {
        if (report) diags_.error(kp, "merge-too-deep", "merge keys '<<' nested deeper than " + std::to_string(kMaxMergeDepth) + " levels in " + what);
        return;
    }
    // YAML's merge key: `<<: *a` or `<<: [*a, *b]`, the earlier mapping winning.
    std::vector<YAML::Node> sources;
    if (v.IsMap()) sources.push_back(v);
    else if (v.IsSequence()) {
        for (const auto& item : v) {
            if (!spend()) return;
            sources.push_back(item);
        }
    }
    if (sources.empty() || std::any_of(sources.begin(), sources.end(), [](const YAML::Node& n) { return !n.IsMap(); })) {
        if (report) diags_.error(pos(v, kp), "wrong-type", "the merge key '<<' in " + what + " takes a mapping or a list of mappings (such as *defaults or [*a, *b]), not " + yaml_kind_name(v));
        return;
    }
    for (const auto& source : sources) add_entries(source, what, report, merge_depth + 1, blocked, taken, out);
}

void YamlWalk::each_entry(const YAML::Node& map, const std::string& what, Keys allowed, const EntryFn& fn, bool report) {
    for (const MapEntry& e : entries(map, what, report)) {
        if (allowed.size() > 0 && std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return e.key == a; })) {
            if (report) {
                std::string msg = "unknown key '" + e.key + "' in " + what;
                const std::string hint = closest_match(e.key, std::vector<std::string>(allowed.begin(), allowed.end()));
                msg += hint.empty() ? "; expected one of: " + join_keys(allowed) : did_you_mean(hint);
                diags_.error(e.pos, "unknown-key", msg);
            }
            continue;
        }
        fn(e.key, e.pos, e.value);
        if (exhausted()) return;
    }
}

bool YamlWalk::expect(const YAML::Node& n, YAML::NodeType::value type, const SourcePos& at, const std::string& what) {
    if (n.Type() == type) return true;
    const char* want = type == YAML::NodeType::Map ? "a mapping" : type == YAML::NodeType::Sequence ? "a list" : "a scalar";
    diags_.error(pos(n, at), "wrong-type", what + " must be " + want + ", not " + yaml_kind_name(n));
    return false;
}

bool YamlWalk::scalar(const YAML::Node& n, const SourcePos& at, const std::string& what, std::string& out) {
    if (!expect(n, YAML::NodeType::Scalar, at, what)) return false;
    out = text_of(n);
    return true;
}

bool YamlWalk::spend() {
    if (exhausted_) return false;
    if (budget_ == 0) {
        exhausted_ = true;
        diags_.error(start(), "alias-expansion", "the document expands through YAML aliases far beyond its own size; stopped reading it");
        return false;
    }
    --budget_;
    return true;
}

}  // namespace schemac
