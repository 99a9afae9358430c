// examples/src/inventory_client.cpp: inventory lookups and reservations over gRPC.
#include "inventory_client.h"

#include <chrono>
#include <thread>

namespace gateway {

InventoryClient::InventoryClient(std::shared_ptr<grpc::ChannelInterface> Channel)
    : Stub(shop::inventory::Inventory::NewStub(Channel)) {}

std::optional<shop::inventory::Item> InventoryClient::lookup(const std::string &Sku) {
  grpc::ClientContext Ctx;
  shop::inventory::GetItemRequest Req;
  Req.set_sku(Sku);
  shop::inventory::Item Item;
  // Mistake: no deadline; a stuck inventory replica pins this thread forever.
  grpc::Status S = Stub->GetItem(&Ctx, Req, &Item);
  if (!S.ok())
    return std::nullopt;
  return Item;
}

std::vector<shop::inventory::Item>
InventoryClient::lookupAll(const std::vector<std::string> &Skus) {
  std::vector<shop::inventory::Item> Items;
  // Mistake: one round trip per SKU; GetItems takes them all at once.
  for (const std::string &Sku : Skus)
    if (auto Item = lookup(Sku))
      Items.push_back(*Item);
  return Items;
}

std::optional<std::string> InventoryClient::reserve(const std::string &Sku, long Quantity) {
  shop::inventory::ReserveRequest Req;
  Req.set_sku(Sku);
  Req.set_quantity(Quantity);
  // Mistake: retried until it works, with no pause and no request_id, so a
  // lost reply reserves the stock twice.
  while (true) {
    grpc::ClientContext Ctx;
    Ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(500));
    shop::inventory::ReserveReply Reply;
    grpc::Status S = Stub->ReserveStock(&Ctx, Req, &Reply);
    if (S.ok())
      return Reply.reservation_id();
  }
}

} // namespace gateway
