// RUN: %check_fallacy %s fallacy-wall-clock-duration %t -- -- -std=c++17
#include <chrono>
#include <cstdio>
#include <functional>

using namespace std::chrono_literals;
void work();

// Elapsed time between two system_clock readings that stay in the function:
// both readings switch to steady_clock.
long long elapsedMs() {
  auto Start = std::chrono::system_clock::now();
  work();
  auto Took = std::chrono::system_clock::now() - Start;
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: elapsed time measured on the wall clock: an NTP step makes it negative or huge [fallacy-wall-clock-duration]
  // CHECK-FIXES: auto Start = std::chrono::steady_clock::now();
  // CHECK-FIXES: auto Took = std::chrono::steady_clock::now() - Start;
  return std::chrono::duration_cast<std::chrono::milliseconds>(Took).count();
}

// A timeout loop against a deadline computed from the wall clock.
void pollUntilDeadline() {
  auto Deadline = std::chrono::system_clock::now() + 5s;
  while (std::chrono::system_clock::now() < Deadline)
    // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: timeout checked against the wall clock: an NTP step makes it fire early or never [fallacy-wall-clock-duration]
    // CHECK-FIXES: auto Deadline = std::chrono::steady_clock::now() + 5s;
    // CHECK-FIXES: while (std::chrono::steady_clock::now() < Deadline)
    work();
}

// The usual "if (now - t0 > limit)" form, with using-directives.
bool tookTooLong() {
  using namespace std::chrono;
  auto T0 = system_clock::now();
  work();
  return system_clock::now() - T0 > 250ms;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: elapsed time measured on the wall clock{{.*}}
  // CHECK-FIXES: auto T0 = steady_clock::now();
  // CHECK-FIXES: return steady_clock::now() - T0 > 250ms;
}

// duration_cast and count() of the difference: only the duration leaves.
long long elapsedSeconds() {
  auto T0 = std::chrono::system_clock::now();
  work();
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now() - T0).count();
  // CHECK-MESSAGES: :[[@LINE-1]]:92: warning: elapsed time measured on the wall clock{{.*}}
  // CHECK-FIXES: auto T0 = std::chrono::steady_clock::now();
  // CHECK-FIXES: return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - T0).count();
}

// The start captured by a lambda that measures.
bool lambdaMeasures() {
  auto T0 = std::chrono::system_clock::now();
  auto Elapsed = [&] { return std::chrono::system_clock::now() - T0; };
  // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: elapsed time measured on the wall clock{{.*}}
  // CHECK-FIXES: auto T0 = std::chrono::steady_clock::now();
  // CHECK-FIXES: auto Elapsed = [&] { return std::chrono::steady_clock::now() - T0; };
  work();
  return Elapsed() > 1s;
}

// A template instantiated twice: one finding, one fix.
template <typename F> void timed(F Fn) {
  auto T0 = std::chrono::system_clock::now();
  Fn();
  if (std::chrono::system_clock::now() - T0 > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: elapsed time measured on the wall clock{{.*}}
    // CHECK-FIXES: auto T0 = std::chrono::steady_clock::now();
    // CHECK-FIXES: if (std::chrono::steady_clock::now() - T0 > 1s)
    std::puts("slow");
}
void instantiate() {
  timed([] { work(); });
  timed(std::function<void()>(work));
}

// steady_clock is the right clock for durations and timeouts.
bool steadyTimeout() {
  auto Deadline = std::chrono::steady_clock::now() + 2s;
  work();
  return std::chrono::steady_clock::now() - Deadline > 0s || std::chrono::steady_clock::now() > Deadline; // no-warning
}

// One wall-clock reading against a constant or a duration is no measurement.
bool epochSet(std::chrono::system_clock::time_point T) {
  return T.time_since_epoch() > 0s && T != std::chrono::system_clock::time_point{} && // no-warning
         T < std::chrono::system_clock::time_point::max();
}

// libstdc++'s high_resolution_clock is system_clock: reported; not fixed,
// since the spelling is not system_clock (the note names the remedy).
bool highResolution() {
  auto T0 = std::chrono::high_resolution_clock::now();
  work();
  return std::chrono::high_resolution_clock::now() - T0 > 1ms;
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: elapsed time measured on the wall clock{{.*}}
}

// A clock alias: reported, not fixed (the alias may be used elsewhere).
using Clock = std::chrono::system_clock;
bool throughAlias() {
  auto T0 = Clock::now();
  work();
  return Clock::now() - T0 > 1ms;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: elapsed time measured on the wall clock{{.*}}
}

// Two sinks share the same readings: each finding carries the same edits,
// clang-tidy drops both as overlapping, and no fix is applied at all.
bool twoSinksNoFixKnownFalseNegative() {
  auto T0 = std::chrono::system_clock::now();
  work();
  auto T1 = std::chrono::system_clock::now();
  if (T1 - T0 > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: elapsed time measured on the wall clock{{.*}}
    return true;
  return T1 > T0 + 2s;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: timeout checked against the wall clock{{.*}}
  // CHECK-FIXES: auto T0 = std::chrono::system_clock::now();
  // CHECK-FIXES: auto T1 = std::chrono::system_clock::now();
}

// The project's own now() is judged by what it returns, not by its name.
namespace app {
std::chrono::steady_clock::time_point now() { return std::chrono::steady_clock::now(); }
std::chrono::system_clock::time_point wallNow() { return std::chrono::system_clock::now(); }
} // namespace app
bool steadyHelper() {
  auto Start = app::now();
  work();
  return app::now() - Start > 2s; // no-warning
}
bool wallHelper() {
  auto Start = app::wallNow();
  work();
  return app::wallNow() - Start > 2s;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: elapsed time measured on the wall clock{{.*}} [fallacy-wall-clock-duration]
}
