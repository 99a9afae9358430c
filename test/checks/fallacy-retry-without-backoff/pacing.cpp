// RUN: %check_fallacy %s fallacy-retry-without-backoff %t -- -- -std=c++17 -I%src_root/include
// No pause, a constant pause, a growing pause, a jittered pause, backoff helpers.
// The check's default severity is `note`; the notes are checked, so every finding is expected.
#include <fallacy/annotations.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>
#include <unistd.h>

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id); // false when it failed

using std::chrono::milliseconds;

// No pause at all: the next attempt starts at once.
void noPause(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt)
    if (sendOrder(Id))
      return;
  // CHECK-NOTES: :[[@LINE-3]]:3: note: retry starts the next attempt at once: every caller hammers a peer that is already failing [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-3]]:9: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-5]]:3: note: wait between attempts with exponential backoff and random jitter, and cap it
}

// A constant pause: callers that failed together retry together.
void constantPause(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) {
    if (sendOrder(Id))
      return;
    std::this_thread::sleep_for(milliseconds(200));
  }
  // CHECK-NOTES: :[[@LINE-5]]:3: note: retry waits the same fixed time between attempts: callers that failed together retry together [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-3]]:5: note: this pause neither grows nor varies
  // CHECK-NOTES: :[[@LINE-6]]:9: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-8]]:3: note: wait between attempts {{.*}}
}

// A constant pause through usleep(): the same.
void constantUsleep(int Id) {
  while (!sendOrder(Id))
    usleep(100000);
  // CHECK-NOTES: :[[@LINE-2]]:3: note: retry waits the same fixed time between attempts{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-2]]:5: note: this pause neither grows nor varies
  // CHECK-NOTES: :[[@LINE-4]]:11: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-5]]:3: note: wait between attempts {{.*}}
}

// A pause before the attempt instead of after it is still constant.
void constantPauseFirst(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    if (sendOrder(Id))
      return;
  }
  // CHECK-NOTES: :[[@LINE-5]]:3: note: retry waits the same fixed time between attempts{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-5]]:5: note: this pause neither grows nor varies
  // CHECK-NOTES: :[[@LINE-5]]:9: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-8]]:3: note: wait between attempts {{.*}}
}

// Something else changes in the loop, but not the pause.
void constantPauseOtherCounter(int Id, int &Failures) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) {
    if (sendOrder(Id))
      return;
    ++Failures;
    std::this_thread::sleep_for(milliseconds(100));
  }
  // CHECK-NOTES: :[[@LINE-6]]:3: note: retry waits the same fixed time between attempts{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-3]]:5: note: this pause neither grows nor varies
  // CHECK-NOTES: :[[@LINE-7]]:9: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-9]]:3: note: wait between attempts {{.*}}
}

// A pause doubled after each attempt grows.
void doublingPause(int Id) {
  auto Delay = milliseconds(100);
  for (int Attempt = 0; Attempt < 5; ++Attempt) { // no-warning
    if (sendOrder(Id))
      return;
    std::this_thread::sleep_for(Delay);
    Delay *= 2;
  }
}

// A pause computed from the attempt number grows.
void shiftedPause(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) { // no-warning
    if (sendOrder(Id))
      return;
    std::this_thread::sleep_for(milliseconds(100 << Attempt));
  }
}

// The same through a local declared in the loop.
void shiftedPauseLocal(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) { // no-warning
    if (sendOrder(Id))
      return;
    auto Delay = milliseconds(50) * (1 << Attempt);
    std::this_thread::sleep_for(Delay);
  }
}

// A capped exponential pause.
void cappedPause(int Id) {
  long DelayMs = 100;
  for (int Attempt = 0; Attempt < 8; ++Attempt) { // no-warning
    if (sendOrder(Id))
      return;
    std::this_thread::sleep_for(milliseconds(DelayMs));
    DelayMs = std::min(DelayMs * 2, 5000L);
  }
}

// A jittered pause from <random> spreads callers out.
void jitteredPause(int Id) {
  std::mt19937 Gen(std::random_device{}());
  std::uniform_int_distribution<int> Jitter(50, 150);
  for (int Attempt = 0; Attempt < 5; ++Attempt) { // no-warning
    if (sendOrder(Id))
      return;
    std::this_thread::sleep_for(milliseconds(Jitter(Gen)));
  }
}

// A jittered pause from rand().
void randPause(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) { // no-warning
    if (sendOrder(Id))
      return;
    usleep(100000 + rand() % 50000);
  }
}

// A pause that only the success path takes leaves the retries without one,
// but any wait in the loop is taken for the pause between attempts.
void pauseOnSuccessOnlyKnownFalseNegative(int Id) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) { // no-warning
    if (sendOrder(Id)) {
      std::this_thread::sleep_for(milliseconds(100 << Attempt));
      return;
    }
  }
}
