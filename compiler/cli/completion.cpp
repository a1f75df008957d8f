// Completion scripts for bash, zsh and fish. Each lists the commands and, after
// a command, its options; where a command takes file names the shell's own
// file completion is left in place.
#include <string>
#include <vector>

#include "cli/editor_support.hpp"

namespace schemac::cli {

namespace {

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::vector<std::string> option_names(const CompletionCommand& cmd) {
    std::vector<std::string> names;
    for (const CompletionOption& o : cmd.options) names.insert(names.end(), o.names.begin(), o.names.end());
    return names;
}

// 'text' for the shell, with every ' closed, escaped and reopened ('\'').
std::string single_quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string bash(const std::vector<CompletionCommand>& commands) {
    std::vector<std::string> names;
    for (const CompletionCommand& c : commands) names.push_back(c.name);
    std::string s =
        "# bash completion for schemac. Load it with: source <(schemac completion bash)\n"
        "_schemac() {\n"
        "    local cur=${COMP_WORDS[COMP_CWORD]} cmd='' i\n"
        "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
        "        case ${COMP_WORDS[i]} in -*) ;; *) cmd=${COMP_WORDS[i]}; break ;; esac\n"
        "    done\n"
        "    local options='' arguments=''\n"
        "    case $cmd in\n"
        "        '') options='--help --version'; arguments=" + single_quoted(joined(names)) + " ;;\n";
    for (const CompletionCommand& c : commands) {
        s += "        " + single_quoted(c.name) + ") options=" + single_quoted(joined(option_names(c))) +
             "; arguments=" + single_quoted(joined(c.arguments)) + " ;;\n";
    }
    s += "    esac\n"
         "    if [[ $cur == -* ]]; then\n"
         "        mapfile -t COMPREPLY < <(compgen -W \"$options\" -- \"$cur\")\n"
         "    elif [[ -n $arguments ]]; then\n"
         "        mapfile -t COMPREPLY < <(compgen -W \"$arguments\" -- \"$cur\")\n"
         "    fi\n"
         "}\n"
         "complete -o default -F _schemac schemac\n";
    return s;
}

// _arguments wants ] : and \ escaped in descriptions.
std::string zsh_description(const std::string& d) {
    std::string out;
    for (const char c : d) {
        if (c == ']' || c == ':' || c == '[' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string zsh(const std::vector<CompletionCommand>& commands) {
    std::string s =
        "#compdef schemac\n"
        "# zsh completion for schemac. Load it with: source <(schemac completion zsh)\n"
        "_schemac() {\n"
        "    local -a commands\n"
        "    commands=(\n";
    for (const CompletionCommand& c : commands) s += "        " + single_quoted(c.name + ":" + zsh_description(c.description)) + "\n";
    s += "    )\n"
         "    if (( CURRENT == 2 )); then\n"
         "        _describe -t commands 'schemac command' commands\n"
         "        return\n"
         "    fi\n"
         "    local cmd=$words[2]\n"
         "    words=(${words[2,-1]})\n"
         "    (( CURRENT-- ))\n"
         "    case $cmd in\n";
    for (const CompletionCommand& c : commands) {
        s += "        (" + single_quoted(c.name) + ") _arguments";
        for (const CompletionOption& o : c.options)
            for (const std::string& n : o.names)
                s += " " + single_quoted(n + "[" + zsh_description(o.description) + "]" + (o.takes_value ? ":value:_files" : ""));
        s += c.arguments.empty() ? " '*:file:_files'" : " " + single_quoted("*:argument:(" + joined(c.arguments) + ")");
        s += " ;;\n";
    }
    s += "    esac\n"
         "}\n"
         "compdef _schemac schemac\n";
    return s;
}

std::string fish(const std::vector<CompletionCommand>& commands) {
    std::string s =
        "# fish completion for schemac. Load it with: schemac completion fish | source\n"
        "complete -c schemac -e\n";
    for (const CompletionCommand& c : commands)
        s += "complete -c schemac -f -n __fish_use_subcommand -a " + single_quoted(c.name) + " -d " + single_quoted(c.description) + "\n";
    for (const CompletionCommand& c : commands) {
        const std::string when = " -n " + single_quoted("__fish_seen_subcommand_from " + c.name);
        for (const CompletionOption& o : c.options) {
            s += "complete -c schemac" + when;
            for (const std::string& n : o.names) s += n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1);
            s += (o.takes_value ? " -r" : "") + std::string(" -d ") + single_quoted(o.description) + "\n";
        }
        if (!c.arguments.empty()) s += "complete -c schemac -f" + when + " -a " + single_quoted(joined(c.arguments)) + "\n";
    }
    return s;
}

}  // namespace

std::string completion_script(const std::string& shell, const std::vector<CompletionCommand>& commands) {
    if (shell == "bash") return bash(commands);
    if (shell == "zsh") return zsh(commands);
    if (shell == "fish") return fish(commands);
    return "";
}

}  // namespace schemac::cli
