// REQUIRES: libpqxx
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 %libpqxx_cflags
// libpqxx: statements run through a transaction's exec().
#include <pqxx/pqxx>

// The issue asks for SQL sent through libpqxx, but no libpqxx statement is in
// the model (only the connection constructor is), so a retried INSERT is unseen.
void insertRetriedKnownFalseNegative(pqxx::connection &Conn) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      pqxx::work W(Conn);
      W.exec0("INSERT INTO payments (order_id, cents) VALUES (42, 1999)"); // no-warning
      W.commit();
      return;
    } catch (const pqxx::broken_connection &) {
    }
  }
}

// Connecting again is idempotent whatever the model says about statements.
void reconnectRetried(const char *Dsn) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      pqxx::connection Conn(Dsn); // no-warning
      return;
    } catch (const pqxx::broken_connection &) {
    }
  }
}
