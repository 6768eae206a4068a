// Chinese numerals in table cells. Actuals are sometimes written out in words
// ("完成培训两期", "培训五百人", "百分之九十六", "九成"), and a reader that took
// them for words would score "完成培训两期" against "≥3期" by its 完成 as
// fully achieved. The figure is rewritten into Arabic digits and the text read
// as any figure is ("完成培训2期"), so both spellings score the same.
#pragma once

#include <string>
#include <string_view>

namespace jixiao::core {

// If `text` (normalized, without Arabic digits) writes exactly one number in
// Chinese numerals, writes `text` into `out` with that number in Arabic
// digits and returns true:
//   - a count or amount: numerals up to 九千九百九十九 (a decimal after 点),
//     or ten thousands of them ("一万二千人", "一万零五百人"), or 百, 千, 万
//     alone before 余 or 多 ("百余人" → "100余人", "万余人" → "10000余人")
//     or after a word of near, at least or over ("近百人" → "近100人", "上千户"
//     → "≥1000户", "过万人" → ">10000人", "逾百家", "超千人", "约百人"),
//     then a counting word or unit ("两次", "五百人", "四百八十万元",
//     "不少于三期"), never followed by 性 ("一次性") nor preceded by 第
//     ("第一批", but "第一名" is a place in a ranking) or by a character that
//     makes 一 part of a word ("统一");
//   - a percentage: "百分之九十六" → "96%", "百分之百" → "100%", "九成以上"
//     → "90%以上";
//   - either written in the capitals of 大写 amounts ("壹佰万元" → "100万元",
//     "伍万元", "壹佰贰拾万元整" with the 整 that closes such an amount).
// Otherwise returns false and leaves `out` alone: words such as "一般",
// "十分满意", "一事一议", "十四五" or "三农" are not numbers, nor are some
// tens ("数十人", "几十家"), which name no one figure. The caller
// still reads the result: it is a candidate, not a figure.
bool arabic_numerals(std::string_view text, std::string& out);

// Against a target counted in `unit` ("≥3期"): `text` with each number in
// Chinese numerals right before `unit` in Arabic digits ("计划三期，完成二期" →
// "计划3期，完成2期", "开展二次培训" → "开展2次培训"), into `out`; true when one
// was. arabic_numerals takes one number, with nothing but its unit after it
// (with more, numerals are mostly a slogan: "三个到位"); the target's unit says
// these count what it counts. Not an ordinal ("第二期"), some tens ("数十人"),
// a word ("统一", "一次性"), none left out ("一个不少", "一户不落"), nor 万 alone
// or after Arabic digits ("48万元" is the figure reader's).
bool arabic_counts(std::string_view text, std::string_view unit, std::string& out);

// If `text` writes one fraction in Chinese numerals ("四分之三", "完成三分之二"),
// writes `text` into `out` with it as Arabic digits over a slash ("3/4",
// "完成2/3"), which the reader of a share of counts reads (clauses.h), and
// returns true. Not 百分之, a percentage (arabic_numerals reads it), nor
// numerals that are no number ("十四五分之一").
bool fraction_in_words(std::string_view text, std::string& out);

// Whether `text` holds a numeral arabic_counts may read (一 to 九, 两, 零, 十, 百, 千, 万,
// or a capital of 大写 amounts): a cheap test before the units are looked for.
bool has_chinese_numerals(std::string_view text);

}  // namespace jixiao::core
