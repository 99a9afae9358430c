// REQUIRES: hiredis
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %hiredis_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %hiredis_cflags
// RUN: %check_fallacy -check-suffix=NOTES %s fallacy-missing-timeout %t.notes -- -- %hiredis_cflags -DNOTES_ONLY
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <string>

// hiredis 0.14.1: redisConnectWithTimeout's timeout bounds connecting only (it
// never sets SO_RCVTIMEO/SO_SNDTIMEO); a command waits for its reply forever.
// The notes point at the context and the fix adds redisSetTimeout.
long long reservedCount(const char *Sku) {
  redisContext *C = redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0});
  auto *R = static_cast<redisReply *>(redisCommand(C, "GET reserved:%s", Sku));
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'redisCommand' can block forever if the peer stops answering: no command timeout on redisContext 'C' [fallacy-missing-timeout]
  // CHECK-NOTES-NOTES: :[[@LINE-2]]:39: warning: 'redisCommand' can block forever if the peer stops answering: no command timeout on redisContext 'C' [fallacy-missing-timeout]
  // CHECK-NOTES-NOTES: :[[@LINE-4]]:17: note: redisContext 'C' is created here
  // CHECK-FIXES: redisSetTimeout(C, timeval{30, 0});
  // CHECK-FIXES-NEXT: auto *R = static_cast<redisReply *>(redisCommand(C, "GET reserved:%s", Sku));
  // CHECK-FIXES-NOTES: redisSetTimeout(C, timeval{30, 0});
  // CHECK-FIXES-NOTES-NEXT: auto *R = static_cast<redisReply *>(redisCommand(C, "GET reserved:%s", Sku));
  long long N = R ? R->integer : 0;
  freeReplyObject(R);
  redisFree(C);
  return N;
}

#ifndef NOTES_ONLY

// --- positives ---------------------------------------------------------------

// redisConnect has no connect timeout; the fix switches to the variant with one.
redisContext *connectPlain() {
  redisContext *C = redisConnect("cache.internal", 6379);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:21: warning: 'redisConnect' can wait about two minutes for a silent peer: only the kernel's SYN retries bound a plain TCP connect [fallacy-missing-timeout]
  // CHECK-FIXES-REPORT: redisContext *C = redisConnectWithTimeout("cache.internal", 6379, timeval{30, 0});
  return C;
}

// The same for a Unix socket path, with the argument kept as written.
redisContext *connectUnixPlain(const std::string &Path) {
  return redisConnectUnix(Path.c_str());
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'redisConnectUnix' can wait about two minutes for a silent peer: only the kernel's SYN retries bound a plain TCP connect [fallacy-missing-timeout]
  // CHECK-FIXES-REPORT: return redisConnectUnixWithTimeout(Path.c_str(), timeval{30, 0});
}

// A timeout set after the command does not help the command.
void timeoutAfterCommand() {
  redisContext *C = redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0});
  freeReplyObject(redisCommand(C, "PING"));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'redisCommand' {{.*}}: no command timeout on redisContext 'C' [fallacy-missing-timeout]
  // CHECK-FIXES: redisSetTimeout(C, timeval{30, 0});
  // CHECK-FIXES-NEXT: freeReplyObject(redisCommand(C, "PING"));
  redisSetTimeout(C, timeval{1, 0});
  redisFree(C);
}

// A timeout on another context does not reach this one.
void timeoutOnOtherContext() {
  redisContext *Primary = redisConnectWithTimeout("cache-a.internal", 6379, timeval{1, 0});
  redisContext *Replica = redisConnectWithTimeout("cache-b.internal", 6379, timeval{1, 0});
  redisSetTimeout(Primary, timeval{2, 0});
  freeReplyObject(redisCommand(Replica, "GET stock:A-100"));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'redisCommand' {{.*}}: no command timeout on redisContext 'Replica' [fallacy-missing-timeout]
  // CHECK-FIXES: redisSetTimeout(Replica, timeval{30, 0});
  redisFree(Primary);
  redisFree(Replica);
}

// A context from the caller, and no caller in this file configures it.
int pipelinedReply(redisContext *C, redisReply **Reply) {
  redisAppendCommand(C, "INCR hits");
  return redisGetReply(C, reinterpret_cast<void **>(Reply));
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'redisGetReply' {{.*}}: no command timeout on redisContext 'C' [fallacy-missing-timeout]
  // CHECK-FIXES-REPORT: redisSetTimeout(C, timeval{30, 0});
  // CHECK-FIXES-REPORT-NEXT: return redisGetReply(C, reinterpret_cast<void **>(Reply));
}

// A project factory that only bounds connecting hands out an unbounded context.
static redisContext *openCache() {
  return redisConnectWithTimeout("cache.internal", 6379, timeval{0, 500000});
}
void argvCommand(const char **Argv, const size_t *Lens) {
  redisContext *C = openCache();
  freeReplyObject(redisCommandArgv(C, 3, Argv, Lens));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'redisCommandArgv' {{.*}}: no command timeout on redisContext 'C' [fallacy-missing-timeout]
  // CHECK-FIXES: redisSetTimeout(C, timeval{30, 0});
  redisFree(C);
}

// A member context that no method of its class configures.
class StockCounter {
public:
  StockCounter() : Ctx(redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0})) {}
  redisReply *next() {
    void *Reply = nullptr;
    redisGetReply(Ctx, &Reply);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'redisGetReply' {{.*}}: no command timeout on redisContext 'Ctx' [fallacy-missing-timeout]
    // CHECK-FIXES: redisSetTimeout(Ctx, timeval{30, 0});
    return static_cast<redisReply *>(Reply);
  }

private:
  redisContext *Ctx;
};

// A zero timeval switches the socket timeouts off again.
void zeroTimeoutKnownFalseNegative() {
  redisContext *C = redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0});
  redisSetTimeout(C, timeval{0, 0});
  freeReplyObject(redisCommand(C, "PING")); // no-warning: the timeval's value is not read
  redisFree(C);
}

// --- negatives ---------------------------------------------------------------

// redisSetTimeout before the command bounds every command on the context.
void withCommandTimeout() {
  redisContext *C = redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0});
  redisSetTimeout(C, timeval{0, 200000});
  freeReplyObject(redisCommand(C, "DECRBY stock:%s %d", "A-100", 2)); // no-warning
  redisFree(C);
}

// The connect is reported, the uses of its context are not a second finding.
void usesOfPlainConnect() {
  redisContext *C = redisConnect("cache.internal", 6379);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:21: warning: 'redisConnect' can wait about two minutes for a silent peer: only the kernel's SYN retries bound a plain TCP connect [fallacy-missing-timeout]
  // CHECK-FIXES-REPORT: redisContext *C = redisConnectWithTimeout("cache.internal", 6379, timeval{30, 0});
  freeReplyObject(redisCommand(C, "PING")); // no-warning
  redisFree(C);
}

// A helper in this file that sets the timeout on the context it receives.
static void applyCommandTimeout(redisContext *C, long Ms) {
  redisSetTimeout(C, timeval{Ms / 1000, (Ms % 1000) * 1000});
}
void viaHelper() {
  redisContext *C = redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0});
  applyCommandTimeout(C, 250);
  freeReplyObject(redisCommand(C, "PING")); // no-warning
  redisFree(C);
}

// A factory that returns a configured context.
static redisContext *openTimedCache() {
  redisContext *C = redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0});
  if (C && !C->err)
    redisSetTimeout(C, timeval{1, 0});
  return C;
}
void viaFactory() {
  redisContext *C = openTimedCache();
  freeReplyObject(redisCommand(C, "PING")); // no-warning
  redisFree(C);
}

// The constructor of the class that owns the context sets the timeout.
class ReservationStore {
public:
  ReservationStore() : Ctx(redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0})) {
    redisSetTimeout(Ctx, timeval{0, 300000});
  }
  void reserve(const char *Sku) {
    freeReplyObject(redisCommand(Ctx, "INCR reserved:%s", Sku)); // no-warning
  }

private:
  redisContext *Ctx;
};

// A setup method of the class, on the path that runs before any command.
class LazyStore {
public:
  void open() {
    Ctx = redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0});
    redisSetTimeout(Ctx, timeval{1, 0});
  }
  void ping() { freeReplyObject(redisCommand(Ctx, "PING")); } // no-warning

private:
  redisContext *Ctx = nullptr;
};

// A non-blocking context never waits in redisCommand (the reply comes later).
void nonBlockingContext() {
  redisContext *C = redisConnectNonBlock("cache.internal", 6379);
  redisCommand(C, "PING"); // no-warning
  redisFree(C);
}

// The asynchronous API never blocks the caller: replies arrive in callbacks.
void asyncCommand(redisCallbackFn *OnReply) {
  redisAsyncContext *Ac = redisAsyncConnect("cache.internal", 6379);
  redisAsyncCommand(Ac, OnReply, nullptr, "GET stock:%s", "A-100"); // no-warning
}

// The only caller in this file configures what it passes.
static void pingConfigured(redisContext *C) { freeReplyObject(redisCommand(C, "PING")); } // no-warning
void callerConfigures() {
  redisContext *C = redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0});
  redisSetTimeout(C, timeval{1, 0});
  pingConfigured(C);
  redisFree(C);
}

// A context made by code in another file may be configured there.
redisContext *sharedCacheContext();
void fromOtherFile() {
  redisContext *C = sharedCacheContext();
  freeReplyObject(redisCommand(C, "PING")); // no-warning
}

// A lambda using a context its enclosing function configured.
void lambdaCapture() {
  redisContext *C = redisConnectWithTimeout("cache.internal", 6379, timeval{1, 0});
  redisSetTimeout(C, timeval{1, 0});
  auto Get = [&](const char *Key) { return redisCommand(C, "GET %s", Key); }; // no-warning
  freeReplyObject(Get("stock:A-100"));
  redisFree(C);
}

// Unevaluated operands never run.
void unevaluated(redisContext *C) {
  (void)sizeof(redisCommand(C, "PING")); // no-warning
  using Ctx = decltype(redisConnect("cache.internal", 6379)); // no-warning
}

#endif
