// REQUIRES: libcurl
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 -I%src_root/include %libcurl_cflags
// The notes: where the verb was chosen, the loop, the call inside a wrapper, the remedy.
#include <curl/curl.h>
#include <fallacy/annotations.h>
#include <functional>

FALLACY_BLOCKING_REMOTE FALLACY_NOT_IDEMPOTENT bool chargeCard(int OrderId);

// The option that made the request a POST gets a note.
void postRetried(CURL *H) {
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "{}");
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (curl_easy_perform(H) == CURLE_OK)
      return;
  // CHECK-NOTES: :[[@LINE-2]]:9: warning: 'curl_easy_perform' can send the POST twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the request is made non-idempotent here
  // CHECK-NOTES: curl.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'curl_easy_setopt'
  // CHECK-NOTES: :[[@LINE-6]]:3: note: the retry loop starts here
  // CHECK-NOTES: :[[@LINE-6]]:9: note: to make it safe: send an Idempotency-Key header whose value is created once, before the first attempt
}

// A wrapper of this file: the warning at its call, a note at the operation inside.
static bool chargeOrder(int OrderId) { return chargeCard(OrderId); }
void wrapperRetried(int OrderId) {
  while (!chargeOrder(OrderId)) {
  }
  // CHECK-NOTES: :[[@LINE-2]]:11: warning: 'chargeOrder' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
  // CHECK-NOTES: :[[@LINE-5]]:47: note: the remote call is made here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the retry loop starts here
  // CHECK-NOTES: :[[@LINE-5]]:11: note: to make it safe: make it idempotent (a key the server deduplicates), or do not retry it
}

// Recursion: the note names the recursive call.
bool chargeRecursively(int OrderId, int AttemptsLeft) {
  if (AttemptsLeft > 0 && !chargeCard(OrderId))
    return chargeRecursively(OrderId, AttemptsLeft - 1);
  // CHECK-NOTES: :[[@LINE-2]]:28: warning: 'chargeCard' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: the recursive retry starts here
  // CHECK-NOTES: :[[@LINE-4]]:28: note: to make it safe: {{.*}}
  return true;
}

// A helper: the note names the helper's call.
void retryUpTo(int Attempts, const std::function<bool()> &Attempt) {
  for (int I = 0; I < Attempts && !Attempt(); ++I) {
  }
}
void viaHelper(int OrderId) {
  retryUpTo(3, [&] { return chargeCard(OrderId); });
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'chargeCard' can do its work twice{{.*}} [fallacy-non-idempotent-retry]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the retry helper is called here
  // CHECK-NOTES: :[[@LINE-3]]:29: note: to make it safe: {{.*}}
}
