// REQUIRES: libcurl
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %libcurl_cflags
// RUN: %check_fallacy -check-suffix=FAST %s fallacy-missing-timeout %t -- --config="{CheckOptions: {fallacy-missing-timeout.DefaultTimeoutMs: 1500}}" -- %libcurl_cflags
#include <curl/curl.h>

// The fix-it's value is the DefaultTimeoutMs option (30000 unless configured).
void fetch() {
  CURL *H = curl_easy_init();
  curl_easy_perform(H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' can block forever {{.*}} [fallacy-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-MESSAGES-FAST: :[[@LINE-3]]:3: warning: 'curl_easy_perform' can block forever {{.*}} [fallacy-missing-timeout]
  // CHECK-FIXES-FAST: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 1500L);
}
