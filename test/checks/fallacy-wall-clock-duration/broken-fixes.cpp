// RUN: %check_fallacy %s fallacy-wall-clock-duration %t -- -- -std=c++17
// Fix-its that are offered but break the build: each case shows the edit
// applied and says why the result no longer compiles.
#include <chrono>

using namespace std::chrono_literals;
using SysTime = std::chrono::system_clock::time_point;
void work();
void record(SysTime StartedAt);

// Stored in a member with `=`: the overloaded operator= counts as a local
// use, so the fix is offered and `R.Received = T0` no longer compiles.
struct Request {
  SysTime Received;
};
void memberAssignedKnownFalsePositive(Request &R) {
  auto T0 = std::chrono::system_clock::now();
  R.Received = T0;
  work();
  if (std::chrono::system_clock::now() - T0 > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: elapsed time measured on the wall clock{{.*}}
    // CHECK-FIXES: auto T0 = std::chrono::steady_clock::now();
    // CHECK-FIXES: R.Received = T0;
    // CHECK-FIXES: if (std::chrono::steady_clock::now() - T0 > 1s)
    work();
}

// A derived deadline escapes (record(Deadline)) but the start it came from
// does not: the fix switches the start and record() no longer compiles.
void derivedEscapesKnownFalsePositive() {
  auto T0 = std::chrono::system_clock::now();
  auto Deadline = T0 + 5s;
  record(Deadline);
  work();
  if (std::chrono::system_clock::now() - T0 > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: elapsed time measured on the wall clock{{.*}}
    // CHECK-FIXES: auto T0 = std::chrono::steady_clock::now();
    // CHECK-FIXES: record(Deadline);
    // CHECK-FIXES: if (std::chrono::steady_clock::now() - T0 > 1s)
    work();
}

// A member set in a constructor's initialiser: the operand is a member, not a
// local, so its uses are not looked at, and the fix switches the constructor's
// reading, which no longer converts to the member's system_clock type.
class Timer {
public:
  Timer() : Start(std::chrono::system_clock::now()) {}
  bool expired() const {
    return std::chrono::system_clock::now() - Start > 5s;
    // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: elapsed time measured on the wall clock{{.*}}
    // CHECK-FIXES: Timer() : Start(std::chrono::steady_clock::now()) {}
    // CHECK-FIXES: return std::chrono::steady_clock::now() - Start > 5s;
  }

private:
  SysTime Start;
};

// The reading comes from a helper with a declared system_clock return type:
// the fix edits the helper, which no longer compiles.
SysTime stamp() { return std::chrono::system_clock::now(); }
// CHECK-FIXES: SysTime stamp() { return std::chrono::steady_clock::now(); }
void helperStartKnownFalsePositive() {
  auto T0 = stamp();
  work();
  if (std::chrono::system_clock::now() - T0 > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: elapsed time measured on the wall clock{{.*}}
    // CHECK-FIXES: if (std::chrono::steady_clock::now() - T0 > 1s)
    work();
}

// The start is reassigned later: the fix switches only the first reading, so
// `T0 = system_clock::now()` no longer compiles.
bool restartedBrokenFixKnownFalsePositive() {
  auto T0 = std::chrono::system_clock::now();
  work();
  T0 = std::chrono::system_clock::now();
  work();
  return std::chrono::system_clock::now() - T0 > 1s;
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: elapsed time measured on the wall clock{{.*}}
  // CHECK-FIXES: auto T0 = std::chrono::steady_clock::now();
  // CHECK-FIXES: T0 = std::chrono::system_clock::now();
  // CHECK-FIXES: return std::chrono::steady_clock::now() - T0 > 1s;
}
