// test/frontends/Inputs/clangd-fast-filter.cpp: a missing timeout next to a defect a fast clang-tidy check reports.
#include <curl/curl.h>

void fetch(CURL *h, bool Reset) {
  if (Reset)
    curl_easy_reset(h);
    curl_easy_perform(h);
}
