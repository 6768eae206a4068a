// A small streaming JSON writer: fast enough to print millions of rows, and
// always valid output (strings are escaped, non-finite numbers become null).
#pragma once

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::format {

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
    constexpr size_t n = N - 1;
    bool plain = k[n] == '\0';
    for (size_t i = 0; plain && i < n; ++i) {
      const auto c = static_cast<unsigned char>(k[i]);
      plain = c >= 0x20 && c != '"' && c != '\\' && c != '\0';
    }
    if (!plain) return key(std::string_view(k));
    // Straight into the output, the comma before it included (written always,
    // kept only when needed: no branch). Assembled in a local buffer and
    // appended, the buffer's stores would be read back before they had landed.
    const size_t comma = need_comma_ ? 1 : 0;
    const size_t at = out_.size();
    out_.resize(at + comma + n + 3);
    char* p = out_.data() + at;
    p[0] = ',';
    p += comma;
    p[0] = '"';
    std::memcpy(p + 1, k, n);
    p[n + 1] = '"';
    p[n + 2] = ':';
    need_comma_ = false;
    return *this;
  }
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
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
  JsonWriter& field(const K& k, const T& v) {
    key(k);
    return value(v);
  }

 private:
  // Writes the comma before a value when one is due, and makes one due after
  // it, unless it is a top-level value (those are separated by the caller,
  // one per line). Inline: it runs for every value.
  void separate() {
    if (need_comma_) out_.push_back(',');
    need_comma_ = depth_ > 0;
  }
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);

  std::string& out_;
  int depth_ = 0;            // open containers
  bool need_comma_ = false;  // a value was written in the container still open
};

// Appends `s` as a JSON string literal (with quotes).
void append_json_string(std::string& out, std::string_view s);

}  // namespace jixiao::format
