// REQUIRES: libpq
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 %libpq_cflags
// libpq: the SQL text of the statement.
#include <libpq-fe.h>

static bool succeeded(PGresult *R) {
  ExecStatusType S = PQresultStatus(R);
  return S == PGRES_COMMAND_OK || S == PGRES_TUPLES_OK;
}

// A plain INSERT inserts the row again.
void insertRetried(PGconn *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexec(C, "INSERT INTO payments (order_id, cents) VALUES (42, 1999)");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'PQexec' can insert the row twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
    bool Done = PQresultStatus(R) == PGRES_COMMAND_OK;
    PQclear(R);
    if (Done)
      return;
  }
}

// PQexecParams, lower case.
void insertParamsRetried(PGconn *C, const char *const *Values) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexecParams(C, "insert into audit (who) values ($1)", 1, nullptr, Values, nullptr,
                               nullptr, 0);
    // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: 'PQexecParams' can insert the row twice{{.*}} [fallacy-non-idempotent-retry]
    if (succeeded(R)) {
      PQclear(R);
      return;
    }
    PQclear(R);
  }
}

// INSERT ... ON CONFLICT DO NOTHING keyed by the order is safe to repeat.
void insertOnConflict(PGconn *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexec(C, "INSERT INTO payments (order_id, cents) VALUES (42, 1999) "
                            "ON CONFLICT (order_id) DO NOTHING"); // no-warning
    if (succeeded(R)) {
      PQclear(R);
      return;
    }
    PQclear(R);
  }
}

// An upsert to a fixed value is safe to repeat.
void upsertFixedValue(PGconn *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexec(C, "INSERT INTO prices (sku, cents) VALUES ('sku-1', 100) "
                            "ON CONFLICT (sku) DO UPDATE SET cents = EXCLUDED.cents"); // no-warning
    if (succeeded(R)) {
      PQclear(R);
      return;
    }
    PQclear(R);
  }
}

// An upsert that adds to the column adds again.
void upsertAdding(PGconn *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexec(C, "INSERT INTO counters (k, n) VALUES ('a', 1) "
                            "ON CONFLICT (k) DO UPDATE SET n = counters.n + 1");
    // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: 'PQexec' can add to the column twice{{.*}} [fallacy-non-idempotent-retry]
    if (succeeded(R)) {
      PQclear(R);
      return;
    }
    PQclear(R);
  }
}

// UPDATE ... SET n = n - 1 takes one more each time.
void updateRelative(PGconn *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexec(C, "UPDATE stock SET quantity = quantity - 1 WHERE sku = 'sku-1'");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'PQexec' can add to the column twice{{.*}} [fallacy-non-idempotent-retry]
    if (succeeded(R)) {
      PQclear(R);
      return;
    }
    PQclear(R);
  }
}

// UPDATE to a fixed value, even with a '-' inside a string, is idempotent.
void updateFixed(PGconn *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexec(C, "UPDATE users SET name = 'jean-luc' WHERE id = 1"); // no-warning
    if (succeeded(R)) {
      PQclear(R);
      return;
    }
    PQclear(R);
  }
}

// SELECT is a read.
void selectRetried(PGconn *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexec(C, "SELECT quantity FROM stock WHERE sku = 'sku-1'"); // no-warning
    if (PQresultStatus(R) == PGRES_TUPLES_OK) {
      PQclear(R);
      return;
    }
    PQclear(R);
  }
}

// nextval() takes a new number on every run.
void nextvalRetried(PGconn *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexec(C, "SELECT nextval('order_ids')");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'PQexec' can take a new sequence value each time{{.*}} [fallacy-non-idempotent-retry]
    if (succeeded(R)) {
      PQclear(R);
      return;
    }
    PQclear(R);
  }
}

// A statement text known only at run time cannot be judged.
void statementFromCaller(PGconn *C, const char *Sql) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexec(C, Sql); // no-warning
    if (succeeded(R)) {
      PQclear(R);
      return;
    }
    PQclear(R);
  }
}

// An INSERT behind a WITH clause inserts again too, but only statements that
// start with INSERT are read as inserts.
void cteInsertKnownFalseNegative(PGconn *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    PGresult *R = PQexec(C, "WITH o AS (SELECT 42 AS id) "
                            "INSERT INTO payments (order_id) SELECT id FROM o"); // no-warning
    if (succeeded(R)) {
      PQclear(R);
      return;
    }
    PQclear(R);
  }
}
