// test/driver/Inputs/output/net.h: a header outside the source root with a call that has no timeout.
#include <curl/curl.h>

inline void fetchFromHeader() { CURL *h = curl_easy_init();
  curl_easy_perform(h);
}
