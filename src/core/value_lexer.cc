#include "core/value_lexer.h"

#include "core/units.h"

namespace jixiao::core {

// Punctuation that ends a label or marks prose: a label is a short run of words.
bool is_prose_mark(char32_t cp) {
  switch (cp) {
    case U',':
    case U'.':
    case U';':
    case U':':
    case U'(':
    case U')':
    case U'、':
    case U'。':
    case U'“':
    case U'”':
    case U'《':
    case U'》':
    case U'!':
    case U'?':
    case U'*':
    case U'+':
    case U'\'':
    case U'"':
    case U'[':
    case U']':
      return true;
    default:
      return false;
  }
}

// Reads "1,234.5" at the cursor; false when no digit is there. The value is
// mantissa / 10^decimals, which is the correctly rounded double of what was
// printed (both are exact in a double for up to 15 significant digits).
bool read_number(Cursor& c, double& out, int& decimals) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const size_t start = c.i;
  bool negative = false;
  if (!c.done() && (c.s[c.i] == '-' || c.s[c.i] == '+')) {
    negative = c.s[c.i] == '-';
    ++c.i;
  }
  if (!c.peek_digit()) {
    c.i = start;
    return false;
  }
  double mantissa = 0;
  while (!c.done()) {
    const char ch = c.s[c.i];
    if (is_digit(ch)) {
      mantissa = mantissa * 10 + (ch - '0');
      ++c.i;
    } else if (ch == ',' && c.i + 3 < c.s.size() && is_digit(c.s[c.i + 1]) &&
               is_digit(c.s[c.i + 2]) && is_digit(c.s[c.i + 3]) &&
               (c.i + 4 >= c.s.size() || !is_digit(c.s[c.i + 4]))) {
      ++c.i;  // thousands separator
    } else {
      break;
    }
  }
  decimals = 0;
  if (!c.done() && c.s[c.i] == '.' && c.i + 1 < c.s.size() && is_digit(c.s[c.i + 1])) {
    ++c.i;
    while (c.peek_digit()) {
      if (decimals < 22) {
        mantissa = mantissa * 10 + (c.s[c.i] - '0');
        ++decimals;
      }
      ++c.i;
    }
  }
  const double value = mantissa / kPow10[decimals];
  out = negative ? -value : value;
  return true;
}

// Chinese or Arabic month/quarter numbers 1..12.
bool read_small_number(Cursor& c, int& out) {
  if (c.peek_digit()) {
    int v = 0;
    int digits = 0;
    while (c.peek_digit() && digits < 3) {
      v = v * 10 + (c.s[c.i] - '0');
      ++c.i;
      ++digits;
    }
    out = v;
    return true;
  }
  static constexpr std::string_view kDigits[] = {"一", "二", "三", "四", "五",
                                                 "六", "七", "八", "九"};
  int v = 0;
  if (c.eat("十")) v = 10;
  for (int d = 0; d < 9; ++d) {
    if (c.eat(kDigits[d])) {
      v += d + 1;
      break;
    }
  }
  if (v == 0) return false;
  out = v;
  return true;
}

// Sets `v` to the figure `number` written in `unit` (converted to its canonical unit).
void set_figure(Value& v, Op op, double number, int decimals, std::string_view unit) {
  const UnitReading reading = read_unit(unit);
  v.kind = ValueKind::number;
  v.op = op;
  v.number = number * reading.factor;
  v.factor = reading.factor;
  v.unit.assign(reading.canonical);
  v.unit_known = reading.known;
  v.decimals = decimals;
}

}  // namespace jixiao::core
