// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 -I%src_root/include
// RUN: %check_fallacy -check-suffix=OPT %s fallacy-unbounded-retry %t -- \
// RUN:   --config="{CheckOptions: {fallacy-unbounded-retry.RetryHelpers: 'vendor::retrying'}}" \
// RUN:   -- -std=c++17 -I%src_root/include
// Retry helpers: functions, templates and lambdas that retry a callable.
#include <fallacy/annotations.h>
#include <functional>

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id); // false when it failed

// A std::function helper with no bound: each call of it is reported.
void retryUntilDone(const std::function<bool()> &Attempt) {
  while (true) {
    if (Attempt())
      return;
  }
}

// A std::function helper with an attempt limit.
bool retryUpTo(int Attempts, const std::function<bool()> &Attempt) {
  for (int I = 0; I < Attempts; ++I)
    if (Attempt())
      return true;
  return false;
}

// A template helper with no bound, instantiated with a lambda: the loop in
// the instantiation sees the remote call and is reported once.
template <typename Fn> void retryForever(Fn Attempt) {
  while (!Attempt()) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
  // CHECK-MESSAGES-OPT: :[[@LINE-3]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
}

// A template helper with an attempt limit.
template <typename Fn> bool retryTemplate(int Attempts, Fn &&Attempt) {
  for (int I = 0; I < Attempts; ++I)
    if (Attempt())
      return true;
  return false;
}

// A helper that calls its callable once does not retry.
bool once(const std::function<bool()> &Attempt) { return Attempt(); }

// A library helper this file cannot see; named in RetryHelpers, it counts as
// a retry whose bound is its own.
namespace vendor {
bool retrying(const std::function<bool()> &Attempt);
}

void callers(int Id) {
  // The unbounded helper with a remote lambda.
  retryUntilDone([&] { return sendOrder(Id); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry helper call can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: this retry helper call can run forever{{.*}} [fallacy-unbounded-retry]
  // The bounded helper.
  retryUpTo(3, [&] { return sendOrder(Id); }); // no-warning
  // The unbounded helper with a lambda that stays on this host.
  retryUntilDone([] { return true; }); // no-warning
  // The unbounded template helper, twice: one report, in the template.
  retryForever([&] { return sendOrder(Id); });
  retryForever([&] { return sendOrder(Id + 1); });
  // The bounded template helper.
  retryTemplate(3, [&] { return sendOrder(Id); }); // no-warning
  // A helper that does not retry.
  once([&] { return sendOrder(Id); }); // no-warning
  // A library helper, with or without RetryHelpers: never unbounded here.
  vendor::retrying([&] { return sendOrder(Id); }); // no-warning
}

// A function of this file passed by name to the unbounded helper.
static bool sendFirstOrder() { return sendOrder(1); }
void callerByName() {
  retryUntilDone(sendFirstOrder);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry helper call can run forever{{.*}} [fallacy-unbounded-retry]
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: this retry helper call can run forever{{.*}} [fallacy-unbounded-retry]
}

// A retry loop inside a lambda is a retry loop.
void loopInLambda(int Id) {
  auto Deliver = [&] {
    while (!sendOrder(Id)) {
    }
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    // CHECK-MESSAGES-OPT: :[[@LINE-3]]:5: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
  };
  Deliver();
}

// A helper taking a function pointer, given a remote function that is only
// declared here: the callable's body is looked for and not found.
void retryPointerForever(bool (*Attempt)(int), int Id) {
  while (!Attempt(Id)) {
  }
}
void callerWithPointerKnownFalseNegative(int Id) {
  retryPointerForever(sendOrder, Id); // no-warning
}
