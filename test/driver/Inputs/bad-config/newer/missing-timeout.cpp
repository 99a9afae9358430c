// A libcurl handle created here and performed without any timeout: one finding.
#include <curl/curl.h>

void fetchWithoutTimeout() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
}
