// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 %grpc_cflags
// gRPC: grpc::Status and its codes.
#include <grpcpp/grpcpp.h>
#include <chrono>
#include "inventory.grpc.pb.h"

using inventory::v1::Inventory;
namespace v1 = inventory::v1;

// Until ok(), with a per-call deadline only: each attempt ends, the loop does not.
v1::Item getUntilOk(Inventory::Stub &Stub, const v1::GetItemRequest &Req) {
  v1::Item Item;
  for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
    grpc::ClientContext Ctx;
    Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
    grpc::Status S = Stub.GetItem(&Ctx, Req, &Item);
    if (S.ok())
      return Item;
  }
}

// While the status code says UNAVAILABLE.
void whileUnavailable(Inventory::StubInterface &Stub, const v1::GetItemRequest &Req) {
  v1::Item Item;
  grpc::Status S;
  do {
    grpc::ClientContext Ctx;
    S = Stub.GetItem(&Ctx, Req, &Item);
  } while (S.error_code() == grpc::StatusCode::UNAVAILABLE);
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
}

// An attempt limit in a guarded break.
void boundedByAttempts(Inventory::Stub &Stub, const v1::GetItemRequest &Req) {
  v1::Item Item;
  int Attempt = 0;
  while (true) { // no-warning
    grpc::ClientContext Ctx;
    if (Stub.GetItem(&Ctx, Req, &Item).ok())
      break;
    if (++Attempt == 4)
      break;
  }
}

// One overall deadline for all attempts.
void boundedByDeadline(Inventory::Stub &Stub, const v1::GetItemRequest &Req) {
  v1::Item Item;
  const auto Deadline = std::chrono::system_clock::now() + std::chrono::seconds(5);
  while (std::chrono::system_clock::now() < Deadline) { // no-warning
    grpc::ClientContext Ctx;
    Ctx.set_deadline(Deadline);
    if (Stub.GetItem(&Ctx, Req, &Item).ok())
      return;
  }
}

// An asynchronous call retried until its status is ok is a retry too, but the
// status comes back through Finish()'s out-parameter, which is not tracked.
void asyncUntilOkKnownFalseNegative(Inventory::Stub &Stub, grpc::CompletionQueue &Cq, const v1::GetItemRequest &Req) {
  v1::Item Item;
  grpc::Status S;
  while (!S.ok()) { // no-warning
    grpc::ClientContext Ctx;
    auto Rpc = Stub.AsyncGetItem(&Ctx, Req, &Cq);
    Rpc->Finish(&Item, &S, reinterpret_cast<void *>(1));
    void *Tag;
    bool Ok;
    Cq.Next(&Tag, &Ok);
  }
}
