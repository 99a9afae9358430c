// RUN: %check_fallacy %s fallacy-missing-timeout %t -- --
// What stops a blocking socket call from waiting forever besides a socket
// timeout: a poll()/select()/epoll_wait() with a finite timeout before it, or a
// non-blocking descriptor (SOCK_NONBLOCK, O_NONBLOCK, FIONBIO, MSG_DONTWAIT).
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

// --- positives ---------------------------------------------------------------

// poll() with -1 waits forever itself: it guards nothing.
ssize_t pollForever(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  pollfd Pfd{Fd, POLLIN, 0};
  poll(&Pfd, 1, -1);
  return recv(Fd, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' {{.*}}: no SO_RCVTIMEO on socket 'Fd' [fallacy-missing-timeout]
}

// select() with a null timeval waits forever too.
ssize_t selectForever(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  fd_set Readable;
  FD_ZERO(&Readable);
  FD_SET(Fd, &Readable);
  select(Fd + 1, &Readable, nullptr, nullptr, nullptr);
  return recv(Fd, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' {{.*}}: no SO_RCVTIMEO on socket 'Fd' [fallacy-missing-timeout]
}

// So does epoll_wait() with -1.
ssize_t epollForever(int Epoll, char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  epoll_event Ev{};
  epoll_wait(Epoll, &Ev, 1, -1);
  return recv(Fd, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' {{.*}}: no SO_RCVTIMEO on socket 'Fd' [fallacy-missing-timeout]
}

// ppoll() with a null timespec waits forever as well.
ssize_t ppollForever(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  pollfd Pfd{Fd, POLLIN, 0};
  ppoll(&Pfd, 1, nullptr, nullptr);
  return recv(Fd, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' can block forever if the peer stops answering: no SO_RCVTIMEO on socket 'Fd' [fallacy-missing-timeout]
}

// F_SETFL without O_NONBLOCK leaves the socket blocking.
ssize_t fcntlOtherFlag(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(Fd, F_SETFL, O_ASYNC);
  return recv(Fd, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' {{.*}}: no SO_RCVTIMEO on socket 'Fd' [fallacy-missing-timeout]
}

// O_NONBLOCK on another socket does not help this one.
ssize_t nonBlockingOtherSocket(char *Buf, size_t Len) {
  int Events = socket(AF_INET, SOCK_STREAM, 0);
  int Data = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(Events, F_SETFL, O_NONBLOCK);
  return recv(Data, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' {{.*}}: no SO_RCVTIMEO on socket 'Data' [fallacy-missing-timeout]
}

// MSG_DONTWAIT on one call does not make the next one non-blocking.
ssize_t dontWaitOnceOnly(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  if (recv(Fd, Buf, Len, MSG_DONTWAIT) > 0) // no-warning
    return 1;
  return recv(Fd, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' {{.*}}: no SO_RCVTIMEO on socket 'Fd' [fallacy-missing-timeout]
}

// A finite poll() on one socket does not bound a receive on another.
ssize_t pollOtherSocketKnownFalseNegative(int Ready, char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  pollfd Pfd{Ready, POLLIN, 0};
  poll(&Pfd, 1, 500);
  return recv(Fd, Buf, Len, 0); // no-warning: a poll guards every socket of the function
}

// Clearing O_NONBLOCK makes the socket blocking again; the flag's mention is
// read as setting it.
ssize_t blockingAgainKnownFalseNegative(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(Fd, F_SETFL, fcntl(Fd, F_GETFL, 0) & ~O_NONBLOCK);
  return recv(Fd, Buf, Len, 0); // no-warning: any mention of O_NONBLOCK counts
}

// --- negatives ---------------------------------------------------------------

// A socket made non-blocking at creation never blocks.
int connectNonBlocking(const sockaddr_in &Addr) {
  int Fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  connect(Fd, reinterpret_cast<const sockaddr *>(&Addr), sizeof Addr); // no-warning
  return Fd;
}

// Nor one switched to O_NONBLOCK with fcntl().
ssize_t recvAfterFcntl(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(Fd, F_SETFL, fcntl(Fd, F_GETFL, 0) | O_NONBLOCK);
  return recv(Fd, Buf, Len, 0); // no-warning
}

// Nor one switched with ioctl(FIONBIO).
ssize_t recvAfterIoctl(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  int On = 1;
  ioctl(Fd, FIONBIO, &On);
  return recv(Fd, Buf, Len, 0); // no-warning
}

// MSG_DONTWAIT makes this one call non-blocking.
ssize_t recvDontWait(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  return recv(Fd, Buf, Len, MSG_DONTWAIT | MSG_PEEK); // no-warning
}

// A poll() with a finite timeout guards the receive after it.
ssize_t pollThenRecv(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  pollfd Pfd{Fd, POLLIN, 0};
  if (poll(&Pfd, 1, 2000) <= 0)
    return -1;
  return recv(Fd, Buf, Len, 0); // no-warning
}

// So does select() with a timeval.
ssize_t selectThenRecv(char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  fd_set Readable;
  FD_ZERO(&Readable);
  FD_SET(Fd, &Readable);
  timeval Tv{0, 250000};
  if (select(Fd + 1, &Readable, nullptr, nullptr, &Tv) <= 0)
    return -1;
  return recv(Fd, Buf, Len, 0); // no-warning
}

// And epoll_wait() with a finite timeout.
ssize_t epollThenRecv(int Epoll, char *Buf, size_t Len) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  epoll_event Ev{};
  if (epoll_wait(Epoll, &Ev, 1, 100) <= 0)
    return -1;
  return recv(Fd, Buf, Len, 0); // no-warning
}

// A non-blocking listener hands out non-blocking clients with accept4().
void acceptNonBlocking(char *Buf, size_t Len) {
  int Listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  listen(Listener, 16);
  int Client = accept4(Listener, nullptr, nullptr, SOCK_NONBLOCK); // no-warning
  read(Client, Buf, Len); // no-warning
}
