// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- %grpc_cflags
#include "inventory.grpc.pb.h"
#include "leases.grpc.pb.h"
#include <chrono>
#include <ctime>
#include <google/protobuf/util/time_util.h>

using google::protobuf::util::TimeUtil;
namespace inv = inventory::v1;
namespace v1 = leases::v1;

// This host's wall clock, in milliseconds since the epoch.
int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// A google.protobuf.Timestamp field of a reply was set by the server's clock.
bool reservationExpired(const inv::ReserveReply &Reply) {
  return Reply.expires_at() < TimeUtil::GetCurrentTime();
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: comparing 'expires_at', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// A Timestamp field is a time by its type, whatever its name (not_after).
bool certificateExpired(const v1::Lease &Lease) {
  return Lease.not_after() <= TimeUtil::GetCurrentTime();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: comparing 'not_after', from a peer's clock, {{.*}}
}

// An integral field named like a time (sent_at_ms) holds the sender's clock.
bool peerSilent(const v1::Heartbeat &Beat) {
  return nowMs() - Beat.sent_at_ms() > 10000;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: subtracting 'sent_at_ms', from a peer's clock, and this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// A short time name, ts, against time().
bool peerBehind(const v1::Heartbeat &Beat) {
  return Beat.ts() < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: comparing 'ts', from a peer's clock, {{.*}}
}

// A string field named like a time: two peers' texts ordered.
bool modifiedLater(const v1::Heartbeat &Mine, const v1::Heartbeat &Theirs) {
  return Mine.modified() > Theirs.modified();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: ordering times from two hosts' clocks ('modified' and 'modified'): clock skew decides the result [fallacy-cross-host-timestamp]
}

// Last-write-wins between two replicas' copies of one item.
const inv::Item &lastWriter(const inv::Item &Primary, const inv::Item &Replica) {
  return Primary.updated_at() >= Replica.updated_at() ? Primary : Replica;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: ordering times from two hosts' clocks ('updated_at' and 'updated_at'){{.*}}
}

// The remedy: a version number orders writes without any clock.
const inv::Item &lastVersion(const inv::Item &Primary, const inv::Item &Replica) {
  return Primary.version() >= Replica.version() ? Primary : Replica; // no-warning
}

// Fields whose names do not say time (sequence, uptime_ms) are not times.
bool restarted(const v1::Heartbeat &Before, const v1::Heartbeat &After) {
  return After.sequence() < Before.sequence() || After.uptime_ms() < nowMs(); // no-warning
}

// A Duration field (ttl) is a length of time: it has no clock.
bool shortLease(const v1::Lease &Lease) {
  return Lease.ttl() < TimeUtil::SecondsToDuration(5); // no-warning
}

// A server reading its request: the client's clock against the server's.
class LeaseServer final : public v1::LeaseService::Service {
  grpc::Status Beat(grpc::ServerContext *, const v1::Heartbeat *Req, v1::Heartbeat *Res) override {
    if (Req->sent_at_ms() > nowMs())
      // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: comparing 'sent_at_ms', from a peer's clock, {{.*}}
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "from the future");
    Res->set_sent_at_ms(nowMs());
    return grpc::Status::OK;
  }
};

// Names the default TimeFieldPattern takes for times but which are identifiers
// (lease_id: "lease"; modified_by: "modified"): comparing them for equality is
// reported as ordering two hosts' clocks.
bool sameLeaseKnownFalsePositive(const v1::Lease &A, const v1::Lease &B) {
  return A.lease_id() == B.lease_id() && A.holder() == B.holder();
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: ordering times from two hosts' clocks ('lease_id' and 'lease_id'){{.*}}
}
bool sameEditorKnownFalsePositive(const v1::Heartbeat &A, const v1::Heartbeat &B) {
  return A.modified_by() != B.modified_by();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: ordering times from two hosts' clocks ('modified_by' and 'modified_by'){{.*}}
}

// A message this host filled from its own clock is read back as a peer's time:
// the analysis does not see the set_ call.
bool localStampKnownFalsePositive() {
  v1::Heartbeat Beat;
  Beat.set_sent_at_ms(nowMs());
  return nowMs() - Beat.sent_at_ms() > 1000;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: subtracting 'sent_at_ms', from a peer's clock, {{.*}}
}
