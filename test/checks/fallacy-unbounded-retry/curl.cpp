// REQUIRES: libcurl
// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 %libcurl_cflags
// libcurl: CURLcode results, CURLE_OK is success.
#include <curl/curl.h>
#include <chrono>
#include <thread>

// Until CURLE_OK, with nothing else to stop it.
void performUntilOk(CURL *H) {
  CURLcode Rc;
  do {
    Rc = curl_easy_perform(H);
  } while (Rc != CURLE_OK);
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
}

// The constant on the left.
void performUntilOkMirrored(CURL *H) {
  while (CURLE_OK != curl_easy_perform(H)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

// Continue on a timeout: a failure named by its constant.
void retryOnTimeout(CURL *H) {
  for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    CURLcode Rc = curl_easy_perform(H);
    if (Rc == CURLE_OPERATION_TIMEDOUT)
      continue;
    break;
  }
}

// Up to three attempts.
CURLcode performThreeTimes(CURL *H) {
  CURLcode Rc = CURLE_FAILED_INIT;
  for (int Attempt = 0; Attempt < 3 && Rc != CURLE_OK; ++Attempt) // no-warning
    Rc = curl_easy_perform(H);
  return Rc;
}

// An overall deadline on the loop.
CURLcode performWithinDeadline(CURL *H) {
  auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  CURLcode Rc;
  do {
    Rc = curl_easy_perform(H);
  } while (Rc != CURLE_OK && std::chrono::steady_clock::now() < Deadline); // no-warning
  return Rc;
}

// Several transfers, each done once.
void performEach(CURL *const *Handles, int Count) {
  for (int I = 0; I < Count; ++I) // no-warning
    curl_easy_perform(Handles[I]);
}

// A per-attempt CURLOPT_TIMEOUT bounds one attempt, not the retry.
void perAttemptTimeoutIsNoBound(CURL *H) {
  curl_easy_setopt(H, CURLOPT_TIMEOUT, 5L);
  while (curl_easy_perform(H) != CURLE_OK) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
  }
}
