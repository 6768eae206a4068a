// Words that say a figure is a change, and which way: "提高5%", "较上年下降2%",
// "同比". The figure readers (a sign after words of the past, both ends of a
// change) and the comparison of a change with its target (compare.h) read
// them alike.
#pragma once

#include <string_view>

namespace jixiao::core {

// Verbs of change, each two characters (change_direction, read_level_reached).
inline constexpr std::string_view kRise[] = {"提高", "提升", "增长", "增加", "上升", "上涨",
                                             "增多", "扩大", "增强", "增幅", "新增"};
inline constexpr std::string_view kFall[] = {"下降", "降低", "减少", "缩短", "缩减",
                                             "压缩", "减低", "下调", "降幅", "减幅"};

// Which way a phrase says something changed: 1 for a rise (提高, 提升, 增长,
// 增加, 上升, 新增, 高于上年, …), -1 for a fall (下降, 降低, 减少, 缩短, 低于去年
// 同期, …; 高于 and 低于 only against the past), 0 for neither,
// for both ("成本降低、效率提高"), for a change said not to happen ("不降低"),
// or for the level it reached ("提升至96%", "下降到5%").
int change_direction(std::string_view words);

// Whether a label measures a change from the past ("比上年", "较去年", "同比",
// "环比"), not what was added.
bool against_the_past(std::string_view label);

}  // namespace jixiao::core
