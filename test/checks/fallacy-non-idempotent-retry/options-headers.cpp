// REQUIRES: httplib
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 %httplib_cflags
// RUN: %check_fallacy -check-suffix=KEYS %s fallacy-non-idempotent-retry %t -- \
// RUN:   --config="{CheckOptions: {fallacy-non-idempotent-retry.IdempotencyKeyHeaders: 'X-Dedup-Id'}}" \
// RUN:   -- -std=c++17 %httplib_cflags
// IdempotencyKeyHeaders: which headers count as an idempotency key.
#include <httplib.h>
#include <string>

std::string newUuid(); // a fresh UUID on every call

// A project's own key header counts only once it is configured.
void dedupHeader(httplib::Client &Cli) {
  httplib::Headers Headers = {{"X-Dedup-Id", newUuid()}};
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Post("/charges", Headers, "{}", "application/json"))
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Post' can send the POST twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
      return;
}

// The default headers count by default: X-Idempotency-Key.
void defaultXHeader(httplib::Client &Cli) {
  httplib::Headers Headers = {{"X-Idempotency-Key", newUuid()}};
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Post("/charges", Headers, "{}", "application/json"))
      // CHECK-MESSAGES-KEYS: :[[@LINE-1]]:20: warning: 'Post' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
      return;
}

// Idempotency-Token, the third default.
void defaultTokenHeader(httplib::Client &Cli) {
  httplib::Headers Headers = {{"Idempotency-Token", newUuid()}};
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (auto Res = Cli.Post("/charges", Headers, "{}", "application/json"))
      // CHECK-MESSAGES-KEYS: :[[@LINE-1]]:20: warning: 'Post' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
      return;
}
