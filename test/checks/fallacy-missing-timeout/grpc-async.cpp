// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %grpc_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %grpc_cflags
#include "inventory.grpc.pb.h"
#include <chrono>
#include <grpc/support/log.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <memory>
#include <string>

using inventory::v1::Inventory;
namespace v1 = inventory::v1;

// One call in flight on a completion queue, as the gRPC examples write it.
struct PendingLookup {
  grpc::ClientContext Ctx;
  v1::Item Reply;
  grpc::Status Status;
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::Item>> Reader;
};

// PrepareAsync without a deadline: the completion may never arrive.
void prepareAsyncWithoutDeadline(Inventory::Stub *Stub, grpc::CompletionQueue *Cq,
                                 const v1::GetItemRequest &Req) {
  auto *Call = new PendingLookup;
  Call->Reader = Stub->PrepareAsyncGetItem(&Call->Ctx, Req, Cq);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'PrepareAsyncGetItem' can wait forever for its completion if the peer stops answering: no deadline on ClientContext 'Call.Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Call->Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  // CHECK-FIXES-NEXT: Call->Reader = Stub->PrepareAsyncGetItem(&Call->Ctx, Req, Cq);
  Call->Reader->StartCall();
  Call->Reader->Finish(&Call->Reply, &Call->Status, Call);
}

// A deadline set between PrepareAsync and StartCall is too late: the call exists.
void deadlineAfterPrepare(Inventory::Stub *Stub, grpc::CompletionQueue *Cq) {
  grpc::ClientContext Ctx;
  v1::GetItemRequest Req;
  auto Reader = Stub->PrepareAsyncGetItem(&Ctx, Req, Cq);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'PrepareAsyncGetItem' {{.*}}: no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
  Reader->StartCall();
}

// An asynchronous server-streaming call with an infinite deadline.
void asyncStreamInfiniteDeadline(Inventory::Stub *Stub, grpc::CompletionQueue *Cq, void *Tag) {
  grpc::ClientContext Ctx;
  Ctx.set_deadline(std::chrono::system_clock::time_point::max());
  v1::ListItemsRequest Req;
  auto Reader = Stub->AsyncListItems(&Ctx, Req, Cq, Tag);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:17: warning: 'AsyncListItems' can wait forever for its completion {{.*}}: the timeout on ClientContext 'Ctx' means none [fallacy-missing-timeout]
}

// The callback API: the callback may never run.
void callbackWithoutDeadline(Inventory::Stub *Stub, const v1::GetItemRequest &Req,
                             v1::Item *Item) {
  auto Ctx = std::make_shared<grpc::ClientContext>();
  Stub->async()->GetItem(Ctx.get(), &Req, Item, [Ctx](grpc::Status) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'GetItem' can wait forever for its completion {{.*}}: no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
}

// The callback API through the abstract interface, with gpr_inf_future.
void callbackInfiniteDeadline(Inventory::StubInterface *Stub, const v1::GetItemsRequest &Req,
                              v1::GetItemsReply *Reply, grpc::ClientContext &Ctx) {
  Ctx.set_deadline(gpr_inf_future(GPR_CLOCK_MONOTONIC));
  Stub->async()->GetItems(&Ctx, &Req, Reply, [](grpc::Status) {});
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'GetItems' {{.*}}: the timeout on ClientContext 'Ctx' means none [fallacy-missing-timeout]
}

// A reactor that owns its context and never gives it a deadline.
class ItemLister : public grpc::ClientReadReactor<v1::Item> {
public:
  ItemLister(Inventory::Stub *Stub, const v1::ListItemsRequest &Req) {
    Stub->async()->ListItems(&Ctx, &Req, this);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ListItems' {{.*}}: no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
    // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
    StartRead(&Item);
    StartCall();
  }
  void OnReadDone(bool Ok) override {
    if (Ok)
      StartRead(&Item);
  }
  void OnDone(const grpc::Status &) override { delete this; }

private:
  grpc::ClientContext Ctx;
  v1::Item Item;
};

// The generic stub: every call is asynchronous in gRPC 1.51.
void genericWithoutDeadline(grpc::GenericStub &Stub, grpc::CompletionQueue *Cq,
                            const grpc::ByteBuffer &Request) {
  grpc::ClientContext Ctx;
  auto Call = Stub.PrepareUnaryCall(&Ctx, "/inventory.v1.Inventory/GetItem", Request, Cq);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'PrepareUnaryCall' can wait forever for its completion {{.*}}: no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  Call->StartCall();
}

// The generic callback call, with a deadline only on another context.
void genericCallbackOtherContext(grpc::GenericStub &Stub, const grpc::ByteBuffer *Request,
                                 grpc::ByteBuffer *Response) {
  grpc::ClientContext Parent, Ctx;
  Parent.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  Stub.UnaryCall(&Ctx, "/inventory.v1.Inventory/GetItem", grpc::StubOptions(), Request, Response,
                 [](grpc::Status) {});
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'UnaryCall' {{.*}}: no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
}

// A generic bidirectional stream with no deadline.
void genericBidi(grpc::GenericStub &Stub, grpc::CompletionQueue *Cq) {
  grpc::ClientContext Ctx;
  auto Stream = Stub.PrepareCall(&Ctx, "/inventory.v1.Inventory/WatchStock", Cq);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'PrepareCall' {{.*}}: no deadline on ClientContext 'Ctx' [fallacy-missing-timeout]
  // CHECK-FIXES: Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  Stream->StartCall(nullptr);
}

// One wait for one completion: Next takes no deadline.
bool waitOnce(grpc::CompletionQueue &Cq) {
  void *Tag = nullptr;
  bool Ok = false;
  Cq.Next(&Tag, &Ok);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Next' can block forever if the peer stops answering: CompletionQueue::Next takes no deadline [fallacy-missing-timeout]
  return Ok;
}

// Also as the condition of an if.
void *waitInIf(grpc::CompletionQueue &Cq) {
  void *Tag = nullptr;
  bool Ok = false;
  if (!Cq.Next(&Tag, &Ok) || !Ok)
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Next' {{.*}}: CompletionQueue::Next takes no deadline [fallacy-missing-timeout]
    return nullptr;
  return Tag;
}

// Also inside a macro, as the gRPC examples write it.
void waitInAssert(grpc::CompletionQueue &Cq) {
  void *Tag = nullptr;
  bool Ok = false;
  GPR_ASSERT(Cq.Next(&Tag, &Ok));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Next' {{.*}}: CompletionQueue::Next takes no deadline [fallacy-missing-timeout]
}

// AsyncNext with an infinite deadline is Next.
grpc::CompletionQueue::NextStatus asyncNextInfinite(grpc::CompletionQueue &Cq, void **Tag) {
  bool Ok = false;
  return Cq.AsyncNext(Tag, &Ok, gpr_inf_future(GPR_CLOCK_REALTIME));
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'AsyncNext' can block forever if the peer stops answering: its timeout means none [fallacy-missing-timeout]
}

// So is time_point::max().
void asyncNextMax(grpc::CompletionQueue &Cq) {
  void *Tag = nullptr;
  bool Ok = false;
  Cq.AsyncNext(&Tag, &Ok, std::chrono::system_clock::time_point::max());
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'AsyncNext' {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// DoThenAsyncNext with an infinite deadline.
void doThenAsyncNextInfinite(grpc::CompletionQueue &Cq) {
  void *Tag = nullptr;
  bool Ok = false;
  Cq.DoThenAsyncNext([] {}, &Tag, &Ok, gpr_inf_future(GPR_CLOCK_MONOTONIC));
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'DoThenAsyncNext' {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// --- negatives ---------------------------------------------------------------

// A deadline set before PrepareAsync reaches the call.
void prepareAsyncWithDeadline(Inventory::Stub *Stub, grpc::CompletionQueue *Cq) {
  grpc::ClientContext Ctx;
  Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(300));
  v1::GetItemRequest Req;
  auto Reader = Stub->PrepareAsyncGetItem(&Ctx, Req, Cq); // no-warning
  Reader->StartCall();
}

// The constructor of the call's own struct sets the deadline.
struct TimedLookup {
  TimedLookup() { Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1)); }
  grpc::ClientContext Ctx;
  v1::Item Reply;
  grpc::Status Status;
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::Item>> Reader;
};
void timedLookup(Inventory::Stub *Stub, grpc::CompletionQueue *Cq, const v1::GetItemRequest &Req) {
  auto *Call = new TimedLookup;
  Call->Reader = Stub->PrepareAsyncGetItem(&Call->Ctx, Req, Cq); // no-warning
  Call->Reader->StartCall();
  Call->Reader->Finish(&Call->Reply, &Call->Status, Call);
}

// A project helper that receives the context by reference sets the deadline.
static void withBudget(grpc::ClientContext &Ctx, std::chrono::milliseconds Budget) {
  Ctx.set_deadline(std::chrono::system_clock::now() + Budget);
}
void callbackViaHelper(Inventory::Stub *Stub, const v1::GetItemRequest &Req, v1::Item *Item) {
  auto Ctx = std::make_shared<grpc::ClientContext>();
  withBudget(*Ctx, std::chrono::milliseconds(250));
  Stub->async()->GetItem(Ctx.get(), &Req, Item, [Ctx](grpc::Status) {}); // no-warning
}

// A reactor whose constructor sets the deadline before another method starts the call.
class StockWatcher : public grpc::ClientReadReactor<v1::Item> {
public:
  StockWatcher() { Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::minutes(1)); }
  void start(Inventory::Stub *Stub, const v1::ListItemsRequest &Req) {
    Stub->async()->ListItems(&Ctx, &Req, this); // no-warning
    StartCall();
  }
  void OnDone(const grpc::Status &) override {}

private:
  grpc::ClientContext Ctx;
};

// A downstream call carrying the server's own deadline.
void genericPropagated(grpc::GenericStub &Stub, const grpc::ServerContext &Server,
                       const grpc::ByteBuffer *Request, grpc::ByteBuffer *Response) {
  auto Ctx = grpc::ClientContext::FromServerContext(Server);
  Stub.UnaryCall(Ctx.get(), "/inventory.v1.Inventory/GetItem", grpc::StubOptions(), Request,
                 Response, [](grpc::Status) {}); // no-warning
}

// A generic call whose context a factory in this file configures.
static std::unique_ptr<grpc::ClientContext> contextWithDeadline() {
  auto Ctx = std::make_unique<grpc::ClientContext>();
  Ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  return Ctx;
}
void genericViaFactory(grpc::GenericStub &Stub, grpc::CompletionQueue *Cq,
                       const grpc::ByteBuffer &Request) {
  auto Ctx = contextWithDeadline();
  auto Call = Stub.PrepareUnaryCall(Ctx.get(), "/inventory.v1.Inventory/GetItem", Request,
                                    Cq); // no-warning
  Call->StartCall();
}

// A drain loop: the queue's calls carry their own deadlines; Next ends at shutdown.
void drainLoop(grpc::CompletionQueue &Cq) {
  void *Tag = nullptr;
  bool Ok = false;
  while (Cq.Next(&Tag, &Ok)) // no-warning
    delete static_cast<PendingLookup *>(Tag);
}

// A for loop draining a server's queue (a derived class) is the same.
void serverDrainLoop(grpc::ServerCompletionQueue *Cq) {
  void *Tag = nullptr;
  bool Ok = false;
  for (int Handled = 0; Cq->Next(&Tag, &Ok); ++Handled) { // no-warning
  }
}

// AsyncNext with a finite deadline returns TIMEOUT in time.
void asyncNextFinite(grpc::CompletionQueue &Cq) {
  void *Tag = nullptr;
  bool Ok = false;
  Cq.AsyncNext(&Tag, &Ok, std::chrono::system_clock::now() + std::chrono::milliseconds(100)); // no-warning
}

// AsyncNext with gpr_time_0 polls without waiting.
void asyncNextPoll(grpc::CompletionQueue &Cq) {
  void *Tag = nullptr;
  bool Ok = false;
  Cq.AsyncNext(&Tag, &Ok, gpr_time_0(GPR_CLOCK_REALTIME)); // no-warning
}

// DoThenAsyncNext with a finite deadline.
void doThenAsyncNextFinite(grpc::CompletionQueue &Cq) {
  void *Tag = nullptr;
  bool Ok = false;
  Cq.DoThenAsyncNext([] {}, &Tag, &Ok,
                     std::chrono::system_clock::now() + std::chrono::seconds(1)); // no-warning
}

// A deadline from the caller is not judged.
void asyncNextCallerDeadline(grpc::CompletionQueue &Cq,
                             std::chrono::system_clock::time_point Deadline) {
  void *Tag = nullptr;
  bool Ok = false;
  Cq.AsyncNext(&Tag, &Ok, Deadline); // no-warning
}

// Unevaluated operands never run.
void unevaluated(grpc::CompletionQueue &Cq, Inventory::Stub *Stub) {
  void *Tag = nullptr;
  bool Ok = false;
  grpc::ClientContext Ctx;
  v1::GetItemRequest Req;
  static_assert(sizeof(Cq.Next(&Tag, &Ok)) == sizeof(bool)); // no-warning
  using Reader = decltype(Stub->AsyncGetItem(&Ctx, Req, &Cq)); // no-warning
}

// --- known gaps --------------------------------------------------------------

// A drain loop written with `if (!Next) break;` is not recognised as one.
void drainWithBreakKnownFalsePositive(grpc::CompletionQueue &Cq) {
  for (;;) {
    void *Tag = nullptr;
    bool Ok = false;
    if (!Cq.Next(&Tag, &Ok))
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Next' {{.*}}: CompletionQueue::Next takes no deadline [fallacy-missing-timeout]
      break;
    delete static_cast<PendingLookup *>(Tag);
  }
}
