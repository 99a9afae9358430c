// A libcurl handle with a total timeout: no finding.
#include <curl/curl.h>

void fetchWithTimeout() {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 2000L);
  curl_easy_perform(h);
}
