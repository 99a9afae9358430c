// test/driver/Inputs/output/fixes/a.cpp: includes shared.h and has a finding of its own.
#include "shared.h"

void fetchA() {
  CURL *h = curl_easy_init(); curl_easy_perform(h);
}
