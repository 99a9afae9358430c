// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 %grpc_cflags
// gRPC: the method's idempotency_level in inventory.proto (found next to the
// generated header), else the leading verb of its name; request_id fields.
#include <grpcpp/grpcpp.h>
#include <string>
#include "inventory.grpc.pb.h"

using inventory::v1::Inventory;
namespace v1 = inventory::v1;

std::string newUuid(); // a fresh UUID on every call

// AdjustQuantity adds a delta: the name's verb says so and the .proto says nothing.
void adjustRetried(Inventory::Stub &Stub, const v1::AdjustRequest &Req) {
  v1::AdjustReply Reply;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    grpc::Status S = Stub.AdjustQuantity(&Ctx, Req, &Reply);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'AdjustQuantity' can adjust twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
    if (S.ok())
      return;
  }
}

// Through the StubInterface, retried while UNAVAILABLE.
void adjustViaInterface(Inventory::StubInterface &Stub, const v1::AdjustRequest &Req) {
  v1::AdjustReply Reply;
  grpc::Status S;
  do {
    grpc::ClientContext Ctx;
    S = Stub.AdjustQuantity(&Ctx, Req, &Reply);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'AdjustQuantity' can adjust twice{{.*}} [fallacy-non-idempotent-retry]
  } while (S.error_code() == grpc::StatusCode::UNAVAILABLE);
}

// GetItem is declared NO_SIDE_EFFECTS in the .proto.
void getItemRetried(Inventory::Stub &Stub, const v1::GetItemRequest &Req) {
  v1::Item Item;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    if (Stub.GetItem(&Ctx, Req, &Item).ok()) // no-warning
      return;
  }
}

// AddLabel starts with "Add", but the .proto declares it IDEMPOTENT: the .proto wins.
void addLabelRetried(Inventory::Stub &Stub, const v1::GetItemRequest &Req) {
  v1::Item Item;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    if (Stub.AddLabel(&Ctx, Req, &Item).ok()) // no-warning
      return;
  }
}

// ReserveStock without its request_id: each attempt reserves again.
void reserveWithoutKey(Inventory::Stub &Stub) {
  v1::ReserveRequest Req;
  Req.set_sku("sku-1");
  Req.set_quantity(2);
  v1::ReserveReply Reply;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    if (Stub.ReserveStock(&Ctx, Req, &Reply).ok())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'ReserveStock' can reserve twice{{.*}} [fallacy-non-idempotent-retry]
      return;
  }
}

// request_id set once, before the retry: the server drops repeats.
void reserveWithKeySetOnce(Inventory::Stub &Stub) {
  v1::ReserveRequest Req;
  Req.set_sku("sku-1");
  Req.set_request_id(newUuid());
  v1::ReserveReply Reply;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    if (Stub.ReserveStock(&Ctx, Req, &Reply).ok()) // no-warning
      return;
  }
}

// request_id set inside the loop from a value fixed before it: the same key.
void reserveWithFixedKeyPerAttempt(Inventory::Stub &Stub, const std::string &OrderId) {
  v1::ReserveReply Reply;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    v1::ReserveRequest Req;
    Req.set_sku("sku-1");
    Req.set_request_id(OrderId);
    grpc::ClientContext Ctx;
    if (Stub.ReserveStock(&Ctx, Req, &Reply).ok()) // no-warning
      return;
  }
}

// request_id made fresh on every attempt: no protection.
void reserveWithFreshKeyPerAttempt(Inventory::Stub &Stub) {
  v1::ReserveRequest Req;
  Req.set_sku("sku-1");
  v1::ReserveReply Reply;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    Req.set_request_id(newUuid());
    grpc::ClientContext Ctx;
    if (Stub.ReserveStock(&Ctx, Req, &Reply).ok())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'ReserveStock' can reserve twice{{.*}} [fallacy-non-idempotent-retry]
      return;
  }
}

// The same with a request built in the loop.
void reserveWithFreshRequestPerAttempt(Inventory::Stub &Stub) {
  v1::ReserveReply Reply;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    v1::ReserveRequest Req;
    Req.set_request_id(newUuid());
    grpc::ClientContext Ctx;
    if (Stub.ReserveStock(&Ctx, Req, &Reply).ok())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'ReserveStock' can reserve twice{{.*}} [fallacy-non-idempotent-retry]
      return;
  }
}

// ReserveStock run once.
void reserveOnce(Inventory::Stub &Stub, const v1::ReserveRequest &Req) {
  v1::ReserveReply Reply;
  grpc::ClientContext Ctx;
  Stub.ReserveStock(&Ctx, Req, &Reply); // no-warning
}
