#include "format/json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
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
  assert(depth_ < kMaxDepth);
  if (depth_ < kMaxDepth) first_[depth_++] = true;
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  out_.push_back(bracket);
  assert(depth_ > 0);
  if (depth_ > 0) --depth_;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  separate();
  append_json_string(out_, k);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  separate();
  append_json_string(out_, s);
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  separate();
  if (!std::isfinite(d)) {
    out_ += "null";
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
