// Plan → the text of .up.sql and .down.sql bodies (without the file header):
// each step's summary, hazards and notes as comments above its statements;
// the down file holds the reverses in reverse order.
#pragma once
#include <string>

#include "sql/plan.hpp"

namespace schemac::migrations {

std::string format_up(const sql::Plan& plan);
std::string format_down(const sql::Plan& plan);
// One line per step, for people: "+ table public.prices", then indented hazards.
std::string format_summary(const sql::Plan& plan);

}  // namespace schemac::migrations
