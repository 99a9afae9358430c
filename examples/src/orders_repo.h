// examples/src/orders_repo.h: orders stored in PostgreSQL.
#pragma once

#include <optional>
#include <string>

struct pg_conn;

namespace gateway {

struct Order {
  std::string Id;
  std::string Sku;
  long Quantity = 0;
  long long LeaseExpiresAtMs = 0; ///< Set by the database host's clock.
};

class OrdersRepo {
public:
  OrdersRepo();
  ~OrdersRepo();
  std::optional<Order> load(const std::string &Id);
  void insert(const Order &O);

private:
  pg_conn *Conn;
};

} // namespace gateway
