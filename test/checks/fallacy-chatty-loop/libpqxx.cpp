// REQUIRES: libpqxx
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- -std=c++17 %libpqxx_cflags
// libpqxx: one statement per element through a transaction is the N+1 query.
#include <pqxx/pqxx>
#include <string>
#include <vector>

// One SELECT per SKU.
long totalStock(pqxx::work &W, const std::vector<std::string> &Skus) {
  long Total = 0;
  for (const std::string &Sku : Skus)
    Total += W.exec_params1("SELECT quantity FROM stock WHERE sku = $1", Sku)[0].as<long>();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'exec_params1' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
  return Total;
}

// One prepared statement per order is a round trip each too.
void markShipped(pqxx::work &W, const std::vector<int> &Orders) {
  for (int Id : Orders)
    W.exec_prepared0("mark_shipped", Id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'exec_prepared0' costs one round trip{{.*}} [fallacy-chatty-loop]
}

// One query for all the keys: no loop of round trips.
long totalStockBatched(pqxx::work &W, const std::string &SkuArray) {
  long Total = 0;
  for (const pqxx::row &Row : W.exec_params("SELECT quantity FROM stock WHERE sku = ANY($1)", SkuArray)) // no-warning
    Total += Row[0].as<long>();
  return Total;
}
