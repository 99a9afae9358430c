// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- -I%src_root/include
#include <chrono>
#include <ctime>
#include <fallacy/annotations.h>
#include <string>
#include <vector>

using Clock = std::chrono::system_clock;

// A project's own client for a replicated clock-reporting service.
namespace coord {
// The leader's clock reading, as sent by the leader.
FALLACY_REMOTE_CLOCK Clock::time_point leaderTime(int Replica);
// A peer's lease end, in seconds since the epoch of the peer's clock.
FALLACY_REMOTE_CLOCK time_t leaseEnd(const std::string &Key);
// Hybrid-logical-clock timestamps: comparable across hosts by construction.
struct Hlc {
  Clock::time_point Physical;
  long Logical;
};
} // namespace coord

// A FALLACY_REMOTE_CLOCK result against this host's clock.
bool leaderAhead() {
  return coord::leaderTime(0) > Clock::now();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: comparing 'leaderTime()', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// Subtraction with time().
long secondsLeft(const std::string &Key) {
  return coord::leaseEnd(Key) - time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: subtracting 'leaseEnd()', from a peer's clock, and this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// Two calls are two answers, possibly from two hosts.
bool replicasAgree() {
  return coord::leaderTime(1) == coord::leaderTime(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: ordering times from two hosts' clocks ('leaderTime()' and 'leaderTime()'){{.*}}
}

// One answer stored and compared with itself plus a duration.
bool withinSkewBudget() {
  const Clock::time_point Leader = coord::leaderTime(0);
  return Leader + std::chrono::milliseconds(5) > Leader; // no-warning
}

// A function marked FALLACY_SYNCHRONISED_CLOCK reasons on bounded clocks.
FALLACY_SYNCHRONISED_CLOCK bool commitWaitDone(Clock::time_point CommitTs) {
  return coord::leaderTime(0) > Clock::now() + std::chrono::milliseconds(7) && // no-warning
         Clock::now() > CommitTs;
}

// The mark on an earlier declaration counts for the definition.
bool hlcBefore(const coord::Hlc &A, const coord::Hlc &B);
FALLACY_SYNCHRONISED_CLOCK bool hlcBefore(const coord::Hlc &A, const coord::Hlc &B);
bool hlcBefore(const coord::Hlc &A, const coord::Hlc &B) {
  return coord::leaderTime(0) < Clock::now() || // no-warning
         (A.Physical == B.Physical && A.Logical < B.Logical);
}

// On a method.
struct TrueTimeClient {
  FALLACY_SYNCHRONISED_CLOCK bool definitelyPast() const {
    return coord::leaseEnd("x") < time(nullptr); // no-warning
  }
};

// A function that is not marked, next to marked ones, is still checked.
bool notMarked() {
  return coord::leaseEnd("x") < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: comparing 'leaseEnd()'{{.*}}
}

// A comparator lambda inside a marked function is its own function and
// loses the mark.
FALLACY_SYNCHRONISED_CLOCK void sortByLeaderKnownFalsePositive(std::vector<int> &Replicas) {
  auto ByLeaderTime = [](int A, int B) { return coord::leaderTime(A) < coord::leaderTime(B); };
  // CHECK-MESSAGES: :[[@LINE-1]]:70: warning: ordering times from two hosts' clocks{{.*}}
  (void)ByLeaderTime;
}
