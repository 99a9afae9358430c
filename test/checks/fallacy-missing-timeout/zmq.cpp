// REQUIRES: zmq
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %zmq_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %zmq_cflags
// RUN: %check_fallacy -check-suffix=NOTES %s fallacy-missing-timeout %t.notes -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %zmq_cflags -DNOTES_ONLY
#include <zmq.h>

// ZMQ_RCVTIMEO defaults to -1: a request whose reply never comes waits forever.
// The notes point at the socket and suggest the option to set.
int awaitReply(void *Ctx, char *Buf, size_t Len) {
  void *Sock = zmq_socket(Ctx, ZMQ_REQ);
  zmq_connect(Sock, "tcp://pricing.internal:5555");
  zmq_send(Sock, "quote A-100", 11, ZMQ_DONTWAIT);
  return zmq_recv(Sock, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'zmq_recv' can block forever if the peer stops answering: no ZMQ_RCVTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
  // CHECK-NOTES-NOTES: :[[@LINE-2]]:10: warning: 'zmq_recv' can block forever if the peer stops answering: no ZMQ_RCVTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
  // CHECK-NOTES-NOTES: :[[@LINE-3]]:10: note: suggested: zmq_setsockopt(socket, ZMQ_RCVTIMEO, &ms, sizeof ms) (cppzmq: socket.set(zmq::sockopt::rcvtimeo, ms)), or poll with a finite timeout
  // CHECK-NOTES-NOTES: :[[@LINE-7]]:9: note: ZeroMQ socket 'Sock' is created here
}

#ifndef NOTES_ONLY

// --- positives ---------------------------------------------------------------

// A receive timeout does not bound a send (a full high-water mark blocks it).
int sendWithReceiveTimeoutOnly(void *Ctx, const char *Msg, size_t Len) {
  void *Sock = zmq_socket(Ctx, ZMQ_PUSH);
  int Ms = 500;
  zmq_setsockopt(Sock, ZMQ_RCVTIMEO, &Ms, sizeof Ms);
  return zmq_send(Sock, Msg, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'zmq_send' can block forever once the peer stops reading and the send buffer is full: no ZMQ_SNDTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
}

// zmq_msg_recv takes the socket as its second argument.
int receiveMessage(void *Ctx, zmq_msg_t *Msg) {
  void *Sock = zmq_socket(Ctx, ZMQ_PULL);
  zmq_connect(Sock, "tcp://events.internal:5556");
  return zmq_msg_recv(Msg, Sock, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'zmq_msg_recv' {{.*}}: no ZMQ_RCVTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
}

// So does zmq_msg_send.
int sendMessage(void *Ctx, zmq_msg_t *Msg) {
  void *Sock = zmq_socket(Ctx, ZMQ_DEALER);
  return zmq_msg_send(Msg, Sock, ZMQ_SNDMORE);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'zmq_msg_send' {{.*}}: no ZMQ_SNDTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
}

// A timeout on another socket does not reach this one.
int timeoutOnOtherSocket(void *Ctx, char *Buf, size_t Len) {
  void *Control = zmq_socket(Ctx, ZMQ_REQ);
  void *Data = zmq_socket(Ctx, ZMQ_PULL);
  int Ms = 1000;
  zmq_setsockopt(Control, ZMQ_RCVTIMEO, &Ms, sizeof Ms);
  return zmq_recv(Data, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'zmq_recv' {{.*}}: no ZMQ_RCVTIMEO on ZeroMQ socket 'Data' [fallacy-missing-timeout]
}

// A timeout set after the call does not help the call.
int timeoutAfterRecv(void *Ctx, char *Buf, size_t Len) {
  void *Sock = zmq_socket(Ctx, ZMQ_SUB);
  int N = zmq_recv(Sock, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'zmq_recv' {{.*}}: no ZMQ_RCVTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
  int Ms = 1000;
  zmq_setsockopt(Sock, ZMQ_RCVTIMEO, &Ms, sizeof Ms);
  return N;
}

// zmq_poll with -1 waits forever for the first event.
int pollForever(zmq_pollitem_t *Items, int Count) {
  return zmq_poll(Items, Count, -1);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'zmq_poll' can block forever if the peer stops answering: its timeout means none [fallacy-missing-timeout]
}

// The same through a named constant.
int pollForeverConstant(zmq_pollitem_t *Items) {
  const long Forever = -1;
  return zmq_poll(Items, 2, Forever);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'zmq_poll' {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// ... and a poll that waits forever guards nothing after it.
int recvAfterInfinitePoll(void *Ctx, char *Buf, size_t Len) {
  void *Sock = zmq_socket(Ctx, ZMQ_PULL);
  zmq_pollitem_t Item{Sock, 0, ZMQ_POLLIN, 0};
  zmq_poll(&Item, 1, -1);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'zmq_poll' {{.*}}: its timeout means none [fallacy-missing-timeout]
  return zmq_recv(Sock, Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'zmq_recv' {{.*}}: no ZMQ_RCVTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
}

// A socket from the caller, and no caller in this file configures it.
int forward(void *Sock, const void *Data, size_t Len) {
  return zmq_send(Sock, Data, Len, 0);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'zmq_send' {{.*}}: no ZMQ_SNDTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
}

// A member socket that no method of its class configures.
class Subscriber {
public:
  explicit Subscriber(void *Ctx) : Sock(zmq_socket(Ctx, ZMQ_SUB)) {}
  int next(zmq_msg_t *Msg) {
    return zmq_msg_recv(Msg, Sock, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'zmq_msg_recv' {{.*}}: no ZMQ_RCVTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
  }

private:
  void *Sock;
};

// ZMQ_RCVTIMEO = -1 is the default, "wait forever", set explicitly.
int infiniteTimeoutKnownFalseNegative(void *Ctx, char *Buf, size_t Len) {
  void *Sock = zmq_socket(Ctx, ZMQ_PULL);
  int Forever = -1;
  zmq_setsockopt(Sock, ZMQ_RCVTIMEO, &Forever, sizeof Forever);
  return zmq_recv(Sock, Buf, Len, 0); // no-warning: the value behind the pointer is not read
}

// --- negatives ---------------------------------------------------------------

// A receive timeout set earlier on the same socket.
int withReceiveTimeout(void *Ctx, char *Buf, size_t Len) {
  void *Sock = zmq_socket(Ctx, ZMQ_REQ);
  int Ms = 750;
  zmq_setsockopt(Sock, ZMQ_RCVTIMEO, &Ms, sizeof Ms);
  zmq_send(Sock, "ping", 4, ZMQ_DONTWAIT);
  return zmq_recv(Sock, Buf, Len, 0); // no-warning
}

// ZMQ_DONTWAIT returns EAGAIN instead of waiting.
int recvDontWait(void *Sock, char *Buf, size_t Len) {
  return zmq_recv(Sock, Buf, Len, ZMQ_DONTWAIT); // no-warning
}

// So does its old name, also on zmq_msg_recv.
int msgRecvNoBlock(void *Sock, zmq_msg_t *Msg) {
  return zmq_msg_recv(Msg, Sock, ZMQ_NOBLOCK); // no-warning
}

// A finite zmq_poll neither waits forever nor lets the receive after it wait.
int pollThenRecv(void *Ctx, char *Buf, size_t Len) {
  void *Sock = zmq_socket(Ctx, ZMQ_PULL);
  zmq_pollitem_t Item{Sock, 0, ZMQ_POLLIN, 0};
  if (zmq_poll(&Item, 1, 250) <= 0) // no-warning
    return -1;
  return zmq_recv(Sock, Buf, Len, 0); // no-warning
}

// A helper in this file that sets both timeouts on the socket it receives.
static void applyTimeouts(void *Sock, int Ms) {
  zmq_setsockopt(Sock, ZMQ_RCVTIMEO, &Ms, sizeof Ms);
  zmq_setsockopt(Sock, ZMQ_SNDTIMEO, &Ms, sizeof Ms);
}
int viaHelper(void *Ctx, char *Buf, size_t Len) {
  void *Sock = zmq_socket(Ctx, ZMQ_REQ);
  applyTimeouts(Sock, 400);
  zmq_send(Sock, "ping", 4, 0); // no-warning
  return zmq_recv(Sock, Buf, Len, 0); // no-warning
}

// A factory that returns a configured socket.
static void *openPricingSocket(void *Ctx) {
  void *Sock = zmq_socket(Ctx, ZMQ_REQ);
  const int Ms = 300;
  zmq_setsockopt(Sock, ZMQ_RCVTIMEO, &Ms, sizeof Ms);
  zmq_connect(Sock, "tcp://pricing.internal:5555");
  return Sock;
}
int viaFactory(void *Ctx, char *Buf, size_t Len) {
  void *Sock = openPricingSocket(Ctx);
  return zmq_recv(Sock, Buf, Len, 0); // no-warning
}

// The constructor of the class that owns the socket sets the timeout.
class Collector {
public:
  explicit Collector(void *Ctx) : Sock(zmq_socket(Ctx, ZMQ_PULL)) {
    int Ms = 1000;
    zmq_setsockopt(Sock, ZMQ_RCVTIMEO, &Ms, sizeof Ms);
  }
  int next(zmq_msg_t *Msg) { return zmq_msg_recv(Msg, Sock, 0); } // no-warning

private:
  void *Sock;
};

// The only caller in this file configures the socket it passes.
static int publish(void *Sock, const char *Topic, size_t Len) {
  return zmq_send(Sock, Topic, Len, 0); // no-warning
}
void callerConfigures(void *Ctx) {
  void *Sock = zmq_socket(Ctx, ZMQ_PUSH);
  int Ms = 100;
  zmq_setsockopt(Sock, ZMQ_SNDTIMEO, &Ms, sizeof Ms);
  publish(Sock, "stock", 5);
}

// A PUB socket drops messages at the high-water mark: zmq_send never blocks on it.
void publishQuote(void *Ctx, const char *Quote, size_t Len) {
  void *Pub = zmq_socket(Ctx, ZMQ_PUB);
  zmq_bind(Pub, "tcp://*:5557");
  zmq_send(Pub, Quote, Len, 0); // no-warning
}

// A timeout set on one branch reaches the call on that path.
int optionalTimeout(void *Ctx, int Ms, char *Buf, size_t Len) {
  void *Sock = zmq_socket(Ctx, ZMQ_PULL);
  if (Ms >= 0)
    zmq_setsockopt(Sock, ZMQ_RCVTIMEO, &Ms, sizeof Ms);
  return zmq_recv(Sock, Buf, Len, 0); // no-warning
}

// Unevaluated operands never run.
void unevaluated(void *Sock, char *Buf, size_t Len, zmq_pollitem_t *Items) {
  (void)sizeof(zmq_recv(Sock, Buf, Len, 0)); // no-warning
  using Result = decltype(zmq_poll(Items, 1, -1)); // no-warning
}

#endif
