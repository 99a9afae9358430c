// examples/src/stock_cache.h: a Redis cache of reserved stock counts.
#pragma once

#include <string>

struct redisContext;

namespace gateway {

class StockCache {
public:
  StockCache(const std::string &Host, int Port);
  ~StockCache();
  long reservedCount(const std::string &Sku);
  void addReserved(const std::string &Sku, long Quantity);

private:
  redisContext *Redis;
};

} // namespace gateway
