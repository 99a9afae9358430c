// REQUIRES: libcurl
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %S/Inputs/remote_helpers.h %t.dir/
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- --header-filter=remote_helpers -- %libcurl_cflags -I%t.dir
// RUN: %check_fallacy -check-suffix=NOHEADERS %s fallacy-missing-timeout %t -- -- %libcurl_cflags -I%t.dir
#include "remote_helpers.h"

// Code in a project header is checked when the header filter selects it
// (clang-tidy's convention), and the fix-it lands in the header.
// CHECK-MESSAGES-DAG: remote_helpers.h:6:10: warning: 'curl_easy_perform' can block forever {{.*}} [fallacy-missing-timeout]
// Without a header filter, the header's finding is not reported.
// CHECK-MESSAGES-NOHEADERS-NOT: remote_helpers.h{{.*}}warning:

void useHeader() { fetchInHeader(); }

// The main file's own call is reported either way.
void mainFileCall() {
  CURL *H = curl_easy_init();
  curl_easy_perform(H);
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:3: warning: {{.*}} no total timeout on easy handle 'H' [fallacy-missing-timeout]
  // CHECK-MESSAGES-NOHEADERS: :[[@LINE-2]]:3: warning: {{.*}} no total timeout on easy handle 'H' [fallacy-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES-NEXT: curl_easy_perform(H);
  // CHECK-FIXES-NOHEADERS: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
}
