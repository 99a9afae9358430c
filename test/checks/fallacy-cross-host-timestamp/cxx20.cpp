// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- -std=c++20 -I%src_root/include
// C++20: relational operators on time points are rewritten to operator<=>; they are sinks all the same.
#include <chrono>
#include <fallacy/annotations.h>

FALLACY_REMOTE_CLOCK std::chrono::system_clock::time_point leaseEnd(int Replica);

// A peer's lease end against this host's clock.
bool leaseValid(int Replica) {
  return leaseEnd(Replica) > std::chrono::system_clock::now();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: comparing 'leaseEnd()', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// Two replicas' clocks ordered against each other.
bool newer(int A, int B) {
  return leaseEnd(A) <= leaseEnd(B);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: ordering times from two hosts' clocks ('leaseEnd()' and 'leaseEnd()'): clock skew decides the result [fallacy-cross-host-timestamp]
}

// The same value on both sides: one source, one clock.
bool sameLease(int Replica) {
  auto End = leaseEnd(Replica);
  return End >= End; // no-warning
}
