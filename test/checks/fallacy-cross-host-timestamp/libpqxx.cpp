// REQUIRES: libpqxx
// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- %libpqxx_cflags
#include <ctime>
#include <pqxx/pqxx>

// A column read by a time-like name holds the database server's clock.
bool leaseExpired(const pqxx::row &Row) {
  return Row.at("expires_at").as<long long>() < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: comparing 'expires_at', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// Rows of two results (two servers).
bool newer(const pqxx::row &Mine, const pqxx::row &Theirs) {
  return Theirs.at("updated_at").as<long long>() > Mine.at("updated_at").as<long long>();
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: ordering times from two hosts' clocks ('updated_at' and 'updated_at'){{.*}}
}

// Two columns of one row: one server's clock.
bool createdBeforeUpdated(const pqxx::row &Row) {
  return Row.at("created_at").as<long long>() <= Row.at("updated_at").as<long long>(); // no-warning
}

// A column whose name does not say time.
bool quantityCheck(const pqxx::row &Row) {
  return Row.at("quantity").as<long long>() < time(nullptr); // no-warning
}

// row["expires_at"]: operator[] reads a column like at().
bool subscript(const pqxx::row &Row) {
  return Row["expires_at"].as<long long>() < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: comparing 'expires_at', from a peer's clock, with this host's clock{{.*}}
}

// A column read by index and stored under a time-like name: unlike
// PQgetvalue, pqxx rows are not "untyped", so the name does not count.
bool indexedColumnKnownFalseNegative(const pqxx::row &Row) {
  long long ExpiresAt = Row[2].as<long long>();
  return ExpiresAt < time(nullptr); // no-warning
}
