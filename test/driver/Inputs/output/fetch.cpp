// test/driver/Inputs/output/fetch.cpp: two libcurl calls without a timeout, for the output format tests.
#include <curl/curl.h>

// The call shares its line, so the fix-it is inserted on that line.
void fetchOnOneLine() {
  CURL *h = curl_easy_init(); curl_easy_perform(h);
}

// The call has its own line, so the fix-it inserts a line before it.
void fetchOnItsOwnLine() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
}
