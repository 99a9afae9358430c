// Inputs/cross-file/retry.cpp: loops around shop::Client, whose network calls are in client.cpp.
#include "client.h"
#include <chrono>
#include <thread>

namespace shop {
// A while (true) around the project's own client: no bound, no pause.
void waitForOrder(Client &C, int Id) {
  while (true) {
    if (C.fetch(Id))
      break;
  }
}

// Three attempts a second apart: bounded, paced in lockstep, and charge is a POST.
bool chargeThreeTimes(Client &C, int Cents) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    if (C.charge(Cents))
      return true;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  return false;
}

// A function of another file that stays on this host: no retry.
void spinOnCount(Client &C) {
  while (C.localCount() == 0) {
  }
}

// An error_code is true when the call failed: `if (!Ec) break` leaves on success.
void syncUntilDone(Client &C, int Id) {
  while (true) {
    std::error_code Ec = C.sync(Id);
    if (!Ec)
      break;
  }
}

// A NOLINT naming one check silences that check only.
void silenced(Client &C) {
  while (true) { // NOLINT(fallacy-unbounded-retry)
    if (C.fetch(1))
      break;
  }
}
} // namespace shop
