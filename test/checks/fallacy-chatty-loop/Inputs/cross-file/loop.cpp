// Inputs/cross-file/loop.cpp: loops whose per-element calls are remote only through other files.
#include "repo.h"
#include <vector>

// Reaches PQexecParams in repo.cpp through fetchOrder in service.cpp.
std::vector<Order> viaHelper(PGconn *Conn, const std::vector<std::string> &Ids) {
  std::vector<Order> Out;
  for (const std::string &Id : Ids)
    Out.push_back(fetchOrder(Conn, Id));
  return Out;
}

// Calls the remote function of repo.cpp directly.
long direct(PGconn *Conn, const std::vector<std::string> &Ids) {
  long Total = 0;
  for (size_t I = 0; I < Ids.size(); ++I)
    Total += loadOrder(Conn, Ids[I]).Quantity;
  return Total;
}

// A method whose body is in repo.cpp.
void viaMethod(OrdersRepo &Repo, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    Repo.load(Id);
}

// describe and orderKey stay on this host: no finding.
std::vector<std::string> localOnly(const std::vector<std::string> &Ids) {
  std::vector<std::string> Out;
  for (const std::string &Id : Ids)
    Out.push_back(describe(Id) + orderKey(Id));
  return Out;
}

// A NOLINT comment on the line of the call silences the finding from the summaries.
void silenced(PGconn *Conn, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids) loadOrder(Conn, Id); // NOLINT(fallacy-chatty-loop): admin tool
}

// NOLINTNEXTLINE does too.
void silencedNextLine(PGconn *Conn, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    // NOLINTNEXTLINE(fallacy-chatty-loop)
    fetchOrder(Conn, Id);
}

// So does a NOLINTBEGIN/NOLINTEND region.
// NOLINTBEGIN(fallacy-chatty-loop)
void silencedRegion(OrdersRepo &Repo, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    Repo.load(Id);
}
// NOLINTEND(fallacy-chatty-loop)

// A NOLINT for another check does not.
void otherCheckSilenced(PGconn *Conn, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids) loadOrder(Conn, Id); // NOLINT(fallacy-missing-timeout)
}

// As for findings within one file, a NOLINT on the `for` line does not reach
// a call on the next line: the finding is at the call.
void nolintOnForLine(PGconn *Conn, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids) // NOLINT(fallacy-chatty-loop)
    loadOrder(Conn, Id);
}

// Two fixed shards are a constant small set, whatever the callee does.
void constantSet(PGconn *Conn) {
  for (const char *Id : {"shard-a", "shard-b"})
    loadOrder(Conn, Id);
}

// service.cpp's function reaches loadOrder through a static helper of its own
// file: the summary follows that hop too.
void twoHopsInService(PGconn *Conn, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    fetchOrderViaLocalHelper(Conn, Id);
}

// A helper of this file whose body calls repo.cpp: the loop's finding waits on
// the summaries through the helper.
static Order localWrapper(PGconn *Conn, const std::string &Id) { return loadOrder(Conn, Id); }
void viaLocalWrapper(PGconn *Conn, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    localWrapper(Conn, Id);
}

// A query made in this file: found while the unit is parsed, no summary needed.
void inThisFile(PGconn *Conn, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    PQclear(PQexec(Conn, Id.c_str()));
}
