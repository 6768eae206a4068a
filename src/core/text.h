// Text helpers for the way Chinese tables are typed: full-width forms,
// traditional characters, stray spaces. All functions are pure and accept any
// bytes: invalid UTF-8 is passed through byte by byte, never rejected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jixiao::core::text {

// Decodes one UTF-8 code point at s[i], advancing i. Invalid or truncated
// sequences yield the single byte's value and advance by one.
char32_t next_code_point(std::string_view s, size_t& i);

// Appends `cp` encoded as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// Writes `in` into `out` (cleared first) with full-width ASCII turned into
// ASCII (１００％ → 100%), ideographic space into a space, operator look-alikes
// (≧ ≦ ═ ﹥ ﹤ ⩾ ⩽) into ≥ ≤ = > <, the Chinese colon and comma left alone,
// traditional characters common in budget tables into simplified ones, and
// leading and trailing white space removed. `out` keeps its capacity, so a
// caller that reuses it does not allocate.
void normalize_into(std::string_view in, std::string& out);
std::string normalize(std::string_view in);

// Strips ASCII and ideographic white space from both ends.
std::string_view trim(std::string_view s);

// Columns a terminal uses to show `s`: East Asian wide characters count two.
size_t display_width(std::string_view s);

// Number of code points (characters) in `s`.
size_t code_points(std::string_view s);

// 「s」: how messages quote what a user wrote.
std::string quoted(std::string_view s);

// True when `s` contains an ASCII digit.
bool has_digit(std::string_view s);

}  // namespace jixiao::core::text
