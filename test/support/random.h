// Seeded random choices for the tests that generate their inputs (property
// and round-trip tests): the same seed gives the same inputs, so a failure
// names a seed that reproduces it.
#pragma once

#include <initializer_list>
#include <random>
#include <string>
#include <vector>

namespace jixiao::test {

class Random {
 public:
  explicit Random(unsigned seed) : rng_(seed) {}

  bool chance(double p) { return std::uniform_real_distribution<>(0, 1)(rng_) < p; }
  double uniform(double lo, double hi) { return std::uniform_real_distribution<>(lo, hi)(rng_); }
  // 0 … n−1.
  unsigned below(unsigned n) { return static_cast<unsigned>(rng_() % n); }
  template <typename T>
  T pick(std::initializer_list<T> items) {
    return *(items.begin() + below(static_cast<unsigned>(items.size())));
  }
  // A text of 0 … most−1 pieces, each picked from `pieces` (characters,
  // escapes, broken bytes), for the tests that feed writers random text.
  std::string text(const std::vector<std::string>& pieces, unsigned most) {
    std::string s;
    const unsigned n = below(most);
    for (unsigned k = 0; k < n; ++k) s += pieces[below(static_cast<unsigned>(pieces.size()))];
    return s;
  }

 private:
  std::mt19937 rng_;
};

}  // namespace jixiao::test
