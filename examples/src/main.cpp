// examples/src/main.cpp: wires the order gateway's clients together.
#include "order_service.h"

#include <grpcpp/grpcpp.h>
#include <iostream>

int main(int Argc, char **Argv) {
  auto Channel = grpc::CreateChannel("inventory.internal:50051", grpc::InsecureChannelCredentials());
  gateway::InventoryClient Inventory(Channel);
  gateway::PaymentsClient Payments("http://payments.internal");
  gateway::StockCache Cache("cache.internal", 6379);
  gateway::OrdersRepo Orders;
  gateway::OrderService Service(Inventory, Payments, Cache, Orders);
  bool Ok = Service.place(Argc > 1 ? Argv[1] : "order-1", "A-100", 1, 1999);
  std::cout << (Ok ? "placed" : "failed") << "\n";
  return Ok ? 0 : 1;
}
