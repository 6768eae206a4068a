// Seeded random choices for the tests that generate their inputs (property
// and round-trip tests): the same seed gives the same inputs, so a failure
// names a seed that reproduces it.
#pragma once

#include <initializer_list>
#include <random>

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

 private:
  std::mt19937 rng_;
};

}  // namespace jixiao::test
