// Classes written in Roman numerals, as environmental tables grade water
// (地表水环境质量标准: Ⅰ类 best, then Ⅱ, Ⅲ, Ⅳ, Ⅴ, and 劣Ⅴ类 worst). A target
// "Ⅲ类及以上" or "达到Ⅲ类标准" asks for Ⅲ or better; "Ⅱ类" meets it, "Ⅳ类"
// misses it. Read as text, such cells went to the evaluator.
#pragma once

#include <optional>
#include <string_view>

#include "core/value.h"

namespace jixiao::core {

// What a cell says of a class: the class (1 for Ⅰ … 5 for Ⅴ, 6 for 劣Ⅴ), and
// whether it says "or better" (以上, 及以上, 不低于…) or "strictly better" (优于).
struct QualityClass {
  int number = 0;
  bool or_better = false;
  bool strictly_better = false;
};

// Reads `text` (normalized) as one class: optional words before it that say
// nothing against it (地表水, 水质, 达到, 不低于, 优于), the class in Roman
// numerals (Ⅲ or III) with 类 after it, and optional words after it (标准, 水质,
// 水平, 以上, 及以上, 或以上, （含）以上). nullopt for anything else: a
// negation ("未达到Ⅲ类"), two classes ("Ⅱ-Ⅲ类"), a class in Chinese numerals
// ("三类", a count of kinds as often as a class).
std::optional<QualityClass> read_quality_class(std::string_view text);

// Whether `actual` meets `target` when both are classes: the actual's class at
// least as good as the target asks. nullopt when either is not a class, or the
// actual is a bound ("Ⅲ类以上") that may or may not meet a stricter target.
std::optional<bool> quality_class_met(const Value& target, const Value& actual);

}  // namespace jixiao::core
