// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-wall-clock-duration %t -- -- %grpc_cflags
#include "inventory.grpc.pb.h"
#include <chrono>
#include <google/protobuf/util/time_util.h>
#include <grpcpp/grpcpp.h>

using google::protobuf::util::TimeUtil;
using namespace std::chrono_literals;
namespace inv = inventory::v1;

// A deadline handed to gRPC's set_deadline must stay system_clock (gRPC
// converts it to its own realtime clock): reported, not fixed.
bool retryUntilDeadline(inv::Inventory::Stub &Stub, inv::Item *Item) {
  auto Deadline = std::chrono::system_clock::now() + 2s;
  while (std::chrono::system_clock::now() < Deadline) {
    // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: timeout checked against the wall clock: an NTP step makes it fire early or never [fallacy-wall-clock-duration]
    grpc::ClientContext Ctx;
    Ctx.set_deadline(Deadline);
    if (Stub.GetItem(&Ctx, inv::GetItemRequest(), Item).ok())
      return true;
  }
  return false;
}

// Measuring a call's latency with system_clock, the deadline built separately:
// the readings stay local and switch to steady_clock.
long long callLatencyMs(inv::Inventory::Stub &Stub, inv::Item *Item) {
  grpc::ClientContext Ctx;
  Ctx.set_deadline(std::chrono::system_clock::now() + 2s);
  auto T0 = std::chrono::system_clock::now();
  Stub.GetItem(&Ctx, inv::GetItemRequest(), Item);
  auto Took = std::chrono::system_clock::now() - T0;
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: elapsed time measured on the wall clock{{.*}}
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + 2s);
  // CHECK-FIXES: auto T0 = std::chrono::steady_clock::now();
  // CHECK-FIXES: auto Took = std::chrono::steady_clock::now() - T0;
  return std::chrono::duration_cast<std::chrono::milliseconds>(Took).count();
}

// protobuf's TimeUtil::GetCurrentTime() is the wall clock: reported, no fix.
bool slowWithTimeUtil(inv::Inventory::Stub &Stub, inv::Item *Item) {
  grpc::ClientContext Ctx;
  Ctx.set_deadline(std::chrono::system_clock::now() + 2s);
  const google::protobuf::Timestamp Start = TimeUtil::GetCurrentTime();
  Stub.GetItem(&Ctx, inv::GetItemRequest(), Item);
  return TimeUtil::GetCurrentTime() - Start > TimeUtil::MillisecondsToDuration(500);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: elapsed time measured on the wall clock{{.*}}
}

// A peer's time against this host's wall clock is fallacy-cross-host-timestamp's
// business, not a duration on the wall clock.
bool reservationExpired(const inv::ReserveReply &Reply) {
  return Reply.expires_at() < TimeUtil::GetCurrentTime(); // no-warning
}

// The start also builds the gRPC deadline (T0 + 2s): the addition counts as a
// local use, the fix switches T0, and set_deadline(steady time_point) is a
// deleted overload in gRPC.
bool deadlineFromStartKnownFalsePositive(inv::Inventory::Stub &Stub, inv::Item *Item) {
  auto T0 = std::chrono::system_clock::now();
  grpc::ClientContext Ctx;
  Ctx.set_deadline(T0 + 2s);
  Stub.GetItem(&Ctx, inv::GetItemRequest(), Item);
  return std::chrono::system_clock::now() - T0 > 1s;
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: elapsed time measured on the wall clock{{.*}}
  // CHECK-FIXES: auto T0 = std::chrono::steady_clock::now();
  // CHECK-FIXES: Ctx.set_deadline(T0 + 2s);
  // CHECK-FIXES: return std::chrono::steady_clock::now() - T0 > 1s;
}
