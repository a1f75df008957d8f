// Source positions and diagnostics: collected, never thrown one at a time, so a
// user sees every problem of a schema in one run.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace schemac {

// A place in a source file. `file` is shared by every position of that file.
struct SourcePos {
    std::shared_ptr<const std::string> file;
    std::uint32_t line = 0;    // 1-based; 0 = unknown
    std::uint32_t column = 0;  // 1-based
    const std::string& file_name() const;
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePos pos;
    std::string code;     // stable identifier, e.g. "unknown-key"
    std::string message;
    std::vector<Diagnostic> notes;  // related places ("first defined here")
};

class Diagnostics {
public:
    Diagnostic& error(const SourcePos& pos, std::string code, std::string message);
    Diagnostic& warning(const SourcePos& pos, std::string code, std::string message);
    Diagnostic& note(const SourcePos& pos, std::string code, std::string message);   // information only
    static void add_note(Diagnostic& d, const SourcePos& pos, std::string message);

    const std::vector<Diagnostic>& all() const { return items_; }
    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool has_errors() const { return error_count() > 0; }
    // Orders by file, line, column (stable), so output does not depend on the
    // order in which checks ran, and drops exact duplicates (same place, code,
    // message and notes). Messages longer than any written by hand have their
    // quoted values cut (echoed() in diag/text.hpp) when they are added.
    void sort();

private:
    Diagnostic& add(Severity severity, const SourcePos& pos, std::string code, std::string message);
    std::vector<Diagnostic> items_;
};

const char* severity_name(Severity s);   // "error", "warning", "note"

// `file:line:col: error: message` lines (GCC style), notes indented after.
std::string render_text(const Diagnostics& diags);
// A JSON string's contents (schema-json's own writer, load/json_schema.cpp);
// the commands' JSON is written by cli/json_output.cpp.
std::string json_escape(const std::string& s);

// The closest candidate within a small edit distance, or "" (for "did you mean").
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);
// "; did you mean 'hint'?", or "" when there is no hint.
inline std::string did_you_mean(const std::string& hint) { return hint.empty() ? "" : "; did you mean '" + hint + "'?"; }
// `msg` followed by did_you_mean(closest_match(word, candidates)).
inline std::string with_hint(std::string msg, const std::string& word, const std::vector<std::string>& candidates) {
    return msg + did_you_mean(closest_match(word, candidates));
}

}  // namespace schemac
