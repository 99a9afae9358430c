// RUN: %check_fallacy %s fallacy-retry-without-backoff %t -- -- -std=c++20 -I%src_root/include
// Loops that are not retries need no backoff; and retries that are missed.
// The check's default severity is `note`; the notes are checked, so every finding is expected.
#include <fallacy/annotations.h>
#include <atomic>
#include <stop_token>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id); // false when it failed
void handle(const char *Data, long Size);

// Sending the chunks of one buffer.
bool sendAll(int Fd, const char *Data, size_t Size) {
  size_t Sent = 0;
  while (Sent < Size) { // no-warning
    ssize_t N = send(Fd, Data + Sent, Size - Sent, 0);
    if (N < 0)
      return false;
    Sent += N;
  }
  return true;
}

// One call per item, counting failures.
int sendEach(const std::vector<int> &Ids) {
  int Failed = 0;
  for (int Id : Ids) // no-warning
    if (!sendOrder(Id))
      ++Failed;
  return Failed;
}

// One call per item that skips the rest of the body on failure: `continue`
// goes to the next item, not to another attempt at the same one.
void sendEachSkipping(const std::vector<int> &Ids) {
  for (int Id : Ids) { // no-warning
    if (!sendOrder(Id))
      continue;
    handle("sent", 4);
  }
}

// The chunks of one message, each sent once; a failed chunk is skipped, not
// sent again (a stream operation that takes the element).
int sendChunks(int Fd, const std::vector<std::vector<char>> &Chunks) {
  int Lost = 0;
  for (const std::vector<char> &Chunk : Chunks) { // no-warning
    if (send(Fd, Chunk.data(), Chunk.size(), 0) < 0) {
      ++Lost;
      continue;
    }
  }
  return Lost;
}

// An accept loop serves the next client after a failed accept(): no retry.
void acceptLoop(int Listener) {
  for (;;) { // no-warning
    int Fd = accept(Listener, nullptr, nullptr);
    if (Fd < 0)
      continue;
    close(Fd);
  }
}

// A retry that a stop token ends is still a retry that hammers the peer, but a
// loop whose condition is a stop flag or token is taken for a service loop.
void untilStoppedKnownFalseNegative(int Id, std::stop_token Stop) {
  while (!Stop.stop_requested()) { // no-warning
    if (sendOrder(Id))
      return;
  }
}

// The same with an atomic flag.
void untilCancelledKnownFalseNegative(int Id, const std::atomic<bool> &Cancelled) {
  while (!Cancelled) { // no-warning
    if (sendOrder(Id))
      return;
  }
}

// With the token tested inside, the retry is seen.
void stopTestedInside(int Id, std::stop_token Stop) {
  while (true) {
    if (sendOrder(Id))
      return;
    if (Stop.stop_requested())
      return;
  }
  // CHECK-NOTES: :[[@LINE-6]]:3: note: retry starts the next attempt at once{{.*}} [fallacy-retry-without-backoff]
  // CHECK-NOTES: :[[@LINE-6]]:9: note: each attempt repeats this remote call
  // CHECK-NOTES: :[[@LINE-8]]:3: note: wait between attempts {{.*}}
}
