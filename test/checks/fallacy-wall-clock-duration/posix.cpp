// RUN: %check_fallacy %s fallacy-wall-clock-duration %t -- -- -std=c++17
#include <cstdio>
#include <ctime>
#include <sys/time.h>
#include <time.h>

void work();

// time() differences: a C timeout that an NTP step fires early or never.
bool slowRequest() {
  time_t Start = time(nullptr);
  work();
  return time(nullptr) - Start > 30;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: elapsed time measured on the wall clock: an NTP step makes it negative or huge [fallacy-wall-clock-duration]
  // CHECK-MESSAGES: :[[@LINE-2]]:24: note: measure durations with std::chrono::steady_clock (CLOCK_MONOTONIC), which never jumps
}

// std::time and a deadline computed from it.
void waitUntil() {
  const std::time_t Deadline = std::time(nullptr) + 10;
  while (std::time(nullptr) < Deadline)
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: timeout checked against the wall clock: an NTP step makes it fire early or never [fallacy-wall-clock-duration]
    work();
}

// clock_gettime(CLOCK_REALTIME) readings.
long realtimeElapsedMs() {
  timespec A, B;
  clock_gettime(CLOCK_REALTIME, &A);
  work();
  clock_gettime(CLOCK_REALTIME, &B);
  return (B.tv_sec - A.tv_sec) * 1000;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: elapsed time measured on the wall clock{{.*}}
}

// CLOCK_REALTIME_COARSE is the wall clock too; the parameter's only caller
// passes a CLOCK_REALTIME_COARSE reading.
bool slowerThan5s(const timespec &Since) {
  timespec Now;
  clock_gettime(CLOCK_REALTIME_COARSE, &Now);
  return Now.tv_sec - Since.tv_sec > 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: elapsed time measured on the wall clock{{.*}}
}
bool coarseCaller() {
  timespec Start;
  clock_gettime(CLOCK_REALTIME_COARSE, &Start);
  work();
  return slowerThan5s(Start);
}

// CLOCK_MONOTONIC and CLOCK_BOOTTIME never jump: no finding.
long monotonicElapsedMs() {
  timespec A, B, C;
  clock_gettime(CLOCK_MONOTONIC, &A);
  work();
  clock_gettime(CLOCK_MONOTONIC, &B);
  clock_gettime(CLOCK_BOOTTIME, &C);
  return (B.tv_sec - A.tv_sec) * 1000 + (C.tv_sec - A.tv_sec); // no-warning
}

// A calendar time built with mktime (next midnight) is not a stopwatch
// reading: comparing the wall clock with it is what a scheduler must do.
bool pastMidnight(time_t Midnight) { return time(nullptr) >= Midnight; } // no-warning
bool scheduler() {
  time_t Now = time(nullptr);
  std::tm Local = *localtime(&Now);
  Local.tm_hour = 24;
  Local.tm_min = Local.tm_sec = 0;
  return pastMidnight(mktime(&Local));
}

// gettimeofday: seconds and microseconds are subtracted separately; one
// measurement gets two findings on one line.
long gettimeofdayElapsedUsDuplicateKnownFalsePositive() {
  timeval A, B;
  gettimeofday(&A, nullptr);
  work();
  gettimeofday(&B, nullptr);
  return (B.tv_sec - A.tv_sec) * 1000000 + (B.tv_usec - A.tv_usec);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: elapsed time measured on the wall clock{{.*}}
  // CHECK-MESSAGES: :[[@LINE-2]]:55: warning: elapsed time measured on the wall clock{{.*}}
}

// difftime(end, start) subtracts inside the C library: not matched.
bool difftimeKnownFalseNegative() {
  time_t Start = time(nullptr);
  work();
  return difftime(time(nullptr), Start) > 30.0; // no-warning
}

// time(&T) fills its argument, which is not followed.
bool timeOutParamKnownFalseNegative() {
  time_t Start;
  time(&Start);
  work();
  return time(nullptr) - Start > 30; // no-warning
}
