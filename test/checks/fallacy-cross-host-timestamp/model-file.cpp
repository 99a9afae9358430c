// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- "--config={CheckOptions: {fallacy-cross-host-timestamp.ModelFiles: '%S/Inputs/kv-clock-model.json'}}" -- -std=c++17
// A model file (ModelFiles option) adds "clockReads" for a library the
// built-in models do not know.
#include <cstdlib>
#include <ctime>
#include <string>

namespace kv {
struct Entry {
  std::string value() const;
  long long stamp() const; // The writer's clock, seconds since the epoch.
  long long revision() const;
};
struct Result;
} // namespace kv
const char *kv_column(const kv::Result *R, int Column);

// An entry's stamp (a key the model lists) against this host's clock.
bool stale(const kv::Entry &E) {
  return E.stamp() + 60 < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: comparing 'stamp', from a peer's clock, with this host's clock: clock skew decides the result [fallacy-cross-host-timestamp]
}

// Two entries' stamps: last-write-wins by two writers' clocks.
const kv::Entry &winner(const kv::Entry &A, const kv::Entry &B) {
  return A.stamp() >= B.stamp() ? A : B;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: ordering times from two hosts' clocks ('stamp' and 'stamp'){{.*}}
}

// The revision is no clock reading (the model does not list it): the remedy.
const kv::Entry &newestRevision(const kv::Entry &A, const kv::Entry &B) {
  return A.revision() >= B.revision() ? A : B; // no-warning
}

// An "untyped" read is a time when stored under a time-like name.
bool columnExpired(const kv::Result *R) {
  long long ExpiresAt = std::atoll(kv_column(R, 3));
  long long Quantity = std::atoll(kv_column(R, 4));
  return ExpiresAt < time(nullptr) && Quantity < time(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: comparing 'ExpiresAt'{{.*}}
}
