#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "migrations/sum_file.hpp"

using namespace schemac::migrations;

namespace {
using Files = std::vector<std::pair<std::string, std::string>>;

const std::string kHeader =
    "# schemac.sum: chained SHA-256 of the migration files; do not edit, regenerate with schemac\n";

Files base_files() {
    return {
        {"0001_init.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n"},
        {"0002_users.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n"},
        {"0003_orders.up.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n"},
        {"0004_prices.up.sql", "CREATE TABLE prices (symbol text, price numeric(12, 4));\n"},
    };
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        out.push_back(text.substr(start, nl - start));
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
    return s;
}

// What a line-based three-way merge (git's, diff3's) does with one change per side: each side's
// change is the block between the longest common prefix and suffix with the base; two different
// changes that overlap or touch in the base conflict.
bool three_way_merge_conflicts(const std::string& base_text, const std::string& ours_text,
                               const std::string& theirs_text) {
    const auto base = lines_of(base_text), ours = lines_of(ours_text), theirs = lines_of(theirs_text);
    struct Hunk {
        std::size_t begin, end;  // replaced base lines [begin, end)
        std::vector<std::string> with;
    };
    auto hunk = [&](const std::vector<std::string>& side) {
        std::size_t pre = 0;
        while (pre < base.size() && pre < side.size() && base[pre] == side[pre]) ++pre;
        std::size_t suf = 0;
        while (suf < base.size() - pre && suf < side.size() - pre &&
               base[base.size() - 1 - suf] == side[side.size() - 1 - suf])
            ++suf;
        return Hunk{pre, base.size() - suf, {side.begin() + pre, side.end() - suf}};
    };
    if (ours == base || theirs == base || ours == theirs) return false;
    const Hunk a = hunk(ours), b = hunk(theirs);
    return a.begin <= b.end && b.begin <= a.end;  // overlapping or adjacent
}
}  // namespace

TEST_CASE("schemac.sum: the exact format (checked against sha256sum in a shell)") {
    const Files files = {
        {"0001_init.up.sql", "CREATE TABLE t (id int);\n"},
        {"0002_more.up.sql", "ALTER TABLE t ADD x int;\n"},
    };
    // h=$(printf '' | sha256sum | cut -c1-64)
    // for f in *.sql; do h=$({ printf '%s%s\n' "$h" "$f"; cat "$f"; } | sha256sum | cut -c1-64); echo "$f h1:$h"; done
    CHECK(render_sum(files) ==
          kHeader +
              "0001_init.up.sql h1:32606b3adb547d49edadc9db398876fd4d1a422660cb5814d2513db23dd31123\n"
              "0002_more.up.sql h1:091fb58565d18f08cac1b08552588477664f23569022b8eccaa7cf70bc568277\n");
    CHECK(render_sum({}) == kHeader);
    CHECK(verify_sum(kHeader, {}).ok);
    CHECK(render_sum(base_files()) == render_sum(base_files()));  // deterministic
}

TEST_CASE("schemac.sum: an edit changes its own line and every later line") {
    Files edited = base_files();
    edited[1].second += "CREATE INDEX ON users (email);\n";
    const auto before = lines_of(render_sum(base_files())), after = lines_of(render_sum(edited));
    REQUIRE(before.size() == 5);
    REQUIRE(after.size() == 5);
    CHECK(before[0] == after[0]);
    CHECK(before[1] == after[1]);
    for (std::size_t i = 2; i < 5; ++i) CHECK(before[i] != after[i]);
}

TEST_CASE("schemac.sum: verify names the first file where the chain breaks") {
    struct Case {
        const char* what;
        Files now;
        const char* problem;  // "" = passes
    };
    const Files base = base_files();
    auto with = [&](auto change) {
        Files f = base;
        change(f);
        return f;
    };
    const Case cases[] = {
        {"unchanged", base, ""},
        {"checked out with CRLF", with([](Files& f) { for (auto& [n, c] : f) c = replace_all(c, "\n", "\r\n"); }), ""},
        {"checked out with lone CR", with([](Files& f) { f[2].second = replace_all(f[2].second, "\n", "\r"); }), ""},
        {"edited", with([](Files& f) { f[2].second += "ALTER TABLE orders ADD note text;\n"; }),
         "0003_orders.up.sql was edited after schemac.sum was written (line 4 no longer matches)"},
        {"whitespace edit", with([](Files& f) { f[0].second += "\n"; }),
         "0001_init.up.sql was edited after schemac.sum was written (line 2 no longer matches)"},
        {"first of two edits is named", with([](Files& f) { f[1].second += "--\n"; f[3].second += "--\n"; }),
         "0002_users.up.sql was edited after schemac.sum was written (line 3 no longer matches)"},
        {"inserted in the middle",
         with([](Files& f) { f.insert(f.begin() + 2, {"0002_b_audit.up.sql", "CREATE TABLE audit ();\n"}); }),
         "0002_b_audit.up.sql is not in schemac.sum (added by hand or by another branch?); it comes before "
         "0003_orders.up.sql, which schemac.sum lists next"},
        {"appended", with([](Files& f) { f.push_back({"0005_fx.up.sql", "CREATE TABLE fx ();\n"}); }),
         "0005_fx.up.sql is not in schemac.sum (added by hand or by another branch?)"},
        {"missing in the middle", with([](Files& f) { f.erase(f.begin() + 1); }),
         "schemac.sum lists 0002_users.up.sql, which is missing"},
        {"missing at the end", with([](Files& f) { f.pop_back(); }),
         "schemac.sum lists 0004_prices.up.sql, which is missing"},
        {"all missing", Files{}, "schemac.sum lists 0001_init.up.sql, which is missing"},
        {"reordered", with([](Files& f) { std::swap(f[2], f[3]); }),
         "0004_prices.up.sql now comes before 0003_orders.up.sql, but schemac.sum lists them the other way "
         "round (migrations reordered or renumbered?)"},
        {"renamed", with([](Files& f) { f[2].first = "0003_purchases.up.sql"; }),
         "0003_purchases.up.sql is not in schemac.sum, and schemac.sum lists 0003_orders.up.sql there, which is "
         "missing (renamed?)"},
        {"given twice", with([](Files& f) { f.push_back(f[0]); }), "migration file 0001_init.up.sql is given twice"},
    };
    const std::string sum = render_sum(base);
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const SumCheck check = verify_sum(sum, c.now);
        CHECK(check.ok == (c.problem[0] == '\0'));
        CHECK(check.problem == c.problem);
    }
}

TEST_CASE("schemac.sum: CRLF and LF checkouts give the same sum") {
    Files crlf = base_files();
    for (auto& [name, contents] : crlf) contents = replace_all(contents, "\n", "\r\n");
    CHECK(render_sum(crlf) == render_sum(base_files()));
    // schemac.sum itself checked out with CRLF, or saved without its final newline, still reads.
    const std::string sum = render_sum(base_files());
    CHECK(verify_sum(replace_all(sum, "\n", "\r\n"), crlf).ok);
    CHECK(verify_sum(sum.substr(0, sum.size() - 1), base_files()).ok);
}

TEST_CASE("schemac.sum: a malformed file is reported with its line") {
    const std::string sum = render_sum(base_files());
    const auto lines = lines_of(sum);
    const std::string hash3 = lines[3].substr(lines[3].find(" h1:") + 4);
    struct Case {
        const char* what;
        std::string text;
        const char* problem_starts;
    };
    const Case cases[] = {
        {"empty", "", "schemac.sum is malformed at line 1: expected the comment line"},
        {"no header", sum.substr(kHeader.size()), "schemac.sum is malformed at line 1"},
        {"blank line", replace_all(sum, lines[2] + "\n", lines[2] + "\n\n"),
         "schemac.sum is malformed at line 4: expected \"<file name> h1:<64 hex digits>\""},
        {"no hash", replace_all(sum, " h1:" + hash3, ""), "schemac.sum is malformed at line 4"},
        {"short hash", replace_all(sum, hash3, hash3.substr(1)), "schemac.sum is malformed at line 4"},
        {"upper-case hash", replace_all(sum, hash3, "A" + hash3.substr(1)), "schemac.sum is malformed at line 4"},
        {"no version", replace_all(sum, "h1:" + hash3, hash3), "schemac.sum is malformed at line 4"},
        {"unknown version", replace_all(sum, "h1:" + hash3, "h9:" + hash3),
         "schemac.sum uses hash version \"h9\" at line 4, which this schemac does not know"},
        {"listed twice", sum + lines[1] + "\n",
         "schemac.sum is malformed at line 6: it lists 0001_init.up.sql again (first at line 2)"},
        {"conflict markers", kHeader + lines[1] + "\n<<<<<<< HEAD\n" + lines[2] + "\n=======\n",
         "schemac.sum has an unresolved git merge conflict at line 3"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const SumCheck check = verify_sum(c.text, base_files());
        CHECK_FALSE(check.ok);
        CHECK(check.problem.starts_with(c.problem_starts));
    }
}

TEST_CASE("schemac.sum: two branches that both add migration 0007") {
    Files base = base_files();
    base.push_back({"0005_fx.up.sql", "CREATE TABLE fx ();\n"});
    base.push_back({"0006_trades.up.sql", "CREATE TABLE trades ();\n"});
    const std::pair<std::string, std::string> ours_file{"0007_add_email.up.sql", "ALTER TABLE accounts ADD email text;\n"};
    const std::pair<std::string, std::string> theirs_file{"0007_add_index.up.sql", "CREATE INDEX ON trades (id);\n"};
    Files ours = base, theirs = base, merged = base;
    ours.push_back(ours_file);
    theirs.push_back(theirs_file);
    merged.push_back(ours_file);  // the .sql files themselves merge cleanly: different names
    merged.push_back(theirs_file);

    const std::string base_sum = render_sum(base), ours_sum = render_sum(ours), theirs_sum = render_sum(theirs);
    REQUIRE(verify_sum(ours_sum, ours).ok);
    REQUIRE(verify_sum(theirs_sum, theirs).ok);

    // Each branch appends a different line after the same line: git stops on a conflict.
    CHECK(three_way_merge_conflicts(base_sum, ours_sum, theirs_sum));
    // So does a branch adding 0008 while another adds 0007: every new migration re-chains.
    Files later = base;
    later.push_back({"0008_other.up.sql", "SELECT 1;\n"});
    CHECK(three_way_merge_conflicts(base_sum, ours_sum, render_sum(later)));
    // The same migration added on both sides is no conflict (the model of the merge agrees with git).
    CHECK_FALSE(three_way_merge_conflicts(base_sum, ours_sum, ours_sum));

    // However the conflict is resolved by hand, verify still refuses the merged directory.
    const std::string theirs_line = lines_of(theirs_sum).back() + "\n";
    SUBCASE("both lines kept (a union merge)") {
        const SumCheck check = verify_sum(ours_sum + theirs_line, merged);
        CHECK_FALSE(check.ok);
        CHECK(check.problem ==
              "the line of 0007_add_index.up.sql in schemac.sum (line 9) was written when it came right after "
              "0006_trades.up.sql, not after 0007_add_email.up.sql: it comes from another branch; put the "
              "migrations in order and regenerate schemac.sum with schemac");
    }
    SUBCASE("our schemac.sum kept") {
        CHECK(verify_sum(ours_sum, merged).problem ==
              "0007_add_index.up.sql is not in schemac.sum (added by hand or by another branch?)");
    }
    SUBCASE("their schemac.sum kept") {
        CHECK(verify_sum(theirs_sum, merged).problem ==
              "0007_add_email.up.sql is not in schemac.sum (added by hand or by another branch?); it comes before "
              "0007_add_index.up.sql, which schemac.sum lists next");
    }
    SUBCASE("a kept line written as the first migration is named too") {
        const Files one = {theirs_file};
        const Files two = {ours_file, theirs_file};
        const SumCheck check = verify_sum(render_sum({ours_file}) + lines_of(render_sum(one)).back() + "\n", two);
        CHECK(check.problem.starts_with("the line of 0007_add_index.up.sql in schemac.sum (line 3) was written when "
                                        "it was the first migration, not after 0007_add_email.up.sql"));
    }
    SUBCASE("renumbered and regenerated: passes") {
        Files fixed = ours;
        fixed.push_back({"0008_add_index.up.sql", theirs_file.second});
        CHECK(verify_sum(render_sum(fixed), fixed).ok);
    }
}

TEST_CASE("schemac.sum: names that cannot be written are refused") {
    CHECK_THROWS_AS(render_sum({{"", "x"}}), std::invalid_argument);
    CHECK_THROWS_AS(render_sum({{"a\nb.sql", "x"}}), std::invalid_argument);
    CHECK_THROWS_AS(render_sum({{"a.sql", "x"}, {"a.sql", "y"}}), std::invalid_argument);
    // A space is fine: the hash is after the last one.
    const Files spaced = {{"0001 first.up.sql", "SELECT 1;\n"}};
    CHECK(verify_sum(render_sum(spaced), spaced).ok);
}
