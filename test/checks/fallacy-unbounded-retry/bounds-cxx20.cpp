// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++20 -I%src_root/include
// Bounds written with C++20 library types and operators.
#include <fallacy/annotations.h>
#include <chrono>
#include <stop_token>

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id); // false when it failed

using Clock = std::chrono::steady_clock;

// A std::stop_token tested in a guarded exit is a cancellation bound.
void stopTokenGuard(int Id, std::stop_token Stop) {
  while (true) { // no-warning
    if (sendOrder(Id))
      return;
    if (Stop.stop_requested())
      return;
  }
}

// An attempt counter still bounds the loop in C++20.
void counterInCondition(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) // no-warning
    if (sendOrder(Id))
      return;
}

// In C++20, `now() < Deadline` on time_points is a rewritten operator<=>; it
// is a deadline all the same.
void deadlineInCondition(int Id) {
  auto Deadline = Clock::now() + std::chrono::seconds(5);
  while (Clock::now() < Deadline) { // no-warning
    if (sendOrder(Id))
      return;
  }
}

// The same in a guarded exit.
void deadlineGuard(int Id, Clock::time_point Deadline) {
  while (!sendOrder(Id)) { // no-warning
    if (Clock::now() >= Deadline)
      return;
  }
}
