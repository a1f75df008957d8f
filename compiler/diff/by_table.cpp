#include "diff/by_table.hpp"

#include <functional>
#include <map>
#include <utility>

namespace schemac::diff {

namespace {

// The table a change concerns, as the change points at it (either schema), or nullptr.
const Table* table_of(const Change& change) {
    return std::visit(
        [](const auto& c) -> const Table* {
            if constexpr (requires { c.t; }) return c.t;
            else if constexpr (requires { c.to->columns; }) return c.to;   // RenameTable
            else return nullptr;
        },
        change);
}

bool holds(const std::vector<Table>& tables, const Table* t) {
    // Pointer order within one vector is well defined; across vectors
    // std::less gives the total order the comparison needs.
    return !tables.empty() && !std::less<const Table*>{}(t, &tables.front()) &&
           !std::less<const Table*>{}(&tables.back(), t);
}

}  // namespace

std::vector<TableStep> group_by_table(const std::vector<Change>& changes, const Schema& from, const Schema& to) {
    // A table of `from` belongs to the group of its successor in `to`: the
    // table renamed from it, else the one of the same name (diff_schemas pairs
    // equal names first, so a name is never both dropped and taken by a rename),
    // else none: it is dropped. Maps built once keep the cost at n log n.
    std::map<const Table*, const Table*> successor, predecessor;
    for (const auto& c : changes)
        if (const auto* r = std::get_if<RenameTable>(&c)) {
            successor[r->from] = r->to;
            predecessor[r->to] = r->from;
        }
    std::map<QualifiedName, const Table*> from_named, to_named;
    for (const auto& t : from.tables) from_named[t.name] = &t;
    for (const auto& t : to.tables) to_named[t.name] = &t;
    const auto paired = [](const std::map<const Table*, const Table*>& renamed,
                           const std::map<QualifiedName, const Table*>& named, const Table* t) -> const Table* {
        if (auto it = renamed.find(t); it != renamed.end()) return it->second;
        auto it = named.find(t->name);
        return it == named.end() ? nullptr : it->second;
    };

    std::vector<TableStep> steps;
    std::map<std::pair<const Table*, const Table*>, std::size_t> group_at;   // (from, to) -> index in steps
    for (const auto& c : changes) {
        const Table* t = table_of(c);
        if (!t) {
            steps.emplace_back(&c);
            continue;
        }
        std::pair<const Table*, const Table*> key;
        if (holds(from.tables, t)) key = {t, paired(successor, to_named, t)};
        else key = {paired(predecessor, from_named, t), t};
        auto [it, fresh] = group_at.try_emplace(key, steps.size());
        if (fresh) steps.emplace_back(TableChanges{key.first, key.second, {}});
        std::get<TableChanges>(steps[it->second]).changes.push_back(&c);
    }
    return steps;
}

}  // namespace schemac::diff
