// examples/src/stock_cache.cpp: reserved-stock counters in Redis through hiredis.
#include "stock_cache.h"

#include <cstdlib>
#include <hiredis/hiredis.h>

namespace gateway {

// Mistake: redisConnect has no connect timeout and sets no socket timeout, so
// every later command can wait forever on a stalled Redis.
StockCache::StockCache(const std::string &Host, int Port) : Redis(redisConnect(Host.c_str(), Port)) {}

StockCache::~StockCache() { redisFree(Redis); }

long StockCache::reservedCount(const std::string &Sku) {
  auto *Reply = static_cast<redisReply *>(redisCommand(Redis, "GET reserved:%s", Sku.c_str()));
  long Count = Reply && Reply->type == REDIS_REPLY_STRING ? std::atol(Reply->str) : 0;
  freeReplyObject(Reply);
  return Count;
}

void StockCache::addReserved(const std::string &Sku, long Quantity) {
  // Mistake: INCRBY is not idempotent, and this loop repeats it whenever the
  // reply is lost, counting the same reservation twice.
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    auto *Reply = static_cast<redisReply *>(
        redisCommand(Redis, "INCRBY reserved:%s %ld", Sku.c_str(), Quantity));
    bool Ok = Reply && Reply->type == REDIS_REPLY_INTEGER;
    freeReplyObject(Reply);
    if (Ok)
      return;
  }
}

} // namespace gateway
