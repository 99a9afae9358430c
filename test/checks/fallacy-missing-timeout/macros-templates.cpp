// REQUIRES: libcurl
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %libcurl_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %libcurl_cflags
#include <curl/curl.h>
#include <functional>

#define PERFORM(h) curl_easy_perform(h)
#define PERFORM_TWICE(h) (curl_easy_perform(h), curl_easy_perform(h))

// A user macro around the call: reported at the use, without a fix inside the macro.
void throughMacro() {
  CURL *H = curl_easy_init();
  PERFORM(H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' can block forever {{.*}} easy handle 'H' [fallacy-missing-timeout]
}

// One macro use that expands to two calls is one defect.
void macroExpandingTwice() {
  CURL *H = curl_easy_init();
  PERFORM_TWICE(H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' can block forever {{.*}} easy handle 'H' [fallacy-missing-timeout]
}

// A template instantiated twice is one defect, reported once.
template <typename Tag> void fetchTagged() {
  CURL *H = curl_easy_init();
  curl_easy_perform(H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' can block forever {{.*}} easy handle 'H' [fallacy-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
}
struct A {};
struct B {};
void instantiate() {
  fetchTagged<A>();
  fetchTagged<B>();
}

// A template whose instantiations configure the handle is fine.
template <long Ms> void fetchWithTimeout() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, Ms);
  curl_easy_perform(H); // no-warning
}
void instantiateConfigured() { fetchWithTimeout<100>(); }

// A handle created and used inside a lambda.
void inLambda() {
  auto Run = [] {
    CURL *H = curl_easy_init();
    return curl_easy_perform(H);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'curl_easy_perform' can block forever {{.*}} easy handle 'H' [fallacy-missing-timeout]
    // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
  };
  Run();
}

// A callback stored in std::function that performs on its parameter, called
// with a configured handle.
void callbackConfigured() {
  std::function<CURLcode(CURL *)> Perform = [](CURL *H) { return curl_easy_perform(H); }; // no-warning
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_TIMEOUT, 1L);
  Perform(H);
}

// A callback with no visible caller at all is reported where it performs.
void callbackUnconfigured(std::function<void(std::function<CURLcode(CURL *)>)> Register) {
  Register([](CURL *H) { return curl_easy_perform(H); });
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:33: warning: 'curl_easy_perform' can block forever {{.*}} easy handle 'H' [fallacy-missing-timeout]
  // CHECK-FIXES-REPORT: Register([](CURL *H) { curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L); return curl_easy_perform(H); });
}
