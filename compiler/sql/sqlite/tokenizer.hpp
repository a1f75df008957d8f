// SQLite's lexical rules, and a reader of the CREATE TABLE / CREATE INDEX text
// SQLite keeps in sqlite_schema: what the pragmas do not say (constraint names,
// CHECK expressions, index expressions and predicates, collations,
// AUTOINCREMENT, deferred foreign keys) is read from that text.
//
// SQLite stores the statement as written, and rewrites it itself after
// ALTER TABLE: RENAME TO writes `CREATE TABLE "new"(...)` and renames the
// REFERENCES of other tables, RENAME COLUMN replaces every reference with
// `"new"`, ADD COLUMN inserts the column's definition after the last one, DROP
// COLUMN cuts it out. The reader therefore takes column definitions and table
// constraints in any order, constraints without commas between them (SQLite
// accepts `UNIQUE (a) UNIQUE (b)`), and skips what it does not know.
//
// Texts (check and index expressions, predicates) are slices of the original
// statement from the first to the last token, so whitespace and comments
// inside stay verbatim, and the ones at either end are dropped.
// Part of schemac_live (SQLite's live side); no SQLite library call.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemac::sql::sqlite {

enum class TokenKind {
    Word,     // a bare identifier or keyword: `orders`, `CHECK`
    Quoted,   // "x", [x] or `x`: always an identifier (text holds the name)
    String,   // 'x' (text holds the value, '' undone)
    Blob,     // X'0A0B' (text holds the hex digits)
    Number,   // 12, 1.5e3, .5, 0x1F (text as written)
    Punct,    // an operator or punctuation: ( ) , . ; || <= ...
};

struct Token {
    TokenKind kind = TokenKind::Punct;
    std::string text;
    std::size_t begin = 0, end = 0;   // bytes of the source: [begin, end)

    bool is(char punct) const { return kind == TokenKind::Punct && text.size() == 1 && text[0] == punct; }
    // A bare word equal to `upper` ignoring ASCII case (quoted words never are keywords).
    bool is_keyword(std::string_view upper) const;
    // A name: a bare word, a quoted identifier, or a 'string' (SQLite accepts
    // a string where a name is expected).
    bool is_name() const { return kind == TokenKind::Word || kind == TokenKind::Quoted || kind == TokenKind::String; }
};

// Every token of `sql`; white space and comments (-- to the end of the line,
// /* */) are skipped. An unterminated quote or comment runs to the end.
std::vector<Token> tokenize(std::string_view sql);

// The index of the ')' closing the '(' at `open`, or tokens.size().
std::size_t closing_paren(const std::vector<Token>& tokens, std::size_t open);

// The source text from token `first` to token `last - 1` (both included), or "".
std::string slice(std::string_view sql, const std::vector<Token>& tokens, std::size_t first, std::size_t last);

// `text` without parentheses that enclose all of it, repeatedly: "((a + b))" -> "a + b".
std::string strip_enclosing_parens(std::string_view text);

// One key of a CREATE TABLE text (PRIMARY KEY or UNIQUE, table or column constraint).
struct TextKey {
    std::string name;                   // "" = unnamed
    std::vector<std::string> columns;   // as written (SQLite compares them ignoring case)
    bool autoincrement = false;
    bool desc = false;                  // a column of the key is DESC
    std::string on_conflict;            // ON CONFLICT <this>, upper case, "" = none
};

struct TextForeignKey {
    std::string name;
    std::vector<std::string> columns;
    std::string ref_table;
    std::vector<std::string> ref_columns;
    bool initially_deferred = false;   // DEFERRABLE INITIALLY DEFERRED
};

struct TextCheck {
    std::string name;     // "" = unnamed
    std::string expr;     // between the parentheses, verbatim, trimmed
    std::string column;   // a column constraint: its column; "" for a table constraint
};

struct TextColumn {
    std::string name;
    std::string collation;      // COLLATE <this>, "" = none
    std::string generated;      // GENERATED ALWAYS AS (<this>), "" = not generated
    bool stored = false;        // ... STORED (else VIRTUAL)
    std::string on_conflict;    // ON CONFLICT of its NOT NULL
};

struct TableText {
    bool parsed = false;        // a CREATE TABLE with a column list was read
    std::string name;
    bool virtual_table = false; // CREATE VIRTUAL TABLE
    bool as_select = false;     // CREATE TABLE ... AS SELECT
    std::vector<TextColumn> columns;
    std::optional<TextKey> primary_key;
    std::vector<TextKey> uniques;
    std::vector<TextForeignKey> foreign_keys;   // in the order written
    std::vector<TextCheck> checks;              // in the order written
    bool without_rowid = false;
    bool strict = false;
    const TextColumn* find_column(std::string_view name) const;   // ignoring ASCII case
};

TableText parse_create_table(std::string_view sql);

struct TextIndexElement {
    std::string text;        // the element without COLLATE/ASC/DESC, enclosing parentheses removed
    std::string collation;   // "" = none written
    bool desc = false;
};

struct IndexText {
    bool parsed = false;
    bool unique = false;
    std::string name, table;
    std::vector<TextIndexElement> elements;
    std::string where;   // the predicate, verbatim, "" = not partial
};

IndexText parse_create_index(std::string_view sql);

// Names compare in SQLite ignoring ASCII case.
bool same_name(std::string_view a, std::string_view b);

}  // namespace schemac::sql::sqlite
