// REQUIRES: grpc
// The generated headers copied where no .proto sits next to them: the method
// names decide, unless ProtoPaths says where inventory.proto is.
// RUN: rm -rf %t.gen && mkdir -p %t.gen
// RUN: cp %gen_dir/inventory.grpc.pb.h %gen_dir/inventory.pb.h %t.gen/
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 -I%t.gen
// RUN: %check_fallacy -check-suffix=PATHS %s fallacy-non-idempotent-retry %t -- \
// RUN:   --config="{CheckOptions: {fallacy-non-idempotent-retry.ProtoPaths: '%S/../../proto'}}" \
// RUN:   -- -std=c++17 -I%t.gen
#include <grpcpp/grpcpp.h>
#include "inventory.grpc.pb.h"

using inventory::v1::Inventory;
namespace v1 = inventory::v1;

// Without the .proto, "AddLabel" reads as "Add": not idempotent. With
// ProtoPaths, its IDEMPOTENT level is found.
void addLabelRetried(Inventory::Stub &Stub, const v1::GetItemRequest &Req) {
  v1::Item Item;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    if (Stub.AddLabel(&Ctx, Req, &Item).ok())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'AddLabel' can add twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
      return;
  }
}

// GetItem reads as "Get" either way.
void getItemRetried(Inventory::Stub &Stub, const v1::GetItemRequest &Req) {
  v1::Item Item;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    if (Stub.GetItem(&Ctx, Req, &Item).ok()) // no-warning
      return;
  }
}

// AdjustQuantity has no level in the .proto: its name decides either way.
void adjustRetried(Inventory::Stub &Stub, const v1::AdjustRequest &Req) {
  v1::AdjustReply Reply;
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    grpc::ClientContext Ctx;
    if (Stub.AdjustQuantity(&Ctx, Req, &Reply).ok())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'AdjustQuantity' can adjust twice{{.*}} [fallacy-non-idempotent-retry]
      // CHECK-MESSAGES-PATHS: :[[@LINE-2]]:9: warning: 'AdjustQuantity' can adjust twice{{.*}} [fallacy-non-idempotent-retry]
      return;
  }
}
