// RUN: %check_fallacy %s fallacy-missing-timeout %t -- --
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" --
// RUN: %check_fallacy -check-suffix=NOTES %s fallacy-missing-timeout %t.notes -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- -DNOTES_ONLY
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

// The notes of a report: where the socket was made, and the code to add.
int connectPlain(const sockaddr_in &Addr) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(Fd, reinterpret_cast<const sockaddr *>(&Addr), sizeof Addr) != 0)
    // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:7: warning: 'connect' can wait about two minutes for a silent peer: only the kernel's SYN retries bound a plain TCP connect [fallacy-missing-timeout]
    // CHECK-NOTES-NOTES: :[[@LINE-2]]:7: warning: 'connect' can wait about two minutes for a silent peer: only the kernel's SYN retries bound a plain TCP connect [fallacy-missing-timeout]
    // CHECK-NOTES-NOTES: :[[@LINE-3]]:7: note: suggested: setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) with a non-zero timeval before connecting, or a non-blocking connect() finished by poll() with a finite timeout
    // CHECK-NOTES-NOTES: :[[@LINE-5]]:7: note: socket 'Fd' is created here
    return -1;
  return Fd;
}

#ifndef NOTES_ONLY

// --- positives ---------------------------------------------------------------

// A receive timeout bounds receiving only: connect waits on the send side.
int connectWithReceiveTimeoutOnly(const sockaddr_in &Addr) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval Tv{2, 0};
  setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Tv, sizeof Tv);
  connect(Fd, reinterpret_cast<const sockaddr *>(&Addr), sizeof Addr);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'connect' can wait about two minutes for a silent peer: only the kernel's SYN retries bound a plain TCP connect [fallacy-missing-timeout]
  return Fd;
}

// A send timeout does not bound a receive.
ssize_t recvWithSendTimeoutOnly(const sockaddr_in &Addr, char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval Tv{2, 0};
  setsockopt(Fd, SOL_SOCKET, SO_SNDTIMEO, &Tv, sizeof Tv);
  connect(Fd, reinterpret_cast<const sockaddr *>(&Addr), sizeof Addr);
  return recv(Fd, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' can block forever if the peer stops answering: no SO_RCVTIMEO on socket 'Fd' [fallacy-missing-timeout]
}

// A timeout on another socket does not reach this one.
ssize_t timeoutOnOtherSocket(char *Buf, size_t Len) {
  int Control = socket(AF_INET, SOCK_STREAM, 0);
  int Data = socket(AF_INET, SOCK_STREAM, 0);
  timeval Tv{1, 0};
  setsockopt(Control, SOL_SOCKET, SO_RCVTIMEO, &Tv, sizeof Tv);
  return recv(Data, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' {{.*}}: no SO_RCVTIMEO on socket 'Data' [fallacy-missing-timeout]
}

// A timeout set after the call does not help the call.
ssize_t timeoutAfterRecv(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  ssize_t N = recv(Fd, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' {{.*}}: no SO_RCVTIMEO on socket 'Fd' [fallacy-missing-timeout]
  timeval Tv{1, 0};
  setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Tv, sizeof Tv);
  return N;
}

// accept() on a listener waits for clients by design (never a finding);
// read() on the accepted socket waits for its bytes forever.
void serveOne(const sockaddr_in &Addr, char *Buf, size_t Len) {
  int Listener = socket(AF_INET, SOCK_STREAM, 0);
  bind(Listener, reinterpret_cast<const sockaddr *>(&Addr), sizeof Addr);
  listen(Listener, 16);
  int Client = accept(Listener, nullptr, nullptr); // no-warning
  read(Client, Buf, Len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' {{.*}}: no SO_RCVTIMEO on socket 'Client' [fallacy-missing-timeout]
  close(Client);
  close(Listener);
}

// write() on a descriptor from socket() is a send.
void writeRequest(const sockaddr_in &Addr, const char *Line, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval Tv{1, 0};
  setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Tv, sizeof Tv);
  write(Fd, Line, Len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' {{.*}}: no SO_SNDTIMEO on socket 'Fd' [fallacy-missing-timeout]
}

// A datagram socket waits for a reply that may never come.
ssize_t udpQuery(const sockaddr_in &Server, char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_DGRAM, 0);
  sendto(Fd, "ping", 4, 0, reinterpret_cast<const sockaddr *>(&Server), sizeof Server); // no-warning: a datagram send does not wait for the peer
  return recvfrom(Fd, Buf, Len, 0, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recvfrom' {{.*}}: no SO_RCVTIMEO on socket 'Fd' [fallacy-missing-timeout]
}

// A socket from the caller, and no caller in this file configures it.
ssize_t sendFromCaller(int Fd, const char *Msg, size_t Len) {
  return send(Fd, Msg, Len, 0);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'send' {{.*}}: no SO_SNDTIMEO on socket 'Fd' [fallacy-missing-timeout]
}

// A member socket that no method of its class configures.
class PlainConnection {
public:
  PlainConnection() : Fd(socket(AF_INET, SOCK_STREAM, 0)) {}
  ssize_t receive(char *Buf, size_t Len) {
    return recv(Fd, Buf, Len, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'recv' {{.*}}: no SO_RCVTIMEO on socket 'Fd' [fallacy-missing-timeout]
  }

private:
  int Fd;
};

// A zero timeval means "no timeout" to the kernel: the receive can still hang.
ssize_t zeroTimevalKnownFalseNegative(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval Never{0, 0};
  setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Never, sizeof Never);
  return recv(Fd, Buf, Len, 0); // no-warning: the value behind the pointer is not read
}

// --- negatives ---------------------------------------------------------------

// A receive timeout set earlier on the same socket.
ssize_t withReceiveTimeout(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval Tv{2, 0};
  setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Tv, sizeof Tv);
  return recv(Fd, Buf, Len, 0); // no-warning
}

// A helper in this file that sets both timeouts on the descriptor it receives.
static void applyTimeouts(int Fd, long Seconds) {
  timeval Tv{Seconds, 0};
  setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Tv, sizeof Tv);
  setsockopt(Fd, SOL_SOCKET, SO_SNDTIMEO, &Tv, sizeof Tv);
}
int connectViaHelper(const sockaddr_in &Addr) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  applyTimeouts(Fd, 3);
  connect(Fd, reinterpret_cast<const sockaddr *>(&Addr), sizeof Addr); // no-warning
  return Fd;
}

// A factory that returns a configured socket.
static int makeClientSocket() {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval Tv{1, 500000};
  setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Tv, sizeof Tv);
  return Fd;
}
ssize_t viaFactory(char *Buf, size_t Len) {
  int Fd = makeClientSocket();
  return recv(Fd, Buf, Len, 0); // no-warning
}

// The constructor of the class that owns the socket sets the timeout.
class TimedConnection {
public:
  TimedConnection() : Fd(socket(AF_INET, SOCK_STREAM, 0)) {
    timeval Tv{2, 0};
    setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Tv, sizeof Tv);
  }
  ssize_t receive(char *Buf, size_t Len) { return recv(Fd, Buf, Len, 0); } // no-warning

private:
  int Fd;
};

// A setup method of the class, on the path that runs before any receive.
class LazyConnection {
public:
  void open() {
    Fd = socket(AF_INET, SOCK_STREAM, 0);
    timeval Tv{2, 0};
    setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Tv, sizeof Tv);
  }
  ssize_t receive(char *Buf, size_t Len) { return recv(Fd, Buf, Len, 0); } // no-warning

private:
  int Fd = -1;
};

// read() on a file is not a network call.
ssize_t readConfig(char *Buf, size_t Len) {
  int Fd = open("/etc/inventory.conf", O_RDONLY);
  ssize_t N = read(Fd, Buf, Len); // no-warning
  close(Fd);
  return N;
}

// Nor write() to a log file, nor read() from a pipe.
void logAndDrain(const char *Line, size_t Len, char *Buf) {
  int Log = open("/var/log/inventory.log", O_WRONLY | O_APPEND);
  write(Log, Line, Len); // no-warning
  int Pipe[2];
  pipe(Pipe);
  read(Pipe[0], Buf, 1); // no-warning
}

// Nor on a descriptor of unknown kind (a pipe, a file, maybe a socket).
ssize_t readDescriptor(int Fd, char *Buf, size_t Len) {
  return read(Fd, Buf, Len); // no-warning
}

// The only caller in this file configures the socket it passes.
static ssize_t sendConfigured(int Fd, const char *Msg, size_t Len) {
  return send(Fd, Msg, Len, 0); // no-warning
}
void callerConfigures(const char *Msg, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval Tv{1, 0};
  setsockopt(Fd, SOL_SOCKET, SO_SNDTIMEO, &Tv, sizeof Tv);
  sendConfigured(Fd, Msg, Len);
}

// A timeout set on one branch reaches the call on that path.
ssize_t optionalTimeout(long Seconds, char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  if (Seconds > 0) {
    timeval Tv{Seconds, 0};
    setsockopt(Fd, SOL_SOCKET, SO_RCVTIMEO, &Tv, sizeof Tv);
  }
  return recv(Fd, Buf, Len, 0); // no-warning
}

// Unevaluated operands never run.
void unevaluated(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  (void)sizeof(recv(Fd, Buf, Len, 0)); // no-warning
  using Result = decltype(read(Fd, Buf, Len)); // no-warning
}

#endif
