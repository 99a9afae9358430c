// examples/src/inventory_client.h: the order gateway's client of the inventory gRPC service.
#pragma once

#include "inventory.grpc.pb.h"
#include <grpcpp/grpcpp.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gateway {

class InventoryClient {
public:
  explicit InventoryClient(std::shared_ptr<grpc::ChannelInterface> Channel);

  std::optional<shop::inventory::Item> lookup(const std::string &Sku);
  std::vector<shop::inventory::Item> lookupAll(const std::vector<std::string> &Skus);
  std::optional<std::string> reserve(const std::string &Sku, long Quantity);

private:
  std::unique_ptr<shop::inventory::Inventory::Stub> Stub;
};

} // namespace gateway
