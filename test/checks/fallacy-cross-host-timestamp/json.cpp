// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- -std=c++17
#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

using nlohmann::json;
using Clock = std::chrono::system_clock;

// A time-named key of a parsed response body holds the server's clock.
bool tokenExpired(const std::string &Body) {
  json Doc = json::parse(Body);
  return Doc.at("expires_at").get<long long>() < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: comparing 'expires_at', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// value() with a default reads the key too.
bool pastDeadline(const json &Doc) {
  return Doc.value("deadline", 0LL) < Clock::to_time_t(Clock::now());
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: comparing 'deadline'{{.*}}
}

// A key of a nested object.
bool userIdle(const json &Doc) {
  return Doc.at("user").at("last_seen").get<long long>() + 300 < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: comparing 'last_seen'{{.*}}
}

// A nested object bound to a reference.
bool leaseExpired(const json &Doc) {
  const json &Lease = Doc.at("lease");
  return Lease.at("expires_at").get<long long>() <= time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: comparing 'expires_at'{{.*}}
}

// Each element of an array of events against this host's clock.
int countFuture(const json &Doc) {
  int N = 0;
  for (const json &Event : Doc.at("events"))
    N += Event.at("ts").get<long long>() > time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: comparing 'ts'{{.*}}
  return N;
}

// Seconds from the body made into a time_point of this host's clock type.
bool expiredChrono(const json &Doc) {
  Clock::time_point Expiry{std::chrono::seconds(Doc.at("expires_at").get<long long>())};
  return Expiry < Clock::now();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: comparing 'expires_at'{{.*}}
}

// Text parsed into a number keeps the text's origin; the other side is a
// parameter whose only caller passes this host's clock.
bool modifiedSince(const json &Doc, long long SinceMs) {
  return std::stoll(Doc.at("updated_at").get<std::string>()) > SinceMs;
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: comparing 'updated_at'{{.*}}
}
bool changedInLastMinute(const json &Doc) { return modifiedSince(Doc, (time(nullptr) - 60) * 1000); }

// Two responses from two servers: last-write-wins by their clocks.
const json &newer(const json &A, const json &B) {
  return A.at("ts").get<long long>() >= B.at("ts").get<long long>() ? A : B;
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: ordering times from two hosts' clocks ('ts' and 'ts'): clock skew decides the result [fallacy-cross-host-timestamp]
}
long long latest(const json &A, const json &B) {
  return std::max(A.at("updated_at").get<long long>(), B.at("updated_at").get<long long>());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: ordering times from two hosts' clocks{{.*}}
}

// Two keys of one document were written by one clock.
bool createdBeforeUpdate(const json &Doc) {
  return Doc.at("created_at").get<long long>() <= Doc.value("updated_at", 0LL); // no-warning
}

// A key whose name does not say time is not a time.
bool quotaLeft(const json &Doc) {
  return Doc.at("count").get<long long>() < time(nullptr) % 1000; // no-warning
}

// A length of time sent by the server, against a local duration.
bool shortTtl(const json &Doc) {
  return std::chrono::seconds(Doc.at("ttl").get<long long>()) < std::chrono::minutes(1); // no-warning
}

// Only displayed.
void show(const json &Doc) {
  std::cout << "expires at " << Doc.at("expires_at").dump() << ", now " << time(nullptr) << "\n"; // no-warning
}

// operator[] reads a key like at() (overloaded operators match the model's "operator[]").
bool subscript(const json &Doc) {
  return Doc["expires_at"].get<long long>() < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: comparing 'expires_at', from a peer's clock, with this host's clock{{.*}}
}

// An implicit conversion (long long X = Doc.at(...)) calls a conversion
// operator, which is not followed.
bool implicitConversionKnownFalseNegative(const json &Doc) {
  long long Expiry = Doc.at("expires_at");
  return Expiry < time(nullptr); // no-warning
}

// get_to fills an out-parameter, which is not followed.
bool getToKnownFalseNegative(const json &Doc) {
  long long Expiry = 0;
  Doc.at("expires_at").get_to(Expiry);
  return Expiry < time(nullptr); // no-warning
}

// Two keys of one nested object are rooted at two different at("lease")
// calls, so they look like two sources.
bool nestedSameObjectKnownFalsePositive(const json &Doc) {
  return Doc.at("lease").at("granted_at").get<long long>() < Doc.at("lease").at("expires_at").get<long long>();
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: ordering times from two hosts' clocks ('granted_at' and 'expires_at'){{.*}}
}

// JWT claims (exp, iat, nbf) are the classic peer's times decided locally,
// but the default TimeFieldPattern does not take these names for times.
bool jwtExpiredKnownFalseNegative(const json &Claims) {
  return Claims.at("exp").get<long long>() < time(nullptr); // no-warning
}

// camelCase keys (the protobuf JSON mapping turns update_time into
// updateTime; lastModified, lastSeen) are not matched by the default either.
bool camelCaseKeysKnownFalseNegative(const json &Doc) {
  return Doc.at("updateTime").get<std::string>() < Doc.at("lastModified").get<std::string>() || // no-warning
         Doc.at("lastSeen").get<long long>() < time(nullptr);
}

// OAuth's `expires_in` is a lifetime: added to this host's clock, in either
// order, it makes a local expiry that this host's clock may be compared with.
bool oauthTokenExpired(const json &Token) {
  long long ExpiresAt = Token.at("expires_in").get<long long>() + time(nullptr);
  return time(nullptr) > ExpiresAt; // no-warning
}
long long issuedNow() { return time(nullptr); }
bool oauthTokenExpiredNow(const json &Token) {
  long long ExpiresAt = Token.at("expires_in").get<long long>() + issuedNow();
  return time(nullptr) > ExpiresAt; // no-warning
}
