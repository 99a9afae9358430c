// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- %grpc_cflags
#include "leases.grpc.pb.h"
#include <algorithm>
#include <google/protobuf/util/time_util.h>
#include <queue>
#include <vector>

using google::protobuf::util::TimeUtil;
namespace v1 = leases::v1;

// Each comparison operator orders a peer's time against this host's clock.
void everyOperator(const v1::Lease &L, bool *Out) {
  const google::protobuf::Timestamp Now = TimeUtil::GetCurrentTime();
  Out[0] = L.expires_at() < Now;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: comparing 'expires_at', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
  Out[1] = L.expires_at() > Now;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: comparing 'expires_at'{{.*}}
  Out[2] = L.expires_at() <= Now;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: comparing 'expires_at'{{.*}}
  Out[3] = Now >= L.expires_at();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: comparing 'expires_at'{{.*}}
  Out[4] = L.expires_at() == Now;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: comparing 'expires_at'{{.*}}
  Out[5] = L.expires_at() != Now;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: comparing 'expires_at'{{.*}}
}

// Subtraction: "time left" computed across two clocks.
google::protobuf::Duration timeLeft(const v1::Lease &L) {
  return L.expires_at() - TimeUtil::GetCurrentTime();
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: subtracting 'expires_at', from a peer's clock, and this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// Subtraction of two peers' times.
google::protobuf::Duration gap(const v1::Lease &Old, const v1::Lease &New) {
  return New.granted_at() - Old.expires_at();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: subtracting times from two hosts' clocks ('granted_at' and 'expires_at'): clock skew decides the result [fallacy-cross-host-timestamp]
}

// std::max and std::min pick a time by comparing.
google::protobuf::Timestamp latestGrant(const v1::Lease &A, const v1::Lease &B) {
  return std::max(A.granted_at(), B.granted_at());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: ordering times from two hosts' clocks ('granted_at' and 'granted_at'){{.*}}
}
google::protobuf::Timestamp earliestEnd(const v1::Lease &L) {
  return std::min(L.expires_at(), TimeUtil::GetCurrentTime());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: comparing 'expires_at'{{.*}}
}

// A sort comparator ordering leases collected from several servers.
void byExpiry(std::vector<v1::Lease> &Leases) {
  std::sort(Leases.begin(), Leases.end(), [](const v1::Lease &X, const v1::Lease &Y) {
    return X.expires_at() < Y.expires_at();
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: ordering times from two hosts' clocks ('expires_at' and 'expires_at'){{.*}}
  });
}

// A comparator function handed to std::stable_sort.
bool grantedBefore(const v1::Lease &X, const v1::Lease &Y) {
  return X.granted_at() < Y.granted_at();
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: ordering times from two hosts' clocks{{.*}}
}
void byGrant(std::vector<v1::Lease> &Leases) { std::stable_sort(Leases.begin(), Leases.end(), grantedBefore); }

// A heap comparator: the lease that expires first on top.
struct ExpiresLater {
  bool operator()(const v1::Lease &X, const v1::Lease &Y) const {
    return X.expires_at() > Y.expires_at();
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: ordering times from two hosts' clocks{{.*}}
  }
};
using ExpiryQueue = std::priority_queue<v1::Lease, std::vector<v1::Lease>, ExpiresLater>;

// std::push_heap and std::max_element with lambdas.
void heapOps(std::vector<v1::Heartbeat> &Beats) {
  auto Older = [](const v1::Heartbeat &X, const v1::Heartbeat &Y) { return X.ts() > Y.ts(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:83: warning: ordering times from two hosts' clocks ('ts' and 'ts'){{.*}}
  std::push_heap(Beats.begin(), Beats.end(), Older);
  auto Newest = std::max_element(Beats.begin(), Beats.end(), [](const v1::Heartbeat &X, const v1::Heartbeat &Y) {
    return X.sent_at_ms() < Y.sent_at_ms();
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: ordering times from two hosts' clocks{{.*}}
  });
  (void)Newest;
}

// Sorting bare Timestamps compares them inside <algorithm>, a system header:
// the comparison this check would report is not in the user's code.
void sortBareKnownFalseNegative(const v1::ListLeasesReply &A, const v1::ListLeasesReply &B) {
  std::vector<google::protobuf::Timestamp> Ends = {A.leases(0).expires_at(), B.leases(0).expires_at()};
  std::sort(Ends.begin(), Ends.end()); // no-warning
}

// std::max with a comparator (three arguments) is not matched.
google::protobuf::Timestamp maxWithComparatorKnownFalseNegative(const v1::Lease &A, const v1::Lease &B) {
  return std::max(A.granted_at(), B.granted_at(), std::less<google::protobuf::Timestamp>()); // no-warning
}
