// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 -I%src_root/include
// Every loop shape that can retry, with a remote function of our own.
#include <fallacy/annotations.h>
#include <stdexcept>

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id);  // false when it failed
FALLACY_BLOCKING_REMOTE int fetchQuote(int Id);  // -1 when it failed
FALLACY_BLOCKING_REMOTE void pushEvent(int Id);  // throws when it failed

// `while` whose condition is the call's failure: the classic retry.
void whileFailed(int Id) {
  while (!sendOrder(Id)) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
}

// `do`/`while` on a negative result.
void doWhileNegative(int Id) {
  int Quote;
  do {
    Quote = fetchQuote(Id);
  } while (Quote < 0);
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
}

// `for (;;)` that leaves only on success.
void forEverBreakOnSuccess(int Id) {
  for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    if (sendOrder(Id))
      break;
  }
}

// `while (true)` that starts the next attempt on failure and returns otherwise.
void whileTrueContinueOnFailure(int Id) {
  while (true) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    int Quote = fetchQuote(Id);
    if (Quote == -1)
      continue;
    return;
  }
}

// An exception caught inside the loop starts the next attempt.
void exceptionCaughtInside(int Id) {
  while (true) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    try {
      pushEvent(Id);
      break;
    } catch (const std::runtime_error &) {
    }
  }
}

// The same loop bounded by an attempt counter is fine.
void exceptionCaughtInsideBounded(int Id) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) { // no-warning
    try {
      pushEvent(Id);
      return;
    } catch (const std::runtime_error &) {
    }
  }
}

// A handler that rethrows ends the attempts: no retry.
void handlerRethrows(int Id) {
  while (true) { // no-warning
    try {
      pushEvent(Id);
      return;
    } catch (const std::runtime_error &) {
      throw;
    }
  }
}

// A try around the whole loop catches once: no retry.
void tryAroundTheLoop(int Id) {
  try {
    while (true) { // no-warning
      pushEvent(Id);
      break;
    }
  } catch (...) {
  }
}

// Range-for over a fixed list of delays is a finite number of attempts.
void rangeForOverAttempts(int Id) {
  for (int DelayMs : {100, 200, 400}) { // no-warning
    if (sendOrder(Id))
      return;
    (void)DelayMs;
  }
}

// A loop that runs the call once and leaves whatever happened is no retry.
void loopLeavesEitherWay(int Id) {
  while (true) { // no-warning
    sendOrder(Id);
    break;
  }
}

// `while (!ok)` where the retried call sets ok: the flag is the call's result,
// not a stop flag, and nothing else bounds the loop.
void whileNotOk(int Id) {
  bool Ok = false;
  while (!Ok)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    Ok = sendOrder(Id);
}

// A real stop flag that no remote call sets stays a service loop.
void whileNotStopped(int Id, const bool &Stopped) {
  while (!Stopped) // no-warning
    if (!sendOrder(Id))
      continue;
}

// A goto back-edge taken on failure retries like a loop; the finding is at the goto.
void gotoBackEdge(int Id) {
again:
  if (!sendOrder(Id))
    goto again;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
}

// A counter in the goto's guard bounds it.
bool gotoBounded(int Id) {
  int Attempts = 0;
again:
  if (!sendOrder(Id) && ++Attempts < 3)
    goto again; // no-warning
  return Attempts < 3;
}

// A forward jump on failure, and a back-edge taken on success, repeat no failed call.
void gotoForward(int Id) {
  if (!sendOrder(Id))
    goto done; // no-warning
  sendOrder(Id + 1);
done:
  return;
}
void gotoOnSuccess(int Id) {
next:
  if (sendOrder(Id)) {
    ++Id;
    goto next; // no-warning
  }
}

// A handler that rethrows only on the last attempt still lets the loop go on,
// but any leaving statement in the handler makes the loop a non-retry.
void rethrowOnLastAttemptKnownFalseNegative(int Id) {
  for (int Attempt = 0;; ++Attempt) { // no-warning
    try {
      pushEvent(Id);
      return;
    } catch (const std::runtime_error &) {
      if (Attempt == 100)
        throw;
    }
  }
}

// A success flag set inside the try block and tested after it is not tracked.
void successFlagAfterTryKnownFalseNegative(int Id) {
  while (true) { // no-warning
    bool Sent = false;
    try {
      pushEvent(Id);
      Sent = true;
    } catch (...) {
    }
    if (Sent)
      break;
  }
}
