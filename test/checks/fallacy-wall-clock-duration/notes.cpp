// RUN: %check_fallacy %s fallacy-wall-clock-duration %t -- -- -std=c++17
#include <chrono>
#include <ctime>

using namespace std::chrono_literals;
void work();

// With a fix: the notes show both readings.
bool slowCall() {
  auto T0 = std::chrono::system_clock::now();
  work();
  return std::chrono::system_clock::now() - T0 > 1s;
  // CHECK-NOTES: :[[@LINE-1]]:43: warning: elapsed time measured on the wall clock: an NTP step makes it negative or huge [fallacy-wall-clock-duration]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: read from the wall clock here
  // CHECK-NOTES: :[[@LINE-5]]:13: note: and here
  // CHECK-FIXES: auto T0 = std::chrono::steady_clock::now();
  // CHECK-FIXES: return std::chrono::steady_clock::now() - T0 > 1s;
}

// Without a fix: the last note names the remedy.
bool slowCCall() {
  time_t Start = time(nullptr);
  work();
  return time(nullptr) - Start > 1;
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: elapsed time measured on the wall clock{{.*}}
  // CHECK-NOTES: :[[@LINE-2]]:10: note: read from the wall clock here
  // CHECK-NOTES: :[[@LINE-5]]:18: note: and here
  // CHECK-NOTES: :[[@LINE-4]]:24: note: measure durations with std::chrono::steady_clock (CLOCK_MONOTONIC), which never jumps
}
