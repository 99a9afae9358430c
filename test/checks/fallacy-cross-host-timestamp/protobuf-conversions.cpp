// REQUIRES: grpc
// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- %grpc_cflags
#include "leases.grpc.pb.h"
#include <chrono>
#include <ctime>
#include <google/protobuf/util/time_util.h>
#include <string>
#include <sys/time.h>

using google::protobuf::util::TimeUtil;
using Clock = std::chrono::system_clock;
namespace v1 = leases::v1;

// TimeUtil::TimestampToTimeT keeps the server's clock; time() is ours.
bool expiredTimeT(const v1::Lease &L) {
  return TimeUtil::TimestampToTimeT(L.expires_at()) < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:53: warning: comparing 'expires_at', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// TimestampToMilliseconds against this host's clock made a Timestamp and converted the same way.
bool expiredMs(const v1::Lease &L) {
  return TimeUtil::TimestampToMilliseconds(L.expires_at()) <
         // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: comparing 'expires_at'{{.*}}
         TimeUtil::TimestampToMilliseconds(TimeUtil::GetCurrentTime());
}

// TimeUtil::MillisecondsToTimestamp and TimeTToTimestamp keep the clock of what they convert.
bool expiredAsTimestamp(const v1::Lease &L, int64_t NowMs) {
  return L.expires_at() < TimeUtil::MillisecondsToTimestamp(NowMs) ||
         // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: comparing 'expires_at'{{.*}}
         L.expires_at() < TimeUtil::TimeTToTimestamp(time(nullptr));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: comparing 'expires_at'{{.*}}
}
bool callerPassesOurClock(const v1::Lease &L) {
  return expiredAsTimestamp(L, std::chrono::duration_cast<std::chrono::milliseconds>(
                                   Clock::now().time_since_epoch()).count());
}

// TimestampToTimeval against gettimeofday.
bool expiredTimeval(const v1::Lease &L) {
  timeval Now;
  gettimeofday(&Now, nullptr);
  return TimeUtil::TimestampToTimeval(L.expires_at()).tv_sec < Now.tv_sec;
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: comparing 'expires_at'{{.*}}
}

// system_clock::from_time_t turns the server's seconds into a time_point of its clock.
bool expiredChrono(const v1::Lease &L) {
  Clock::time_point Expiry = Clock::from_time_t(L.expires_at().seconds());
  return Expiry < Clock::now();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: comparing 'expires_at'{{.*}}
}

// to_time_t of this host's clock against the server's seconds.
bool expiredToTimeT(const v1::Lease &L) {
  return L.expires_at().seconds() <= Clock::to_time_t(Clock::now());
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: comparing 'expires_at'{{.*}}
}

// time_point_cast and duration_cast on both sides keep both clocks.
bool expiredCasts(const v1::Lease &L) {
  auto Expiry = Clock::time_point(std::chrono::seconds(L.expires_at().seconds()));
  auto Now = std::chrono::time_point_cast<std::chrono::seconds>(Clock::now());
  return std::chrono::duration_cast<std::chrono::seconds>(Expiry.time_since_epoch()) <
         // CHECK-MESSAGES: :[[@LINE-1]]:86: warning: comparing 'expires_at'{{.*}}
         Now.time_since_epoch();
}

// time_since_epoch().count() on our side, seconds()/nanos() arithmetic on theirs.
bool expiredCount(const v1::Lease &L) {
  int64_t ExpiryNs = L.expires_at().seconds() * 1000000000 + L.expires_at().nanos();
  return ExpiryNs < Clock::now().time_since_epoch().count();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: comparing 'expires_at'{{.*}}
}

// Arithmetic with a duration keeps the clock: a grace period does not fix skew.
bool expiredWithGrace(const v1::Lease &L) {
  auto Grace = TimeUtil::SecondsToDuration(2);
  return L.expires_at() + Grace < TimeUtil::GetCurrentTime();
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: comparing 'expires_at'{{.*}}
}
bool renewDue(const v1::Lease &L) {
  auto RenewAt = Clock::from_time_t(L.expires_at().seconds()) - std::chrono::seconds(10);
  return Clock::now() >= RenewAt;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: comparing 'expires_at'{{.*}}
}

// Unit conversions (milliseconds to seconds) keep the clock.
bool staleSeconds(const v1::Heartbeat &Beat) {
  return Beat.sent_at_ms() / 1000 + 30 < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: comparing 'sent_at_ms'{{.*}}
}

// Converted on both sides but from one message: one clock, no warning.
bool leaseLongerThan(const v1::Lease &L, std::chrono::seconds Limit) {
  auto Granted = Clock::from_time_t(TimeUtil::TimestampToTimeT(L.granted_at()));
  auto Expiry = Clock::from_time_t(TimeUtil::TimestampToTimeT(L.expires_at()));
  return Expiry - Granted > Limit; // no-warning
}

// A remote time against a duration or a constant is no ordering of clocks.
bool unset(const v1::Lease &L) {
  return L.expires_at().seconds() == 0 || L.expires_at() == TimeUtil::GetEpoch(); // no-warning
}

// Text made from a peer's time and from ours, only to be displayed.
std::string describe(const v1::Lease &L) {
  return "expires " + TimeUtil::ToString(L.expires_at()) + ", now " + // no-warning
         TimeUtil::ToString(TimeUtil::GetCurrentTime());
}

// Parsing text with TimeUtil::FromString fills an out-parameter, which the
// analysis does not follow.
bool parsedKnownFalseNegative(const v1::Heartbeat &Beat) {
  google::protobuf::Timestamp Modified;
  TimeUtil::FromString(Beat.modified(), &Modified);
  return Modified < TimeUtil::GetCurrentTime(); // no-warning
}
