// RUN: %check_fallacy %s fallacy-retry-without-backoff %t -- -- -std=c++17 -I%src_root/include
// RUN: %check_fallacy -check-suffix=OPT %s fallacy-retry-without-backoff %t -- \
// RUN:   --config="{CheckOptions: {fallacy-retry-without-backoff.BackoffHelpers: 'vendor::sleepWithJitter', fallacy-retry-without-backoff.RetryHelpers: 'vendor::retrying'}}" \
// RUN:   -- -std=c++17 -I%src_root/include
// Backoff helpers (of this file and of libraries), retry helpers, recursion.
// The check's default severity is `note`; the notes are checked, so every finding is expected.
#include <fallacy/annotations.h>
#include <chrono>
#include <functional>
#include <random>
#include <thread>

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id); // false when it failed

using std::chrono::milliseconds;

// A backoff helper of this file whose pause grows with its argument.
static void backoff(int Attempt) { std::this_thread::sleep_for(milliseconds(100 * (1 << Attempt))); }
void withFileHelper(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) { // no-warning
    if (sendOrder(Id))
      return;
    backoff(Attempt);
  }
}

// A helper object that grows its own pause on each wait().
class Backoff {
public:
  void wait() {
    std::this_thread::sleep_for(Delay);
    Delay *= 2;
  }

private:
  milliseconds Delay{100};
};
void withBackoffObject(int Id) {
  Backoff B;
  for (int Attempt = 0; Attempt < 5; ++Attempt) { // no-warning
    if (sendOrder(Id))
      return;
    B.wait();
  }
}

// A helper of this file that always sleeps the same: a constant pause.
static void fixedPause() { std::this_thread::sleep_for(milliseconds(100)); }
void withConstantFileHelper(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) {
    if (sendOrder(Id))
      return;
    fixedPause();
  }
  // CHECK-NOTES: :[[@LINE-5]]:3: note: retry waits the same fixed time between attempts: callers that failed together retry together [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-3]]:5: note: this pause neither grows nor varies
  // CHECK-NOTES: :[[@LINE-6]]:9: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-8]]:3: note: wait between attempts with exponential backoff and random jitter, and cap it
  // CHECK-NOTES-OPT: :[[@LINE-9]]:3: note: retry waits the same fixed time between attempts{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES-OPT: :[[@LINE-7]]:5: note: this pause neither grows nor varies
  // CHECK-NOTES-OPT: :[[@LINE-10]]:9: note: each attempt repeats this remote call
  // CHECK-NOTES-OPT: :[[@LINE-12]]:3: note: wait between attempts {{.*}}
}

// A library backoff helper this file cannot see: without BackoffHelpers it is
// an ordinary call and the loop has no pause; with it, the pause grows and varies.
namespace vendor {
void sleepWithJitter(int Attempt);
bool retrying(const std::function<bool()> &Attempt);
} // namespace vendor
void withLibraryHelper(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) {
    if (sendOrder(Id))
      return;
    vendor::sleepWithJitter(Attempt);
  }
  // CHECK-NOTES: :[[@LINE-5]]:3: note: retry starts the next attempt at once: every caller hammers a peer that is already failing [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-5]]:9: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-7]]:3: note: wait between attempts {{.*}}
}

// A std::function retry helper of this file with no pause: reported at each call.
bool retryUpTo(int Attempts, const std::function<bool()> &Attempt) {
  for (int I = 0; I < Attempts; ++I)
    if (Attempt())
      return true;
  return false;
}
// The same helper with an exponential, jittered pause.
bool retryWithBackoff(int Attempts, const std::function<bool()> &Attempt) {
  std::mt19937 Gen(std::random_device{}());
  std::uniform_int_distribution<int> Jitter(0, 50);
  for (int I = 0; I < Attempts; ++I) {
    if (Attempt())
      return true;
    std::this_thread::sleep_for(milliseconds((100 << I) + Jitter(Gen)));
  }
  return false;
}
void callers(int Id) {
  retryUpTo(3, [&] { return sendOrder(Id); });
  // CHECK-NOTES: :[[@LINE-1]]:3: note: retry starts the next attempt at once{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-2]]:29: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-3]]:3: note: wait between attempts {{.*}}
  // CHECK-NOTES-OPT: :[[@LINE-4]]:3: note: retry starts the next attempt at once{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES-OPT: :[[@LINE-5]]:29: note: each attempt repeats this remote call
  // CHECK-NOTES-OPT: :[[@LINE-6]]:3: note: wait between attempts {{.*}}
  retryWithBackoff(3, [&] { return sendOrder(Id); }); // no-warning
  // A library retry helper: with RetryHelpers it is trusted to pace itself.
  vendor::retrying([&] { return sendOrder(Id); }); // no-warning
}

// Recursion on failure with no pause.
bool resend(int Id, int AttemptsLeft) {
  if (AttemptsLeft == 0)
    return false;
  if (!sendOrder(Id))
    return resend(Id, AttemptsLeft - 1);
  // CHECK-NOTES: :[[@LINE-1]]:12: note: retry starts the next attempt at once{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-3]]:8: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-3]]:12: note: wait between attempts {{.*}}
  // CHECK-NOTES-OPT: :[[@LINE-4]]:12: note: retry starts the next attempt at once{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES-OPT: :[[@LINE-6]]:8: note: each attempt repeats this remote call
  // CHECK-NOTES-OPT: :[[@LINE-6]]:12: note: wait between attempts {{.*}}
  return true;
}

// Recursion that sleeps a pause passed down and doubled: the doubling is in
// the argument of the recursive call, which is not seen as growth.
bool resendDoublingKnownFalsePositive(int Id, int AttemptsLeft, int DelayMs) {
  if (AttemptsLeft == 0)
    return false;
  bool Ok = sendOrder(Id);
  if (!Ok) {
    std::this_thread::sleep_for(milliseconds(DelayMs));
    return resendDoublingKnownFalsePositive(Id, AttemptsLeft - 1, DelayMs * 2);
  }
  // CHECK-NOTES: :[[@LINE-2]]:12: note: retry waits the same fixed time between attempts{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-4]]:5: note: this pause neither grows nor varies
  // CHECK-NOTES: :[[@LINE-7]]:13: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-5]]:12: note: wait between attempts {{.*}}
  // CHECK-NOTES-OPT: :[[@LINE-6]]:12: note: retry waits the same fixed time between attempts{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES-OPT: :[[@LINE-8]]:5: note: this pause neither grows nor varies
  // CHECK-NOTES-OPT: :[[@LINE-11]]:13: note: each attempt repeats this remote call
  // CHECK-NOTES-OPT: :[[@LINE-9]]:12: note: wait between attempts {{.*}}
  return true;
}
