// Compiles only with its database entry's flags: a define, and the warning
// flag that Boost 1.74 needs under clang 19.
#include <curl/curl.h>

#if !defined(FALLACY_TEST_NEEDED)
#error "the database's -D flag was not used"
#endif

enum Small { Zero, One };
// An error by default in clang 19; -Wno-enum-constexpr-conversion allows it.
constexpr Small TooBig = static_cast<Small>(8);

void fetch() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
}
