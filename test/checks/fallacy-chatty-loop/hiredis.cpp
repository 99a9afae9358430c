// REQUIRES: hiredis
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- %hiredis_cflags
// hiredis: one command per key, where MGET or pipelining needs one round trip.
#include <hiredis/hiredis.h>
#include <string>
#include <vector>

// GET per key.
std::vector<std::string> getEach(redisContext *C, const std::vector<std::string> &Keys) {
  std::vector<std::string> Out;
  for (const std::string &Key : Keys) {
    auto *R = static_cast<redisReply *>(redisCommand(C, "GET %s", Key.c_str()));
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'redisCommand' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
    if (R && R->type == REDIS_REPLY_STRING)
      Out.emplace_back(R->str, R->len);
    freeReplyObject(R);
  }
  return Out;
}

// SET per key with redisCommandArgv, in an iterator loop.
void setEach(redisContext *C, const std::vector<std::string> &Keys) {
  for (auto It = Keys.begin(); It != Keys.end(); ++It) {
    const char *Argv[] = {"SET", It->c_str(), "1"};
    freeReplyObject(redisCommandArgv(C, 3, Argv, nullptr));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'redisCommandArgv' costs one round trip{{.*}} [fallacy-chatty-loop]
  }
}

// A loop over the elements of a reply that looks every member up again.
void membersThenEach(redisContext *C) {
  auto *Members = static_cast<redisReply *>(redisCommand(C, "SMEMBERS active"));
  for (size_t I = 0; I < Members->elements; ++I)
    freeReplyObject(redisCommand(C, "HGETALL user:%s", Members->element[I]->str));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'redisCommand' costs one round trip{{.*}} [fallacy-chatty-loop]
  freeReplyObject(Members);
}

// MGET: the loop only builds the argument vector.
redisReply *getAll(redisContext *C, const std::vector<std::string> &Keys) {
  std::vector<const char *> Argv{"MGET"};
  for (const std::string &Key : Keys) // no-warning
    Argv.push_back(Key.c_str());
  return static_cast<redisReply *>(
      redisCommandArgv(C, static_cast<int>(Argv.size()), Argv.data(), nullptr));
}

// Pipelining: append every command, then read the replies back in order.
std::vector<redisReply *> getPipelined(redisContext *C, const std::vector<std::string> &Keys) {
  for (const std::string &Key : Keys) // no-warning
    redisAppendCommand(C, "GET %s", Key.c_str());
  std::vector<redisReply *> Replies;
  for (size_t I = 0; I < Keys.size(); ++I) { // no-warning
    void *R = nullptr;
    redisGetReply(C, &R);
    Replies.push_back(static_cast<redisReply *>(R));
  }
  return Replies;
}

// Failing over to the next Sentinel-provided master is a retry.
redisReply *pingAnyMaster(const std::vector<redisContext *> &Masters) {
  for (redisContext *M : Masters) { // no-warning
    auto *R = static_cast<redisReply *>(redisCommand(M, "PING"));
    if (R && R->type != REDIS_REPLY_ERROR)
      return R;
    freeReplyObject(R);
  }
  return nullptr;
}

// Three fixed keys, written out: a constant small set.
void warmUp(redisContext *C) {
  for (const char *Key : {"config:a", "config:b", "config:c"}) // no-warning
    freeReplyObject(redisCommand(C, "GET %s", Key));
}

// Pipelined replies read back into a slot per key: the element (the index)
// reaches redisGetReply only as the address it writes to, so reading the
// pipeline's replies is no command per key.
void getPipelinedIntoSlots(redisContext *C, const std::vector<std::string> &Keys,
                           std::vector<void *> &Slots) {
  for (const std::string &Key : Keys) // no-warning
    redisAppendCommand(C, "GET %s", Key.c_str());
  for (size_t I = 0; I < Keys.size(); ++I)
    redisGetReply(C, &Slots[I]); // no-warning
}

// One connection per replica, each asked once: fan-out to distinct peers.
void pingReplicas(const std::vector<redisContext *> &Replicas) {
  for (redisContext *Replica : Replicas) // no-warning
    freeReplyObject(redisCommand(Replica, "PING"));
}

// The same through a helper of this file that takes the connection.
static bool lockOn(redisContext *C, const char *Key) {
  return redisCommand(C, "SET %s 1 NX PX 3000", Key) != nullptr;
}
int lockAll(const std::vector<redisContext *> &Masters) {
  int Locked = 0;
  for (redisContext *Master : Masters) // no-warning
    Locked += lockOn(Master, "resource");
  return Locked;
}

// A walk to the sentinel of a short array written in the code: a constant set.
void warmUpUntilNull(redisContext *C) {
  const char *const Keys[]{"config:a", "config:b", nullptr};
  for (int I = 0; Keys[I] != nullptr; ++I) // no-warning
    freeReplyObject(redisCommand(C, "GET %s", Keys[I]));
}
