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
  // A tail of under eight bytes is read with fixed-size loads (overlapping
  // where the text is long enough), not a memcpy of variable length, which
  // is a call. Also the hash of the reader's and the word index's memories.
  static uint64_t hash(std::string_view s) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    const char* p = s.data();
    const size_t n = s.size();
    uint64_t h = n * kMul;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      h = (h ^ load<uint64_t>(p + i)) * kMul;
      h ^= h >> 29;
    }
    uint64_t tail = 0;
    if (n >= 8) {
      tail = n > i ? load<uint64_t>(p + n - 8) : 0;
    } else if (n >= 4) {
      tail = (uint64_t{load<uint32_t>(p)} << 32) | load<uint32_t>(p + n - 4);
    } else if (n > 0) {
      tail = (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
             (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
             static_cast<unsigned char>(p[n - 1]);
    }
    h = (h ^ tail) * kMul;
    return h ^ (h >> 32);
  }

 private:
  template <typename T>
  static T load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  void grow();
  std::vector<std::string> keys_;
  std::vector<uint64_t> hashes_;  // hash(keys_[i])
  std::vector<int> values_;
  std::vector<int32_t> slots_;  // indexes into keys_, -1 empty; size a power of two
};

}  // namespace jixiao::core
