// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 -I%src_root/include
// Loops that call the network again and again but do not retry a failure.
#include <fallacy/annotations.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

FALLACY_BLOCKING_REMOTE bool sendOrder(int Id);         // false when it failed
FALLACY_BLOCKING_REMOTE int connectTo(const char *Host); // -1 when it failed
FALLACY_BLOCKING_REMOTE long scanPage(long Cursor);      // the next cursor, 0 at the end
void handle(const char *Data, long Size);

// A reconnect loop that runs until a stop flag says so serves, it does not retry.
void reconnectUntilStopped(const std::atomic<bool> &Stop) {
  while (!Stop.load()) { // no-warning
    int Fd = connectTo("inventory.internal");
    if (Fd < 0) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
      continue;
    }
    close(Fd);
  }
}

// The same with a plain member flag.
struct Poller {
  bool Running = true;
  void run() {
    while (Running) { // no-warning
      if (!sendOrder(1))
        continue;
    }
  }
};

// Sending the chunks of one stream goes on after each success.
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

// An event loop that reads until the peer fails leaves on failure.
void readUntilError(int Fd) {
  char Buf[512];
  for (;;) { // no-warning
    ssize_t N = recv(Fd, Buf, sizeof Buf, 0);
    if (N <= 0)
      break;
    handle(Buf, N);
  }
}

// One call per item: a loop over work, not over attempts.
int sendEach(const std::vector<int> &Ids) {
  int Failed = 0;
  for (int Id : Ids) // no-warning
    if (!sendOrder(Id))
      ++Failed;
  return Failed;
}

// A server's accept loop serves the next client after a failed accept():
// accept waits for clients, it retries nothing (the model's accepts).
void acceptLoop(int Listener) {
  for (;;) { // no-warning
    int Fd = accept(Listener, nullptr, nullptr);
    if (Fd < 0)
      continue;
    handle("", 0);
    close(Fd);
  }
}

// Reading a stream until EOF: `n == 0` is taken for success leaving the loop,
// though the loop goes on after every successful read.
void readUntilEofKnownFalsePositive() {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  char Buf[512];
  while (true) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever{{.*}} [fallacy-unbounded-retry]
    ssize_t N = read(Fd, Buf, sizeof Buf);
    if (N == 0)
      break;
    if (N < 0)
      return;
    handle(Buf, N);
  }
}

// Paging with a cursor the call returns: each pass asks for the next page.
void pageThrough() {
  long Cursor = 0;
  while (true) { // no-warning
    Cursor = scanPage(Cursor);
    if (Cursor == 0)
      break;
  }
}

// A stop flag whose name says so, of any integer type (`s_interrupted` of a signal handler).
static int s_interrupted = 0;
void untilInterrupted() {
  while (!s_interrupted) { // no-warning
    if (!sendOrder(1))
      continue;
  }
}

// A blocking call started again after EINTR or EAGAIN: how a call is built, not a retry.
long readRestartingOnSignals(int Fd, char *Buf, long Len) {
  while (true) { // no-warning
    long N = recv(Fd, Buf, Len, 0);
    if (N >= 0)
      return N;
    if (errno != EINTR && errno != EAGAIN)
      return -1;
  }
}

// read() on a descriptor the function did not get from socket() or accept()
// (a file, a pipe, a caller's descriptor) reaches no peer: no retry.
void readFile(int Fd) {
  char Buf[512];
  while (true) { // no-warning
    long N = read(Fd, Buf, sizeof Buf);
    if (N == 0)
      break;
  }
}
