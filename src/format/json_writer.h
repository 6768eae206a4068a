// A small streaming JSON writer: fast enough to print millions of rows, and
// always valid output (strings are escaped, non-finite numbers become null).
#pragma once

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
  template <typename T>
  JsonWriter& field(std::string_view k, const T& v) {
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
