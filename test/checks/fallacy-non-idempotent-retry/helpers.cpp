// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 -I%src_root/include
// RUN: %check_fallacy -check-suffix=OPT %s fallacy-non-idempotent-retry %t -- \
// RUN:   --config="{CheckOptions: {fallacy-non-idempotent-retry.RetryHelpers: 'vendor::retrying'}}" \
// RUN:   -- -std=c++17 -I%src_root/include
// Non-idempotent calls retried through helpers, lambdas and recursion.
#include <fallacy/annotations.h>
#include <functional>

FALLACY_BLOCKING_REMOTE FALLACY_NOT_IDEMPOTENT bool chargeCard(int OrderId);
FALLACY_BLOCKING_REMOTE FALLACY_NOT_IDEMPOTENT bool appendLedger(int OrderId);
FALLACY_BLOCKING_REMOTE FALLACY_IDEMPOTENT bool setPrice(int Sku, int Cents);

// A std::function helper of this file: reported at the call inside the lambda.
bool retryUpTo(int Attempts, const std::function<bool()> &Attempt) {
  for (int I = 0; I < Attempts; ++I)
    if (Attempt())
      return true;
  return false;
}

// A template helper; instantiated with a lambda, it is reported inside the
// template at the callable's invocation, where the name is the lambda's
// operator() (printed as ''), and a second non-idempotent caller is
// deduplicated away.
template <typename Fn> bool retryTemplate(int Attempts, Fn &&Attempt) {
  for (int I = 0; I < Attempts; ++I)
    if (Attempt())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: '' can do its work twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
      // CHECK-MESSAGES-OPT: :[[@LINE-2]]:9: warning: '' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
      return true;
  return false;
}

namespace vendor {
bool retrying(const std::function<bool()> &Attempt);
}

void callers(int OrderId) {
  retryUpTo(3, [&] { return chargeCard(OrderId); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'chargeCard' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:29: warning: 'chargeCard' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
  retryUpTo(3, [&] { return setPrice(OrderId, 100); }); // no-warning
  // Two non-idempotent callers of the template: one warning, in the template
  // (KnownFalseNegative for the second caller).
  retryTemplate(3, [&] { return chargeCard(OrderId); });
  retryTemplate(3, [&] { return appendLedger(OrderId); });
  // A library helper: unseen without RetryHelpers, a retry with it.
  vendor::retrying([&] { return chargeCard(OrderId); });
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:33: warning: 'chargeCard' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
  vendor::retrying([&] { return setPrice(OrderId, 100); }); // no-warning
}

// A lambda stored in a variable and handed to the helper by name: its body is
// not found, so the retried charge is unseen.
void storedLambdaKnownFalseNegative(int OrderId) {
  auto Charge = [&] { return chargeCard(OrderId); };
  retryUpTo(3, Charge); // no-warning
}

// Recursion on failure.
bool chargeRecursively(int OrderId, int AttemptsLeft) {
  if (AttemptsLeft == 0)
    return false;
  if (!chargeCard(OrderId))
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'chargeCard' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
    // CHECK-MESSAGES-OPT: :[[@LINE-2]]:8: warning: 'chargeCard' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
    return chargeRecursively(OrderId, AttemptsLeft - 1);
  return true;
}
