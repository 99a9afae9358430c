// REQUIRES: libpq
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- -std=c++17 %libpq_cflags
// Helpers in the same file hide the round trip: free functions, methods, lambdas, templates.
#include <functional>
#include <libpq-fe.h>
#include <string>
#include <thread>
#include <vector>

static PGresult *selectOrder(PGconn *C, const std::string &Id) {
  const char *Params[] = {Id.c_str()};
  return PQexecParams(C, "SELECT * FROM orders WHERE id = $1", 1, nullptr, Params, nullptr,
                      nullptr, 0);
}

// A free function: the warning is at the call, notes at the query and the loop.
void viaFunction(PGconn *C, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    PQclear(selectOrder(C, Id));
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'selectOrder' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-9]]:10: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:13: note: batch it: one query for all the keys: WHERE id = ANY($1), or a single INSERT with many rows
}

// Two helpers deep.
static bool orderExists(PGconn *C, const std::string &Id) {
  PGresult *R = selectOrder(C, Id);
  bool Found = PQntuples(R) > 0;
  PQclear(R);
  return Found;
}
size_t countExisting(PGconn *C, const std::vector<std::string> &Ids) {
  size_t N = 0;
  for (size_t I = 0; I < Ids.size(); ++I)
    N += orderExists(C, Ids[I]);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'orderExists' costs one round trip{{.*}} [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-26]]:10: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:10: note: batch it: {{.*}}
  return N;
}

// A method of a repository class defined in this file.
class OrdersRepo {
public:
  explicit OrdersRepo(PGconn *C) : Conn(C) {}
  void markShipped(const std::string &Id) {
    const char *Params[] = {Id.c_str()};
    PQclear(PQexecParams(Conn, "UPDATE orders SET shipped = true WHERE id = $1", 1, nullptr, Params,
                         nullptr, nullptr, 0));
  }

private:
  PGconn *Conn;
};
void shipAll(OrdersRepo &Repo, const std::vector<std::string> &Ids) {
  for (auto It = Ids.begin(); It != Ids.end(); ++It)
    Repo.markShipped(*It);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'markShipped' costs one round trip{{.*}} [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-11]]:13: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:5: note: batch it: {{.*}}
}

// A virtual method called on an object of a known (final) type.
struct Store {
  virtual ~Store() = default;
  virtual void touch(const std::string &Id) = 0;
};
struct PgStore final : Store {
  PGconn *Conn = nullptr;
  void touch(const std::string &Id) override { PQclear(selectOrder(Conn, Id)); }
};
void touchAll(PgStore &S, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    S.touch(Id);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'touch' costs one round trip{{.*}} [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-67]]:10: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:5: note: batch it: {{.*}}
}

// A lambda stored in a variable. The message names no callee ('this call').
void viaLambda(PGconn *C, const std::vector<std::string> &Ids) {
  auto Load = [C](const std::string &Id) { PQclear(selectOrder(C, Id)); };
  for (const std::string &Id : Ids)
    Load(Id);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'this call' costs one round trip{{.*}} [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-78]]:10: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:5: note: batch it: {{.*}}
}

// A lambda called where it is written.
void viaImmediateLambda(PGconn *C, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    [&] { PQclear(selectOrder(C, Id)); }();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'this call' costs one round trip{{.*}} [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-88]]:10: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:5: note: batch it: {{.*}}
}

// A function template instantiated twice: one warning per call site.
template <typename Key> void load(PGconn *C, const Key &K) { PQclear(selectOrder(C, std::string(K))); }
void loadStrings(PGconn *C, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    load(C, Id);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'load' costs one round trip{{.*}} [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-99]]:10: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:5: note: batch it: {{.*}}
}
void loadLiterals(PGconn *C, const std::vector<const char *> &Ids) {
  for (const char *Id : Ids)
    load(C, Id);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'load' costs one round trip{{.*}} [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-107]]:10: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:5: note: batch it: {{.*}}
}

// A loop in a function template instantiated twice: reported once.
template <typename Container> void loadAll(PGconn *C, const Container &Ids) {
  for (const auto &Id : Ids)
    PQclear(selectOrder(C, Id));
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'selectOrder' costs one round trip{{.*}} [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-117]]:10: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:13: note: batch it: {{.*}}
}
template void loadAll(PGconn *, const std::vector<std::string> &);
template void loadAll(PGconn *, const std::vector<const char *> &);

// A macro that wraps the helper: the warning is at the macro's use.
#define LOAD_ORDER(Conn, Id) PQclear(selectOrder(Conn, Id))
void viaMacro(PGconn *C, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    LOAD_ORDER(C, Id);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'selectOrder' costs one round trip{{.*}} [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-130]]:10: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:5: note: batch it: {{.*}}
}

// A helper that stays on this host.
static std::string quoted(const std::string &Id) { return "'" + Id + "'"; }
std::vector<std::string> quoteAll(const std::vector<std::string> &Ids) {
  std::vector<std::string> Out;
  for (const std::string &Id : Ids) // no-warning
    Out.push_back(quoted(Id));
  return Out;
}

// A helper that only sends the query (PQsendQueryParams): nothing waits in the loop.
static void sendLookup(PGconn *C, const std::string &Id) {
  const char *Params[] = {Id.c_str()};
  PQsendQueryParams(C, "SELECT * FROM orders WHERE id = $1", 1, nullptr, Params, nullptr, nullptr,
                    0);
}
void lookupPipelined(PGconn *C, const std::vector<std::string> &Ids) {
  PQenterPipelineMode(C);
  for (const std::string &Id : Ids) // no-warning
    sendLookup(C, Id);
  PQpipelineSync(C);
}

// A lambda handed to a thread is not called by the loop.
void inThreads(std::vector<PGconn *> &Conns, const std::vector<std::string> &Ids,
               std::vector<std::thread> &Workers) {
  for (size_t I = 0; I < Ids.size(); ++I) // no-warning
    Workers.emplace_back([C = Conns[I], Id = Ids[I]] { PQclear(selectOrder(C, Id)); });
}

// Recursion through helpers terminates, and the remote call is still found.
static void loadTree(PGconn *C, const std::string &Id, int Depth) {
  PQclear(selectOrder(C, Id));
  if (Depth > 0)
    loadTree(C, Id + "/child", Depth - 1);
}
void loadForest(PGconn *C, const std::vector<std::string> &Roots) {
  for (const std::string &Root : Roots)
    loadTree(C, Root, 3);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'loadTree' costs one round trip{{.*}} [fallacy-chatty-loop]
  // CHECK-NOTES: :[[@LINE-174]]:10: note: the remote call ('PQexecParams') is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop runs it once per element
  // CHECK-NOTES: :[[@LINE-4]]:5: note: batch it: {{.*}}
}

// KnownFalseNegative: the same lambda behind a std::function. The call goes
// to std::function::operator(), whose body (in the library) makes no remote
// call, so the loop is not reported.
void viaStdFunctionKnownFalseNegative(PGconn *C, const std::vector<std::string> &Ids) {
  std::function<void(const std::string &)> Load = [C](const std::string &Id) {
    PQclear(selectOrder(C, Id));
  };
  for (const std::string &Id : Ids)
    Load(Id); // no-warning (should warn)
}
