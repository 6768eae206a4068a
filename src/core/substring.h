// Whether a short text contains a word: the engine asks this of every
// indicator name and qualitative value ("…控制率", "部分达成"), millions of
// times when a bureau scores a year of evaluations.
//
// std::string_view::find looks for the needle's first byte with memchr and
// then compares. In UTF-8 Chinese most characters share a handful of lead
// bytes (率 and 成 both start with 0xE6/0xE7…), so the first byte matches at
// almost every character and each match costs a call. contains() instead
// tests the needle's first and last bytes at 16 positions at once (SSE2) and
// compares the middle only where both match.
#pragma once

#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <span>
#include <string_view>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace jixiao::core {

namespace detail {
// needle[1 .. k-2] == at[1 .. k-2]; the first and last bytes are known equal.
inline bool middle_equal(const char* at, std::string_view needle) {
  const size_t k = needle.size();
  return k <= 2 || std::memcmp(at + 1, needle.data() + 1, k - 2) == 0;
}
}  // namespace detail

// a == b, compared byte by byte in line: units ("家", "万元") and words are a
// few bytes, where a call to memcmp costs more than the comparison.
inline bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Removes from `s` the first of `words` that it starts with, and says whether
// one did. Tried in order: list a longer word before its own beginning ("已经"
// before "已"). An empty word never matches.
inline bool drop_prefix(std::string_view& s, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (!w.empty() && s.starts_with(w)) {
      s.remove_prefix(w.size());
      return true;
    }
  }
  return false;
}
inline bool drop_prefix(std::string_view& s, std::initializer_list<std::string_view> words) {
  return drop_prefix(s, std::span<const std::string_view>(words.begin(), words.size()));
}

// As drop_prefix, at the end of `s` ("范围内" before "内").
inline bool drop_suffix(std::string_view& s, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (!w.empty() && s.ends_with(w)) {
      s.remove_suffix(w.size());
      return true;
    }
  }
  return false;
}
inline bool drop_suffix(std::string_view& s, std::initializer_list<std::string_view> words) {
  return drop_suffix(s, std::span<const std::string_view>(words.begin(), words.size()));
}

// True when `needle` occurs in `haystack` (an empty needle occurs everywhere).
// Same result as haystack.find(needle) != npos for any bytes.
inline bool contains(std::string_view haystack, std::string_view needle) {
  const size_t k = needle.size();
  if (k == 0) return true;
  if (k > haystack.size()) return false;
  const char* h = haystack.data();
  if (k == 1) return std::memchr(h, needle[0], haystack.size()) != nullptr;
  const size_t last_start = haystack.size() - k;  // the last position a match may start at
#ifdef __SSE2__
  if (last_start >= 15) {
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i last = _mm_set1_epi8(needle[k - 1]);
    // Tests the 16 start positions from `i`; reads h[i .. i+15] and
    // h[i+k-1 .. i+k+14], both inside the haystack while i + 15 <= last_start.
    auto block = [&](size_t i) {
      const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + i));
      const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + i + k - 1));
      auto mask = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
      while (mask != 0) {
        if (detail::middle_equal(h + i + static_cast<size_t>(__builtin_ctz(mask)), needle)) {
          return true;
        }
        mask &= mask - 1;
      }
      return false;
    };
    size_t i = 0;
    for (; i + 15 <= last_start; i += 16) {
      if (block(i)) return true;
    }
    // The positions left over, in one block that overlaps the last one.
    return i <= last_start && block(last_start - 15);
  }
#endif
  for (size_t i = 0; i <= last_start; ++i) {
    if (h[i] == needle[0] && h[i + k - 1] == needle[k - 1] && detail::middle_equal(h + i, needle)) {
      return true;
    }
  }
  return false;
}

// True when any of `needles` occurs in `haystack`.
inline bool contains_any(std::string_view haystack,
                         std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (contains(haystack, needle)) return true;
  }
  return false;
}

}  // namespace jixiao::core
