// test/frontends/Inputs/clangd-fetch.cpp: a libcurl fetch with no timeout, opened in fallacy-clangd.
#include <curl/curl.h>

long fetchStatus(const char *Url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, Url);
  curl_easy_perform(h);
  long Status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &Status);
  curl_easy_cleanup(h);
  return Status;
}
