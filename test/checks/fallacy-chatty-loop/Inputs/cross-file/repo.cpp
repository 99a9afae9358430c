// Inputs/cross-file/repo.cpp: the only file that talks to PostgreSQL.
#include "repo.h"

Order loadOrder(PGconn *Conn, const std::string &Id) {
  const char *Params[] = {Id.c_str()};
  PGresult *R = PQexecParams(Conn, "SELECT quantity FROM orders WHERE id = $1", 1, nullptr,
                             Params, nullptr, nullptr, 0);
  Order O{Id, 0};
  PQclear(R);
  return O;
}

Order OrdersRepo::load(const std::string &Id) { return loadOrder(Conn, Id); }

std::string orderKey(const std::string &Id) { return "order:" + Id; }
