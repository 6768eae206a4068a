// Figures in running text: "480.00万元", "50%", "91.5分", "1,234.5万元",
// read with the decimals they were printed with and the unit after them.
// Full-width digits, percent signs and commas are read as ASCII ones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jixiao::audit {

struct Number {
  double value = 0;
  int decimals = 0;  // as printed
  size_t begin = 0;  // byte offsets of the numeral in the text
  size_t end = 0;    // past the numeral and its unit
  std::string unit;  // "万元", "元", "%", "分", "家", …; "" when none follows
};

// Every number in `text`, in order. Digits inside a word of letters and
// digits ("12345热线" is a number followed by 热线; "S1" is none) are read as
// written: callers choose by unit.
std::vector<Number> numbers_in(std::string_view text);

// The first number at or after byte `from` in `text` with unit `unit` ("" for
// any), when no more than `max_gap` characters stand between `from` and it
// and none of them is a digit or a clause break (，。；：). Returns false
// otherwise.
bool number_after(std::string_view text, size_t from, std::string_view unit, int max_gap,
                  Number& out);

// Whether `text` contains `word`.
inline bool has(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

// Splits a paragraph into sentences at 。；！？ (kept with the sentence), and
// line breaks; empty pieces are left out. Offsets are into `text`.
std::vector<std::string_view> sentences(std::string_view text);

// "50%" / "91.5": a figure printed back with its decimals.
std::string show(double value, int decimals);

}  // namespace jixiao::audit
