// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 %grpc_cflags
// RUN: %check_fallacy -check-suffix=VERBS %s fallacy-non-idempotent-retry %t -- \
// RUN:   --config="{CheckOptions: {fallacy-non-idempotent-retry.NonIdempotentVerbs: 'Reserve;Charge'}}" \
// RUN:   -- -std=c++17 %grpc_cflags
// RUN: %check_fallacy -check-suffix=SAFE %s fallacy-non-idempotent-retry %t -- \
// RUN:   --config="{CheckOptions: {fallacy-non-idempotent-retry.IdempotentVerbs: 'Adjust;Get'}}" \
// RUN:   -- -std=c++17 %grpc_cflags
// RUN: %check_fallacy -check-suffix=FIELDS %s fallacy-non-idempotent-retry %t -- \
// RUN:   --config="{CheckOptions: {fallacy-non-idempotent-retry.IdempotencyKeyFields: 'dedup_key'}}" \
// RUN:   -- -std=c++17 %grpc_cflags
// NonIdempotentVerbs, IdempotentVerbs and IdempotencyKeyFields.
#include <grpcpp/grpcpp.h>
#include <string>
#include "inventory.grpc.pb.h"

using inventory::v1::Inventory;
namespace v1 = inventory::v1;

std::string newUuid(); // a fresh UUID on every call

// "Adjust" is in the default list; a list without it lets the call through,
// and so does naming Adjust in IdempotentVerbs (it wins a tie).
void adjustRetried(Inventory::Stub &Stub, const v1::AdjustRequest &Req) {
  v1::AdjustReply Reply;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    if (Stub.AdjustQuantity(&Ctx, Req, &Reply).ok())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'AdjustQuantity' can adjust twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
      // CHECK-MESSAGES-FIELDS: :[[@LINE-2]]:9: warning: 'AdjustQuantity' can adjust twice{{.*}} [fallacy-non-idempotent-retry]
      return;
  }
}

// "Reserve" stays in the configured list.
void reserveRetried(Inventory::Stub &Stub) {
  v1::ReserveRequest Req;
  Req.set_sku("sku-1");
  v1::ReserveReply Reply;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    if (Stub.ReserveStock(&Ctx, Req, &Reply).ok())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'ReserveStock' can reserve twice{{.*}} [fallacy-non-idempotent-retry]
      // CHECK-MESSAGES-VERBS: :[[@LINE-2]]:9: warning: 'ReserveStock' can reserve twice{{.*}} [fallacy-non-idempotent-retry]
      // CHECK-MESSAGES-SAFE: :[[@LINE-3]]:9: warning: 'ReserveStock' can reserve twice{{.*}} [fallacy-non-idempotent-retry]
      // CHECK-MESSAGES-FIELDS: :[[@LINE-4]]:9: warning: 'ReserveStock' can reserve twice{{.*}} [fallacy-non-idempotent-retry]
      return;
  }
}

// request_id set once counts by default; not when the key fields are
// configured to something else.
void reserveWithRequestId(Inventory::Stub &Stub) {
  v1::ReserveRequest Req;
  Req.set_sku("sku-1");
  Req.set_request_id(newUuid());
  v1::ReserveReply Reply;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    if (Stub.ReserveStock(&Ctx, Req, &Reply).ok())
      // CHECK-MESSAGES-FIELDS: :[[@LINE-1]]:9: warning: 'ReserveStock' can reserve twice{{.*}} [fallacy-non-idempotent-retry]
      return;
  }
}
