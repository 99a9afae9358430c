// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 -I%src_root/include
// A function that calls itself again when its remote call failed.
#include <fallacy/annotations.h>

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id); // false when it failed

// Calling itself on failure with nothing that counts: forever.
void resendOnFailure(int Id) {
  if (!sendOrder(Id))
    resendOnFailure(Id);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this recursive retry can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
}

// The result kept in a variable first.
bool resendViaVariable(int Id) {
  bool Ok = sendOrder(Id);
  if (!Ok)
    return resendViaVariable(Id);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: this recursive retry can run forever{{.*}} [fallacy-unbounded-retry]
  return true;
}

// An attempts-left parameter counted down and tested bounds the recursion.
bool resendCountingDown(int Id, int AttemptsLeft) {
  if (AttemptsLeft == 0)
    return false;
  if (!sendOrder(Id))
    return resendCountingDown(Id, AttemptsLeft - 1); // no-warning
  return true;
}

// The same counted up against a limit.
bool resendCountingUp(int Id, int Attempt) {
  if (Attempt > 5)
    return false;
  if (!sendOrder(Id))
    return resendCountingUp(Id, Attempt + 1); // no-warning
  return true;
}

// Recursion on success walks on (next page): not a retry.
void sendPages(int Page) {
  if (sendOrder(Page))
    sendPages(Page + 1); // no-warning
}

// A recursive call not guarded by the result is not a retry of it.
void sendTree(int Depth) {
  sendOrder(Depth);
  if (Depth > 0)
    sendTree(Depth - 1); // no-warning
}

// A parameter stepped on each call but never compared bounds nothing, yet it
// is taken for an attempt counter.
bool resendStepNeverComparedKnownFalseNegative(int Id, int Attempt) {
  if (!sendOrder(Id))
    return resendStepNeverComparedKnownFalseNegative(Id, Attempt + 1); // no-warning
  return true;
}

// Success returns early and the recursive call follows unguarded: a retry on
// failure, but only a recursive call nested in `if (failed)` is recognised.
bool resendAfterEarlyReturnKnownFalseNegative(int Id) {
  if (sendOrder(Id))
    return true;
  return resendAfterEarlyReturnKnownFalseNegative(Id); // no-warning
}
