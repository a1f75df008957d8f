// The migrations a runner can apply: read from a directory of NNNN_name.up.sql /
// NNNN_name.down.sql files, or built from an in-memory list (an application that
// embeds its migration files in the binary). Part of the runtime: standard
// library only.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace schemac {

// One file as an application can embed it: its name and contents.
struct MigrationFile {
    std::string name;       // "0003_add_adjusted_close.up.sql"
    std::string contents;
};

struct MigrationScript {
    std::string file;          // file name, for messages
    std::string sql;           // contents as read
    bool transactional = true; // false when the header says -- schemac:no-transaction
    bool approved = false;     // a `-- schemac:approved <who, when>` line: reviewed for a protected environment
    // `-- schemac:foreign-keys-off` (SQLite: a file that rebuilds tables): foreign
    // keys are switched off before its transaction begins, every one is checked
    // (PRAGMA foreign_key_check) before it commits, and they are on again after.
    bool foreign_keys_off = false;
};

struct Migration {
    int version = 0;
    std::string name;                      // "add_adjusted_close"
    MigrationScript up;
    std::optional<MigrationScript> down;   // absent: cannot be rolled back
    std::string checksum;                  // "sha256:<hex>" of the up file, line endings normalised
    bool down_destructive = false;         // the down file loses data (a "data-loss:" note or
                                           // the -- schemac:destructive directive)
};

// Thrown for a malformed set: a .sql name that is not NNNN_name.up|down.sql,
// two files for one version and direction, a down file without its up file.
struct MigrationSetError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class MigrationSet {
public:
    // Every *.sql file directly in `dir` (other files, such as schemac.sum and the
    // snapshot, are ignored). Throws MigrationSetError, also when `dir` is missing.
    static MigrationSet from_directory(const std::string& dir);
    // The same rules over files already in memory.
    static MigrationSet from_files(const std::vector<MigrationFile>& files);

    const std::vector<Migration>& migrations() const { return migrations_; }   // by version
    const Migration* find(int version) const;
    int last_version() const { return migrations_.empty() ? 0 : migrations_.back().version; }

private:
    std::vector<Migration> migrations_;
};

// A version as file names write it: at least 4 digits, zero-padded (3 ->
// "0003", 12345 -> "12345"). Messages about versions use the same form.
std::string version_text(int version);

// "sha256:" + SHA-256 of the text with CRLF/CR normalised to LF.
std::string migration_checksum(const std::string& sql);

}  // namespace schemac
