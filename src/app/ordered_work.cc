#include "app/ordered_work.h"

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

namespace jixiao::app {

size_t run_ordered(size_t count, unsigned workers, size_t window, const ItemWork& work,
                   const ItemDelivery& deliver) {
  if (workers <= 1 || count <= 1) {
    for (size_t k = 0; k < count; ++k) {
      work(k, 0);
      if (!deliver(k)) return k + 1;
    }
    return count;
  }
  window = std::max<size_t>(window, 1);
  std::mutex mu;
  std::condition_variable changed;
  size_t next = 0;       // the next item a worker takes
  size_t delivered = 0;  // items delivered
  bool stop = false;     // deliver said stop: no new items
  std::vector<char> done(count, 0);

  auto worker = [&](unsigned w) {
    for (;;) {
      size_t k;
      {
        std::unique_lock lock(mu);
        changed.wait(lock, [&] { return stop || next >= count || next < delivered + window; });
        if (stop || next >= count) return;
        k = next++;
      }
      work(k, w);
      {
        std::lock_guard lock(mu);
        done[k] = 1;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  const unsigned n = static_cast<unsigned>(std::min<size_t>(workers, count));
  threads.reserve(n);
  for (unsigned w = 0; w < n; ++w) threads.emplace_back(worker, w);

  for (size_t k = 0; k < count; ++k) {
    {
      std::unique_lock lock(mu);
      changed.wait(lock, [&] { return done[k] != 0; });
    }
    const bool go_on = deliver(k);
    {
      std::lock_guard lock(mu);
      delivered = k + 1;
      stop = !go_on;
    }
    changed.notify_all();
    if (!go_on) break;
  }
  for (auto& t : threads) t.join();
  return delivered;
}

unsigned worker_threads() {
  if (const char* env = std::getenv("JIXIAO_THREADS"); env != nullptr && *env != '\0') {
    char* end = nullptr;
    const long n = std::strtol(env, &end, 10);
    if (*end == '\0') return static_cast<unsigned>(std::clamp(n, 1L, 64L));
  }
  const unsigned n = std::thread::hardware_concurrency();
  return std::clamp(n, 1u, 16u);
}

}  // namespace jixiao::app
