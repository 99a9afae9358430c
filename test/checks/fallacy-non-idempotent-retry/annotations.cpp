// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 -I%src_root/include
// FALLACY_IDEMPOTENT and FALLACY_NOT_IDEMPOTENT from fallacy/annotations.h.
#include <fallacy/annotations.h>

FALLACY_BLOCKING_REMOTE FALLACY_NOT_IDEMPOTENT bool chargeCard(int OrderId);
FALLACY_BLOCKING_REMOTE FALLACY_IDEMPOTENT bool setPrice(int Sku, int Cents);
FALLACY_BLOCKING_REMOTE bool notifyShipping(int OrderId); // no idempotency mark
FALLACY_ASYNC_REMOTE FALLACY_NOT_IDEMPOTENT bool enqueueRefund(int OrderId);

// A remote function marked not idempotent, retried.
void chargeRetried(int OrderId) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (chargeCard(OrderId))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'chargeCard' can do its work twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
      return;
}

// The same in an unbounded loop.
void chargeForever(int OrderId) {
  while (!chargeCard(OrderId)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'chargeCard' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
  }
}

// An asynchronous remote function marked not idempotent.
void enqueueRetried(int OrderId) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (enqueueRefund(OrderId))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'enqueueRefund' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
      return;
}

// Marked idempotent.
void setPriceRetried(int Sku) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (setPrice(Sku, 1999)) // no-warning
      return;
}

// No mark and no model entry: nothing says it is unsafe.
void notifyRetried(int OrderId) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (notifyShipping(OrderId)) // no-warning
      return;
}

// A wrapper of this file marked idempotent (it deduplicates by order id)
// covers the non-idempotent call inside it.
FALLACY_IDEMPOTENT bool chargeOnce(int OrderId) { return chargeCard(OrderId); }
void chargeOnceRetried(int OrderId) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (chargeOnce(OrderId)) // no-warning
      return;
}

// A wrapper marked not idempotent around an unmarked remote call.
FALLACY_NOT_IDEMPOTENT bool shipOrder(int OrderId) { return notifyShipping(OrderId); }
void shipRetried(int OrderId) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (shipOrder(OrderId))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'shipOrder' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
      return;
}

// A charge run once.
void chargeOnceOnly(int OrderId) {
  chargeCard(OrderId); // no-warning
}

// FALLACY_NOT_IDEMPOTENT alone, on a function declared here but defined
// elsewhere, does not make it remote: its retry is not recognised.
FALLACY_NOT_IDEMPOTENT bool debitWallet(int OrderId);
void debitRetriedKnownFalseNegative(int OrderId) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (debitWallet(OrderId)) // no-warning
      return;
}
