#include "format/json_writer.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/decimal.h"

namespace jixiao::format {

namespace {

// The index of the first byte of `s` from `i` on that JSON must escape (a
// quote, a backslash or a control character), or s.size().
size_t next_to_escape(std::string_view s, size_t i) {
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i below_space = _mm_set1_epi8(static_cast<char>(0x20 ^ 0x80));
  // One bit per byte of `bytes` that must be escaped.
  const auto escapes = [&](__m128i bytes) {
    // Unsigned c < 0x20 as a signed compare of the bytes with their top bit flipped.
    const __m128i control = _mm_cmplt_epi8(_mm_xor_si128(bytes, flip), below_space);
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        control, _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)))));
  };
  for (; i + 16 <= s.size(); i += 16) {
    const unsigned hits = escapes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i)));
    if (hits != 0) return i + static_cast<size_t>(__builtin_ctz(hits));
  }
  if (i < s.size()) {
    // The last 1–15 bytes (most keys and values are shorter than 16): copied
    // into a block, since reading past the end of `s` is not allowed; the
    // block's padding is masked off.
    const size_t left = s.size() - i;
    alignas(16) char block[16] = {};
    std::memcpy(block, s.data() + i, left);
    const unsigned hits =
        escapes(_mm_load_si128(reinterpret_cast<const __m128i*>(block))) & ((1u << left) - 1);
    return hits != 0 ? i + static_cast<size_t>(__builtin_ctz(hits)) : s.size();
  }
  return s.size();
#else
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return s.size();
#endif
}

// Whether the eight bytes of `x` need no escape: no byte below 0x20, no quote,
// no backslash (exact tests for "some byte is zero / below n", eight at once).
bool word_plain(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const uint64_t control = (x - kOnes * 0x20) & ~x & kHigh;
  return (control | has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\'))) == 0;
}

}  // namespace

// Whether `s` has nothing to escape, without copying or calling: 16 bytes at
// a time where it is that long, else two overlapping 8-byte words, else
// byte by byte (keys such as "score" are that short).
bool plain_text(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
#ifdef __SSE2__
  if (n >= 16) {
    const size_t whole_blocks = n & ~size_t{15};
    return next_to_escape(s.substr(0, whole_blocks), 0) == whole_blocks &&
           next_to_escape(s.substr(n - 16), 0) == 16;
  }
#endif
  if (n >= 8) {
    uint64_t head;
    uint64_t tail;
    std::memcpy(&head, p, 8);
    std::memcpy(&tail, p + n - 8, 8);
    return word_plain(head) && word_plain(tail);
  }
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c < 0x20 || c == '"' || c == '\\') return false;
  }
  return true;
}

namespace {

// Most keys and values are short and need no escape: written with one append
// of "…" (and `suffix`, the colon after a key). False when `s` does not qualify.
bool append_short_plain(std::string& out, std::string_view s, std::string_view suffix) {
  if (!plain_text(s)) return false;
  // Written straight into `out`'s new bytes. Assembled in a local buffer and
  // then appended, the buffer's byte stores were read back by memcpy's wide
  // loads before they had landed: a stall on every key, slower in time than
  // the calls it saved.
  const size_t at = out.size();
  out.resize(at + s.size() + 2 + suffix.size());
  char* p = out.data() + at;
  *p++ = '"';
  p = std::copy(s.begin(), s.end(), p);  // std::copy: an empty view may hold a null pointer
  *p++ = '"';
  std::copy(suffix.begin(), suffix.end(), p);
  return true;
}

// Scores, weights and money are nearly all k/10^4 for a whole k, and score
// rates k/10^6: for those, k's digits with the point put in and trailing zeros
// dropped is the shortest decimal that reads back as d (in plain notation:
// 5000000, where to_chars would write 5e+06), several times cheaper than
// to_chars' general search. False for any other double (and for ±0, whose
// sign to_chars keeps).
bool short_decimal(double d, uint64_t& k, int& decimals, bool& negative) {
  if (d == 0) return false;
  // Below these bounds the spacing of doubles near d is far below 10^-places,
  // so no other decimal of that many places reads back as d, and a shorter
  // one would be one of them.
  constexpr struct {
    double scale;
    int places;
    double below;  // |d| bound
  } kScales[] = {{1e4, 4, 1e11}, {1e6, 6, 1e9}};
  for (const auto& s : kScales) {
    if (!(std::fabs(d) < s.below)) continue;
    const double scaled = d * s.scale;
    const auto whole = static_cast<int64_t>(scaled + (scaled < 0 ? -0.5 : 0.5));
    if (static_cast<double>(whole) / s.scale != d) continue;  // d is not k/10^places
    negative = whole < 0;
    k = static_cast<uint64_t>(negative ? -whole : whole);
    decimals = s.places;
    return true;
  }
  return false;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  if (append_short_plain(out, s, {})) return;
  out.push_back('"');
  // Copy runs of bytes that need no escape at once: almost all text is one run.
  size_t run = 0;
  for (size_t i = next_to_escape(s, 0); i < s.size(); i = next_to_escape(s, i + 1)) {
    const auto c = static_cast<unsigned char>(s[i]);
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(escaped, sizeof escaped);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

JsonWriter& JsonWriter::open(char bracket) {
  separate();
  out_.push_back(bracket);
  ++depth_;
  need_comma_ = false;  // the first value inside has none
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  out_.push_back(bracket);
  assert(depth_ > 0);
  if (depth_ > 0) --depth_;  // a close without an open is a programming error
  need_comma_ = depth_ > 0;  // the container was a value of the one around it
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  if (need_comma_) out_.push_back(',');
  if (!append_short_plain(out_, k, ":")) {
    append_json_string(out_, k);
    out_.push_back(':');
  }
  need_comma_ = false;  // the value follows the colon
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  separate();
  append_json_string(out_, s);
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  separate();
  uint64_t k = 0;
  int decimals = 0;
  bool negative = false;
  if (!std::isfinite(d)) {
    out_ += "null";
  } else if (short_decimal(d, k, decimals, negative)) {
    core::append_decimal(out_, k, decimals, negative);
  } else {
    // Shortest text that reads back as the same double: 14.55, not 14.550000000000001.
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    out_.append(buf, r.ptr);
  }
  return *this;
}

JsonWriter& JsonWriter::value(long long i) {
  separate();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, i);
  out_.append(buf, r.ptr);
  return *this;
}

JsonWriter& JsonWriter::raw_value(std::string_view json) {
  separate();
  out_.append(json);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  separate();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& s : list) value(s);
  return end_array();
}

}  // namespace jixiao::format
