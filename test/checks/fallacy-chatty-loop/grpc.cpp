// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- %grpc_cflags
// gRPC: one synchronous RPC per element, against the generated stubs of test/proto/inventory.proto.
#include "inventory.grpc.pb.h"
#include <chrono>
#include <grpcpp/grpcpp.h>
#include <memory>
#include <string>
#include <vector>

using inventory::v1::Inventory;
namespace v1 = inventory::v1;

static v1::GetItemRequest requestFor(const std::string &Sku) {
  v1::GetItemRequest Req;
  Req.set_sku(Sku);
  return Req;
}

// One unary GetItem per SKU, where GetItems takes them all.
std::vector<v1::Item> itemsOneByOne(Inventory::Stub &Stub, const std::vector<std::string> &Skus) {
  std::vector<v1::Item> Out;
  for (const std::string &Sku : Skus) {
    grpc::ClientContext Ctx;
    Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
    v1::GetItemRequest Req = requestFor(Sku);
    v1::Item Item;
    if (Stub.GetItem(&Ctx, Req, &Item).ok())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'GetItem' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
      Out.push_back(Item);
  }
  return Out;
}

// Through the StubInterface, in an index loop bounded by the request count.
void reserveEach(Inventory::StubInterface *Stub, const std::vector<v1::ReserveRequest> &Reqs) {
  for (size_t I = 0; I < Reqs.size(); ++I) {
    grpc::ClientContext Ctx;
    v1::ReserveReply Reply;
    Stub->ReserveStock(&Ctx, Reqs[I], &Reply);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ReserveStock' costs one round trip{{.*}} [fallacy-chatty-loop]
  }
}

static v1::ListItemsRequest listRequest(const std::string &Prefix) {
  v1::ListItemsRequest Req;
  Req.set_prefix(Prefix);
  return Req;
}

// Opening a server stream per prefix is still one call (and one wait) each.
void listEachPrefix(Inventory::Stub &Stub, const std::vector<std::string> &Prefixes) {
  for (const std::string &Prefix : Prefixes) {
    grpc::ClientContext Ctx;
    auto Reader = Stub.ListItems(&Ctx, listRequest(Prefix));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'ListItems' costs one round trip{{.*}} [fallacy-chatty-loop]
    v1::Item Item;
    while (Reader->Read(&Item)) {
    }
    Reader->Finish();
  }
}

// One batch RPC: the loop only fills the request.
grpc::Status itemsInOneCall(Inventory::Stub &Stub, const std::vector<std::string> &Skus,
                            v1::GetItemsReply *Reply) {
  grpc::ClientContext Ctx;
  v1::GetItemsRequest Req;
  for (const std::string &Sku : Skus) // no-warning
    Req.add_skus(Sku);
  return Stub.GetItems(&Ctx, Req, Reply);
}

// A client stream: writing its messages one by one is how a stream is sent.
void uploadEvents(Inventory::Stub &Stub, const std::vector<v1::StockEvent> &Events) {
  grpc::ClientContext Ctx;
  v1::UploadReply Reply;
  std::unique_ptr<grpc::ClientWriter<v1::StockEvent>> Writer = Stub.UploadEvents(&Ctx, &Reply);
  for (const v1::StockEvent &E : Events) // no-warning
    if (!Writer->Write(E))
      break;
  Writer->WritesDone();
  Writer->Finish();
}

// A bidirectional stream: each request is one message on the same call.
void watchPrefixes(Inventory::Stub &Stub, const std::vector<std::string> &Prefixes) {
  grpc::ClientContext Ctx;
  auto Stream = Stub.WatchStock(&Ctx);
  for (const std::string &Prefix : Prefixes) { // no-warning
    Stream->Write(listRequest(Prefix));
  }
  Stream->WritesDone();
  v1::StockEvent Event;
  while (Stream->Read(&Event)) {
  }
  Stream->Finish();
}

struct Pending {
  grpc::ClientContext Ctx;
  v1::Item Item;
  grpc::Status Status;
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::Item>> Rpc;
};

// The asynchronous API: all calls in flight, then one wait per completion.
void itemsAsync(Inventory::Stub &Stub, const std::vector<std::string> &Skus) {
  grpc::CompletionQueue Cq;
  std::vector<std::unique_ptr<Pending>> Calls;
  for (const std::string &Sku : Skus) { // no-warning
    auto P = std::make_unique<Pending>();
    P->Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
    P->Rpc = Stub.PrepareAsyncGetItem(&P->Ctx, requestFor(Sku), &Cq);
    P->Rpc->StartCall();
    P->Rpc->Finish(&P->Item, &P->Status, P.get());
    Calls.push_back(std::move(P));
  }
  for (size_t Done = 0; Done < Calls.size(); ++Done) { // no-warning
    void *Tag = nullptr;
    bool Ok = false;
    Cq.Next(&Tag, &Ok);
  }
}

// The callback API does not wait in the loop either.
void itemsWithCallbacks(Inventory::Stub &Stub, const std::vector<std::string> &Skus,
                        std::vector<Pending> &Slots) {
  for (size_t I = 0; I < Skus.size(); ++I) { // no-warning
    v1::GetItemRequest Req = requestFor(Skus[I]);
    Stub.async()->GetItem(&Slots[I].Ctx, &Req, &Slots[I].Item, [](grpc::Status) {});
  }
}

// Trying the replicas in turn until one answers is a retry, not N+1.
bool itemFromAnyReplica(const std::vector<Inventory::Stub *> &Replicas, v1::Item *Item) {
  for (Inventory::Stub *Replica : Replicas) { // no-warning
    grpc::ClientContext Ctx;
    if (Replica->GetItem(&Ctx, requestFor("A-100"), Item).ok())
      return true;
  }
  return false;
}

// Two regions, written out: a constant small set.
void bothRegions(Inventory::Stub &East, Inventory::Stub &West) {
  for (Inventory::Stub *Stub : {&East, &West}) { // no-warning
    grpc::ClientContext Ctx;
    v1::Item Item;
    Stub->GetItem(&Ctx, requestFor("A-100"), &Item);
  }
}

// KnownFalseNegative: the request is filled by a setter (`Req.set_sku(Sku)`),
// the usual protobuf style; the element reaches the call only through that
// mutation, which the element tracking does not follow (it follows variable
// initialisers only), so the call is not reported.
void itemsBySetterKnownFalseNegative(Inventory::Stub &Stub, const std::vector<std::string> &Skus) {
  for (const std::string &Sku : Skus) {
    grpc::ClientContext Ctx;
    v1::GetItemRequest Req;
    Req.set_sku(Sku);
    v1::Item Item;
    Stub.GetItem(&Ctx, Req, &Item); // no-warning (should warn)
  }
}
