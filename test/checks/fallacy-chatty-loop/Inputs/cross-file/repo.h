// Inputs/cross-file/repo.h: declarations shared by the files of cross-file.test.
#ifndef CROSS_FILE_REPO_H
#define CROSS_FILE_REPO_H

#include <libpq-fe.h>
#include <string>

struct Order {
  std::string Id;
  long Quantity = 0;
};

// repo.cpp: one SQL query per call.
Order loadOrder(PGconn *Conn, const std::string &Id);

// repo.cpp: the same query behind a method.
class OrdersRepo {
public:
  explicit OrdersRepo(PGconn *Conn) : Conn(Conn) {}
  Order load(const std::string &Id);

private:
  PGconn *Conn;
};

// repo.cpp: string formatting only, no I/O.
std::string orderKey(const std::string &Id);

// service.cpp: calls loadOrder (a helper in a second file reaching the third).
Order fetchOrder(PGconn *Conn, const std::string &Id);
// service.cpp: reaches loadOrder through a helper of its own file first.
Order fetchOrderViaLocalHelper(PGconn *Conn, const std::string &Id);
// service.cpp: calls orderKey only, so it stays on this host.
std::string describe(const std::string &Id);

#endif
