// REQUIRES: libpq
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- -std=c++17 %libpq_cflags
// RUN: %check_fallacy -check-suffix=ONE %s fallacy-chatty-loop %t -- --config="{CheckOptions: {fallacy-chatty-loop.MaxConstantIterations: 1}}" -- -std=c++17 %libpq_cflags
// RUN: %check_fallacy -check-suffix=TEN %s fallacy-chatty-loop %t -- --config="{CheckOptions: {fallacy-chatty-loop.MaxConstantIterations: 10}}" -- -std=c++17 %libpq_cflags
// MaxConstantIterations (default 3): constant sets up to that size are not reported.
#include <libpq-fe.h>
#include <string>

static void ping(PGconn *C, const char *Region) {
  const char *Params[] = {Region};
  PQclear(PQexecParams(C, "SELECT pg_notify('ping', $1)", 1, nullptr, Params, nullptr, nullptr, 0));
}

// One literal: a constant set under every setting.
void one(PGconn *C) {
  for (const char *Region : {"eu"}) // no-warning
    ping(C, Region);
}

// Two regions: reported only when the limit is 1.
void two(PGconn *C) {
  for (const char *Region : {"eu", "us"})
    ping(C, Region);
  // CHECK-MESSAGES-ONE: :[[@LINE-1]]:5: warning: 'ping' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
}

// Three, the default limit: reported only when the limit is 1.
const char *const Three[] = {"eu", "us", "ap"};
void three(PGconn *C) {
  for (const char *Region : Three)
    ping(C, Region);
  // CHECK-MESSAGES-ONE: :[[@LINE-1]]:5: warning: 'ping'{{.*}} [fallacy-chatty-loop]
}

// Four: above the default; within a limit of 10.
void four(PGconn *C) {
  for (const char *Region : {"eu", "us", "ap", "sa"})
    ping(C, Region);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ping' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
  // CHECK-MESSAGES-ONE: :[[@LINE-2]]:5: warning: 'ping'{{.*}} [fallacy-chatty-loop]
}

// Eleven: above every limit here.
const char *const Eleven[11] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
void eleven(PGconn *C) {
  for (const char *Shard : Eleven)
    ping(C, Shard);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ping'{{.*}} [fallacy-chatty-loop]
  // CHECK-MESSAGES-ONE: :[[@LINE-2]]:5: warning: 'ping'{{.*}} [fallacy-chatty-loop]
  // CHECK-MESSAGES-TEN: :[[@LINE-3]]:5: warning: 'ping' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
}

// An index loop with a constant bound of two, under the limit of 3 and 10;
// with a limit of 1 it is still not reported (see loop-shapes.cpp: index
// loops with a constant bound are never considered).
void twoSlotsKnownFalseNegative(PGconn *C, const char *const *Slots) {
  for (int I = 0; I < 2; ++I)
    ping(C, Slots[I]); // no-warning (should warn with the limit 1)
}
