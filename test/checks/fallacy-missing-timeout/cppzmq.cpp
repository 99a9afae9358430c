// REQUIRES: cppzmq
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %cppzmq_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %cppzmq_cflags
// RUN: %check_fallacy -check-suffix=NOTES %s fallacy-missing-timeout %t.notes -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %cppzmq_cflags -DNOTES_ONLY
#include <chrono>
#include <string>
#include <vector>
#include <zmq.hpp>

// An explicit -1 is "wait forever"; the notes point at the value and suggest a fix.
std::string requestQuote(zmq::context_t &Ctx) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::req);
  Sock.set(zmq::sockopt::rcvtimeo, -1);
  Sock.connect("tcp://pricing.internal:5555");
  Sock.send(zmq::str_buffer("quote A-100"), zmq::send_flags::dontwait);
  zmq::message_t Reply;
  if (!Sock.recv(Reply))
    // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:8: warning: 'recv' can block forever if the peer stops answering: the timeout on ZeroMQ socket 'Sock' means none [fallacy-missing-timeout]
    // CHECK-NOTES-NOTES: :[[@LINE-2]]:8: warning: 'recv' can block forever if the peer stops answering: the timeout on ZeroMQ socket 'Sock' means none [fallacy-missing-timeout]
    // CHECK-NOTES-NOTES: :[[@LINE-3]]:8: note: suggested: zmq_setsockopt(socket, ZMQ_RCVTIMEO, &ms, sizeof ms) (cppzmq: socket.set(zmq::sockopt::rcvtimeo, ms)), or poll with a finite timeout
    // CHECK-NOTES-NOTES: :[[@LINE-8]]:3: note: this value means no timeout at all
    return "";
  return Reply.to_string();
}

#ifndef NOTES_ONLY

// --- positives ---------------------------------------------------------------

// A socket with no ZMQ_RCVTIMEO waits for a reply forever.
std::string noTimeout(zmq::context_t &Ctx) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::pull);
  Sock.connect("tcp://events.internal:5556");
  zmq::message_t Msg;
  auto Got = Sock.recv(Msg, zmq::recv_flags::none);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'recv' can block forever if the peer stops answering: no ZMQ_RCVTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
  return Got ? Msg.to_string() : "";
}

// A receive timeout does not bound a send.
void sendWithReceiveTimeoutOnly(zmq::context_t &Ctx) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::push);
  Sock.set(zmq::sockopt::rcvtimeo, 500);
  Sock.send(zmq::str_buffer("reserve A-100"), zmq::send_flags::none);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' {{.*}}: no ZMQ_SNDTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
}

// A timeout on another socket does not reach this one.
size_t timeoutOnOtherSocket(zmq::context_t &Ctx, zmq::mutable_buffer Buf) {
  zmq::socket_t Control(Ctx, zmq::socket_type::req);
  zmq::socket_t Data(Ctx, zmq::socket_type::pull);
  Control.set(zmq::sockopt::rcvtimeo, 1000);
  auto Got = Data.recv(Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'recv' {{.*}}: no ZMQ_RCVTIMEO on ZeroMQ socket 'Data' [fallacy-missing-timeout]
  return Got ? Got->size : 0;
}

// A timeout set after the call does not help the call.
bool timeoutAfterRecv(zmq::context_t &Ctx, zmq::message_t &Msg) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::sub);
  bool Got = Sock.recv(Msg).has_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'recv' {{.*}}: no ZMQ_RCVTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
  Sock.set(zmq::sockopt::rcvtimeo, 1000);
  return Got;
}

// The deprecated setsockopt with -1 is as infinite as set().
bool deprecatedSetsockoptForever(zmq::context_t &Ctx, zmq::message_t &Msg) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::pull);
  Sock.setsockopt(ZMQ_RCVTIMEO, -1);
  return Sock.recv(Msg).has_value();
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'recv' {{.*}}: the timeout on ZeroMQ socket 'Sock' means none [fallacy-missing-timeout]
}

// Ten minutes is over MaxTimeoutMs (300 s by default).
bool timeoutTooLong(zmq::context_t &Ctx, zmq::message_t &Msg) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::pull);
  Sock.set(zmq::sockopt::rcvtimeo, 600000);
  return Sock.recv(Msg).has_value();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' can wait 600 s for a silent peer, over MaxTimeoutMs (300 s) [fallacy-missing-timeout]
}

// zmq::poll with a timeout of -1 in milliseconds (the deprecated long overload).
int pollForever(zmq_pollitem_t *Items) {
  return zmq::poll(Items, 2, -1);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'poll' can block forever if the peer stops answering: its timeout means none [fallacy-missing-timeout]
}

// The const-vector overload defaults its timeout to -1.
int pollConstVectorDefaulted(const std::vector<zmq_pollitem_t> &Watched) {
  return zmq::poll(Watched);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'poll' {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// The std::chrono overloads default to milliseconds{-1}, which waits forever
// too; a duration is never compared with the model's "none" values.
int pollDefaultedKnownFalseNegative(zmq_pollitem_t *Items, std::vector<zmq_pollitem_t> &Watched) {
  int N = zmq::poll(Items, 2); // no-warning: the defaulted duration is not read as -1
  return N + zmq::poll(Watched, std::chrono::milliseconds(-1)); // no-warning: same
}

// A socket from the caller, and no caller in this file configures it.
void forward(zmq::socket_t &Out, zmq::message_t &Msg) {
  Out.send(Msg, zmq::send_flags::sndmore);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'send' {{.*}}: no ZMQ_SNDTIMEO on ZeroMQ socket 'Out' [fallacy-missing-timeout]
}

// A member socket that no method of its class configures.
class Worker {
public:
  explicit Worker(zmq::context_t &Ctx) : Sock(Ctx, zmq::socket_type::dealer) {}
  bool next(zmq::message_t &Msg) {
    return Sock.recv(Msg).has_value();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'recv' {{.*}}: no ZMQ_RCVTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
  }

private:
  zmq::socket_t Sock;
};

// The C API on the handle of an unconfigured wrapper is the same unbounded socket.
int cApiReceiveUnconfigured(zmq::context_t &Ctx, char *Buf, size_t Len) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::pull);
  return zmq_recv(Sock.handle(), Buf, Len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'zmq_recv' {{.*}}: no ZMQ_RCVTIMEO on ZeroMQ socket 'Sock' [fallacy-missing-timeout]
}

// --- negatives ---------------------------------------------------------------

// A receive timeout set earlier on the same socket.
bool withReceiveTimeout(zmq::context_t &Ctx, zmq::message_t &Msg) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::req);
  Sock.set(zmq::sockopt::rcvtimeo, 750);
  Sock.set(zmq::sockopt::sndtimeo, 750);
  Sock.send(zmq::str_buffer("ping"), zmq::send_flags::none); // no-warning
  return Sock.recv(Msg).has_value(); // no-warning
}

// The value may be a named constant, and the old setsockopt works too.
bool deprecatedSetsockopt(zmq::context_t &Ctx, zmq::message_t &Msg) {
  const int TimeoutMs = 2000;
  zmq::socket_t Sock(Ctx, zmq::socket_type::pull);
  Sock.setsockopt(ZMQ_RCVTIMEO, TimeoutMs);
  return Sock.recv(Msg).has_value(); // no-warning
}

// recv_flags::dontwait returns an empty result instead of waiting.
bool recvDontWait(zmq::socket_t &Sock, zmq::message_t &Msg) {
  return Sock.recv(Msg, zmq::recv_flags::dontwait).has_value(); // no-warning
}

// send_flags::dontwait, also combined with sndmore.
bool sendDontWait(zmq::socket_t &Sock, zmq::message_t &Msg) {
  return Sock.send(Msg, zmq::send_flags::dontwait | zmq::send_flags::sndmore).has_value(); // no-warning
}

// A finite zmq::poll neither waits forever nor lets the receive after it wait.
bool pollThenRecv(zmq::context_t &Ctx, zmq::message_t &Msg) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::pull);
  zmq_pollitem_t Items[] = {{Sock.handle(), 0, ZMQ_POLLIN, 0}};
  if (zmq::poll(Items, 1, std::chrono::milliseconds(200)) == 0) // no-warning
    return false;
  return Sock.recv(Msg).has_value(); // no-warning
}

// The vector overload takes its timeout as the second argument.
int pollVectorFinite(std::vector<zmq_pollitem_t> &Watched) {
  return zmq::poll(Watched, std::chrono::milliseconds(50)); // no-warning
}

// A helper in this file that configures the socket it receives by reference.
static void applyTimeouts(zmq::socket_t &Sock, int Ms) {
  Sock.set(zmq::sockopt::rcvtimeo, Ms);
  Sock.set(zmq::sockopt::sndtimeo, Ms);
}
bool viaHelper(zmq::context_t &Ctx, zmq::message_t &Msg) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::req);
  applyTimeouts(Sock, 400);
  Sock.send(zmq::str_buffer("ping"), zmq::send_flags::none); // no-warning
  return Sock.recv(Msg).has_value(); // no-warning
}

// A factory that returns a configured socket.
static zmq::socket_t openPricing(zmq::context_t &Ctx) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::req);
  Sock.set(zmq::sockopt::rcvtimeo, 300);
  Sock.connect("tcp://pricing.internal:5555");
  return Sock;
}
bool viaFactory(zmq::context_t &Ctx, zmq::message_t &Msg) {
  zmq::socket_t Sock = openPricing(Ctx);
  return Sock.recv(Msg).has_value(); // no-warning
}

// The constructor of the class that owns the socket sets the timeout.
class Collector {
public:
  explicit Collector(zmq::context_t &Ctx) : Sock(Ctx, zmq::socket_type::pull) {
    Sock.set(zmq::sockopt::rcvtimeo, 1000);
  }
  bool next(zmq::message_t &Msg) { return Sock.recv(Msg).has_value(); } // no-warning

private:
  zmq::socket_t Sock;
};

// The only caller in this file configures the socket it passes.
static void publish(zmq::socket_t &Out, zmq::message_t &Msg) {
  Out.send(Msg, zmq::send_flags::none); // no-warning
}
void callerConfigures(zmq::context_t &Ctx, zmq::message_t &Msg) {
  zmq::socket_t Push(Ctx, zmq::socket_type::push);
  Push.set(zmq::sockopt::sndtimeo, 100);
  publish(Push, Msg);
}

// A PUB socket drops messages at the high-water mark: send never blocks on it,
// also when it is a member.
class QuotePublisher {
public:
  explicit QuotePublisher(zmq::context_t &Ctx) : Pub(Ctx, zmq::socket_type::pub) {}
  void publish(const std::string &Quote) {
    Pub.send(zmq::buffer(Quote), zmq::send_flags::none); // no-warning
  }

private:
  zmq::socket_t Pub;
};

// A lambda using a socket its enclosing function configured.
void lambdaCapture(zmq::context_t &Ctx) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::pull);
  Sock.set(zmq::sockopt::rcvtimeo, 250);
  auto Drain = [&Sock] {
    zmq::message_t Msg;
    while (Sock.recv(Msg)) { // no-warning
    }
  };
  Drain();
}

// The C API on the wrapped handle configures the same socket...
bool cApiOnWrappedHandle(zmq::context_t &Ctx, zmq::message_t &Msg) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::pull);
  int Ms = 500;
  zmq_setsockopt(Sock.handle(), ZMQ_RCVTIMEO, &Ms, sizeof Ms);
  return Sock.recv(Msg).has_value(); // no-warning
}

// ... and receives on the same socket.
int cApiReceiveOnWrappedHandle(zmq::context_t &Ctx, char *Buf, size_t Len) {
  zmq::socket_t Sock(Ctx, zmq::socket_type::pull);
  Sock.set(zmq::sockopt::rcvtimeo, 500);
  return zmq_recv(Sock.handle(), Buf, Len, 0); // no-warning
}

// Unevaluated operands never run.
void unevaluated(zmq::socket_t &Sock, zmq::message_t &Msg, zmq_pollitem_t *Items) {
  using Result = decltype(Sock.recv(Msg)); // no-warning
  (void)sizeof(zmq::poll(Items, 1)); // no-warning
}

#endif
