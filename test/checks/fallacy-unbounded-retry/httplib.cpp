// REQUIRES: httplib
// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 %httplib_cflags
// cpp-httplib: a Result converts to false on a transport error; HTTP statuses.
#include <httplib.h>

// Until a 200.
std::string getUntil200(httplib::Client &Cli) {
  while (true) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
    auto Res = Cli.Get("/stock/sku-1");
    if (Res && Res->status == 200)
      return Res->body;
  }
}

// Continue on 5xx and on transport errors.
void retryOn5xx(httplib::Client &Cli) {
  for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    auto Res = Cli.Get("/stock/sku-1");
    if (!Res || Res->status >= 500)
      continue;
    break;
  }
}

// Bounded by attempts.
std::string getThreeTimes(httplib::Client &Cli) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) // no-warning
    if (auto Res = Cli.Get("/stock/sku-1"))
      return Res->body;
  return "";
}
