// REQUIRES: hiredis
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 %hiredis_cflags
// hiredis: the command word of the format string.
#include <hiredis/hiredis.h>

// INCR counts once per attempt that reached the server.
void incrRetried(redisContext *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    auto *R = static_cast<redisReply *>(redisCommand(C, "INCR visits:%s", "home"));
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'redisCommand' can apply INCR twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
    if (R != nullptr) {
      freeReplyObject(R);
      return;
    }
  }
}

// Lower-case commands count too; LPUSH appends the job again.
void lpushUntilReply(redisContext *C) {
  void *R = nullptr;
  while (R == nullptr)
    R = redisCommand(C, "lpush jobs %s", "job-42");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'redisCommand' can apply LPUSH twice{{.*}} [fallacy-non-idempotent-retry]
  freeReplyObject(R);
}

// A format string held in a constant.
void xaddFromConstant(redisContext *C) {
  const char *const Cmd = "XADD events * kind order";
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    void *R = redisCommand(C, Cmd);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'redisCommand' can apply XADD twice{{.*}} [fallacy-non-idempotent-retry]
    if (R) {
      freeReplyObject(R);
      return;
    }
  }
}

// PUBLISH delivers the message again.
void publishRetried(redisContext *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    auto *R = static_cast<redisReply *>(redisCommand(C, "PUBLISH orders %s", "created"));
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'redisCommand' can apply PUBLISH twice{{.*}} [fallacy-non-idempotent-retry]
    bool Ok = R && R->type != REDIS_REPLY_ERROR;
    freeReplyObject(R);
    if (Ok)
      return;
  }
}

// SET, GET, DEL, EXPIRE, SADD and HSET are idempotent.
void idempotentCommands(redisContext *C) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (void *R = redisCommand(C, "SET stock:%s %d", "sku-1", 5)) { // no-warning
      freeReplyObject(R);
      break;
    }
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (void *R = redisCommand(C, "GET stock:%s", "sku-1")) { // no-warning
      freeReplyObject(R);
      break;
    }
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (void *R = redisCommand(C, "DEL stock:%s", "sku-1")) { // no-warning
      freeReplyObject(R);
      break;
    }
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (void *R = redisCommand(C, "EXPIRE stock:%s 60", "sku-1")) { // no-warning
      freeReplyObject(R);
      break;
    }
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (void *R = redisCommand(C, "SADD skus %s", "sku-1")) { // no-warning
      freeReplyObject(R);
      break;
    }
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (void *R = redisCommand(C, "HSET item:%d qty %d", 1, 5)) { // no-warning
      freeReplyObject(R);
      break;
    }
}

// A command word only known at run time cannot be judged.
void commandFromCaller(redisContext *C, const char *Verb) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (void *R = redisCommand(C, "%s visits", Verb)) { // no-warning
      freeReplyObject(R);
      return;
    }
}

// redisCommandArgv: the command is argv[0], but the model points the command
// text at argument 1 (argc), so HINCRBY goes unseen.
void argvHincrbyKnownFalseNegative(redisContext *C) {
  const char *Argv[] = {"HINCRBY", "item:1", "qty", "1"};
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (void *R = redisCommandArgv(C, 4, Argv, nullptr)) { // no-warning
      freeReplyObject(R);
      return;
    }
}
