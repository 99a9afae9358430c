// REQUIRES: libpq
// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 %libpq_cflags
// libpq: results judged by PQresultStatus.
#include <libpq-fe.h>

// Until the statement succeeds.
void execUntilOk(PGconn *C) {
  for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
    PGresult *R = PQexec(C, "SELECT 1");
    bool Ok = PQresultStatus(R) == PGRES_TUPLES_OK;
    PQclear(R);
    if (Ok)
      break;
  }
}

// Until a result object comes back at all.
PGresult *execUntilResult(PGconn *C) {
  PGresult *R;
  do {
    R = PQexec(C, "SELECT 1");
  } while (!R);
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
  return R;
}

// A bounded retry of the same statement.
bool execFiveTimes(PGconn *C) {
  for (int Attempt = 1; Attempt <= 5; ++Attempt) { // no-warning
    PGresult *R = PQexec(C, "SELECT 1");
    ExecStatusType S = PQresultStatus(R);
    PQclear(R);
    if (S == PGRES_TUPLES_OK)
      return true;
  }
  return false;
}
