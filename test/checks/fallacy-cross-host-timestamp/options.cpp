// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- -std=c++17
// RUN: %check_fallacy -check-suffix=CUSTOM %s fallacy-cross-host-timestamp %t -- --config="{CheckOptions: {fallacy-cross-host-timestamp.TimeFieldPattern: '^(exp|iat|nbf)$|(^|_)(ts|time)$|(_at|At|Time|Modified|Seen)(_?ms|Ms)?$'}}" -- -std=c++17
// A TimeFieldPattern that is not a regular expression is a configuration error (exit 2), not a silent no-op.
// RUN: %expect_exit 2 %fallacy_lint --checks=-*,fallacy-cross-host-timestamp "--config={CheckOptions: {fallacy-cross-host-timestamp.TimeFieldPattern: '(_at'}}" %s -- -std=c++17 2>&1 | FileCheck %s --check-prefix=BADPATTERN
// BADPATTERN: error: invalid TimeFieldPattern '(_at': parentheses not balanced [clang-tidy-config]
#include <ctime>
#include <nlohmann/json.hpp>

using nlohmann::json;

// TimeFieldPattern decides which keys hold times. The default takes
// expires_at; the custom pattern takes it too.
bool expired(const json &Doc) {
  return Doc.at("expires_at").get<long long>() < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: comparing 'expires_at', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-2]]:48: warning: comparing 'expires_at', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// A JWT's exp claim: a time only under the custom pattern.
bool tokenExpired(const json &Claims) {
  return Claims.at("exp").get<long long>() < time(nullptr);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:44: warning: comparing 'exp'{{.*}}
}

// camelCase with a unit: a time only under the custom pattern.
bool seenRecently(const json &Doc) {
  return time(nullptr) * 1000 - Doc.at("lastSeenMs").get<long long>() < 30000;
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:31: warning: subtracting 'lastSeenMs'{{.*}}
}

// lease_id is a time for the default pattern ("lease"), not for the custom one.
bool sameLease(const json &A, const json &B) {
  return A.at("lease_id").get<std::string>() == B.at("lease_id").get<std::string>();
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: ordering times from two hosts' clocks ('lease_id' and 'lease_id'){{.*}}
}
