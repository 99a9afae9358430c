// RUN: %check_fallacy %s fallacy-wall-clock-duration %t -- -- -std=c++17
// Member provenance is kept per field, not per object: one store of a
// constant into any timespec's tv_sec (a zero timeout for ppoll, below) makes
// every tv_sec of the file a constant, and the measurement is not reported.
#include <poll.h>
#include <time.h>

void work();

long elapsedKnownFalseNegative() {
  timespec A, B;
  clock_gettime(CLOCK_REALTIME, &A);
  work();
  clock_gettime(CLOCK_REALTIME, &B);
  return B.tv_sec - A.tv_sec; // no-warning
}

// An unrelated non-blocking poll with a zero timeout.
int pollNow(pollfd *Fds, nfds_t N) {
  timespec Zero;
  Zero.tv_sec = 0;
  Zero.tv_nsec = 0;
  return ppoll(Fds, N, &Zero, nullptr);
}
