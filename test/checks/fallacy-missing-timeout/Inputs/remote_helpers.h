// Inputs/remote_helpers.h: a project header with an inline remote call.
#include <curl/curl.h>

inline CURLcode fetchInHeader() {
  CURL *H = curl_easy_init();
  return curl_easy_perform(H);
}
