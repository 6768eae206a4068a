// Work done on several threads and handed over in order.
//
// `jixiao score` and the bulk import read and score many files (or many
// blocks of one large file) at once, yet print and store them in the order
// given, as one thread would: run_ordered does each item's work on a worker
// thread and delivers the items on the calling thread, in order, as each one
// and all before it are done.
//
// Contract:
// - work(k, w) runs once for each item k in [0, count) that is not skipped,
//   on worker w in [0, workers); one worker runs one item at a time, so each
//   may keep its own state (a reader, a scorer) indexed by w.
// - deliver(k) runs on the calling thread for k = 0, 1, 2, …, after work(k)
//   has returned; what work(k) wrote is visible to it. It returns false to
//   stop: items not yet started are skipped, and run_ordered returns after the
//   running ones finish. It returns the number of items delivered.
// - Workers stay fewer than `window` items ahead of delivery: the items in
//   flight (started, not delivered) are always k with k % window distinct, so
//   a caller may give item k the buffer slots[k % window] and reuse it.
// - With workers <= 1 there are no threads: work(k, 0) then deliver(k), in turn.
// - Neither callback may throw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace jixiao::app {

using ItemWork = std::function<void(size_t item, unsigned worker)>;
using ItemDelivery = std::function<bool(size_t item)>;

size_t run_ordered(size_t count, unsigned workers, size_t window, const ItemWork& work,
                   const ItemDelivery& deliver);

// The window run_ordered's callers use: two items per worker, so that each
// worker has the next one ready while the delivery catches up.
inline size_t default_window(unsigned workers) {
  return 2 * static_cast<size_t>(workers == 0 ? 1 : workers);
}

// Files from this size on are no item of their own, since an item's output is
// held whole until delivered: callers cut them into blocks (JSON Lines) or
// read them on the calling thread, streaming.
inline constexpr std::uintmax_t kLargeFileBytes = std::uintmax_t{8} << 20;

// $JIXIAO_THREADS when it is a whole number (clamped to 1–64), else one per
// core (at most 16).
unsigned worker_threads();

}  // namespace jixiao::app
