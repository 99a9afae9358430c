// examples/src/order_service.cpp: placing and loading orders.
#include "order_service.h"

#include <chrono>

namespace gateway {

OrderService::OrderService(InventoryClient &Inventory, PaymentsClient &Payments,
                           StockCache &Cache, OrdersRepo &Orders)
    : Inventory(Inventory), Payments(Payments), Cache(Cache), Orders(Orders) {}

bool OrderService::place(const std::string &OrderId, const std::string &Sku, long Quantity,
                         long Cents) {
  auto Reservation = Inventory.reserve(Sku, Quantity);
  if (!Reservation)
    return false;
  Cache.addReserved(Sku, Quantity);
  if (!Payments.charge(OrderId, Cents))
    return false;
  Orders.insert(Order{OrderId, Sku, Quantity, 0});
  return true;
}

std::vector<Order> OrderService::loadOrders(const std::vector<std::string> &Ids) {
  std::vector<Order> Out;
  // Mistake: OrdersRepo::load (in orders_repo.cpp) runs one query per id;
  // `WHERE id = ANY($1)` loads them in one round trip.
  for (const std::string &Id : Ids)
    if (auto O = Orders.load(Id))
      Out.push_back(*O);
  return Out;
}

bool OrderService::leaseExpired(const Order &O) const {
  // Mistake: the lease expiry was computed by the database host's clock and is
  // compared with this host's clock; skew decides the answer.
  auto NowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
  return NowMs > O.LeaseExpiresAtMs;
}

bool OrderService::reservationExpired(const shop::inventory::ReserveReply &Reply) const {
  // Mistake: expires_at was set by the inventory host's clock; comparing it
  // with ours lets clock skew release or keep the stock.
  auto ExpiresAt = std::chrono::system_clock::time_point(
      std::chrono::seconds(Reply.expires_at().seconds()));
  return std::chrono::system_clock::now() > ExpiresAt;
}

double OrderService::checkoutSeconds(const std::string &OrderId, const std::string &Sku) {
  // Mistake: the wall clock measures a duration; an NTP step makes it negative
  // or huge.
  auto Start = std::chrono::system_clock::now();
  place(OrderId, Sku, 1, 100);
  auto Stop = std::chrono::system_clock::now();
  return std::chrono::duration<double>(Stop - Start).count();
}

} // namespace gateway
