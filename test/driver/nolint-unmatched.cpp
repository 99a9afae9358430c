// A NOLINTBEGIN without its NOLINTEND is reported, as clang-tidy does, and
// suppresses nothing.
// RUN: %expect_exit 1 %fallacy_lint %s -- | %FileCheck %s
#include <curl/curl.h>

// NOLINTBEGIN(fallacy-missing-timeout)
// CHECK-DAG: nolint-unmatched.cpp:[[@LINE-1]]:4: error: unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment [clang-tidy-nolint]
void unmatched() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
  // CHECK-DAG: nolint-unmatched.cpp:[[@LINE-1]]:3: warning: {{.*}} [fallacy-missing-timeout]
}
