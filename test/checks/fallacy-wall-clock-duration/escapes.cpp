// RUN: %check_fallacy %s fallacy-wall-clock-duration %t -- -- -std=c++17
// Readings that leave the function as wall-clock time keep system_clock: the
// finding stays, without a fix, and a note names the remedy.
#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

using namespace std::chrono_literals;
using SysTime = std::chrono::system_clock::time_point;
void work();
void record(SysTime StartedAt);

// Converted with to_time_t for a log line.
void loggedStart() {
  auto T0 = std::chrono::system_clock::now();
  work();
  if (std::chrono::system_clock::now() - T0 > 1s) {
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: elapsed time measured on the wall clock: an NTP step makes it negative or huge [fallacy-wall-clock-duration]
    std::time_t At = std::chrono::system_clock::to_time_t(T0);
    std::cerr << "slow request started at " << std::ctime(&At);
  }
}

// Formatted through its epoch count.
std::string stampedDuration() {
  auto T0 = std::chrono::system_clock::now();
  work();
  auto Took = std::chrono::system_clock::now() - T0;
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: elapsed time measured on the wall clock{{.*}}
  std::ostringstream Out;
  Out << T0.time_since_epoch().count() << " took " << Took.count();
  return Out.str();
}

// Passed to a function that wants wall-clock time.
void recordedStart() {
  auto T0 = std::chrono::system_clock::now();
  record(T0);
  work();
  if (std::chrono::system_clock::now() - T0 > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: elapsed time measured on the wall clock{{.*}}
    work();
}

// Returned to the caller.
auto timedStart() {
  auto T0 = std::chrono::system_clock::now();
  work();
  if (std::chrono::system_clock::now() - T0 > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: elapsed time measured on the wall clock{{.*}}
    work();
  return T0;
}

// Stored in a member through aggregate initialisation.
struct Request {
  SysTime Received;
  int Id;
};
Request accept(int Id) {
  auto T0 = std::chrono::system_clock::now();
  Request R{T0, Id};
  work();
  if (std::chrono::system_clock::now() - T0 > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: elapsed time measured on the wall clock{{.*}}
    work();
  return R;
}

// Declared with an explicit type: the variable's type would have to change too.
void explicitType() {
  std::chrono::system_clock::time_point T0 = std::chrono::system_clock::now();
  work();
  if (std::chrono::system_clock::now() - T0 > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: elapsed time measured on the wall clock{{.*}}
    work();
}

// Copied into a variable that escapes.
void copiedAndRecorded() {
  auto T0 = std::chrono::system_clock::now();
  auto Copy = T0;
  record(Copy);
  work();
  if (std::chrono::system_clock::now() - T0 > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: elapsed time measured on the wall clock{{.*}}
    work();
}

// Inside a macro: no edit in a macro's expansion.
#define ELAPSED_SINCE(T) (std::chrono::system_clock::now() - (T))
void throughMacro() {
  auto T0 = std::chrono::system_clock::now();
  work();
  if (ELAPSED_SINCE(T0) > 1s)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: elapsed time measured on the wall clock{{.*}}
    work();
}

// A session's idle timeout kept in a time_point member: `LastActivity = now()`
// is an overloaded operator=, not a built-in assignment, and is not seen as a
// store, so nothing is reported.
class Session {
public:
  void touch() { LastActivity = std::chrono::system_clock::now(); }
  bool idleKnownFalseNegative() const {
    return std::chrono::system_clock::now() - LastActivity > 5min; // no-warning
  }

private:
  SysTime LastActivity;
};

// The same with a time_t member and a built-in assignment is reported.
class CSession {
public:
  void touch() { LastActivity = std::time(nullptr); }
  bool idle() const {
    return std::time(nullptr) - LastActivity > 300;
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: elapsed time measured on the wall clock{{.*}}
  }

private:
  std::time_t LastActivity = 0;
};

// A default member initialiser is not a store the analysis sees: nothing is reported.
struct Lease {
  SysTime Granted = std::chrono::system_clock::now();
  bool old() const { return std::chrono::system_clock::now() - Granted > 1min; } // no-warning
};
bool defaultMemberInitKnownFalseNegative(const Lease &L) { return L.old(); }
