// A small read-mostly table from strings to ints: open addressing over an
// FNV-1a hash, at most half full. Built once (a rule set's words, the units
// of measure), then looked up millions of times without allocating.
//
// Not thread-safe while adding; find() may be called from many threads once
// the table is built.
#pragma once

#include <cstdint>
#include <cstring>
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

  // A fast non-cryptographic hash, eight bytes at a time (keys are short).
  static uint64_t hash(std::string_view s) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = s.size() * kMul;
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t chunk;
      std::memcpy(&chunk, s.data() + i, 8);
      h = (h ^ chunk) * kMul;
      h ^= h >> 29;
    }
    uint64_t tail = 0;
    std::memcpy(&tail, s.data() + i, s.size() - i);
    h = (h ^ tail) * kMul;
    return h ^ (h >> 32);
  }

 private:
  void grow();
  std::vector<std::string> keys_;
  std::vector<uint64_t> hashes_;  // hash(keys_[i])
  std::vector<int> values_;
  std::vector<int32_t> slots_;  // indexes into keys_, -1 empty; size a power of two
};

}  // namespace jixiao::core
