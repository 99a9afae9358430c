// test/driver/Inputs/output/twice.cpp: two identical calls without a timeout, each on its own handle.
#include <curl/curl.h>

void fetchTwice() {
  CURL *h = curl_easy_init();
  curl_easy_perform(curl_easy_init());
  curl_easy_perform(curl_easy_init());
}
