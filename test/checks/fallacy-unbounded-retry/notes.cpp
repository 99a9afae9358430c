// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 -I%src_root/include
// The notes: the retried call, the call inside a helper, the 0/-1 convention, the advice.
#include <fallacy/annotations.h>
#include <functional>

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id); // false when it failed

// A loop: the note points at the call each attempt repeats.
void loop(int Id) {
  while (!sendOrder(Id)) {
  }
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
  // CHECK-NOTES: :[[@LINE-3]]:11: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-4]]:3: note: bound it: stop after a few attempts, or when an overall deadline passes
}

// A function of this file that makes the remote call: a second note says where.
static bool deliver(int Id) { return sendOrder(Id); }
void loopOverWrapper(int Id) {
  while (!deliver(Id)) {
  }
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
  // CHECK-NOTES: :[[@LINE-3]]:11: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-6]]:38: note: which reaches the network here
  // CHECK-NOTES: :[[@LINE-5]]:3: note: bound it: {{.*}}
}

// The 0-means-unlimited convention gets its own note.
void unlimited(int Id, int MaxAttempts) {
  for (int Attempt = 0; MaxAttempts == 0 || Attempt < MaxAttempts; ++Attempt)
    if (sendOrder(Id))
      return;
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
  // CHECK-NOTES: :[[@LINE-3]]:9: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the attempt limit can be 0 or -1, which this code treats as unlimited
  // CHECK-NOTES: :[[@LINE-6]]:3: note: bound it: {{.*}}
}

// Recursion: the warning is at the recursive call.
void recurse(int Id) {
  if (!sendOrder(Id))
    recurse(Id);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: this recursive retry can run forever{{.*}} [fallacy-unbounded-retry]
  // CHECK-NOTES: :[[@LINE-3]]:8: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-3]]:5: note: bound it: {{.*}}
}

// A helper call: the warning is at the call, the note at the remote call in the lambda.
void retryUntilDone(const std::function<bool()> &Attempt) {
  while (!Attempt()) {
  }
}
void viaHelper(int Id) {
  retryUntilDone([&] { return sendOrder(Id); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: this retry helper call can run forever{{.*}} [fallacy-unbounded-retry]
  // CHECK-NOTES: :[[@LINE-2]]:31: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-3]]:3: note: bound it: {{.*}}
}
