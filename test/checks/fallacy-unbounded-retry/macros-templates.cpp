// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 -I%src_root/include -I%S/Inputs
// RUN: %check_fallacy -check-suffix=HDR %s fallacy-unbounded-retry %t -- --header-filter='retry_inline' -- -std=c++17 -I%src_root/include -I%S/Inputs
// Macros, templates instantiated twice, suppression and code in headers.
#include <fallacy/annotations.h>
#include "retry_inline.h"

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id); // false when it failed

#define RETRY_UNTIL(expr)                                                                          \
  while (!(expr)) {                                                                                \
  }
#define SEND(id) sendOrder(id)

// A loop written by a macro is reported at the macro's use.
void macroLoop(int Id) {
  RETRY_UNTIL(sendOrder(Id));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
  // CHECK-MESSAGES-HDR: :[[@LINE-2]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
}

// A remote call written by a macro inside an ordinary loop.
void macroCall(int Id) {
  while (!SEND(Id)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    // CHECK-MESSAGES-HDR: :[[@LINE-2]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
  }
}

// A function template instantiated twice is reported once.
template <typename T> void resend(T Id) {
  while (!sendOrder(static_cast<int>(Id))) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    // CHECK-MESSAGES-HDR: :[[@LINE-2]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
  }
}
template void resend<int>(int);
template void resend<long>(long);

// NOLINT silences one loop.
void suppressed(int Id) {
  while (!sendOrder(Id)) { // NOLINT(fallacy-unbounded-retry): drained by the supervisor
  }
}

// The header's loop is reported only when the header filter lets it through.
void callsHeader(int Id) { resendFromHeader(Id); } // no-warning
// CHECK-MESSAGES-HDR: retry_inline.h:7:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
