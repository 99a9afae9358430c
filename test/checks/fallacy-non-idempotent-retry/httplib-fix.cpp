// REQUIRES: httplib
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- --config="{CheckOptions: {fallacy-non-idempotent-retry.IdempotencyKeyExpression: 'newUuid()'}}" -- -std=c++17 %httplib_cflags
// RUN: %check_fallacy -check-suffix=NOFIX %s fallacy-non-idempotent-retry %t.nofix -- -- -std=c++17 %httplib_cflags
// The Idempotency-Key fix-it: a header list built before the retry takes a key made once.
#include <httplib.h>
#include <string>

std::string newUuid(); // a fresh UUID on every call

// Headers built before the loop: the key is added to them once, after their
// declaration. Without IdempotencyKeyExpression there is no fix-it (NOFIX).
void postWithHeaders(httplib::Client &Cli, const std::string &Body) {
  httplib::Headers Headers = {{"X-Tenant", "acme"}};
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    auto Res = Cli.Post("/charges", Headers, Body, "application/json");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Post' can send the POST twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
    // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:16: warning: 'Post' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
    if (Res && Res->status < 500)
      return;
  }
}
// CHECK-FIXES: httplib::Headers Headers = {{[{][{]}}"X-Tenant", "acme"{{[}][}]}};
// CHECK-FIXES-NEXT: Headers.emplace("Idempotency-Key", newUuid());
// CHECK-FIXES-NEXT: for (int Attempt = 0; Attempt < 3; ++Attempt) {
// CHECK-FIXES-NOFIX: httplib::Headers Headers = {{[{][{]}}"X-Tenant", "acme"{{[}][}]}};
// CHECK-FIXES-NOFIX-NEXT: for (int Attempt = 0; Attempt < 3; ++Attempt) {

// Headers built inside the attempt: a key added there would be new each time,
// so no fix-it is offered.
void headersInsideTheLoop(httplib::Client &Cli, const std::string &Body) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    httplib::Headers Headers = {{"X-Tenant", "acme"}};
    auto Res = Cli.Patch("/orders/7", Headers, Body, "application/json");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Patch' can send the PATCH twice{{.*}} [fallacy-non-idempotent-retry]
    // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:16: warning: 'Patch' can send the PATCH twice{{.*}} [fallacy-non-idempotent-retry]
    if (Res)
      return;
  }
}
// CHECK-FIXES: httplib::Headers Headers = {{[{][{]}}"X-Tenant", "acme"{{[}][}]}};
// CHECK-FIXES-NEXT: auto Res = Cli.Patch("/orders/7", Headers, Body, "application/json");

// A const header list cannot take the key: no fix-it either.
void constHeaders(httplib::Client &Cli, const std::string &Body) {
  const httplib::Headers Headers = {{"X-Tenant", "acme"}};
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    auto Res = Cli.Post("/charges", Headers, Body, "application/json");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Post' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
    // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:16: warning: 'Post' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
    if (Res)
      return;
  }
}
// CHECK-FIXES: const httplib::Headers Headers = {{[{][{]}}"X-Tenant", "acme"{{[}][}]}};
// CHECK-FIXES-NEXT: for (int Attempt = 0; Attempt < 3; ++Attempt) {
