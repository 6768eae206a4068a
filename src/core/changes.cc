#include "core/changes.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "core/substring.h"
#include "core/text.h"

namespace jixiao::core {
namespace {

// Say a change only against the past (change_direction).
constexpr std::string_view kAbove = "高于";
constexpr std::string_view kBelow = "低于";

// Whether `words` holds a character that begins a verb of change: most labels
// hold none, and are answered without a search for every verb.
bool may_say_change(std::string_view words) {
  static const std::vector<char32_t> firsts = [] {
    std::vector<char32_t> out;
    const auto add = [&](std::string_view verb) {
      size_t i = 0;
      const char32_t first = text::next_code_point(verb, i);
      if (std::find(out.begin(), out.end(), first) == out.end()) out.push_back(first);
    };
    std::for_each(std::begin(kRise), std::end(kRise), add);
    std::for_each(std::begin(kFall), std::end(kFall), add);
    add(kAbove);
    add(kBelow);
    return out;
  }();
  for (size_t i = 0; i < words.size();) {
    const char32_t c = text::next_code_point(words, i);
    if (std::find(firsts.begin(), firsts.end(), c) != firsts.end()) return true;
  }
  return false;
}

}  // namespace

int change_direction(std::string_view words) {
  if (words.size() < 6 || !may_say_change(words)) return 0;  // every verb is 6 bytes
  // Whether `verb` occurs, not negated in its clause ("不降低", "无明显提升"),
  // with what follows it as `fits` wants.
  const auto occurs = [&](std::string_view verb, auto fits) {
    for (size_t at = words.find(verb); at != std::string_view::npos;
         at = words.find(verb, at + verb.size())) {
      if (fits(words.substr(at + verb.size())) && !text::negated_before(words.substr(0, at))) {
        return true;
      }
    }
    return false;
  };
  // Before 至, 到 or 为 a verb says the level reached ("提升至96%"), not a change;
  // a change said to fall short ("提升不明显") says no direction for certain.
  const auto said = [&](std::string_view verb) {
    return occurs(verb, [](std::string_view after) {
      return !after.starts_with("至") && !after.starts_with("到") && !after.starts_with("为") &&
             !text::falls_short_after(after);
    });
  };
  // "高于上年", "低于去年同期": a comparison with the past is a change; with
  // anything else ("高于全省平均") it is not, as the two sides may not compare alike.
  const auto against_past = [&](std::string_view verb) {
    return occurs(verb, [](std::string_view after) {
      return after.starts_with("上年") || after.starts_with("去年") ||
             after.starts_with("上一年") || after.starts_with("同期") || after.starts_with("往年");
    });
  };
  const bool rise = std::any_of(std::begin(kRise), std::end(kRise), said) || against_past(kAbove);
  const bool fall = std::any_of(std::begin(kFall), std::end(kFall), said) || against_past(kBelow);
  return rise == fall ? 0 : rise ? 1 : -1;
}

// "比上年", "较去年", "同比": a change measured from the past, not what was added.
bool against_the_past(std::string_view label) {
  for (std::string_view past : {"比上年", "较上年", "比去年", "较去年", "同比", "比上一年",
                                "较上一年", "与上年相比", "比上期", "较上期", "环比"}) {
    if (contains(label, past)) return true;
  }
  return false;
}

}  // namespace jixiao::core
