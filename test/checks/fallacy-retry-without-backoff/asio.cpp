// REQUIRES: boost
// RUN: %check_fallacy %s fallacy-retry-without-backoff %t -- -- -std=c++17 %boost_cflags
// Asio timers as the pause between attempts to connect.
// The check's default severity is `note`; the notes are checked, so every finding is expected.
#include <boost/asio.hpp>
#include <chrono>
#include <random>

namespace asio = boost::asio;
using asio::ip::tcp;
using std::chrono::milliseconds;

// A timer armed with the same duration each time: a fixed pause.
void connectFixedTimer(asio::io_context &Io, tcp::socket &S, const tcp::resolver::results_type &Eps) {
  asio::steady_timer T(Io);
  for (int Attempt = 0; Attempt < 5; ++Attempt) {
    try {
      asio::connect(S, Eps);
      return;
    } catch (const boost::system::system_error &) {
    }
    T.expires_after(milliseconds(250));
    T.wait();
  }
  // CHECK-NOTES: :[[@LINE-9]]:3: note: retry waits the same fixed time between attempts: callers that failed together retry together [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-4]]:5: note: this pause neither grows nor varies
  // CHECK-NOTES: :[[@LINE-9]]:7: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-12]]:3: note: wait between attempts with exponential backoff and random jitter, and cap it
}

// No pause at all between connection attempts.
void connectNoPause(tcp::socket &S, const tcp::resolver::results_type &Eps) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) {
    try {
      asio::connect(S, Eps);
      return;
    } catch (const boost::system::system_error &) {
    }
  }
  // CHECK-NOTES: :[[@LINE-7]]:3: note: retry starts the next attempt at once{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-6]]:7: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-9]]:3: note: wait between attempts {{.*}}
}

// A timer whose duration doubles: exponential backoff.
void connectDoublingTimer(asio::io_context &Io, tcp::socket &S, const tcp::resolver::results_type &Eps) {
  asio::steady_timer T(Io);
  auto Delay = milliseconds(100);
  for (int Attempt = 0; Attempt < 5; ++Attempt) { // no-warning
    try {
      asio::connect(S, Eps);
      return;
    } catch (const boost::system::system_error &) {
    }
    T.expires_after(Delay);
    T.wait();
    Delay *= 2;
  }
}

// A timer with a random duration: jitter.
void connectJitteredTimer(asio::io_context &Io, tcp::socket &S, const tcp::resolver::results_type &Eps) {
  std::mt19937 Gen(std::random_device{}());
  std::uniform_int_distribution<int> Ms(100, 400);
  asio::steady_timer T(Io);
  for (int Attempt = 0; Attempt < 5; ++Attempt) { // no-warning
    try {
      asio::connect(S, Eps);
      return;
    } catch (const boost::system::system_error &) {
    }
    T.expires_after(milliseconds(Ms(Gen)));
    T.wait();
  }
}
