// REQUIRES: libpqxx
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %libpqxx_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %libpqxx_cflags
#include <cstdlib>
#include <memory>
#include <pqxx/pqxx>
#include <string>

// pqxx::connection connects in its constructor: without connect_timeout it can wait forever.
void connectWithoutTimeout() {
  pqxx::connection Conn{"host=db.internal dbname=inventory user=app"};
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'pqxx::connection' can block forever if the peer stops answering: no connect_timeout in the connection string [fallacy-missing-timeout]
  pqxx::work Tx{Conn};
  Tx.exec("SELECT 1");
}

// Parentheses make no difference.
void connectParenthesised() {
  pqxx::connection Conn("host=db.internal dbname=inventory");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'pqxx::connection' can block forever {{.*}}: no connect_timeout in the connection string [fallacy-missing-timeout]
}

// connect_timeout=0 means "wait indefinitely".
void connectTimeoutZero() {
  pqxx::connection Conn{"host=db.internal dbname=inventory connect_timeout=0"};
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:20: warning: 'pqxx::connection' can block forever {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// A local connection string initialised from a literal is read through.
void connectLocalConninfo() {
  const std::string Conninfo = "host=db.internal port=5432 dbname=inventory";
  pqxx::connection Conn{Conninfo};
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'pqxx::connection' {{.*}}: no connect_timeout in the connection string [fallacy-missing-timeout]
}

// A constant connection string at namespace scope too.
constexpr char ReportsDsn[] = "host=reports.internal dbname=reports";
void connectConstantConninfo() {
  pqxx::connection Conn{ReportsDsn};
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'pqxx::connection' {{.*}}: no connect_timeout in the connection string [fallacy-missing-timeout]
}

// The URI form with connect_timeout=0.
void connectUriTimeoutZero() {
  pqxx::connection Conn{"postgresql://app@db.internal/inventory?connect_timeout=0"};
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:20: warning: 'pqxx::connection' {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// A lazy connection connects on first use, with the same missing timeout.
void lazyConnection() {
  pqxx::lazyconnection Conn{"host=db.internal dbname=inventory"};
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'pqxx::lazyconnection' {{.*}}: no connect_timeout in the connection string [fallacy-missing-timeout]
}

// A member connection built in the constructor's initialiser list.
class StockService {
public:
  StockService() : Conn("host=db.internal dbname=inventory") {}
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'pqxx::connection' {{.*}}: no connect_timeout in the connection string [fallacy-missing-timeout]

private:
  pqxx::connection Conn;
};

// A connection created with new.
pqxx::connection *openRaw() {
  return new pqxx::connection("host=db.internal dbname=inventory");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'pqxx::connection' {{.*}}: no connect_timeout in the connection string [fallacy-missing-timeout]
}

// --- negatives ---------------------------------------------------------------

// connect_timeout in the connection string bounds connecting.
void connectWithTimeout() {
  pqxx::connection Conn{"host=db.internal dbname=inventory connect_timeout=5"}; // no-warning
  pqxx::work Tx{Conn};
  Tx.exec("SELECT 1");
}

// The URI form, with connect_timeout as a parameter.
void connectUriWithTimeout() {
  pqxx::connection Conn{"postgresql://app@db.internal/inventory?connect_timeout=10"}; // no-warning
}

// A connection string from the environment is not judged.
void connectFromEnvironment() {
  const char *Dsn = std::getenv("INVENTORY_DSN");
  pqxx::connection Conn{Dsn ? Dsn : ""}; // no-warning
}

// A connection string built at run time is not judged.
void connectBuilt(const std::string &Host) {
  pqxx::connection Conn{"host=" + Host + " dbname=inventory"}; // no-warning
}

// A connection string received from the caller is not judged.
void connectFromCaller(const std::string &Conninfo) {
  pqxx::connection Conn{Conninfo}; // no-warning
}

// The default constructor reads PGHOST, PGCONNECT_TIMEOUT and friends: not judged.
void connectDefault() {
  pqxx::connection Conn; // no-warning
}

// A member connection with connect_timeout.
class ReportService {
public:
  ReportService() : Conn("host=reports.internal connect_timeout=3") {} // no-warning

private:
  pqxx::connection Conn;
};

// Using a connection made elsewhere is not a construction.
void useConnection(pqxx::connection &Conn) {
  pqxx::work Tx{Conn}; // no-warning
  Tx.exec("SELECT 1");
  Tx.commit();
}

// Unevaluated operands never run.
void unevaluated() {
  using Conn = decltype(pqxx::connection{"host=db.internal"}); // no-warning
  static_assert(sizeof(pqxx::connection("host=db.internal")) > 0); // no-warning
}

// --- known gaps --------------------------------------------------------------

// An explicit std::string("...") temporary is read through to its literal.
void connectStdString() {
  pqxx::connection Conn(std::string("host=db.internal dbname=inventory"));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'pqxx::connection' can block forever {{.*}} no connect_timeout in the connection string [fallacy-missing-timeout]
}

// std::make_unique constructs the connection inside a system header, where
// the check does not look.
std::unique_ptr<pqxx::connection> openOwnedKnownFalseNegative() {
  return std::make_unique<pqxx::connection>("host=db.internal dbname=inventory"); // no-warning
}

// Statement timeouts are not modelled for libpqxx: a query through a
// transaction on a connection without statement_timeout is not reported.
void queryWithoutStatementTimeoutKnownFalseNegative() {
  pqxx::connection Conn{"host=db.internal connect_timeout=5"};
  pqxx::work Tx{Conn};
  Tx.exec("SELECT * FROM items"); // no-warning
  Tx.commit();
}

// pqxx::nullconnection never connects, but it is the same class template as
// pqxx::connection and a model cannot tell the two apart.
void nullConnectionKnownFalsePositive() {
  pqxx::nullconnection Conn{"host=db.internal"};
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'pqxx::nullconnection' {{.*}}: no connect_timeout in the connection string [fallacy-missing-timeout]
}
