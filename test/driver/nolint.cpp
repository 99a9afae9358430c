// Suppression comments work exactly as in clang-tidy, with or without check
// names, and suppressed findings are counted in the summary.
// RUN: %expect_exit 1 %fallacy_lint %s -- | %FileCheck %s --implicit-check-not="warning:"
#include <curl/curl.h>

// NOLINT on the line suppresses every check.
void nolintAll() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h); // NOLINT
}

// NOLINT naming the check.
void nolintNamed() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h); // NOLINT(fallacy-missing-timeout)
}

// NOLINT with a glob matching the check.
void nolintGlob() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h); // NOLINT(fallacy-*)
}

// NOLINT naming another check suppresses nothing.
void nolintOther() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h); // NOLINT(bugprone-use-after-move)
  // CHECK: nolint.cpp:[[@LINE-1]]:3: warning: {{.*}} [fallacy-missing-timeout]
}

// NOLINTNEXTLINE, plain and named.
void nolintNextLine() {
  CURL *h = curl_easy_init();
  // NOLINTNEXTLINE
  curl_easy_perform(h);
  CURL *h2 = curl_easy_init();
  // NOLINTNEXTLINE(fallacy-missing-timeout)
  curl_easy_perform(h2);
}

// NOLINTBEGIN/NOLINTEND, plain and named.
// NOLINTBEGIN
void nolintBlock() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
}
// NOLINTEND
// NOLINTBEGIN(fallacy-missing-timeout)
void nolintNamedBlock() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
}
// NOLINTEND(fallacy-missing-timeout)

// CHECK: 1 finding {{.*}}7 suppressed
