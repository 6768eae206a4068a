// A small streaming JSON writer: fast enough to print millions of rows, and
// always valid output (strings are escaped, non-finite numbers become null).
#pragma once

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace jixiao::format {

// Appends `s` as a JSON string literal (with quotes).
void append_json_string(std::string& out, std::string_view s);

// Whether `s` can go into a JSON string as it is: no quote, backslash or
// control character.
bool plain_text(std::string_view s);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);
  // A key written in the code ("score"), the most frequent thing written
  // (about 13 per indicator row). Inlined where it is called, so that the
  // check for bytes to escape and the copy of the literal fold into a few
  // constant stores; a key that would need escaping takes the general path.
  template <size_t N>
  [[gnu::always_inline]] JsonWriter& key(const char (&k)[N]) {
    if (!plain_literal(k)) return key(std::string_view(k));
    put_key(k, 0);
    need_comma_ = false;
    return *this;
  }
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  // The shortest text that reads back as `d` (14.55, not 14.550000000000001);
  // scores, weights and money (k/10^4) and rates (k/10^6) in plain decimals,
  // never with an exponent (5000000, not 5e+06). inf and nan become null.
  JsonWriter& value(double d);
  JsonWriter& value(int i) { return value(static_cast<long long>(i)); }
  JsonWriter& value(long long i);
  JsonWriter& value(bool b);
  JsonWriter& null();
  JsonWriter& value(const std::optional<double>& d) { return d ? value(*d) : null(); }
  JsonWriter& value(const std::vector<std::string>& list);
  // A value already written as JSON text: a figure that keeps the decimals
  // it was printed with ("14.50"), or a whole object. Not checked.
  JsonWriter& raw_value(std::string_view json);

  // key(k).value(v)
  template <typename K, typename T>
  [[gnu::always_inline]] JsonWriter& field(const K& k, const T& v) {
    if constexpr (std::is_array_v<K> && std::is_convertible_v<const T&, std::string_view>) {
      return text_field(k, std::string_view(v));
    } else {
      key(k);
      return value(v);
    }
  }

 private:
  // Writes the comma before a value when one is due, and makes one due after
  // it, unless it is a top-level value (those are separated by the caller,
  // one per line). Inline: it runs for every value.
  void separate() {
    if (need_comma_) out_.push_back(',');
    need_comma_ = depth_ > 0;
  }
  // Whether a key literal can be written as it is: no byte to escape, and the
  // array holds exactly the literal (a char buffer may hold a shorter text).
  template <size_t N>
  [[gnu::always_inline]] static bool plain_literal(const char (&k)[N]) {
    bool plain = k[N - 1] == '\0';
    for (size_t i = 0; plain && i + 1 < N; ++i) {
      const auto c = static_cast<unsigned char>(k[i]);
      plain = c >= 0x20 && c != '"' && c != '\\' && c != '\0';
    }
    return plain;
  }

  // Writes the comma when one is due and "k": straight into the output, with
  // room for `extra` more bytes after it, and returns where those go. The
  // comma is written always and kept only when needed: no branch. Assembled
  // in a local buffer and appended, the buffer's stores would be read back
  // before they had landed.
  template <size_t N>
  [[gnu::always_inline]] char* put_key(const char (&k)[N], size_t extra) {
    constexpr size_t n = N - 1;
    const size_t comma = need_comma_ ? 1 : 0;
    const size_t at = out_.size();
    out_.resize(at + comma + n + 3 + extra);
    char* p = out_.data() + at;
    p[0] = ',';
    p += comma;
    p[0] = '"';
    std::memcpy(p + 1, k, n);
    p[n + 1] = '"';
    p[n + 2] = ':';
    return p + n + 3;
  }

  // A field with a literal key and a text value: a value with nothing to
  // escape goes into the same room as its key (one resize for both, the
  // commonest field of all); anything else is written as key and value.
  template <size_t N>
  [[gnu::always_inline]] JsonWriter& text_field(const char (&k)[N], std::string_view v) {
    if (!plain_literal(k) || !plain_text(v)) {
      key(k);
      return value(v);
    }
    char* p = put_key(k, v.size() + 2);
    *p++ = '"';
    if (!v.empty()) std::memcpy(p, v.data(), v.size());
    p[v.size()] = '"';
    need_comma_ = depth_ > 0;
    return *this;
  }

  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);

  std::string& out_;
  int depth_ = 0;            // open containers
  bool need_comma_ = false;  // a value was written in the container still open
};

}  // namespace jixiao::format
