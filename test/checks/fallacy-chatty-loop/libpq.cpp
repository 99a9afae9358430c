// REQUIRES: libpq
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- -std=c++17 %libpq_cflags
// libpq: one statement per element is the N+1 query.
#include <libpq-fe.h>
#include <string>
#include <vector>

// The N+1 query: one SELECT per id.
void selectEach(PGconn *C, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids) {
    const char *Params[] = {Id.c_str()};
    PGresult *R = PQexecParams(C, "SELECT * FROM orders WHERE id = $1", 1, nullptr, Params,
                               nullptr, nullptr, 0);
    // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: 'PQexecParams' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
    PQclear(R);
  }
}

// A statement text built from the element, in an iterator loop.
void deleteEach(PGconn *C, const std::vector<std::string> &Ids) {
  for (auto It = Ids.begin(); It != Ids.end(); ++It) {
    std::string Sql = "DELETE FROM carts WHERE id = '" + *It + "'";
    PQclear(PQexec(C, Sql.c_str()));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'PQexec' costs one round trip{{.*}} [fallacy-chatty-loop]
  }
}

// A loop over the rows of a query result that queries again per row.
void detailsPerRow(PGconn *C) {
  PGresult *Orders = PQexec(C, "SELECT id FROM orders");
  for (int Row = 0; Row < PQntuples(Orders); ++Row) {
    const char *Params[] = {PQgetvalue(Orders, Row, 0)};
    PGresult *Lines = PQexecPrepared(C, "order_lines", 1, Params, nullptr, nullptr, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'PQexecPrepared' costs one round trip{{.*}} [fallacy-chatty-loop]
    PQclear(Lines);
  }
  PQclear(Orders);
}

// A prepared statement saves parsing, not the round trip.
void insertEachPrepared(PGconn *C, const std::vector<std::string> &Skus) {
  PQclear(PQprepare(C, "ins", "INSERT INTO items (sku) VALUES ($1)", 1, nullptr)); // no-warning
  for (size_t I = 0; I < Skus.size(); ++I) {
    const char *Params[] = {Skus[I].c_str()};
    PQclear(PQexecPrepared(C, "ins", 1, Params, nullptr, nullptr, 0));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'PQexecPrepared' costs one round trip{{.*}} [fallacy-chatty-loop]
  }
}

// One query for all the keys: the loop only builds the array literal.
PGresult *selectAll(PGconn *C, const std::vector<std::string> &Ids) {
  std::string Array = "{";
  for (const std::string &Id : Ids) // no-warning
    Array += (Array.size() > 1 ? "," : "") + Id;
  Array += "}";
  const char *Params[] = {Array.c_str()};
  return PQexecParams(C, "SELECT * FROM orders WHERE id = ANY($1)", 1, nullptr, Params, nullptr,
                      nullptr, 0);
}

// Pipeline mode: every statement is queued, one sync, then the results are read.
void pipelined(PGconn *C, const std::vector<std::string> &Ids) {
  PQenterPipelineMode(C);
  for (const std::string &Id : Ids) { // no-warning
    const char *Params[] = {Id.c_str()};
    PQsendQueryParams(C, "UPDATE orders SET seen = true WHERE id = $1", 1, nullptr, Params,
                      nullptr, nullptr, 0);
  }
  PQpipelineSync(C);
  for (size_t I = 0; I < Ids.size(); ++I) // no-warning
    PQclear(PQgetResult(C));
}

// COPY streams the rows of one statement.
void copyRows(PGconn *C, const std::vector<std::string> &Rows) {
  PQclear(PQexec(C, "COPY items (sku) FROM STDIN"));
  for (const std::string &Row : Rows) // no-warning
    PQputCopyData(C, Row.c_str(), static_cast<int>(Row.size()));
  PQputCopyEnd(C, nullptr);
}

// Failing over to the next replica is a retry (its own checks), not N+1.
PGresult *firstReplicaThatAnswers(const std::vector<PGconn *> &Replicas, const char *Sql) {
  for (PGconn *Replica : Replicas) { // no-warning
    PGresult *R = PQexec(Replica, Sql);
    if (PQresultStatus(R) == PGRES_TUPLES_OK)
      return R;
    PQclear(R);
  }
  return nullptr;
}

// A statement that does not use the element is not the N+1 shape.
void heartbeatPerJob(PGconn *C, const std::vector<int> &Jobs) {
  for (int Job : Jobs) { // no-warning
    (void)Job;
    PQclear(PQexec(C, "SELECT 1"));
  }
}
