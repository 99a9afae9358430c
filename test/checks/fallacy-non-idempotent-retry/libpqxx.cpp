// REQUIRES: libpqxx
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 %libpqxx_cflags
// libpqxx: statements run through a transaction's exec() family.
#include <pqxx/pqxx>
#include <string>

// A retried INSERT through exec0 can insert the row twice.
void insertRetried(pqxx::connection &Conn) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      pqxx::work W(Conn);
      W.exec0("INSERT INTO payments (order_id, cents) VALUES (42, 1999)");
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'exec0' can insert the row twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
      W.commit();
      return;
    } catch (const pqxx::broken_connection &) {
    }
  }
}

// exec_params with an UPDATE that adds to a column.
void addRetried(pqxx::connection &Conn, const std::string &Sku) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      pqxx::work W(Conn);
      W.exec_params("UPDATE stock SET quantity = quantity + 1 WHERE sku = $1", Sku);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'exec_params' can add to the column twice{{.*}} [fallacy-non-idempotent-retry]
      W.commit();
      return;
    } catch (const pqxx::broken_connection &) {
    }
  }
}

// exec_n takes the expected row count first; the statement is its second argument.
void insertOneRowRetried(pqxx::connection &Conn) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      pqxx::work W(Conn);
      W.exec_n(1, "INSERT INTO payments (order_id) VALUES (7) RETURNING id");
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'exec_n' can insert the row twice{{.*}} [fallacy-non-idempotent-retry]
      W.commit();
      return;
    } catch (const pqxx::broken_connection &) {
    }
  }
}

// An insert that does nothing on conflict, and a read, are safe to repeat.
void safeStatementsRetried(pqxx::connection &Conn) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      pqxx::work W(Conn);
      W.exec0("INSERT INTO payments (order_id) VALUES (42) ON CONFLICT (order_id) DO NOTHING"); // no-warning
      W.exec1("SELECT quantity FROM stock WHERE sku = 'sku-1'"); // no-warning
      W.commit();
      return;
    } catch (const pqxx::broken_connection &) {
    }
  }
}

// A prepared statement's text is not at the call: not judged.
void preparedRetried(pqxx::connection &Conn) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      pqxx::work W(Conn);
      W.exec_prepared("insert_payment", 42, 1999); // no-warning
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
