// Rounding and printing of scores, rates and money.
#pragma once

#include <string>
#include <string_view>

namespace jixiao::core {

// Rounds half away from zero at `decimals` places, as a person rounding the
// printed decimal would: 14.545 → 14.55 even though the double is 14.5449….
double round_half_up(double value, int decimals = 2);

// Shortest decimal text of `value` with at most `max_decimals` places and no
// trailing zeros: 14.5 → "14.5", 15.0 → "15", 0.123456 → "0.1235".
std::string format_number(double value, int max_decimals = 4);

// `value` as a percentage with at most `max_decimals` places: 0.9597 → "95.97%".
std::string format_percent(double ratio, int max_decimals = 2);

// Whether `computed` agrees with a figure printed with `decimals` places:
// it does when rounding (or truncating) `computed` to that precision gives the
// printed value. This is how a reviewer reads "95.97%" against 57.58/60.
bool agrees_at_precision(double computed, double printed, int decimals);

// Digits after the decimal point in a numeral ("14.50" → 2, "15" → 0).
int decimals_of(std::string_view numeral);

}  // namespace jixiao::core
