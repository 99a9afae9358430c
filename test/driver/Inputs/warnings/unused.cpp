// A compiler warning (an unused variable under -Wall) next to a finding.
#include <curl/curl.h>

void fetch() {
  int Unused = 0;
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
}
