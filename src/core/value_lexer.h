// The small pieces every reader of a written value shares (value.cc,
// figure_reader.cc, dates.cc, rewrites.cc): a cursor over normalized text,
// digits, numbers as tables print them, and a figure set in its unit. Internal
// to core; parse_value (value.h) is the reading callers use.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/text.h"
#include "core/value.h"

namespace jixiao::core {

// A UTF-8 cursor over normalized text.
struct Cursor {
  std::string_view s;
  size_t i = 0;

  bool done() const { return i >= s.size(); }
  std::string_view rest() const { return s.substr(i); }
  bool eat(std::string_view word) {
    // A byte loop, not memcmp: the words are short and most differ in the
    // first byte, and the scanner tries many of them at each position.
    if (i > s.size() || s.size() - i < word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      if (s[i + k] != word[k]) return false;
    }
    i += word.size();
    return true;
  }
  char32_t peek() const {
    size_t j = i;
    return done() ? 0 : text::next_code_point(s, j);
  }
  char32_t take() { return text::next_code_point(s, i); }
  bool peek_digit() const { return !done() && s[i] >= '0' && s[i] <= '9'; }
  void skip_spaces() {
    while (!done() && s[i] == ' ') ++i;
  }
};

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Punctuation that ends a label or marks prose: a label is a short run of words.
bool is_prose_mark(char32_t cp);

// Reads "1,234.5" (a sign before it allowed) at the cursor and moves past it;
// false, the cursor unmoved, when no digit is there. `decimals`: the digits
// printed after the point. May give infinity for thousands of digits.
bool read_number(Cursor& c, double& out, int& decimals);

// A month's or a quarter's number at the cursor, in digits (up to three) or in
// Chinese numerals up to 十九 ("三", "十二"); false when there is none.
bool read_small_number(Cursor& c, int& out);

// Sets `v` to the figure `number` written in `unit` (converted to its canonical unit).
void set_figure(Value& v, Op op, double number, int decimals, std::string_view unit);

}  // namespace jixiao::core
