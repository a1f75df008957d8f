// Parsing YAML text with yaml-cpp 0.7, guarded against its traps (each found
// by the fuzzer): LoadAll looping forever, Load returning an empty document for
// text that starts with a stray flow character, exceptions from the parser.
// Shared by the schema loader and the config reader; private to load/.
#pragma once
#include <yaml-cpp/yaml.h>

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"

namespace schemac {

// The documents of `text` (empty text: one null document). A syntax error is
// reported at its position and gives nullopt.
std::optional<std::vector<YAML::Node>> parse_yaml_documents(const std::shared_ptr<const std::string>& file,
                                                            const std::string& text, Diagnostics& diags);

// yaml-cpp marks are 0-based, and -1 when unknown.
SourcePos at_mark(const std::shared_ptr<const std::string>& file, const YAML::Mark& m);

// "a mapping", "a list", "a scalar", "null": for "must be X, not Y" messages.
const char* yaml_kind_name(const YAML::Node& n);

using Keys = std::initializer_list<const char*>;
// "a, b, c": the keys a mapping allows, for "expected one of".
std::string join_keys(Keys keys);

// What the schema loader and the config reader share while walking a document:
// positions, scalar text with the unclosed-quote check, and the alias budget.
// Public so that a part of the schema read in its own file (load/queries.cpp)
// walks with the same budget and the same messages as the rest of the document.
class YamlWalk {
protected:
    YamlWalk(std::shared_ptr<const std::string> file, const std::string& text, Diagnostics& d)
        : file_(std::move(file)), text_(text), diags_(d), budget_(text.size() + 1024) {}

public:
    using EntryFn = std::function<void(const std::string& key, const SourcePos& key_pos, const YAML::Node& value)>;
    // Walks a mapping: reports non-scalar and duplicate keys (yaml-cpp keeps
    // duplicates silently) and keys outside `allowed` (empty = any, with "did
    // you mean"), then calls fn for each remaining entry. `report` false walks
    // a mapping a second time without repeating those reports.
    void each_entry(const YAML::Node& map, const std::string& what, Keys allowed, const EntryFn& fn, bool report = true);

    // The entries of a mapping in written order, with YAML merge keys resolved
    // (`<<: *defaults`, `<<: [*a, *b]`): a merged mapping's entries take the
    // place of the `<<`, each at the position where it is written; the
    // mapping's own keys win over merged ones, and an earlier merged mapping
    // over a later one. Non-scalar keys, duplicate keys (yaml-cpp keeps them
    // silently) and keys accept_key refuses are reported (when `report`) and
    // left out.
    struct MapEntry {
        std::string key;
        SourcePos pos;
        YAML::Node value;
    };
    std::vector<MapEntry> entries(const YAML::Node& map, const std::string& what, bool report = true);
    // Reports "<what> must be a mapping/a list/a scalar, not ..." unless n has that type.
    bool expect(const YAML::Node& n, YAML::NodeType::value type, const SourcePos& at, const std::string& what);
    // A scalar's text into out, or a wrong-type report.
    bool scalar(const YAML::Node& n, const SourcePos& at, const std::string& what, std::string& out);

    SourcePos start() const { return {file_, 1, 1}; }
    // yaml-cpp marks are 0-based; a node that is missing or null has none.
    SourcePos pos(const YAML::Node& n, const SourcePos& fallback) const;
    // A mapping key's position, also for a null key.
    SourcePos key_pos(const YAML::Node& k, const SourcePos& fallback) const;
    // A scalar's text. yaml-cpp accepts a quoted scalar that is never closed
    // (`id: "serial` at the end of a file), so look for the closing quote.
    std::string text_of(const YAML::Node& n);
    // Inside {...} or [...] a comma ends a plain scalar, so `{type: numeric(10,2)}`
    // reads as `type: numeric(10` plus a key `2)`. For a scalar cut that way (an
    // unclosed '(' right before a ','), a "quote it" hint to append to the error;
    // else "".
    std::string flow_comma_hint(const YAML::Node& n) const;
    // Counts visited nodes; YAML aliases can make a small file expand without
    // bound, so the walk stops once it has seen more nodes than the text has bytes.
    bool spend();
    bool exhausted() const { return exhausted_; }

    const std::shared_ptr<const std::string>& file() const { return file_; }
    const std::string& text() const { return text_; }
    Diagnostics& diags() { return diags_; }

protected:
    std::shared_ptr<const std::string> file_;
    const std::string& text_;
    Diagnostics& diags_;

    // A reader's own rule for keys (the config refuses keys that look like a
    // URL, before they could be echoed); reports and returns false to drop one.
    virtual bool accept_key(const std::string&, const SourcePos&, const std::string&, bool) { return true; }
    virtual ~YamlWalk() = default;

private:
    void add_entries(const YAML::Node& map, const std::string& what, bool report, int merge_depth,
                     const std::set<std::string>& overridden, std::set<std::string>& taken, std::vector<MapEntry>& out);
    void merge(const YAML::Node& v, const SourcePos& kp, const std::string& what, bool report, int merge_depth,
               const std::set<std::string>& blocked, std::set<std::string>& taken, std::vector<MapEntry>& out);
    bool closed_quote(std::size_t start, char quote) const;
    std::size_t budget_;
    bool exhausted_ = false;
};

}  // namespace schemac
