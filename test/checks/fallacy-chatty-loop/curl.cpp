// REQUIRES: libcurl
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- %libcurl_cflags
// libcurl: one blocking transfer per URL, where the multi interface runs them together.
#include <curl/curl.h>
#include <string>
#include <vector>

// A fetch helper of this file: the loop calls it once per URL.
static CURLcode fetch(const std::string &Url) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 2000L);
  CURLcode Rc = curl_easy_perform(H);
  curl_easy_cleanup(H);
  return Rc;
}

// Each fetch waits for its transfer before the next one starts.
int fetchAll(const std::vector<std::string> &Urls) {
  int Failed = 0;
  for (const std::string &Url : Urls)
    Failed += fetch(Url) != CURLE_OK;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'fetch' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
  return Failed;
}

// One easy handle per element, created from it and performed in the loop.
struct Transfer {
  CURL *Handle;
};
static Transfer transferFor(const std::string &Url) {
  Transfer T{curl_easy_init()};
  curl_easy_setopt(T.Handle, CURLOPT_URL, Url.c_str());
  return T;
}
void performEach(const std::vector<std::string> &Urls) {
  for (size_t I = 0; I < Urls.size(); ++I) {
    Transfer T = transferFor(Urls[I]);
    curl_easy_perform(T.Handle);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_easy_perform' costs one round trip{{.*}} [fallacy-chatty-loop]
    curl_easy_cleanup(T.Handle);
  }
}

// The multi interface: every transfer is added, then all run together.
void fetchConcurrently(const std::vector<CURL *> &Handles) {
  CURLM *Multi = curl_multi_init();
  for (CURL *H : Handles) // no-warning
    curl_multi_add_handle(Multi, H);
  int Running = 1;
  while (Running) {
    curl_multi_perform(Multi, &Running);
    curl_multi_poll(Multi, nullptr, 0, 1000, nullptr);
  }
  for (CURL *H : Handles) // no-warning
    curl_multi_remove_handle(Multi, H);
  curl_multi_cleanup(Multi);
}

// Trying mirrors until one transfer succeeds is a retry, not N+1.
bool fromAnyMirror(const std::vector<CURL *> &Mirrors) {
  for (CURL *Mirror : Mirrors) // no-warning
    if (curl_easy_perform(Mirror) == CURLE_OK)
      return true;
  return false;
}

// A primary and a fallback handle, written out: a constant small set.
void primaryAndFallback(CURL *Primary, CURL *Fallback) {
  for (CURL *H : {Primary, Fallback}) // no-warning
    curl_easy_perform(H);
}

// KnownFalseNegative: the usual libcurl loop points one handle at each URL
// with curl_easy_setopt and performs it; the element reaches the transfer only
// through that setter, which the element tracking does not follow.
void reuseOneHandleKnownFalseNegative(CURL *H, const std::vector<std::string> &Urls) {
  for (const std::string &Url : Urls) {
    curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
    curl_easy_perform(H); // no-warning (should warn)
  }
}
