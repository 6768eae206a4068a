#include "core/string_table.h"

#include "core/substring.h"

namespace jixiao::core {

int StringTable::find(std::string_view key) const {
  if (slots_.empty()) return -1;
  const size_t mask = slots_.size() - 1;
  const uint64_t h = hash(key);
  for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
    const int32_t at = slots_[slot];
    if (at < 0) return -1;
    // The stored hash first: a probe rarely compares text that differs.
    if (hashes_[at] == h && same_text(keys_[at], key)) return values_[at];
  }
}

void StringTable::add(std::string_view key, int value) {
  if (find(key) >= 0) return;
  keys_.emplace_back(key);
  hashes_.push_back(hash(key));
  values_.push_back(value);
  if (slots_.size() < 2 * keys_.size()) {
    grow();
    return;
  }
  const size_t mask = slots_.size() - 1;
  size_t slot = hash(key) & mask;
  while (slots_[slot] >= 0) slot = (slot + 1) & mask;
  slots_[slot] = static_cast<int32_t>(keys_.size() - 1);
}

void StringTable::grow() {
  size_t size = 16;
  while (size < 2 * keys_.size()) size *= 2;
  slots_.assign(size, -1);
  for (size_t i = 0; i < keys_.size(); ++i) {
    size_t slot = hash(keys_[i]) & (size - 1);
    while (slots_[slot] >= 0) slot = (slot + 1) & (size - 1);
    slots_[slot] = static_cast<int32_t>(i);
  }
}

}  // namespace jixiao::core
