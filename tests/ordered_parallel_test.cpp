#include "ordered_parallel.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
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

TEST_CASE("RunOrdered: behind a slow first item, the others stop at the backlog's bytes") {
  // Each result weighs 10 and the backlog holds 25 bytes: the two other threads take items
  // while fewer than 25 bytes wait, so while item 0 is slow they start at most items 1..4
  // (two stored, 20 bytes; then one each before seeing 40).
  constexpr std::size_t kCount = 40;
  std::mutex mutex;
  std::condition_variable started_more;
  std::size_t highest_started = 0;
  bool first_emitted = false;
  std::size_t highest_before_first_emitted = 0;
  std::vector<std::size_t> emitted;
  RunOrdered<std::string>(
      kCount, 3,
      [&](std::size_t, std::size_t index) {
        std::unique_lock<std::mutex> lock(mutex);
        highest_started = std::max(highest_started, index);
        if (!first_emitted) highest_before_first_emitted = highest_started;
        started_more.notify_all();
        if (index == 0) {
          // Slow until the others have used some of the room, then long enough for them to
          // overrun it if they could.
          started_more.wait_for(lock, std::chrono::seconds(10),
                                [&] { return highest_started >= 3; });
          lock.unlock();
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return std::string(10, 'x');
      },
      [&](std::size_t index, std::string& result) {
        CHECK(result.size() == 10);
        emitted.push_back(index);
        std::lock_guard<std::mutex> lock(mutex);
        first_emitted = true;
      },
      Backlog{.bytes = 25}, [](const std::string& result) { return result.size(); });
  CHECK(highest_before_first_emitted >= 3);
  CHECK(highest_before_first_emitted <= 4);
  REQUIRE(emitted.size() == kCount);
  for (std::size_t i = 0; i < kCount; ++i) CHECK(emitted[i] == i);
}

TEST_CASE("RunOrdered: behind a slow first item, the others stop at the backlog's items") {
  std::mutex mutex;
  std::condition_variable started_more;
  std::size_t highest_started = 0;
  std::size_t highest_while_first_slow = 0;
  RunOrdered<int>(
      30, 2,
      [&](std::size_t, std::size_t index) {
        std::unique_lock<std::mutex> lock(mutex);
        highest_started = std::max(highest_started, index);
        started_more.notify_all();
        if (index == 0) {
          started_more.wait_for(lock, std::chrono::seconds(10),
                                [&] { return highest_started >= 4; });
          lock.unlock();
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
          lock.lock();
          highest_while_first_slow = highest_started;
        }
        return static_cast<int>(index);
      },
      [](std::size_t, int&) {}, Backlog{.items = 5});
  // Items 0..4 are the five taken and not emitted.
  CHECK(highest_while_first_slow == 4);
}

TEST_CASE("RunOrdered: a result heavier than the backlog's bytes still goes through, in order") {
  for (std::size_t jobs : {2, 4}) {
    std::vector<std::size_t> emitted;
    RunOrdered<std::string>(
        60, jobs,
        [](std::size_t, std::size_t index) {
          // Later items finish first.
          std::this_thread::sleep_for(std::chrono::microseconds((60 - index) % 7 * 30));
          return std::string(100, static_cast<char>('a' + index % 26));
        },
        [&](std::size_t index, std::string& result) {
          CHECK(result[0] == static_cast<char>('a' + index % 26));
          emitted.push_back(index);
        },
        Backlog{.bytes = 1}, [](const std::string& result) { return result.size(); });
    REQUIRE(emitted.size() == 60);
    for (std::size_t i = 0; i < emitted.size(); ++i) CHECK(emitted[i] == i);
  }
}
