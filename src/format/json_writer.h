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
    separate();
    // Straight into the output: assembled in a local buffer and appended,
    // the buffer's stores would be read back before they had landed.
    const size_t at = out_.size();
    out_.resize(at + n + 3);
    char* p = out_.data() + at;
    p[0] = '"';
    std::memcpy(p + 1, k, n);
    p[n + 1] = '"';
    p[n + 2] = ':';
    after_key_ = true;
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
  // Writes the comma before a value unless it is the first of its container
  // or follows a key. Inline: it runs for every value.
  void separate() {
    if (after_key_) {
      after_key_ = false;
    } else if (depth_ > 0) {
      if (!first_[depth_ - 1]) out_.push_back(',');
      first_[depth_ - 1] = false;
    }
  }
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);

  static constexpr int kMaxDepth = 64;  // deeper nesting is a programming error
  std::string& out_;
  bool first_[kMaxDepth] = {};  // per open container: nothing written in it yet
  int depth_ = 0;
  bool after_key_ = false;
};

// Appends `s` as a JSON string literal (with quotes).
void append_json_string(std::string& out, std::string_view s);

}  // namespace jixiao::format
