// The general reader of a figure's cell: "label op number [range] unit
// suffix" ("周报不少于52篇", "培训≥100人次", "90%-95%", "3天以内", "100人(计划)").
// parse_value (value.cc) calls it after the shortcuts, dates and rewrites
// (rewrites.h) have had their turn. Internal to core.
#pragma once

#include <string_view>

#include "core/value.h"

namespace jixiao::core {

// Reads `s` (normalized text) into `v` (reset by the caller): kind number
// with its label, operator, number, range and unit; kind invalid for a figure
// that cannot be read ("100:%", a range upside down, bounds in two units);
// kind text for words, or prose with a figure in it.
void read_figure(std::string_view s, Value& v);

// Whether a remark in brackets after a figure or a date says it is the plan:
// "100人(计划)", "2024年11月(预计)".
bool is_plan_remark(std::string_view remark);

// Whether words name the year before, alone: "上年", "去年", "上年度", "去年同期"
// (a figure's label, "上年120人", or its remark, "96%(上年)").
bool names_past_year(std::string_view words);

// The remark of a plan that closes `s` (normalized), which then says it of the
// whole cell: "预计" of "3项，超额完成(预计)" and "120人次，6场(预计)". Empty
// when `s` closes with none.
std::string_view closing_plan_remark(std::string_view s);

// Money followed by what is done with it ("按每人1000元标准发放", "1000元/人发放"):
// the unit less the deed, which says nothing of the figure. Only after a unit
// of money, so that no other unit loses its last characters; `unit` as it is
// otherwise.
std::string_view drop_deed_after_money(std::string_view unit);

// Whether the words after a figure say it is not done ("人未培训" in
// "10人未培训", "户施工中", "个延期": more than two characters, of which
// text::says_undone): no unit nor remark, and the figure is unreadable alone.
// The shortcut reader asks it too, so that both read such a cell alike.
bool undone_after_figure(std::string_view words);

}  // namespace jixiao::core
