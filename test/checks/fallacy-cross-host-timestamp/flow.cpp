// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- %grpc_cflags
#include "leases.grpc.pb.h"
#include <chrono>
#include <ctime>
#include <google/protobuf/util/time_util.h>
#include <map>
#include <string>

using google::protobuf::util::TimeUtil;
namespace v1 = leases::v1;

int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Through local variables on both sides.
bool throughLocals(const v1::Lease &L) {
  const time_t Expiry = TimeUtil::TimestampToTimeT(L.expires_at());
  const time_t Now = time(nullptr);
  return Now > Expiry;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: comparing 'expires_at', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// A variable initialised to 0 and assigned a peer's time later: the time wins
// over the constant.
bool zeroThenAssigned(const v1::Lease &L) {
  time_t Expiry = 0;
  if (L.has_expires_at())
    Expiry = TimeUtil::TimestampToTimeT(L.expires_at());
  return time(nullptr) > Expiry;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: comparing 'expires_at', from a peer's clock, with this host's clock{{.*}}
}

// Through a struct member assigned in one function and read in another.
struct CacheEntry {
  std::string Holder;
  int64_t ExpiresMs = 0;
};
void remember(CacheEntry &E, const v1::Lease &L) {
  E.Holder = L.holder();
  E.ExpiresMs = TimeUtil::TimestampToMilliseconds(L.expires_at());
}
bool cacheExpired(const CacheEntry &E) {
  return E.ExpiresMs < nowMs();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: comparing 'expires_at'{{.*}}
}

// Through a member set by a constructor's initialiser.
class LeaseView {
public:
  explicit LeaseView(const v1::Lease &L) : Until(TimeUtil::TimestampToTimeT(L.expires_at())) {}
  bool valid() const {
    return time(nullptr) < Until;
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: comparing 'expires_at'{{.*}}
  }

private:
  time_t Until;
};

// Through a member of an aggregate initialised with braces.
struct Token {
  std::string Value;
  int64_t NotAfterMs;
};
Token tokenFrom(const v1::Lease &L) { return Token{L.lease_id(), TimeUtil::TimestampToMilliseconds(L.not_after())}; }
bool tokenUsable(const Token &T) {
  return nowMs() + 500 < T.NotAfterMs;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: comparing 'not_after'{{.*}}
}

// Through a function's return value.
int64_t expiryMs(const v1::Lease &L) { return TimeUtil::TimestampToMilliseconds(L.expires_at()); }
bool expiredViaHelper(const v1::Lease &L) {
  return expiryMs(L) <= nowMs();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: comparing 'expires_at'{{.*}}
}

// Through a parameter: every caller in this file passes a peer's time.
bool pastDeadline(int64_t DeadlineMs) {
  return DeadlineMs < nowMs();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: comparing 'sent_at_ms'{{.*}}
}
bool tooLate(const v1::Heartbeat &Beat) { return pastDeadline(Beat.sent_at_ms() + 5000); }

// A parameter whose callers pass only this host's clock is not a peer's time.
bool pastLocalDeadline(int64_t DeadlineMs) {
  return DeadlineMs < nowMs(); // no-warning
}
bool localTimeout() { return pastLocalDeadline(nowMs() + 5000); }

// Callers disagree: the first passes this host's clock, the second a peer's
// time. The first caller decides the parameter's provenance.
bool expiredAt(int64_t AtMs) {
  return AtMs < nowMs(); // no-warning
}
bool localFirst() { return expiredAt(nowMs() + 1000); }
bool remoteSecondKnownFalseNegative(const v1::Heartbeat &Beat) { return expiredAt(Beat.sent_at_ms()); }

// A struct member only ever stored from this host's clock.
struct Stopwatch {
  int64_t StartedMs = 0;
};
void start(Stopwatch &S) { S.StartedMs = nowMs(); }
bool slow(const Stopwatch &S, const v1::Lease &L) {
  return nowMs() - S.StartedMs > TimeUtil::DurationToMilliseconds(L.ttl()); // no-warning
}

// Last-write-wins on a member: both sides read the same member, whose
// provenance (one message parameter) is shared, so two records from two
// replicas look like one source.
struct Record {
  std::string Value;
  int64_t UpdatedMs = 0;
};
Record fromLease(const v1::Lease &L) {
  Record R;
  R.Value = L.holder();
  R.UpdatedMs = TimeUtil::TimestampToMilliseconds(L.granted_at());
  return R;
}
const Record &newerKnownFalseNegative(const Record &A, const Record &B) {
  return A.UpdatedMs >= B.UpdatedMs ? A : B; // no-warning
}

// The same helper applied to two messages: its return value has one
// provenance, so the two results look like one source.
bool laterExpiryKnownFalseNegative(const v1::Lease &A, const v1::Lease &B) {
  return expiryMs(A) > expiryMs(B); // no-warning
}

// Values kept in a container are not followed.
std::map<std::string, int64_t> LastSentMs;
void onBeat(const v1::Heartbeat &Beat) { LastSentMs[Beat.node()] = Beat.sent_at_ms(); }
bool suspectKnownFalseNegative(const std::string &Node) {
  return nowMs() - LastSentMs[Node] > 10000; // no-warning
}

// A default member initialiser is a store the analysis does not see.
struct Lifetime {
  std::chrono::system_clock::time_point Created = std::chrono::system_clock::now();
};
bool createdAfterKnownFalseNegative(const Lifetime &Mine, const v1::Lease &L) {
  return Mine.Created.time_since_epoch().count() > TimeUtil::TimestampToNanoseconds(L.granted_at()); // no-warning
}
