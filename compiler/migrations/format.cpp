#include "migrations/format.hpp"

namespace schemac::migrations {

namespace {

// Comments must stay comments: a newline inside a name or note would end them.
std::string one_line(std::string s) {
    for (auto& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

void statements(std::string& out, const std::vector<std::string>& stmts) {
    for (const auto& s : stmts) out += s + ";\n";
}

}  // namespace

std::string format_up(const sql::Plan& plan) {
    std::string out;
    for (const auto& step : plan.steps) {
        if (!out.empty()) out += '\n';
        out += "-- " + one_line(step.summary) + '\n';
        for (const auto& h : step.hazards) out += "--   " + std::string(sql::hazard_name(h.kind)) + ": " + one_line(h.message) + '\n';
        if (!step.up_note.empty()) out += "--   " + one_line(step.up_note) + '\n';
        if (!step.transactional) out += "--   runs outside a transaction block (schemac diff puts it in a file of its own)\n";
        if (step.own_transaction) out += "--   runs in a transaction of its own, after the steps above are committed (schemac diff starts a new file)\n";
        statements(out, step.up);
    }
    return out;
}

std::string format_down(const sql::Plan& plan) {
    std::string out;
    for (auto it = plan.steps.rbegin(); it != plan.steps.rend(); ++it) {
        if (!out.empty()) out += '\n';
        out += "-- undo " + one_line(it->summary) + '\n';
        if (!it->down_note.empty()) out += "--   " + std::string(it->down_destructive ? "data-loss: " : "") + one_line(it->down_note) + '\n';
        statements(out, it->down);
    }
    return out;
}

std::string format_summary(const sql::Plan& plan) {
    std::string out;
    for (const auto& step : plan.steps) {
        out += one_line(step.summary) + '\n';
        for (const auto& h : step.hazards) out += "    " + std::string(sql::hazard_name(h.kind)) + ": " + one_line(h.message) + '\n';
    }
    return out;
}

}  // namespace schemac::migrations
