// Rare ways of writing a figure, rewritten into the common ones that
// read_figure (figure_reader.h) reads: the reader stays one, and each rewrite
// is a small function from text to text. Internal to core.
#pragma once

#include <string>
#include <string_view>

namespace jixiao::core {

// A figure's cell tidied for the reader, each rewrite on what the one before
// left: "1 200人" as "1200人" (thousands grouped by spaces), "95%≤x≤100%",
// "[95%,100%]" and "介于95%与100%之间" as "95%-100%", "1万2千人" as "1.2万人",
// "100+家" as "≥100家", "1小时30分钟" as "90分钟", "95%(含)以上" as "95%以上",
// "1万余人" as "1余万人".
// Writes the tidied text into `out` and returns true, or returns false when
// there is nothing to tidy (`out` untouched).
bool tidy_figure(std::string_view s, std::string& out);

// A half in a length of time, in digits in `out`: "半小时" as "0.5小时",
// "2个半小时" as "2.5个小时", "2天半" as "2.5天" (Chinese numerals, "两天半",
// are turned into digits first, and come back here). False when there is no
// such half ("上半年" is a date, "过半" and "半数" are no time).
bool halves_of_time(std::string_view s, std::string& out);

}  // namespace jixiao::core
