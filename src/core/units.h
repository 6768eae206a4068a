// Units of measure as budget tables write them, and the ones that convert.
#pragma once

#include <span>
#include <string_view>

namespace jixiao::core {

struct UnitReading {
  std::string_view canonical;  // the unit values are converted to ("元", "小时", "%", "家")
  double factor = 1;           // multiply a number written in this unit by it
  bool known = false;          // false: an unknown unit, kept as written (canonical = written)
};

// Reads a unit written after a number: a multiplier (万, 亿, 千, 百) may stand in
// front of a base unit ("万元", "亿", "万人次"); 元/万元/亿元, 小时/天, 公斤/吨,
// 米/公里 and 亩/公顷/平方米 convert; other units ("家", "篇") are kept as written
// and only match themselves. A unit per another converts both ("元/㎡" is
// "元/平方米", "吨/天" is 1000 "千克/小时" per 24), except a count per period
// ("次/月") and a choice ("台/套"), kept as written; a dot between parts is
// dropped ("元/人·次" is "元/人次"). Per person per day is per person-day
// however written ("元/人/天", "元/人·日", "元/(人·天)" are "元/人天"). An
// empty unit reads as {"", 1}. `canonical` is valid until the next call on
// this thread.
UnitReading read_unit(std::string_view unit);

// Money in 万元 from an amount in `unit` (元, 万元, 亿元, or empty meaning 万元).
// Returns false when `unit` is not a money unit.
bool to_wan_yuan(double amount, std::string_view unit, double& out);

// Whether `unit` is a counting word (量词) of things ("次", "家", "个", "人次") or of
// time ("天", "个月", "工作日").
bool is_counting_word(std::string_view unit);

// Whether `unit` is a counting word of things ("人", "户", "家", "人次"), which
// count whole ones: not of time ("天"), nor a measure ("平方米").
bool counts_things(std::string_view unit);

// Every counting word of things that counts_things accepts, two-character ones
// ("人次") before the one-character words they begin with ("人").
std::span<const std::string_view> counting_words_of_things();

// The counting word of things that `unit` begins with when the rest names what is
// counted, in up to six Chinese characters: "次培训" → "次", "家企业" → "家",
// "个村" → "个", "人饮水安全问题" → "人"; spelled as read_unit spells it alone,
// "批次合格" → "批". Empty for anything else: a counting word alone, one of time
// ("年来已完成" does not count years), a longer word ("人次" is its own count).
std::string_view counted_measure(std::string_view unit);

// Whether `unit` is one of the counting words of things that `either` offers as
// alternatives, "X/Y" ("台/套", "个/家"): "12套" meets "≥10台/套", and so does
// "12台套", the two written together. "次/月" is a
// count per period, not a choice (月 counts time).
bool one_of_alternatives(std::string_view either, std::string_view unit);

// Whether `unit` is one per another: "元/人", "元/平方米", "吨/日", "小时/天",
// "人/期" (a standard, a unit cost, a capacity, a rate). Not a count per period
// of the year ("次/月", "万元/年") nor a choice of counting words ("台/套").
bool is_per_unit(std::string_view unit);

// "台(套)" as "台/套" in `out`: a counting word of things with another in
// brackets offers both (one_of_alternatives). False for anything else, such as
// a remark ("次(含线上)").
bool alternative_in_brackets(std::string_view written, std::string& out);

}  // namespace jixiao::core
