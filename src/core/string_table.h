// A small read-mostly table from strings to ints: open addressing over an
// FNV-1a hash, at most half full. Built once (a rule set's words, the units
// of measure), then looked up millions of times without allocating.
//
// Not thread-safe while adding; find() may be called from many threads once
// the table is built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::core {

class StringTable {
 public:
  // Adds `key` → `value` (≥ 0) unless `key` is already there (the first add wins).
  void add(std::string_view key, int value);
  // The value of `key`, or -1.
  int find(std::string_view key) const;
  size_t size() const { return keys_.size(); }

  static uint64_t hash(std::string_view s) {
    uint64_t h = 14695981039346656037ull;
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
  }

 private:
  void grow();
  std::vector<std::string> keys_;
  std::vector<int> values_;
  std::vector<int32_t> slots_;  // indexes into keys_, -1 empty; size a power of two
};

}  // namespace jixiao::core
