// REQUIRES: libpq
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %libpq_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %libpq_cflags
#include <cstdio>
#include <libpq-fe.h>
#include <string>

// A literal connection string without connect_timeout: connecting can wait forever.
PGconn *connectWithoutTimeout() {
  return PQconnectdb("host=db.internal dbname=inventory user=app");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'PQconnectdb' can block forever if the peer stops answering: no connect_timeout in the connection string [fallacy-missing-timeout]
}

// connect_timeout=0 is libpq's "wait indefinitely".
PGconn *connectTimeoutZero() {
  return PQconnectdb("host=db.internal dbname=inventory connect_timeout=0");
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'PQconnectdb' can block forever {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// The same through a local string initialised from a literal, with spaces around '='.
PGconn *connectTimeoutZeroSpaced() {
  const std::string Conninfo = "host=db.internal connect_timeout = 0 dbname=inventory";
  return PQconnectdb(Conninfo.c_str());
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'PQconnectdb' {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// A negative connect_timeout also means "wait indefinitely"; so does 0 in a URI.
PGconn *connectTimeoutNegative() {
  return PQconnectdb("host=db.internal connect_timeout=-1");
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'PQconnectdb' {{.*}}: its timeout means none [fallacy-missing-timeout]
}
PGconn *connectUriTimeoutZero() {
  return PQconnectdb("postgresql://db.internal/inventory?connect_timeout=0&application_name=stock");
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'PQconnectdb' {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// A health check connects too, and waits as long.
bool databaseUp() {
  return PQping("host=db.internal dbname=inventory") == PQPING_OK;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'PQping' can block forever {{.*}}: no connect_timeout in the connection string [fallacy-missing-timeout]
}

// The legacy call with a plain database name has no connect_timeout either.
PGconn *connectLegacy(const char *Password) {
  return PQsetdbLogin("db.internal", "5432", nullptr, nullptr, "inventory", "app", Password);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'PQsetdbLogin' {{.*}}: no connect_timeout in the connection string [fallacy-missing-timeout]
}

// connect_timeout bounds connecting only; the connection's first query is reported, once.
void queryWithoutStatementTimeout() {
  PGconn *Conn = PQconnectdb("host=db.internal dbname=inventory connect_timeout=5");
  PGresult *R = PQexec(Conn, "SELECT sku, quantity FROM items");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'PQexec' can block forever if the peer stops answering: no statement_timeout on connection 'Conn' [fallacy-missing-timeout]
  PQclear(R);
  R = PQexec(Conn, "SELECT count(*) FROM reservations"); // no-warning: same connection
  PQclear(R);
  PQfinish(Conn);
}

// SET statement_timeout = 0 switches the server-side limit off.
void statementTimeoutZero(const char *Sku) {
  PGconn *Conn = PQconnectdb("host=db.internal dbname=inventory connect_timeout=5");
  PQclear(PQexec(Conn, "SET statement_timeout = 0"));
  const char *Params[] = {Sku};
  PGresult *R = PQexecParams(Conn, "SELECT quantity FROM items WHERE sku = $1", 1, nullptr,
                             Params, nullptr, nullptr, 0);
  // CHECK-MESSAGES-REPORT: :[[@LINE-2]]:17: warning: 'PQexecParams' can block forever {{.*}}: the timeout on connection 'Conn' means none [fallacy-missing-timeout]
  PQclear(R);
  PQfinish(Conn);
}

// A statement_timeout set after the query does not bound it.
void statementTimeoutAfterQuery() {
  PGconn *Conn = PQconnectdb("host=db.internal dbname=inventory connect_timeout=5");
  PQclear(PQexec(Conn, "DELETE FROM reservations WHERE expired"));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'PQexec' {{.*}}: no statement_timeout on connection 'Conn' [fallacy-missing-timeout]
  PQclear(PQexec(Conn, "SET statement_timeout = 2000"));
  PQfinish(Conn);
}

// statement_timeout in another connection's options does not reach this one.
void timeoutOnOtherConnection() {
  PGconn *Reports = PQconnectdb(
      "host=db.internal dbname=reports connect_timeout=5 options='-c statement_timeout=5000'");
  PGconn *Orders = PQconnectdb("host=db.internal dbname=orders connect_timeout=5");
  PQclear(PQexec(Reports, "SELECT 1")); // no-warning
  PQclear(PQexec(Orders, "SELECT 1"));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'PQexec' {{.*}}: no statement_timeout on connection 'Orders' [fallacy-missing-timeout]
  PQfinish(Reports);
  PQfinish(Orders);
}

// statement_timeout=0 in the connection options is no limit either.
void optionsStatementTimeoutZero() {
  PGconn *Conn = PQconnectdb(
      "host=db.internal connect_timeout=5 options='-c statement_timeout=0'");
  PQclear(PQexec(Conn, "VACUUM items"));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'PQexec' {{.*}}: no statement_timeout on connection 'Conn' [fallacy-missing-timeout]
  PQfinish(Conn);
}

// A connection received from the caller, and no caller in this file configures it.
int countItems(PGconn *Conn) {
  PGresult *R = PQexec(Conn, "SELECT count(*) FROM items");
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:17: warning: 'PQexec' {{.*}}: no statement_timeout on connection 'Conn' [fallacy-missing-timeout]
  int N = PQntuples(R);
  PQclear(R);
  return N;
}

// A member connection that no method configures; PQprepare waits like any query.
class ItemRepository {
public:
  ItemRepository() : Conn(PQconnectdb("host=db.internal connect_timeout=5")) {}
  void prepare() {
    PQclear(PQprepare(Conn, "get_item", "SELECT * FROM items WHERE sku = $1", 1, nullptr));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'PQprepare' {{.*}}: no statement_timeout on connection 'Conn' [fallacy-missing-timeout]
  }

private:
  PGconn *Conn;
};

// --- negatives ---------------------------------------------------------------

// connect_timeout in the literal connection string bounds connecting.
PGconn *connectWithTimeout() {
  return PQconnectdb("host=db.internal dbname=inventory connect_timeout=5"); // no-warning
}

// The URI form, with connect_timeout as a parameter.
PGconn *connectUriWithTimeout() {
  return PQconnectdb("postgresql://app@db.internal/inventory?connect_timeout=10"); // no-warning
}

// A health check with connect_timeout.
bool databaseUpWithTimeout() {
  return PQping("host=db.internal connect_timeout=2") == PQPING_OK; // no-warning
}

// PQsetdbLogin with connect_timeout in dbName and statement_timeout in pgoptions.
void legacyConfigured(const char *Password) {
  PGconn *Conn = PQsetdbLogin("db.internal", "5432", "-c statement_timeout=5000", nullptr,
                              "dbname=inventory connect_timeout=5", "app", Password); // no-warning
  PQclear(PQexec(Conn, "SELECT 1")); // no-warning
  PQfinish(Conn);
}

// Keyword arrays are not read: connections from PQconnectdbParams are not judged.
void connectParams() {
  const char *const Keys[] = {"host", "options", nullptr};
  const char *const Values[] = {"db.internal", "-c statement_timeout=5000", nullptr};
  PGconn *Conn = PQconnectdbParams(Keys, Values, 0);
  PQclear(PQexec(Conn, "SELECT 1")); // no-warning
  PQfinish(Conn);
}

// A connection string built at run time is not judged.
PGconn *connectRuntimeString(const char *Host) {
  char Conninfo[256];
  std::snprintf(Conninfo, sizeof Conninfo, "host=%s dbname=inventory", Host);
  return PQconnectdb(Conninfo); // no-warning
}

// statement_timeout in the connection's options bounds every query on it.
void queryWithOptionsTimeout() {
  PGconn *Conn = PQconnectdb(
      "host=db.internal connect_timeout=5 options='-c statement_timeout=5000'");
  PQclear(PQexec(Conn, "SELECT sku FROM items")); // no-warning
  PQfinish(Conn);
}

// SET statement_timeout sent first bounds the queries after it.
void setStatementTimeoutFirst(const char *Sku) {
  PGconn *Conn = PQconnectdb("host=db.internal connect_timeout=5");
  PQclear(PQexec(Conn, "SET statement_timeout TO '2s'"));
  const char *Params[] = {Sku};
  PQclear(PQexecParams(Conn, "SELECT * FROM items WHERE sku = $1", 1, nullptr, Params, nullptr,
                       nullptr, 0)); // no-warning
  PQfinish(Conn);
}

// A helper in this file that receives the connection and sets the timeout.
static void limitStatements(PGconn *Conn) {
  PQclear(PQexec(Conn, "SET statement_timeout = 3000"));
}
void viaHelper() {
  PGconn *Conn = PQconnectdb("host=db.internal connect_timeout=5");
  limitStatements(Conn);
  PQclear(PQexec(Conn, "SELECT 1")); // no-warning
  PQfinish(Conn);
}

// A factory in this file returns a configured connection.
static PGconn *openInventory() {
  PGconn *Conn = PQconnectdb("host=db.internal connect_timeout=5");
  PQclear(PQexec(Conn, "SET statement_timeout = '500ms'"));
  return Conn;
}
void viaFactory() {
  PGconn *Conn = openInventory();
  PQclear(PQexec(Conn, "SELECT 1")); // no-warning
  PQfinish(Conn);
}

// The constructor of the owning class configures the member connection.
class OrderRepository {
public:
  OrderRepository() : Conn(PQconnectdb("host=db.internal connect_timeout=5")) {
    PQclear(PQexec(Conn, "SET statement_timeout = 1000"));
  }
  void purge() { PQclear(PQexec(Conn, "DELETE FROM orders WHERE done")); } // no-warning

private:
  PGconn *Conn;
};

// The only caller in this file passes a configured connection.
static void archive(PGconn *Conn) {
  PQclear(PQexec(Conn, "INSERT INTO archive SELECT * FROM orders")); // no-warning
}
void archiveNightly() {
  PGconn *Conn = PQconnectdb(
      "host=db.internal connect_timeout=5 options='-c statement_timeout=60000'");
  archive(Conn);
  PQfinish(Conn);
}

// The asynchronous API does not block: the caller waits on PQsocket itself.
void asyncQuery() {
  PGconn *Conn = PQconnectStart("host=db.internal dbname=inventory");
  PQsendQuery(Conn, "SELECT sku FROM items"); // no-warning
}

// A statement_timeout set on one branch reaches the query.
void timeoutOnOneBranch(bool Interactive) {
  PGconn *Conn = PQconnectdb("host=db.internal connect_timeout=5");
  if (Interactive)
    PQclear(PQexec(Conn, "SET statement_timeout = 500"));
  PQclear(PQexec(Conn, "SELECT 1")); // no-warning
  PQfinish(Conn);
}

// Unevaluated operands never run.
void unevaluated(PGconn *Conn) {
  using Result = decltype(PQexec(Conn, "SELECT 1")); // no-warning
  static_assert(sizeof(PQconnectdb("host=db.internal")) == sizeof(PGconn *)); // no-warning
}

// --- known gaps --------------------------------------------------------------

// SQL text built at run time counts as possibly setting statement_timeout
// (the model's `when` condition is undecidable), so the whole connection is
// considered configured.
void runtimeSqlKnownFalseNegative(const std::string &Table) {
  PGconn *Conn = PQconnectdb("host=db.internal connect_timeout=5");
  std::string Sql = "SELECT count(*) FROM " + Table;
  PQclear(PQexec(Conn, Sql.c_str())); // no-warning
  PQclear(PQexec(Conn, "SELECT 1"));  // no-warning
  PQfinish(Conn);
}

// Any SQL that mentions statement_timeout counts as setting it, even SHOW.
void showStatementTimeoutKnownFalseNegative() {
  PGconn *Conn = PQconnectdb("host=db.internal connect_timeout=5");
  PQclear(PQexec(Conn, "SHOW statement_timeout"));
  PQclear(PQexec(Conn, "SELECT 1")); // no-warning
  PQfinish(Conn);
}

// connect_timeout=3600 is over MaxTimeoutMs (300 s), but the value in a
// connection string is not compared with it.
PGconn *connectTimeoutTooLongKnownFalseNegative() {
  return PQconnectdb("host=db.internal connect_timeout=3600"); // no-warning
}

// PQsetnonblocking affects the asynchronous API only: PQexec still waits.
// libpq-fe.h is reached through -I/usr/include/postgresql (pkg-config's flag);
// it is still library code, so the call does not count as configuring.
void nonBlockingStillBlocks() {
  PGconn *Conn = PQconnectdb("host=db.internal connect_timeout=5");
  PQsetnonblocking(Conn, 1);
  PQclear(PQexec(Conn, "SELECT 1"));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'PQexec' can block forever {{.*}} no statement_timeout on connection 'Conn' [fallacy-missing-timeout]
  PQfinish(Conn);
}
