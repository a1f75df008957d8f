// generated/migrations/schemac.sum: the integrity file of the migration directory (like Atlas's
// atlas.sum). It catches a migration edited after it was written, one inserted, removed, renamed or
// reordered, and two branches that both add migration 0007: both append a different last line after
// the same line, so `git merge` conflicts on this file even when the .sql files themselves merge.
//
// Format (text, UTF-8, LF line endings, ends with a newline, no timestamp):
//
//     # schemac.sum: chained SHA-256 of the migration files; do not edit, regenerate with schemac
//     <file name> h1:<h_1>
//     <file name> h1:<h_2>
//     ...
//
// one line per migration file, in apply order. `h1` names the algorithm, so another can be added
// without misreading old files. With hex() = 64 lowercase hex digits:
//
//     h_0 = hex(SHA-256(""))   = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
//     h_i = hex(SHA-256(h_{i-1} || name_i || "\n" || normalize_line_endings(contents_i)))
//
// i.e. the previous line's 64 hex characters, the file name (no directory), a newline, then the file
// with CRLF and lone CR turned into LF (a Windows checkout gives the same sum). Each line therefore
// covers every file before it: change one file and its line and every later line change. For a
// directory of LF files the chain can be checked by hand:
//
//     h=$(printf '' | sha256sum | cut -c1-64)
//     for f in $(ls *.sql); do h=$({ printf '%s%s\n' "$h" "$f"; cat "$f"; } | sha256sum | cut -c1-64)
//                               echo "$f h1:$h"; done
//
// Reading is lenient only where git or editors interfere: CRLF in schemac.sum itself and a missing
// final newline are accepted. File names must be non-empty and free of control characters (a name
// may contain spaces: the hash is after the last one).
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace schemac::migrations {

// One line of schemac.sum: a file name and its chained hash (64 hex digits, without "h1:").
struct SumEntry {
    std::string file;
    std::string hash;
};

// The chain over `files_in_order` (name, contents). Throws std::invalid_argument on a name that is
// empty, holds a control character, or appears twice: schemac names its own files, so that is a bug.
std::vector<SumEntry> chain_entries(const std::vector<std::pair<std::string, std::string>>& files_in_order);

// The text of schemac.sum for the files, in the format above (deterministic).
std::string render_sum(const std::vector<std::pair<std::string, std::string>>& files_in_order);

struct SumCheck {
    bool ok = true;
    std::string problem;  // empty when ok; otherwise one sentence naming the first broken file
};

// Checks the files against schemac.sum and names the FIRST file where the chain breaks: edited,
// not in schemac.sum (inserted or appended), missing, renamed, reordered, written on another branch;
// or where schemac.sum itself is malformed (including unresolved git conflict markers).
SumCheck verify_sum(const std::string& sum_text,
                    const std::vector<std::pair<std::string, std::string>>& files_in_order);

// The lines of schemac.sum in order; an empty vector and the problem in `problem` when it is malformed.
std::vector<SumEntry> parse_sum(const std::string& sum_text, std::string& problem);

// How one file differs from what schemac.sum recorded for it: "edited" (its own contents, judged
// against the line before it as schemac.sum has it, so later lines changing with the chain do not
// count), "added" (not listed) or "removed" (listed, not there). Unchanged files are left out.
struct SumChange {
    std::string file;
    std::string what;
};
std::vector<SumChange> sum_changes(const std::vector<SumEntry>& recorded,
                                   const std::vector<std::pair<std::string, std::string>>& files_in_order);

}  // namespace schemac::migrations
