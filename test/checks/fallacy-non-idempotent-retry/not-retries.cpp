// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++20 -I%src_root/include
// A non-idempotent call in loops that do and do not retry it.
#include <fallacy/annotations.h>
#include <atomic>
#include <stop_token>
#include <vector>

FALLACY_BLOCKING_REMOTE FALLACY_NOT_IDEMPOTENT bool chargeCard(int OrderId);
void log(const char *What);

// One charge per order: a loop over work.
int chargeEach(const std::vector<int> &Orders) {
  int Failed = 0;
  for (int OrderId : Orders) // no-warning
    if (!chargeCard(OrderId))
      ++Failed;
  return Failed;
}

// One charge per order, skipping to the next order when one fails: `continue`
// moves on to another element, it does not charge the same order again.
int chargeEachSkippingFailures(const std::vector<int> &Orders) {
  int Failed = 0;
  for (int OrderId : Orders) { // no-warning
    if (!chargeCard(OrderId)) {
      log("charge failed");
      ++Failed;
      continue;
    }
    log("charged");
  }
  return Failed;
}

// The same over an index loop.
int chargeEachByIndex(const std::vector<int> &Orders) {
  int Failed = 0;
  for (size_t I = 0; I < Orders.size(); ++I) { // no-warning
    if (!chargeCard(Orders[I])) {
      ++Failed;
      continue;
    }
  }
  return Failed;
}

// But the same order charged again on failure, in a loop over attempts, is a retry.
bool chargeAttempts(int OrderId, int MaxAttempts) {
  for (int Attempt = 0; Attempt < MaxAttempts; ++Attempt) {
    if (!chargeCard(OrderId))
      // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'chargeCard' can do its work twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
      continue;
    return true;
  }
  return false;
}

// One charge per order, stopping at the first failure.
bool chargeAllOrStop(const std::vector<int> &Orders) {
  for (int OrderId : Orders)
    if (!chargeCard(OrderId)) // no-warning
      return false;
  return true;
}

// Trying the same charge on the next replica until one answers: a retry.
bool chargeFailover(const std::vector<int> &Replicas, int OrderId) {
  for (int Replica : Replicas) {
    (void)Replica;
    if (chargeCard(OrderId))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'chargeCard' can do its work twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
      return true;
  }
  return false;
}

// A retry until a stop token fires still charges twice, but a loop whose
// condition is a stop flag or token is taken for a service loop.
void chargeUntilStoppedKnownFalseNegative(int OrderId, std::stop_token Stop) {
  while (!Stop.stop_requested()) {
    if (chargeCard(OrderId)) // no-warning
      return;
  }
}

// The same with an atomic flag.
void chargeUntilCancelledKnownFalseNegative(int OrderId, const std::atomic<bool> &Cancelled) {
  while (!Cancelled) {
    if (chargeCard(OrderId)) // no-warning
      return;
  }
}

// `while (!ok) ok = charge();` is a retry: the bool holds the charge's result.
void chargeWhileNotOk(int OrderId) {
  bool Ok = false;
  while (!Ok)
    Ok = chargeCard(OrderId);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'chargeCard' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
}

// A flag that holds the failure, negated in its initialiser, is read as success.
void chargeFailedFlagKnownFalseNegative(int OrderId) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    bool Failed = !chargeCard(OrderId); // no-warning
    if (Failed)
      continue;
    break;
  }
}

// A goto back to the charge after it failed charges again.
void chargeWithGoto(int OrderId) {
  int Attempts = 0;
again:
  if (!chargeCard(OrderId) && ++Attempts < 3)
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'chargeCard' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
    goto again;
}
