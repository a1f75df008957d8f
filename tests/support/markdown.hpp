// The fenced code blocks of a Markdown file, so tests can check that the
// examples in docs/ are true.
#pragma once
#include <fstream>
#include <string>
#include <vector>

namespace schemac::test {

struct CodeBlock {
    int line = 0;        // 1-based line of the block's first content line
    std::string text;    // the lines between the fences, each ending in '\n'
};

// Every block fenced with ```<language> ... ```; empty when the file cannot be read.
inline std::vector<CodeBlock> code_blocks(const std::string& path, const std::string& language) {
    std::vector<CodeBlock> blocks;
    std::ifstream in(path);
    std::string line;
    bool inside = false;
    int line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!inside && line == "```" + language) {
            inside = true;
            blocks.push_back({line_no + 1, ""});
        } else if (inside && line == "```") {
            inside = false;
        } else if (inside) {
            blocks.back().text += line + "\n";
        }
    }
    return blocks;
}

}  // namespace schemac::test
