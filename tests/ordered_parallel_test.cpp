#include "ordered_parallel.h"

#include <doctest/doctest.h>

#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace tonelint;

TEST_CASE("RunOrdered emits in input order whatever the threads finish first") {
  for (std::size_t jobs : {1, 2, 4, 8}) {
    std::vector<std::size_t> emitted;
    std::vector<int> workers_seen(jobs, 0);
    RunOrdered<std::string>(
        50, jobs,
        [&](std::size_t worker, std::size_t index) {
          // Early items are slow, so later ones finish first.
          std::this_thread::sleep_for(std::chrono::microseconds((50 - index) * 20));
          CHECK(worker < jobs);
          return std::to_string(index);
        },
        [&](std::size_t index, std::string& result) {
          CHECK(result == std::to_string(index));
          emitted.push_back(index);
        });
    REQUIRE(emitted.size() == 50);
    for (std::size_t i = 0; i < emitted.size(); ++i) CHECK(emitted[i] == i);
  }
}

TEST_CASE("RunOrdered: no items, one item") {
  int calls = 0;
  RunOrdered<int>(0, 4, [](std::size_t, std::size_t) { return 1; }, [&](std::size_t, int&) { ++calls; });
  CHECK(calls == 0);
  RunOrdered<int>(1, 4, [](std::size_t, std::size_t) { return 7; }, [&](std::size_t, int& v) { calls += v; });
  CHECK(calls == 7);
}

TEST_CASE("RunOrdered rethrows a worker's exception when its turn comes") {
  std::vector<std::size_t> emitted;
  CHECK_THROWS_AS(RunOrdered<int>(
                      20, 4,
                      [](std::size_t, std::size_t index) {
                        if (index == 5) throw std::runtime_error("boom");
                        return static_cast<int>(index);
                      },
                      [&](std::size_t index, int&) { emitted.push_back(index); }),
                  std::runtime_error);
  CHECK(emitted.size() == 5);
}

TEST_CASE("RunOrdered: an exception from emit stops the workers and propagates") {
  CHECK_THROWS_AS(RunOrdered<int>(
                      100, 4, [](std::size_t, std::size_t index) { return static_cast<int>(index); },
                      [](std::size_t index, int&) {
                        if (index == 3) throw std::logic_error("stop");
                      }),
                  std::logic_error);
}

TEST_CASE("RunOrdered: the calling thread is worker 0 and works too, so jobs threads in all") {
  const std::thread::id caller = std::this_thread::get_id();
  std::mutex mutex;
  std::vector<std::pair<std::size_t, std::thread::id>> seen;
  RunOrdered<int>(
      200, 2,
      [&](std::size_t worker, std::size_t index) {
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        std::lock_guard<std::mutex> lock(mutex);
        seen.emplace_back(worker, std::this_thread::get_id());
        return static_cast<int>(index);
      },
      [](std::size_t, int&) {});
  REQUIRE(seen.size() == 200);
  std::set<std::thread::id> threads;
  for (const auto& [worker, thread] : seen) {
    CHECK((worker == 0) == (thread == caller));
    threads.insert(thread);
  }
  CHECK(threads.size() <= 2);
}
