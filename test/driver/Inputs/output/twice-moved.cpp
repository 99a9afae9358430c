// test/driver/Inputs/output/twice-moved.cpp: twice.cpp with unrelated lines inserted above the calls.
#include <curl/curl.h>
#include <string>

// Unrelated code added above the function.
static std::string label() { return "inventory"; }

void fetchTwice() {
  // Fetch twice: the second call retries the first.
  CURL *h = curl_easy_init();
  std::string Name = label();

  curl_easy_perform(curl_easy_init());
  curl_easy_perform(curl_easy_init());
}
