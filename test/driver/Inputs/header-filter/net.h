// A header whose inline function has a finding.
#include <curl/curl.h>

inline void fetchFromHeader() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
}
