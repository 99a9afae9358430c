// RUN: %check_fallacy %s fallacy-wall-clock-duration %t -- -- -std=c++20
// C++20: comparisons of time points are rewritten to operator<=>; they are sinks all the same.
#include <chrono>

void work();

// `<` on two system_clock time points is a rewritten `<=>` in C++20.
void pollUntilDeadline() {
  auto Deadline = std::chrono::system_clock::now() + std::chrono::seconds(5);
  while (std::chrono::system_clock::now() < Deadline)
    // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: timeout checked against the wall clock: an NTP step makes it fire early or never [fallacy-wall-clock-duration]
    // CHECK-FIXES: auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    // CHECK-FIXES: while (std::chrono::steady_clock::now() < Deadline)
    work();
}

// `>=` between an elapsed duration and a limit: the subtraction is the sink.
bool tookTooLong() {
  auto Start = std::chrono::system_clock::now();
  work();
  return std::chrono::system_clock::now() - Start >= std::chrono::seconds(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: elapsed time measured on the wall clock{{.*}} [fallacy-wall-clock-duration]
  // CHECK-FIXES: auto Start = std::chrono::steady_clock::now();
  // CHECK-FIXES: return std::chrono::steady_clock::now() - Start >= std::chrono::seconds(3);
}

// steady_clock under the same rewritten comparison is fine.
void pollSteady() {
  auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < Deadline) // no-warning
    work();
}
