// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- %grpc_cflags
#include "leases.grpc.pb.h"
#include <chrono>
#include <cstdio>
#include <ctime>
#include <google/protobuf/util/time_util.h>
#include <iostream>
#include <vector>

using google::protobuf::util::TimeUtil;
namespace v1 = leases::v1;

// Two fields of one message were written by one clock.
bool grantedBeforeExpiry(const v1::Lease &L) {
  return L.granted_at() < L.expires_at(); // no-warning
}

// The lease's length, from one message, against a duration.
bool longLease(const v1::Lease &L) {
  return L.expires_at() - L.granted_at() > TimeUtil::SecondsToDuration(60); // no-warning
}

// The same field read twice through one variable.
google::protobuf::Timestamp clamp(const v1::Lease &L) {
  return std::max(L.granted_at(), L.expires_at()); // no-warning
}

// Fields of one message reached through a local reference to it.
bool throughReference(const v1::AcquireReply &Reply) {
  const v1::AcquireReply &R = Reply;
  return R.server_time() > Reply.server_time(); // no-warning
}

// Two replies from different calls are two sources, even from one stub.
bool twoReplies(v1::LeaseService::Stub &Stub, grpc::ClientContext &C1, grpc::ClientContext &C2) {
  v1::AcquireRequest Req;
  v1::AcquireReply First, Second;
  Stub.Acquire(&C1, Req, &First);
  Stub.Acquire(&C2, Req, &Second);
  return Second.server_time() < First.server_time();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: ordering times from two hosts' clocks ('server_time' and 'server_time'): clock skew decides the result [fallacy-cross-host-timestamp]
}

// Values only logged or displayed are not compared.
void logLease(const v1::Lease &L) {
  std::cout << "lease " << L.lease_id() << " expires at " << L.expires_at().seconds() // no-warning
            << " (now " << time(nullptr) << ")\n";
}

// A remote time compared with a duration or a constant.
bool farFuture(const v1::Heartbeat &Beat) {
  const int64_t OneYearMs = 365LL * 24 * 3600 * 1000;
  return Beat.sent_at_ms() > OneYearMs && Beat.ts() != 0; // no-warning
}

// A peer's age computed only to be printed is still reported: the
// subtraction is the sink, the printf is not looked at.
void printAgeKnownFalsePositive(const v1::Heartbeat &Beat) {
  std::printf("last heartbeat %lld s ago\n", (long long)(time(nullptr) - Beat.ts()));
  // CHECK-MESSAGES: :[[@LINE-1]]:72: warning: subtracting 'ts', from a peer's clock, and this host's clock{{.*}}
}

// A sub-message reached through its accessor (reply.lease()) is rooted at
// that call, so two fields of one reply look like two sources.
bool nestedSameReplyKnownFalsePositive(const v1::AcquireReply &Reply) {
  return Reply.lease().expires_at() > Reply.server_time();
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: ordering times from two hosts' clocks ('expires_at' and 'server_time'){{.*}}
}
bool nestedSameSubmessageKnownFalsePositive(const v1::AcquireReply &Reply) {
  return Reply.lease().granted_at() < Reply.lease().expires_at();
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: ordering times from two hosts' clocks ('granted_at' and 'expires_at'){{.*}}
}

// The remedy the note suggests, remaining time measured by the server's own
// clock, is itself reported because of the nested accessor.
std::chrono::steady_clock::time_point localExpiryKnownFalsePositive(const v1::AcquireReply &Reply) {
  google::protobuf::Duration Left = Reply.lease().expires_at() - Reply.server_time();
  // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: subtracting times from two hosts' clocks ('expires_at' and 'server_time'){{.*}}
  return std::chrono::steady_clock::now() + std::chrono::milliseconds(TimeUtil::DurationToMilliseconds(Left));
}

// Elements of one repeated field of one reply came from one server.
bool repeatedSameReplyKnownFalsePositive(const v1::ListLeasesReply &Reply) {
  return Reply.leases(0).expires_at() < Reply.leases(1).expires_at();
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: ordering times from two hosts' clocks{{.*}}
}

// A sub-message bound to a reference or copied keeps its reply's clock, but
// the copy is rooted at the new variable.
bool referenceToSubmessageKnownFalsePositive(const v1::AcquireReply &Reply) {
  const v1::Lease &Lease = Reply.lease();
  return Lease.expires_at() > Reply.server_time();
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: ordering times from two hosts' clocks{{.*}}
}
bool copyOfSubmessageKnownFalsePositive(const v1::AcquireReply &Reply) {
  v1::Lease Lease = Reply.lease();
  return Lease.expires_at() > Reply.server_time();
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: ordering times from two hosts' clocks{{.*}}
}

// Leases collected from several replicas into one vector: each element is
// its own source.
bool vectorOfReplies(const std::vector<v1::Lease> &FromReplicas) {
  return FromReplicas[0].expires_at() < FromReplicas[1].expires_at();
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: ordering times from two hosts' clocks{{.*}}
}
