// Does not compile: an undeclared identifier.
#include <curl/curl.h>

void fetch() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
  undeclared_function_xyz(h);
}
