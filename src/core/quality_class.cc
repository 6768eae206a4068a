#include "core/quality_class.h"

#include <array>

namespace jixiao::core {
namespace {

// Words before a class that say nothing more than which class is meant.
constexpr std::array<std::string_view, 10> kBefore = {
    "地表水", "出水水质", "出水", "水质", "总体", "稳定", "保持", "达到", "均达到", "均为"};
// Words after a class that say no more than the class does.
constexpr std::array<std::string_view, 5> kPlainAfter = {"水质", "标准", "水体", "水平", "水"};
// Words after a class that say "or better".
constexpr std::array<std::string_view, 5> kBetterAfter = {"及以上", "或以上", "(含)以上", "以上",
                                                          "及更优"};

bool eat(std::string_view& s, std::string_view word) {
  if (!s.starts_with(word)) return false;
  s.remove_prefix(word.size());
  return true;
}

template <size_t N>
bool eat_any(std::string_view& s, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words) {
    if (eat(s, w)) return true;
  }
  return false;
}

// The Roman numeral at the front of `s`, eaten: Ⅰ…Ⅴ (U+2160…U+2164) or I, II,
// III, IV, V in ASCII; 0 for none.
int eat_roman(std::string_view& s) {
  constexpr std::array<std::string_view, 5> kSigns = {"Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"};
  for (size_t i = 0; i < kSigns.size(); ++i) {
    if (eat(s, kSigns[i])) return static_cast<int>(i) + 1;
  }
  // Longest first, so that "III" is not read as "I".
  constexpr std::array<std::pair<std::string_view, int>, 5> kAscii = {
      {{"III", 3}, {"II", 2}, {"IV", 4}, {"I", 1}, {"V", 5}}};
  for (const auto& [letters, number] : kAscii) {
    if (eat(s, letters)) return number;
  }
  return 0;
}

}  // namespace

std::optional<QualityClass> read_quality_class(std::string_view s) {
  QualityClass c;
  while (eat_any(s, kBefore)) {
  }
  if (eat(s, "不低于") || eat(s, "不劣于") || eat(s, "不差于")) {
    c.or_better = true;
  } else if (eat(s, "优于") || eat(s, "好于")) {
    c.strictly_better = true;
  }
  const bool below_five = eat(s, "劣");
  c.number = eat_roman(s);
  if (c.number == 0 || (below_five && c.number != 5) || !eat(s, "类")) return std::nullopt;
  if (below_five) c.number = 6;
  eat_any(s, kPlainAfter);
  if (eat_any(s, kBetterAfter)) {
    if (c.strictly_better) return std::nullopt;  // "优于Ⅲ类以上" says two things
    c.or_better = true;
  }
  eat_any(s, kPlainAfter);
  if (!s.empty()) return std::nullopt;
  return c;
}

std::optional<bool> quality_class_met(const Value& target, const Value& actual) {
  if (target.kind != ValueKind::text || actual.kind != ValueKind::text) return std::nullopt;
  const std::optional<QualityClass> want = read_quality_class(target.text);
  if (!want) return std::nullopt;
  const std::optional<QualityClass> got = read_quality_class(actual.text);
  if (!got || got->strictly_better) return std::nullopt;
  // A target class alone ("达到Ⅲ类") asks for it or better, as 以上 does.
  const int worst_allowed = want->strictly_better ? want->number - 1 : want->number;
  if (got->number <= worst_allowed) return true;
  // "Ⅲ类以上" said of the water: Ⅲ at worst, perhaps better than asked.
  if (got->or_better) return std::nullopt;
  return false;
}

}  // namespace jixiao::core
