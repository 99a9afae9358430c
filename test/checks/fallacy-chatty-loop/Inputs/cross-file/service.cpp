// Inputs/cross-file/service.cpp: helpers that reach repo.cpp, or stay local.
#include "repo.h"

Order fetchOrder(PGconn *Conn, const std::string &Id) { return loadOrder(Conn, Id); }

static Order fetchThroughCache(PGconn *Conn, const std::string &Id) {
  return loadOrder(Conn, Id);
}

Order fetchOrderViaLocalHelper(PGconn *Conn, const std::string &Id) {
  return fetchThroughCache(Conn, Id);
}

std::string describe(const std::string &Id) { return "order " + orderKey(Id); }
