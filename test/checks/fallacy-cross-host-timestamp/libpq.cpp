// REQUIRES: libpq
// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- %libpq_cflags
#include <cstdlib>
#include <ctime>
#include <libpq-fe.h>
#include <string>

// A column stored under a time-like name holds the database server's clock.
bool leaseExpired(PGresult *Res) {
  const char *ExpiresAt = PQgetvalue(Res, 0, 1);
  return std::atoll(ExpiresAt) < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: comparing 'ExpiresAt', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// Parsed on the way into the variable.
long long secondsLeft(PGresult *Res, int Row) {
  long long Deadline = std::strtoll(PQgetvalue(Res, Row, PQfnumber(Res, "deadline")), nullptr, 10);
  return Deadline - time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: subtracting 'Deadline', from a peer's clock, and this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// Stored into a struct member whose name says time.
struct Session {
  std::string User;
  long long LeaseExpiry = 0;
};
void load(Session &S, PGresult *Res) {
  S.User = PQgetvalue(Res, 0, 0);
  S.LeaseExpiry = std::atoll(PQgetvalue(Res, 0, 2));
}
bool sessionValid(const Session &S) {
  return time(nullptr) < S.LeaseExpiry;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: comparing 'LeaseExpiry'{{.*}}
}

// Rows of two results (a primary and a replica): two servers' clocks.
bool replicaAhead(PGresult *Primary, PGresult *Replica) {
  long long updated_primary = std::atoll(PQgetvalue(Primary, 0, 3));
  long long updated_replica = std::atoll(PQgetvalue(Replica, 0, 3));
  return updated_replica > updated_primary;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: ordering times from two hosts' clocks ('updated_replica' and 'updated_primary'){{.*}}
}

// Two columns of one result were written by one server.
bool createdBeforeUpdated(PGresult *Res) {
  long long CreatedAt = std::atoll(PQgetvalue(Res, 0, 0));
  long long UpdatedAt = std::atoll(PQgetvalue(Res, 0, 1));
  return CreatedAt <= UpdatedAt; // no-warning
}

// A column under a name that does not say time is not a time.
bool quantityCheck(PGresult *Res) {
  long long Quantity = std::atoll(PQgetvalue(Res, 0, 1));
  return Quantity < time(nullptr); // no-warning
}

// A column used directly, never stored under a name: nothing says it is a time.
bool unnamedColumn(PGresult *Res) {
  return std::atoll(PQgetvalue(Res, 0, 1)) < time(nullptr); // no-warning
}

// The recommended remedy: let the database decide expiry with its own clock.
bool leaseExpiredServerSide(PGconn *Conn, const char *Key) {
  const char *Params[] = {Key};
  PGresult *Res = PQexecParams(Conn, "SELECT expires_at < now() FROM leases WHERE key = $1", 1, nullptr,
                               Params, nullptr, nullptr, 0);
  bool Expired = PQntuples(Res) == 1 && std::string(PQgetvalue(Res, 0, 0)) == "t"; // no-warning
  PQclear(Res);
  return Expired;
}

// Names with a unit suffix in UpperCamel (ExpiresAtMs) are
// not matched by the default TimeFieldPattern.
bool camelCaseUnitKnownFalseNegative(PGresult *Res) {
  long long ExpiresAtMs = std::atoll(PQgetvalue(Res, 0, 1));
  return ExpiresAtMs < time(nullptr) * 1000; // no-warning
}

// A std::string made from the column loses the "untyped column" mark.
bool stringColumnKnownFalseNegative(PGresult *Res) {
  std::string Ts = PQgetvalue(Res, 0, 1);
  return std::stoll(Ts) < time(nullptr); // no-warning
}

// A column chosen on one branch of ?: still carries the server's clock.
bool expiredOrMissing(PGresult *Res) {
  long long expires_at = PQntuples(Res) > 0 ? std::atoll(PQgetvalue(Res, 0, 1)) : 0;
  return expires_at < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: comparing 'expires_at', from a peer's clock, with this host's clock{{.*}}
}
