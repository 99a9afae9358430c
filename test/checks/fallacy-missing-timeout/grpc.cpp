// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %grpc_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %grpc_cflags
#include "inventory.grpc.pb.h"
#include <chrono>
#include <grpcpp/grpcpp.h>
#include <memory>

using inventory::v1::Inventory;
namespace v1 = inventory::v1;

// gRPC has no default deadline: a unary call without one waits forever.
grpc::Status unaryWithoutDeadline(Inventory::Stub &Stub, v1::Item *Item) {
  grpc::ClientContext Ctx;
  v1::GetItemRequest Req;
  return Stub.GetItem(&Ctx, Req, Item);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'GetItem' can block forever if the peer stops answering: no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  // CHECK-FIXES-NEXT: return Stub.GetItem(&Ctx, Req, Item);
}

// Server streaming: the reader blocks on the same missing deadline.
void serverStreaming(Inventory::Stub *Stub) {
  grpc::ClientContext Ctx;
  v1::ListItemsRequest Req;
  auto Reader = Stub->ListItems(&Ctx, Req);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'ListItems' can block forever {{.*}} no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  v1::Item Item;
  while (Reader->Read(&Item)) {
  }
}

// Client streaming.
void clientStreaming(Inventory::Stub *Stub) {
  grpc::ClientContext Ctx;
  v1::UploadReply Reply;
  auto Writer = Stub->UploadEvents(&Ctx, &Reply);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'UploadEvents' {{.*}} no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  Writer->WritesDone();
}

// Bidirectional streaming, through the abstract StubInterface.
void bidiStreaming(Inventory::StubInterface *Stub) {
  grpc::ClientContext Ctx;
  auto Stream = Stub->WatchStock(&Ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'WatchStock' {{.*}} no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  Stream->WritesDone();
}

// time_point::max() is an infinite deadline.
void infiniteDeadline(Inventory::Stub *Stub, v1::Item *Item) {
  grpc::ClientContext Ctx;
  Ctx.set_deadline(std::chrono::system_clock::time_point::max());
  v1::GetItemRequest Req;
  Stub->GetItem(&Ctx, Req, Item);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'GetItem' can block forever if the peer stops answering: the timeout on ClientContext 'Ctx' means none [fallacy-missing-timeout]
}

// So is gpr_inf_future.
void gprInfiniteDeadline(Inventory::Stub *Stub, v1::Item *Item) {
  grpc::ClientContext Ctx;
  Ctx.set_deadline(gpr_inf_future(GPR_CLOCK_REALTIME));
  v1::GetItemRequest Req;
  Stub->GetItem(&Ctx, Req, Item);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: {{.*}} the timeout on ClientContext 'Ctx' means none [fallacy-missing-timeout]
}

// A deadline set after the call is too late.
void deadlineAfterCall(Inventory::Stub *Stub, v1::Item *Item) {
  grpc::ClientContext Ctx;
  v1::GetItemRequest Req;
  Stub->GetItem(&Ctx, Req, Item);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}} no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
}

// A deadline on another context does not reach this call.
void otherContext(Inventory::Stub *Stub, v1::Item *Item) {
  grpc::ClientContext Configured, Used;
  Configured.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
  v1::GetItemRequest Req;
  Stub->GetItem(&Used, Req, Item);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}} no deadline on ClientContext 'Used' [fallacy-missing-timeout]
  // CHECK-FIXES: Used.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
}

// A context owned by a unique_ptr: the fix calls through the pointer.
void ownedContext(Inventory::Stub *Stub, v1::Item *Item) {
  auto Ctx = std::make_unique<grpc::ClientContext>();
  v1::GetItemRequest Req;
  Stub->GetItem(Ctx.get(), Req, Item);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}} no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
}

// The asynchronous API without a deadline: the completion may never arrive.
void asyncCall(Inventory::Stub *Stub, grpc::CompletionQueue *Cq) {
  grpc::ClientContext Ctx;
  v1::GetItemRequest Req;
  auto Rpc = Stub->AsyncGetItem(&Ctx, Req, Cq);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'AsyncGetItem' can wait forever for its completion if the peer stops answering: no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
}

// --- negatives ---------------------------------------------------------------

// A deadline set before the call.
void withDeadline(Inventory::Stub *Stub, v1::Item *Item) {
  grpc::ClientContext Ctx;
  Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(250));
  v1::GetItemRequest Req;
  Stub->GetItem(&Ctx, Req, Item); // no-warning
}

// A deadline passed in by the caller as a value.
void deadlineFromCaller(Inventory::Stub *Stub, std::chrono::system_clock::time_point Deadline) {
  grpc::ClientContext Ctx;
  Ctx.set_deadline(Deadline);
  v1::ListItemsRequest Req;
  auto Reader = Stub->ListItems(&Ctx, Req); // no-warning
}

// A project helper that receives the context by reference sets the deadline.
static void applyDeadline(grpc::ClientContext &Ctx, int Ms) {
  Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(Ms));
}
void viaReferenceHelper(Inventory::Stub *Stub, v1::Item *Item) {
  grpc::ClientContext Ctx;
  applyDeadline(Ctx, 100);
  v1::GetItemRequest Req;
  Stub->GetItem(&Ctx, Req, Item); // no-warning
}

// A project factory returns a context with a deadline.
static std::unique_ptr<grpc::ClientContext> makeContext() {
  auto Ctx = std::make_unique<grpc::ClientContext>();
  Ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  return Ctx;
}
void viaFactory(Inventory::Stub *Stub, v1::Item *Item) {
  auto Ctx = makeContext();
  v1::GetItemRequest Req;
  Stub->GetItem(Ctx.get(), Req, Item); // no-warning
}

// A context made by a factory right in the call.
void factoryInCall(Inventory::Stub *Stub, v1::Item *Item) {
  v1::GetItemRequest Req;
  Stub->GetItem(makeContext().get(), Req, Item); // no-warning
}

// A server propagating its own deadline to a downstream call.
void propagated(Inventory::Stub *Stub, const grpc::ServerContext &Server, v1::Item *Item) {
  auto Ctx = grpc::ClientContext::FromServerContext(Server);
  v1::GetItemRequest Req;
  Stub->GetItem(Ctx.get(), Req, Item); // no-warning
}

// The asynchronous API with a deadline: the completion arrives, late or not.
void asyncCallWithDeadline(Inventory::Stub *Stub, grpc::CompletionQueue *Cq) {
  grpc::ClientContext Ctx;
  Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
  v1::GetItemRequest Req;
  auto Rpc = Stub->AsyncGetItem(&Ctx, Req, Cq); // no-warning
}

// A deadline on one branch reaches the call.
void conditionalDeadline(Inventory::Stub *Stub, v1::Item *Item, int Ms) {
  grpc::ClientContext Ctx;
  if (Ms > 0)
    Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(Ms));
  v1::GetItemRequest Req;
  Stub->GetItem(&Ctx, Req, Item); // no-warning
}

// The only caller in this file configures the context it passes.
static grpc::Status fetch(Inventory::Stub *Stub, grpc::ClientContext *Ctx, v1::Item *Item) {
  v1::GetItemRequest Req;
  return Stub->GetItem(Ctx, Req, Item); // no-warning
}
void callerSetsDeadline(Inventory::Stub *Stub, v1::Item *Item) {
  grpc::ClientContext Ctx;
  Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
  fetch(Stub, &Ctx, Item);
}

// Unevaluated operands never run.
void unevaluated(Inventory::Stub *Stub, v1::Item *Item) {
  grpc::ClientContext Ctx;
  v1::GetItemRequest Req;
  using Result = decltype(Stub->GetItem(&Ctx, Req, Item)); // no-warning
}
