// examples/src/order_service.h: the gateway's business logic over its clients.
#pragma once

#include "inventory_client.h"
#include "orders_repo.h"
#include "payments_client.h"
#include "stock_cache.h"

#include <string>
#include <vector>

namespace gateway {

class OrderService {
public:
  OrderService(InventoryClient &Inventory, PaymentsClient &Payments, StockCache &Cache,
               OrdersRepo &Orders);
  bool place(const std::string &OrderId, const std::string &Sku, long Quantity, long Cents);
  std::vector<Order> loadOrders(const std::vector<std::string> &Ids);
  bool leaseExpired(const Order &O) const;
  bool reservationExpired(const shop::inventory::ReserveReply &Reply) const;
  double checkoutSeconds(const std::string &OrderId, const std::string &Sku);

private:
  InventoryClient &Inventory;
  PaymentsClient &Payments;
  StockCache &Cache;
  OrdersRepo &Orders;
};

} // namespace gateway
