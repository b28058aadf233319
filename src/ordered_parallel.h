// Work on N threads, results in input order: what `-j N` needs so that its output is
// byte-identical to `-j 1` (DESIGN.md §1).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tonelint {

// What RunOrdered lets wait behind the item due to be emitted. Results are emitted in input
// order, so while the calling thread is busy with a slow item (a long file, a regex compiled on
// first use) the other threads go on with later items only as far as this allows: too little
// room and they sleep, too much and memory grows with the input. No thread takes a new item
// while `items` items are taken and not yet emitted, or while the results stored and not yet
// emitted weigh `bytes` or more (as RunOrdered's `weigh` counts them). The item due to be
// emitted is always taken, so one result heavier than `bytes` still goes through, alone.
struct Backlog {
  std::size_t items = std::numeric_limits<std::size_t>::max();
  std::size_t bytes = std::numeric_limits<std::size_t>::max();
};

// The weight of a result that counts for nothing but its place in the backlog.
struct WeighNothing {
  template <typename Result>
  std::size_t operator()(const Result&) const {
    return 0;
  }
};

// Calls `work(worker, index)` for every index in [0, count), on `jobs` threads (worker is in
// [0, jobs): the caller keeps per-thread state, such as a Linter, in a vector indexed by it),
// and `emit(index, result)` on the calling thread for index 0, 1, 2, ... in that order, each as
// soon as it and all before it are done and the calling thread is not busy with an item. The
// calling thread is one of the `jobs` threads (worker 0): it works while it has nothing to emit,
// so `-j 2` runs two threads, not three. `backlog` bounds the results waiting to be emitted,
// each weighing `weigh(result)` (called on the thread that made it), so that memory stays
// bounded when one early item is slow. With jobs <= 1 everything runs on the calling thread,
// one item at a time. An exception thrown by `work` is rethrown here when its index is due to
// be emitted; one thrown by `emit` stops the workers and propagates after they joined. `work`
// and `weigh` must be safe to call from several threads at once with different `worker` values
// and results.
template <typename Result, typename Work, typename Emit, typename Weigh = WeighNothing>
void RunOrdered(std::size_t count, std::size_t jobs, Work work, Emit emit, Backlog backlog = {},
                Weigh weigh = {}) {
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      Result result = work(std::size_t{0}, i);
      emit(i, result);
    }
    return;
  }
  jobs = std::min(jobs, count);
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
    std::size_t weight = 0;
  };
  std::vector<Slot> slots(count);
  std::mutex mutex;
  // Two conditions, so that a finished item wakes the calling thread only when it is the one
  // due to be emitted, and an emitted one wakes only the threads waiting for room.
  std::condition_variable due_ready;
  std::condition_variable room;
  std::size_t next = 0;           // the next index to take
  std::size_t emitted = 0;        // indices below this are emitted
  std::size_t stored_weight = 0;  // of the results stored and not yet emitted
  bool stop = false;

  auto has_room = [&] {
    return next - emitted < backlog.items && (stored_weight < backlog.bytes || next == emitted);
  };
  auto may_take = [&] { return !stop && next < count && has_room(); };
  // Runs item `index` (taken under the lock, which is not held here) and stores its result.
  auto run = [&](std::size_t worker, std::size_t index) {
    Slot slot;
    try {
      slot.result.emplace(work(worker, index));
      slot.weight = weigh(*slot.result);
    } catch (...) {
      slot.error = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex);
    stored_weight += slot.weight;
    slots[index] = std::move(slot);
    if (index == emitted) due_ready.notify_one();
  };
  auto worker_loop = [&](std::size_t worker) {
    for (;;) {
      std::size_t index;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return stop || next >= count || has_room(); });
        if (stop || next >= count) return;
        index = next++;
      }
      run(worker, index);
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  for (std::size_t w = 1; w < jobs; ++w) threads.emplace_back(worker_loop, w);
  auto finish = [&] {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    room.notify_all();
    for (std::thread& thread : threads) thread.join();
  };
  try {
    for (std::size_t i = 0; i < count; ++i) {
      Slot slot;
      {
        std::unique_lock<std::mutex> lock(mutex);
        while (!slots[i].result && !slots[i].error) {
          if (may_take()) {
            const std::size_t index = next++;
            lock.unlock();
            run(0, index);
            lock.lock();
          } else {
            // Every item in [i, next) is on another thread, so item i will be stored.
            due_ready.wait(lock, [&] { return slots[i].result || slots[i].error; });
          }
        }
        slot = std::move(slots[i]);
        slots[i] = Slot{};
      }
      if (slot.error) std::rethrow_exception(slot.error);
      emit(i, *slot.result);
      {
        std::lock_guard<std::mutex> lock(mutex);
        emitted = i + 1;
        stored_weight -= slot.weight;
      }
      room.notify_all();
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

}  // namespace tonelint
