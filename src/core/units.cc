#include "core/units.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <span>
#include <string>

#include "core/string_table.h"
#include "core/substring.h"

namespace jixiao::core {
namespace {

struct UnitEntry {
  std::string_view written;
  std::string_view canonical;
  double factor;
};

// One unit a line, as a reader checks them.
// clang-format off
constexpr UnitEntry kUnits[] = {
    {"元", "元", 1},
    {"元整", "元", 1},  // as cheques and contracts close an amount ("1000万元整")
    {"%", "%", 1},
    {"‰", "%", 0.1},
    {"百分点", "%", 1},
    {"个百分点", "%", 1},
    {"分钟", "小时", 1.0 / 60},
    {"min", "小时", 1.0 / 60},
    {"小时", "小时", 1},
    {"h", "小时", 1},
    {"个小时", "小时", 1},
    {"天", "小时", 24},
    {"日", "小时", 24},
    {"d", "小时", 24},  // as in "m³/d", "t/d"
    // Days counted on the calendar, not only working days, as 工期 is written
    // ("180个日历天").
    {"日历天", "小时", 24},
    {"个日历天", "小时", 24},
    {"日历日", "小时", 24},
    {"自然日", "小时", 24},
    {"个自然日", "小时", 24},
    {"周", "小时", 168},
    {"个工作日", "工作日", 1},
    {"工作日", "工作日", 1},
    {"个月", "月", 1},
    {"月", "月", 1},
    {"年", "月", 12},
    {"个年", "月", 12},
    {"个季度", "月", 3},  // a length of time; "季度" alone is a period per which ("次/季度")
    {"微克", "千克", 1e-9},
    {"μg", "千克", 1e-9},
    {"ug", "千克", 1e-9},
    {"毫克", "千克", 1e-6},
    {"mg", "千克", 1e-6},
    {"克", "千克", 0.001},
    {"g", "千克", 0.001},
    {"千克", "千克", 1},
    {"kg", "千克", 1},
    {"公斤", "千克", 1},
    {"斤", "千克", 0.5},
    {"吨", "千克", 1000},
    {"t", "千克", 1000},
    {"米", "米", 1},
    {"m", "米", 1},
    {"延米", "米", 1},  // a length of pipe or road laid ("5200延米")
    {"延长米", "米", 1},
    {"厘米", "米", 0.01},
    {"cm", "米", 0.01},
    {"毫米", "米", 0.001},
    {"mm", "米", 0.001},
    {"千米", "米", 1000},
    {"公里", "米", 1000},
    {"km", "米", 1000},
    {"平方米", "平方米", 1},
    {"平米", "平方米", 1},
    {"平方", "平方米", 1},
    {"㎡", "平方米", 1},
    {"m²", "平方米", 1},
    {"m2", "平方米", 1},
    {"平方千米", "平方米", 1e6},
    {"km²", "平方米", 1e6},
    {"km2", "平方米", 1e6},
    {"立方米", "立方米", 1},
    {"方", "立方米", 1},  // earth and silt moved ("清淤520方", "土方3万方")
    {"立方", "立方米", 1},
    {"m³", "立方米", 1},
    {"m3", "立方米", 1},
    {"亩", "平方米", 2000.0 / 3},
    {"公顷", "平方米", 10000},
    // Power and electricity, as 光伏 and 节能 projects write them (千瓦 is also
    // 千 then 瓦, which reads alike).
    {"瓦", "瓦", 1},
    {"W", "瓦", 1},
    {"千瓦", "瓦", 1e3},
    {"kW", "瓦", 1e3},
    {"KW", "瓦", 1e3},
    {"兆瓦", "瓦", 1e6},
    {"MW", "瓦", 1e6},
    {"千瓦时", "千瓦时", 1},
    {"kWh", "千瓦时", 1},
    {"kW·h", "千瓦时", 1},
    {"兆瓦时", "千瓦时", 1e3},
    {"MWh", "千瓦时", 1e3},
    // 度 is the kilowatt-hour on a bill ("节约用电10万度"); a temperature is
    // written ℃, and 度 against ℃ stays apart as before.
    {"度", "千瓦时", 1},
    {"平方公里", "平方米", 1e6},
    // A person's day of work or of a standard ("元/人天", "元/人·日").
    {"人天", "人天", 1},
    {"人日", "人天", 1},
    // A class hour, however a school names it (often 45 minutes, not an hour).
    {"学时", "学时", 1},
    {"课时", "学时", 1},
    // The same count said with 次 after it.
    {"批次", "批", 1},
    {"场次", "场", 1},
    {"期次", "期", 1},
    // A bed in a hospital or a home is counted 张 ("床位数≥200张") or 床 ("200床").
    {"床", "张", 1},
    {"床位", "张", 1},
    {"个床位", "张", 1},
};
// clang-format on

struct Multiplier {
  std::string_view written;
  double factor;
};
constexpr Multiplier kMultipliers[] = {{"亿", 1e8}, {"千万", 1e7}, {"百万", 1e6},
                                       {"万", 1e4}, {"千", 1e3},   {"百", 1e2}};

const UnitEntry* find_unit(std::string_view unit) {
  static const StringTable table = [] {
    StringTable t;
    for (size_t i = 0; i < std::size(kUnits); ++i) t.add(kUnits[i].written, static_cast<int>(i));
    return t;
  }();
  const int at = table.find(unit);
  return at >= 0 ? &kUnits[at] : nullptr;
}

// Counting words (量词). Of things, which may be followed by what they count
// ("2次培训"), and of time, which may not.
constexpr std::string_view kThings[] = {
    "人次", "批次", "场次", "课时", "学时", "个", "次", "人", "家", "项", "件",
    "场",   "期",   "批",   "名",   "户",   "所", "座", "台", "套", "篇", "份",
    "本",   "起",   "条",   "类",   "轮",   "处", "辆", "株", "棵", "册", "门",
    "间",   "张",   "支",   "组",   "节",   "宗", "笔", "例", "种", "位"};
constexpr std::string_view kTimes[] = {"个工作日", "工作日", "个月", "小时", "天",
                                       "日",       "月",     "年",   "周"};

// Dots between the parts of a compound unit ("元/人·次").
constexpr std::string_view kDots[] = {"·", "・", "•"};

// The periods a count or an amount may be per ("次/月", "万元/年"), as compare.cc's
// per_period reads them.
constexpr std::string_view kPeriods[] = {"半年", "季度", "季", "月", "周", "年度", "年"};

bool listed(std::span<const std::string_view> words, std::string_view unit) {
  return std::find(words.begin(), words.end(), unit) != words.end();
}

}  // namespace

bool is_counting_word(std::string_view unit) {
  return listed(kThings, unit) || listed(kTimes, unit);
}

bool counts_things(std::string_view unit) {
  return listed(kThings, unit);
}

std::span<const std::string_view> counting_words_of_things() {
  return kThings;
}

std::string_view counted_measure(std::string_view unit) {
  // "解决5000人饮水安全问题": six characters name what is counted.
  constexpr size_t kNounLength = 6;
  if (unit.empty() || is_counting_word(unit)) return {};
  // Every counting word of things is one or two Chinese characters (3 or 6 bytes).
  for (size_t length : {size_t{6}, size_t{3}}) {
    if (unit.size() <= length || !listed(kThings, unit.substr(0, length))) continue;
    const std::string_view noun = unit.substr(length);
    size_t points = 0;
    for (size_t i = 0; i < noun.size(); i += 3, ++points) {
      const auto b = static_cast<unsigned char>(noun[i]);
      if (b < 0xE4 || b > 0xE9 || i + 2 >= noun.size()) return {};  // Chinese characters only
    }
    if (points > kNounLength) return {};
    // "批次" as "批", as read_unit reads it alone: "10批次合格" against "≥10批次".
    const UnitEntry* spelled = find_unit(unit.substr(0, length));
    return spelled != nullptr ? spelled->canonical : unit.substr(0, length);
  }
  return {};
}

bool is_per_unit(std::string_view unit) {
  const size_t slash = unit.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == unit.size()) return false;
  const std::string_view first = unit.substr(0, slash);
  const std::string_view per = unit.substr(slash + 1);
  // "元/人/年" is still per person.
  if (listed(kPeriods, per)) return false;
  // People per something ("人/期") is one; other pairs of counting words are a choice.
  return first == "人" || first == "人次" || !(listed(kThings, first) && listed(kThings, per));
}

bool one_of_alternatives(std::string_view either, std::string_view unit) {
  const size_t slash = either.find('/');
  if (slash == std::string_view::npos || unit.empty()) return false;
  const std::string_view first = either.substr(0, slash);
  const std::string_view second = either.substr(slash + 1);
  // "台套" too: the two words written together, as "10台套" against "≥10台(套)".
  const bool together =
      unit.size() == either.size() - 1 && unit.starts_with(first) && unit.ends_with(second);
  return listed(kThings, first) && listed(kThings, second) &&
         (unit == first || unit == second || together);
}

bool alternative_in_brackets(std::string_view written, std::string& out) {
  const size_t open = written.find('(');
  if (open == std::string_view::npos || !written.ends_with(")")) return false;
  const std::string_view first = written.substr(0, open);
  const std::string_view second = written.substr(open + 1, written.size() - open - 2);
  if (!listed(kThings, first) || !listed(kThings, second)) return false;
  out.assign(first);
  out += '/';
  out += second;
  return true;
}

// Reads `rewritten`, a unit written another way ("元/人天" for "元/人·天"). The
// reading may view `rewritten` (an unknown unit is itself): it is then kept in
// storage of this thread, valid until the next such reading.
UnitReading read_rewritten(const std::string& rewritten) {
  UnitReading reading = read_unit(rewritten);
  if (reading.canonical.data() >= rewritten.data() &&
      reading.canonical.data() < rewritten.data() + rewritten.size()) {
    thread_local std::string kept;
    kept.assign(reading.canonical);
    reading.canonical = kept;
  }
  return reading;
}

// A unit per another ("元/平方米", "吨/日"): each part in its canonical unit, so
// that "元/㎡" is "元/平方米" and "吨/天" is "吨/日". Not a count per period
// ("次/月", which per_period reads) nor a choice of counting words ("台/套").
std::optional<UnitReading> read_unit_per_unit(std::string_view unit) {
  const size_t slash = unit.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == unit.size()) {
    return std::nullopt;
  }
  const std::string_view per = unit.substr(slash + 1);
  // "元/(人·天)": what the amount is per, in brackets.
  if (per.size() > 2 && per.front() == '(' && per.back() == ')' &&
      per.find_first_of("()", 1) == per.size() - 1) {
    std::string unbracketed(unit.substr(0, slash + 1));
    unbracketed += per.substr(1, per.size() - 2);
    return read_rewritten(unbracketed);
  }
  thread_local std::string canonical;  // the view returned must outlive this call
  // "元/亩/年": a unit per another, per period; the first two parts convert
  // ("元/平方米/年"), and the period is kept for per_period (compare.cc).
  if (const size_t last = unit.rfind('/'); last != slash) {
    // Two slashes at most: the head is then read with one, which bounds how
    // deep a unit of many slashes ("/年/年/…") can take the reading.
    const std::string_view period = unit.substr(last + 1);
    if (unit.find('/', slash + 1) != last) return std::nullopt;
    // "元/人/天" is "元/人天", per person-day, as "元/人·天" is: a day is no
    // period of the year (kPeriods), and an amount per person per day is one
    // per person-day.
    if ((period == "天" || period == "日") &&
        listed(kThings, unit.substr(slash + 1, last - slash - 1))) {
      std::string joined(unit.substr(0, last));
      joined += period;
      return read_rewritten(joined);
    }
    if (!listed(kPeriods, period)) return std::nullopt;
    const UnitReading head = read_unit(unit.substr(0, last));
    if (!head.known || head.canonical.find('/') == std::string_view::npos) return std::nullopt;
    const std::string head_canonical(head.canonical);  // a view of `canonical`
    canonical.assign(head_canonical);
    canonical += '/';
    canonical += period;
    return UnitReading{canonical, head.factor, true};
  }
  // One "/" below: the parts are then read without coming back here, which keeps
  // `canonical` from being overwritten while it is built. A dot is read first:
  // "元/人·年" is "元/人/年" (read_unit_without_dots).
  if (std::any_of(std::begin(kDots), std::end(kDots),
                  [&](std::string_view dot) { return contains(per, dot); })) {
    return std::nullopt;
  }
  if (listed(kPeriods, per)) return std::nullopt;
  const std::string_view first = unit.substr(0, slash);
  const UnitReading top = read_unit(first);
  // Copied: reading `per` may reuse the storage top.canonical views.
  const std::string top_canonical(top.canonical);
  // Copied too: a per with 每 in it ("人每天") is read by way of a slash, into
  // `canonical`, which is overwritten below (the fuzzer found the overlap).
  const UnitReading bottom = read_unit(per);
  const std::string bottom_canonical(bottom.canonical);
  // "台日" is "台天", a machine-day, as "人日" is "人天" (kUnits).
  std::string_view day_of = per;
  const bool thing_day = drop_suffix(day_of, {"日"}) && !bottom.known && listed(kThings, day_of);
  const bool as_written = top_canonical == first && bottom_canonical == per && !thing_day &&
                          top.factor == 1 && bottom.factor == 1;
  if (top_canonical.empty() || bottom_canonical.empty() || as_written) return std::nullopt;
  canonical.assign(top_canonical);
  canonical += '/';
  if (thing_day) {
    canonical += day_of;
    canonical += "天";
  } else {
    canonical += bottom_canonical;
  }
  return UnitReading{canonical, top.factor / bottom.factor, top.known && bottom.known};
}

// "元/人·次" as "元/人次", "人·天" as "人天": a dot between the parts of a
// compound unit says nothing. nullopt when `unit` has none.
std::optional<UnitReading> read_unit_without_dots(std::string_view unit) {
  // The dots' first bytes (C2, E3, E2) lead no Chinese character: one pass
  // over the bytes rules out most units, which are read here when unknown.
  if (std::none_of(unit.begin(), unit.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b == 0xC2 || b == 0xE2 || b == 0xE3;
      })) {
    return std::nullopt;
  }
  // Local: reading the joined unit may come back here for one of its parts.
  std::string joined(unit);
  for (std::string_view dot : kDots) {
    for (size_t at = joined.find(dot); at != std::string::npos; at = joined.find(dot, at)) {
      // "元/人·年" is "元/人/年", per person and year, as a count per period is
      // written ("次/月"); "元/人·天" stays "元/人天", per person-day.
      const std::string_view after = std::string_view(joined).substr(at + dot.size());
      const bool per_period = joined.find('/') < at && listed(kPeriods, after);
      joined.replace(at, dot.size(), per_period ? "/" : "");
    }
  }
  // "℃" and "‰" share the dots' first bytes: nothing dropped, nothing more to read.
  if (joined.size() == unit.size()) return std::nullopt;
  return read_rewritten(joined);
}

// "元每平方米" as "元/平方米", "元每人每天" as "元/人/天": 每 after a unit is
// the slash of a unit per another (before, unknown). nullopt when `unit` has
// none after its start.
std::optional<UnitReading> read_unit_with_per_word(std::string_view unit) {
  constexpr std::string_view kPer = "每";
  if (unit.find(kPer, 1) == std::string_view::npos || unit.ends_with(kPer)) return std::nullopt;
  std::string slashed(unit.substr(0, 1));
  for (size_t i = 1; i < unit.size();) {
    if (unit.substr(i).starts_with(kPer)) {
      slashed += '/';
      i += kPer.size();
    } else {
      slashed += unit[i++];
    }
  }
  return read_rewritten(slashed);
}

UnitReading read_unit(std::string_view unit) {
  if (unit.empty()) return {"", 1, true};
  if (const UnitEntry* entry = find_unit(unit)) return {entry->canonical, entry->factor, true};
  if (const std::optional<UnitReading> per = read_unit_per_unit(unit)) return *per;
  for (const auto& m : kMultipliers) {
    if (unit.substr(0, m.written.size()) != m.written) continue;
    const std::string_view rest = unit.substr(m.written.size());
    if (rest.empty()) return {"", m.factor, true};  // "5亿": a multiplier with no unit
    UnitReading base = read_unit(rest);
    base.factor *= m.factor;
    return base;
  }
  // Last: every unit read above is without dots, and most units are read above.
  if (std::optional<UnitReading> joined = read_unit_without_dots(unit)) return *joined;
  if (std::optional<UnitReading> per = read_unit_with_per_word(unit)) return *per;
  return {unit, 1, false};
}

bool to_wan_yuan(double amount, std::string_view unit, double& out) {
  if (unit.empty() || unit == "万元") {
    out = amount;
    return true;
  }
  const UnitReading reading = read_unit(unit);
  if (reading.canonical != "元") return false;
  out = amount * reading.factor / 1e4;
  return true;
}

}  // namespace jixiao::core
