#include "app/ordered_work.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace jixiao::app {
namespace {

// Work of random length, so that later items often finish first.
void pause_for(size_t item, unsigned seed) {
  std::mt19937 rng(static_cast<unsigned>(item) * 7919u + seed);
  std::this_thread::sleep_for(std::chrono::microseconds(rng() % 300));
}

struct Case {
  size_t count;
  unsigned workers;
  size_t window;
};

TEST(OrderedWork, DeliversEveryItemOnceInOrderWithinTheWindow) {
  for (const Case c : {Case{0, 2, 4}, Case{1, 2, 4}, Case{2, 2, 4}, Case{60, 2, 4}, Case{60, 3, 1},
                       Case{60, 8, 16}, Case{60, 4, 3}, Case{25, 1, 2}}) {
    SCOPED_TRACE(testing::Message()
                 << c.count << " items, " << c.workers << " workers, window " << c.window);
    std::vector<int> worked(c.count, 0);
    std::vector<size_t> result(c.count, 0);
    std::vector<std::atomic<int>> slot_users(c.window);
    std::atomic<bool> slot_shared{false};
    std::atomic<bool> worker_out_of_range{false};
    std::vector<std::atomic<int>> busy(std::max(1u, c.workers));
    std::atomic<bool> worker_reused{false};
    std::vector<size_t> delivered;
    const std::thread::id caller = std::this_thread::get_id();
    bool delivered_elsewhere = false;

    const size_t n = run_ordered(
        c.count, c.workers, c.window,
        [&](size_t k, unsigned w) {
          if (w >= std::max(1u, c.workers)) worker_out_of_range = true;
          if (busy[w].fetch_add(1) != 0) worker_reused = true;  // one item per worker at once
          if (slot_users[k % c.window].fetch_add(1) != 0) slot_shared = true;
          pause_for(k, c.workers);
          ++worked[k];
          result[k] = k * k;  // read back by deliver
          busy[w].fetch_sub(1);
        },
        [&](size_t k) {
          if (std::this_thread::get_id() != caller) delivered_elsewhere = true;
          EXPECT_EQ(result[k], k * k);
          slot_users[k % c.window].fetch_sub(1);
          delivered.push_back(k);
          return true;
        });
    EXPECT_EQ(n, c.count);
    ASSERT_EQ(delivered.size(), c.count);
    for (size_t k = 0; k < c.count; ++k) {
      EXPECT_EQ(delivered[k], k);
      EXPECT_EQ(worked[k], 1);
    }
    EXPECT_FALSE(slot_shared) << "two items in flight shared a slot";
    EXPECT_FALSE(worker_out_of_range);
    EXPECT_FALSE(worker_reused);
    EXPECT_FALSE(delivered_elsewhere);
  }
}

TEST(OrderedWork, StopsWhenDeliveryRefuses) {
  for (const unsigned workers : {1u, 2u, 4u}) {
    const size_t window = default_window(workers);
    std::mutex mu;
    std::vector<size_t> worked;
    const size_t n = run_ordered(
        100, workers, window,
        [&](size_t k, unsigned) {
          pause_for(k, 1);
          std::lock_guard lock(mu);
          worked.push_back(k);
        },
        [&](size_t k) { return k < 10; });
    EXPECT_EQ(n, 11u) << workers;
    // Items beyond the window of the refused one never start.
    for (const size_t k : worked) EXPECT_LT(k, 11 + window) << workers;
    EXPECT_GE(worked.size(), 11u);
  }
}

TEST(OrderedWork, OneWorkerRunsOnTheCallingThreadInTurn) {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<std::string> trace;
  run_ordered(
      3, 1, 4,
      [&](size_t k, unsigned w) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        EXPECT_EQ(w, 0u);
        trace.push_back("w" + std::to_string(k));
      },
      [&](size_t k) {
        trace.push_back("d" + std::to_string(k));
        return true;
      });
  EXPECT_EQ(trace, (std::vector<std::string>{"w0", "d0", "w1", "d1", "w2", "d2"}));
}

// JIXIAO_THREADS: a whole number, clamped; anything else means one per core.
TEST(OrderedWork, ThreadCountFromTheEnvironment) {
  const char* saved = std::getenv("JIXIAO_THREADS");
  const std::string before = saved != nullptr ? saved : "";
  unsetenv("JIXIAO_THREADS");
  const unsigned per_core = worker_threads();
  EXPECT_GE(per_core, 1u);
  EXPECT_LE(per_core, 16u);
  struct Case {
    const char* value;
    unsigned threads;
  };
  for (const Case c : {Case{"3", 3}, Case{"1", 1}, Case{"0", 1}, Case{"-2", 1}, Case{"500", 64},
                       Case{"", per_core}, Case{"two", per_core}, Case{"4x", per_core}}) {
    setenv("JIXIAO_THREADS", c.value, 1);
    EXPECT_EQ(worker_threads(), c.threads) << "JIXIAO_THREADS=" << c.value;
  }
  if (saved != nullptr) {
    setenv("JIXIAO_THREADS", before.c_str(), 1);
  } else {
    unsetenv("JIXIAO_THREADS");
  }
}

}  // namespace
}  // namespace jixiao::app
