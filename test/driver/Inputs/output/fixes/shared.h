// test/driver/Inputs/output/fixes/shared.h: a header whose finding both units report; its fix must be made once.
#include <curl/curl.h>

inline void fetchShared() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
}
