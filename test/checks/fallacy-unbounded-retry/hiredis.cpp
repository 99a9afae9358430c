// REQUIRES: hiredis
// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 %hiredis_cflags
// hiredis: a null reply is a failure, so are REDIS_ERR and error replies.
#include <hiredis/hiredis.h>

// Until a reply comes back.
redisReply *getUntilReply(redisContext *C) {
  redisReply *R = nullptr;
  while (R == nullptr)
    R = static_cast<redisReply *>(redisCommand(C, "GET stock:%s", "sku-1"));
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
  return R;
}

// Leaving on a non-null reply.
void leaveOnReply(redisContext *C) {
  for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    void *R = redisCommand(C, "PING");
    if (R) {
      freeReplyObject(R);
      break;
    }
  }
}

// REDIS_OK from redisGetReply.
void pipelineReply(redisContext *C) {
  void *R = nullptr;
  while (redisGetReply(C, &R) != REDIS_OK) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
  }
  freeReplyObject(R);
}

// Three attempts at most.
redisReply *getThreeTimes(redisContext *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) { // no-warning
    auto *R = static_cast<redisReply *>(redisCommand(C, "GET stock:%s", "sku-1"));
    if (R != nullptr)
      return R;
  }
  return nullptr;
}

// Reading replies of a pipeline, one per command sent: not a retry.
void readPipeline(redisContext *C, int Sent) {
  for (int I = 0; I < Sent; ++I) { // no-warning
    void *R = nullptr;
    if (redisGetReply(C, &R) != REDIS_OK)
      return;
    freeReplyObject(R);
  }
}
