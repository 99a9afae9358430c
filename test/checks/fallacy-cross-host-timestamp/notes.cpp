// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- %grpc_cflags
#include "leases.grpc.pb.h"
#include <ctime>
#include <google/protobuf/util/time_util.h>

using google::protobuf::util::TimeUtil;
namespace v1 = leases::v1;

// The notes show where each side was read, even through variables, and the remedy.
bool leaseExpired(const v1::Lease &Cached) {
  time_t Expiry = TimeUtil::TimestampToTimeT(Cached.expires_at());
  time_t Now = time(nullptr);
  return Expiry < Now;
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: comparing 'expires_at', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
  // CHECK-NOTES: :[[@LINE-4]]:46: note: this time was written by another host's clock
  // CHECK-NOTES: :[[@LINE-4]]:16: note: this time comes from this host's clock
  // CHECK-NOTES: :[[@LINE-4]]:17: note: order events with a version number or a logical clock, and let one host decide expiry with its own clock
}

// Two peers' times: the second note names the other host.
bool newerGrant(const v1::Lease &Mine, const v1::Lease &Theirs) {
  return Theirs.granted_at() > Mine.granted_at();
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: ordering times from two hosts' clocks ('granted_at' and 'granted_at'): clock skew decides the result [fallacy-cross-host-timestamp]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: this time was written by another host's clock
  // CHECK-NOTES: :[[@LINE-3]]:32: note: and this one by a different host's clock
  // CHECK-NOTES: :[[@LINE-4]]:30: note: order events with a version number {{.*}}
}
