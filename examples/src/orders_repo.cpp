// examples/src/orders_repo.cpp: order rows through libpq.
#include "orders_repo.h"

#include <cstdlib>
#include <libpq-fe.h>

namespace gateway {

// Mistake: the service entry in pg_service.conf sets no connect_timeout, and
// nothing sets a statement_timeout: the connect and every query can hang.
OrdersRepo::OrdersRepo() : Conn(PQconnectdb("service=orders")) {}

OrdersRepo::~OrdersRepo() { PQfinish(Conn); }

std::optional<Order> OrdersRepo::load(const std::string &Id) {
  const char *Params[] = {Id.c_str()};
  PGresult *R = PQexecParams(Conn,
                             "SELECT id, sku, quantity, "
                             "(extract(epoch from lease_expires_at) * 1000)::bigint "
                             "FROM orders WHERE id = $1",
                             1, nullptr, Params, nullptr, nullptr, 0);
  std::optional<Order> Out;
  if (PQresultStatus(R) == PGRES_TUPLES_OK && PQntuples(R) == 1)
    Out = Order{PQgetvalue(R, 0, 0), PQgetvalue(R, 0, 1), std::atol(PQgetvalue(R, 0, 2)),
                std::atoll(PQgetvalue(R, 0, 3))};
  PQclear(R);
  return Out;
}

void OrdersRepo::insert(const Order &O) {
  std::string Qty = std::to_string(O.Quantity);
  const char *Params[] = {O.Id.c_str(), O.Sku.c_str(), Qty.c_str()};
  PGresult *R = PQexecParams(Conn, "INSERT INTO orders (id, sku, quantity) VALUES ($1, $2, $3)",
                             3, nullptr, Params, nullptr, nullptr, 0);
  PQclear(R);
}

} // namespace gateway
