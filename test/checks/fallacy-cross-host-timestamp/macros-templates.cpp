// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- -I%src_root/include
#include <chrono>
#include <ctime>
#include <fallacy/annotations.h>
#include <functional>
#include <string>

using Clock = std::chrono::system_clock;
FALLACY_REMOTE_CLOCK Clock::time_point peerTime(const std::string &Peer);
FALLACY_REMOTE_CLOCK time_t peerSeconds(const std::string &Peer);

#define IS_PAST(T) ((T) < Clock::now())
#define OLDER(A, B) ((A) < (B))

// A comparison inside a macro is reported at the macro's use.
bool pastThroughMacro() {
  return IS_PAST(peerTime("a"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: comparing 'peerTime()', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// A macro whose arguments carry both clocks.
bool olderThroughMacro() {
  return OLDER(peerSeconds("a"), time(nullptr));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: comparing 'peerSeconds()'{{.*}}
}

// A template instantiated twice is one defect, reported once.
template <typename Tag> bool expired(const std::string &Peer) {
  return peerTime(Peer) < Clock::now();
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: comparing 'peerTime()'{{.*}}
}
struct Primary {};
struct Replica {};
bool both() { return expired<Primary>("a") && expired<Replica>("b"); }

// A generic function compared with this host's clock: its callers pass a peer's time.
template <typename T> bool beforeNow(T Value) {
  return Value < Clock::now();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: comparing 'peerTime()'{{.*}}
}
bool genericCaller() { return beforeNow(peerTime("a")); }

// A lambda stored in a std::function.
bool throughCallback() {
  std::function<bool(const std::string &)> Stale = [](const std::string &Peer) {
    return Clock::now() - peerTime(Peer) > std::chrono::seconds(30);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: subtracting 'peerTime()'{{.*}}
  };
  return Stale("a");
}

// Unevaluated operands never run.
bool unevaluated() {
  using R = decltype(peerTime("a") < Clock::now()); // no-warning
  return sizeof(peerSeconds("a") - time(nullptr)) == sizeof(long) && // no-warning
         noexcept(peerTime("a") > Clock::now()) == false && R(); // no-warning
}

// A NOLINT comment silences one finding.
bool silenced() {
  return peerSeconds("a") < time(nullptr); // NOLINT(fallacy-cross-host-timestamp): bounded by our NTP SLO
}
