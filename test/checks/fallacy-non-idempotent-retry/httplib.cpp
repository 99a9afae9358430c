// REQUIRES: httplib
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 %httplib_cflags
// cpp-httplib: the verb is the method's name.
#include <httplib.h>
#include <string>

std::string newUuid(); // a fresh UUID on every call

// Post retried until a 201.
void postUntilCreated(httplib::Client &Cli) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    auto Res = Cli.Post("/charges", "{\"cents\":1999}", "application/json");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Post' can send the POST twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
    if (Res && Res->status == 201)
      return;
  }
}

// Patch retried.
void patchRetried(httplib::Client &Cli) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Patch("/carts/7", "{\"add\":\"sku-1\"}", "application/json"))
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Patch' can send the PATCH twice{{.*}} [fallacy-non-idempotent-retry]
      return;
}

// An unbounded retry of a Post is reported too (the bound is another check's business).
void postForever(httplib::Client &Cli) {
  while (true) {
    auto Res = Cli.Post("/charges", "{}", "application/json");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Post' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
    if (!Res || Res->status >= 500)
      continue;
    break;
  }
}

// Put, Delete, Get, Head and Options are idempotent.
void idempotentVerbs(httplib::Client &Cli) {
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Put("/carts/7", "{\"items\":[]}", "application/json")) // no-warning
      break;
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Delete("/carts/7")) // no-warning
      break;
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Get("/carts/7")) // no-warning
      break;
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Head("/carts/7")) // no-warning
      break;
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Options("/carts/7")) // no-warning
      break;
}

// A Post run once is no retry.
void postOnce(httplib::Client &Cli) {
  auto Res = Cli.Post("/charges", "{}", "application/json"); // no-warning
  (void)Res;
}

// An Idempotency-Key header built once before the loop and sent with each attempt.
void keyBuiltOnce(httplib::Client &Cli) {
  httplib::Headers Headers = {{"Idempotency-Key", newUuid()}};
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Post("/charges", Headers, "{}", "application/json")) // no-warning
      return;
}

// The same through the client's default headers.
void keyInDefaultHeaders(httplib::Client &Cli) {
  Cli.set_default_headers({{"Idempotency-Key", newUuid()}});
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Post("/charges", "{}", "application/json")) // no-warning
      return;
}

// A key built inside the loop is new with every attempt.
void keyBuiltPerAttempt(httplib::Client &Cli) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    httplib::Headers Headers = {{"Idempotency-Key", newUuid()}};
    if (auto Res = Cli.Post("/charges", Headers, "{}", "application/json"))
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Post' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
      return;
  }
}

// A header that is not an idempotency key does not help.
void otherHeader(httplib::Client &Cli) {
  httplib::Headers Headers = {{"X-Request-Source", "checkout"}};
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Post("/charges", Headers, "{}", "application/json"))
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Post' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
      return;
}

// A Request whose method is "POST", sent with send(): the verb is taken from
// the name of the client's method ("send"), so the POST goes unseen.
void sendPostRequestKnownFalseNegative(httplib::Client &Cli) {
  httplib::Request Req;
  Req.method = "POST";
  Req.path = "/charges";
  Req.body = "{}";
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.send(Req)) // no-warning
      return;
}
