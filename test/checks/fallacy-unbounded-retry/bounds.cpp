// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 -I%src_root/include
// What bounds a retry (attempts, deadline, range, cancellation) and what does not.
#include <fallacy/annotations.h>
#include <atomic>
#include <chrono>
#include <stdexcept>

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id); // false when it failed

using Clock = std::chrono::steady_clock;

// An attempt counter compared with a limit in the loop condition.
void counterInCondition(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) // no-warning
    if (sendOrder(Id))
      return;
}

// The counter stepped in the condition of a `while`.
void counterInWhileCondition(int Id) {
  int Attempt = 0;
  while (Attempt++ < 5 && !sendOrder(Id)) { // no-warning
  }
}

// A guarded `break` on the counter.
void counterGuardedBreak(int Id) {
  int Attempt = 0;
  while (true) { // no-warning
    if (sendOrder(Id))
      break;
    if (++Attempt >= 5)
      break;
  }
}

// A guarded `return` on the counter.
bool counterGuardedReturn(int Id) {
  for (int Attempt = 0;; ++Attempt) { // no-warning
    if (sendOrder(Id))
      return true;
    if (Attempt == 4)
      return false;
  }
}

// A guarded `throw` on the counter.
void counterGuardedThrow(int Id) {
  int Attempt = 0;
  while (!sendOrder(Id)) { // no-warning
    if (Attempt++ > 3)
      throw std::runtime_error("order service unavailable");
  }
}

// A counter that is stepped but never compared bounds nothing.
void counterNeverCompared(int Id) {
  int Attempts = 0;
  while (!sendOrder(Id))
    ++Attempts;
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
}

// A counter compared only to log, not to leave, bounds nothing.
void counterComparedWithoutExit(int Id, int &Slow) {
  int Attempts = 0;
  while (!sendOrder(Id)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    if (++Attempts > 3)
      ++Slow;
  }
}

// A limit whose 0 means "unlimited" by the code's own convention is no bound.
void zeroMeansUnlimited(int Id, int MaxAttempts) {
  for (int Attempt = 0; MaxAttempts == 0 || Attempt < MaxAttempts; ++Attempt)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    if (sendOrder(Id))
      return;
}

// The same convention with -1, in the guard of the exit.
void minusOneMeansUnlimited(int Id, int MaxAttempts) {
  int Attempt = 0;
  while (!sendOrder(Id)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    if (MaxAttempts > -1 && ++Attempt >= MaxAttempts)
      return;
  }
}

// A deadline compared with the clock in the loop condition.
void deadlineInCondition(int Id) {
  auto Deadline = Clock::now() + std::chrono::seconds(5);
  while (Clock::now() < Deadline) { // no-warning
    if (sendOrder(Id))
      return;
  }
}

// A deadline compared with the clock in a guarded exit.
void deadlineGuard(int Id, Clock::time_point Deadline) {
  while (!sendOrder(Id)) { // no-warning
    if (Clock::now() >= Deadline)
      throw std::runtime_error("deadline exceeded");
  }
}

// Elapsed time since the start compared with a budget.
void elapsedBudget(int Id) {
  const auto Start = Clock::now();
  while (!sendOrder(Id)) { // no-warning
    if (Clock::now() - Start > std::chrono::seconds(10))
      return;
  }
}

// A context whose cancelled() ends the loop.
struct RequestContext {
  bool cancelled() const;
};
void contextCancelled(int Id, const RequestContext &Ctx) {
  while (!Ctx.cancelled()) { // no-warning
    if (sendOrder(Id))
      return;
  }
}

// A stop flag in the condition: the loop is not even taken for a retry.
void atomicCancelFlag(int Id, const std::atomic<bool> &Cancelled) {
  while (!Cancelled) { // no-warning
    if (sendOrder(Id))
      return;
  }
}

// A limit that is the result of the call is no attempt counter.
void resultComparedWithLimit(int Id) {
  int Sent = 0;
  while (true) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    bool Ok = sendOrder(Id);
    Sent = Ok ? 1 : 0;
    if (Sent > 0)
      break;
  }
}

// The guarded `break` of an inner loop ends that loop only: no bound of the
// outer retry (a known false negative before the loop exits were shared).
void innerLoopBreakIsNoBound(int Id, const int *Parts) {
  while (true) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    if (sendOrder(Id))
      return;
    for (int I = 0; I < 8; ++I)
      if (Parts[I] == 0)
        break;
  }
}
