// REQUIRES: boost
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %boost_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %boost_cflags
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <chrono>
#include <memory>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;
using TlsStream = asio::ssl::stream<tcp::socket>;

// --- synchronous calls: Asio gives them no timeout at all ------------------------

// A synchronous connect waits as long as the kernel keeps retrying the SYN.
void syncConnect(asio::io_context &Io) {
  tcp::socket Sock(Io);
  tcp::resolver Resolver(Io);
  asio::connect(Sock, Resolver.resolve("inventory.internal", "7000"));
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'connect' can wait about two minutes for a silent peer: only the kernel's SYN retries bound a plain TCP connect [fallacy-missing-timeout]
}

// The request's write is bounded by the wait for its reply, the read: only the
// read is reported (the socket comes from the caller: with ReportUnknownHandles).
std::string syncRequest(tcp::socket &Sock) {
  std::string Line;
  asio::write(Sock, asio::buffer(std::string("STOCK 7\r\n"))); // no-warning
  asio::read_until(Sock, asio::dynamic_buffer(Line), "\r\n");
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'read_until' can block forever {{.*}} [fallacy-missing-timeout]
  return Line;
}

// The member read_some, on a member socket.
class FeedReader {
public:
  explicit FeedReader(asio::io_context &Io) : Sock(Io) {}
  std::size_t next(char *Buf, std::size_t Len) {
    return Sock.read_some(asio::buffer(Buf, Len));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'read_some' can block forever {{.*}} [fallacy-missing-timeout]
  }

private:
  tcp::socket Sock;
};

// A listener's accept waits for clients by design: never a finding.
tcp::socket acceptOne(tcp::acceptor &Acceptor) {
  return Acceptor.accept(); // no-warning
}

// Waiting for readiness synchronously is no better.
void syncWait(tcp::socket &Sock) {
  Sock.wait(tcp::socket::wait_read);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'wait' can block forever {{.*}} [fallacy-missing-timeout]
}

// A timer armed in the same function cannot interrupt a synchronous read.
void timerDoesNotBoundSyncRead(asio::io_context &Io, tcp::socket &Sock) {
  asio::steady_timer Timer(Io);
  Timer.expires_after(std::chrono::seconds(2));
  Timer.async_wait([&Sock](boost::system::error_code) { Sock.cancel(); });
  char Buf[512];
  asio::read(Sock, asio::buffer(Buf));
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'read' can block forever {{.*}} [fallacy-missing-timeout]
}

// Making another socket non-blocking does not help this one.
void nonBlockingOtherSocket(asio::io_context &Io) {
  tcp::socket Polled(Io), Blocking(Io);
  Polled.non_blocking(true);
  char Buf[64];
  Blocking.read_some(asio::buffer(Buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read_some' can block forever {{.*}} [fallacy-missing-timeout]
}

// non_blocking(true) after the call comes too late for it.
void nonBlockingAfterTheCall(tcp::socket &Sock) {
  char Buf[64];
  Sock.read_some(asio::buffer(Buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read_some' can block forever {{.*}} [fallacy-missing-timeout]
  Sock.non_blocking(true);
}

// TLS adds no timeout: a synchronous read on an ssl::stream blocks the same way.
std::size_t tlsRead(TlsStream &Tls, char *Buf, std::size_t Len) {
  return asio::read(Tls, asio::buffer(Buf, Len));
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'read' can block forever {{.*}}: synchronous Asio calls take no timeout [fallacy-missing-timeout]
}

// --- asynchronous calls: no timer, no cancellation -------------------------------

// An async_read with nothing to cancel it waits for the peer forever.
void asyncWithoutTimer(tcp::socket &Sock, std::string &Out) {
  asio::async_read(Sock, asio::dynamic_buffer(Out), [](boost::system::error_code, std::size_t) {});
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'async_read' can wait forever for its completion if the peer stops answering: no timer or cancellation on socket 'Sock' [fallacy-missing-timeout]
}

// A session whose class arms no timer anywhere.
class EchoSession : public std::enable_shared_from_this<EchoSession> {
public:
  explicit EchoSession(tcp::socket S) : Sock(std::move(S)) {}
  void start() { readMore(); }

private:
  void readMore() {
    auto Self = shared_from_this();
    Sock.async_read_some(asio::buffer(Buf), [this, Self](boost::system::error_code Ec, std::size_t N) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'async_read_some' can wait forever {{.*}} no timer or cancellation on socket 'Sock' [fallacy-missing-timeout]
      if (!Ec)
        // The session reads from Sock too: the echo's write is bounded with the read.
        asio::async_write(Sock, asio::buffer(Buf, N), [this, Self](boost::system::error_code E, std::size_t) { // no-warning
          if (!E)
            readMore();
        });
    });
  }
  tcp::socket Sock;
  char Buf[1024];
};

// A timer armed by a free function elsewhere guards nothing here.
void armHeartbeat(asio::steady_timer &Timer) {
  Timer.expires_after(std::chrono::seconds(30));
  Timer.async_wait([](boost::system::error_code) {});
}
void asyncConnectWithoutTimer(tcp::socket &Sock, const tcp::endpoint &Peer) {
  Sock.async_connect(Peer, [](boost::system::error_code) {});
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'async_connect' can wait about two minutes for a silent peer: only the kernel's SYN retries bound a plain TCP connect [fallacy-missing-timeout]
}

// An asynchronous TLS handshake with no timer waits for a silent server forever.
void tlsHandshakeWithoutTimer(TlsStream &Tls) {
  Tls.async_handshake(asio::ssl::stream_base::client, [](boost::system::error_code) {});
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'async_handshake' can wait forever {{.*}} no timer or cancellation on socket 'Tls' [fallacy-missing-timeout]
}

// --- what bounds a call -------------------------------------------------------------

// A non-blocking socket returns would_block instead of waiting.
void nonBlockingRead(tcp::socket &Sock) {
  Sock.non_blocking(true);
  char Buf[64];
  boost::system::error_code Ec;
  Sock.read_some(asio::buffer(Buf), Ec); // no-warning
}

// Made non-blocking by a helper that takes the socket by reference.
static void makeNonBlocking(tcp::socket &S) { S.non_blocking(true); }
void viaHelper(asio::io_context &Io, const tcp::endpoint &Peer) {
  tcp::socket Sock(Io);
  Sock.open(tcp::v4());
  makeNonBlocking(Sock);
  boost::system::error_code Ec;
  Sock.connect(Peer, Ec); // no-warning
}

// Made non-blocking in the constructor of the class that owns it.
class Poller {
public:
  explicit Poller(asio::io_context &Io) : Sock(Io, tcp::v4()) { Sock.non_blocking(true); }
  std::size_t drain(char *Buf, std::size_t Len) {
    boost::system::error_code Ec;
    return Sock.read_some(asio::buffer(Buf, Len), Ec); // no-warning
  }

private:
  tcp::socket Sock;
};

// A factory that returns a non-blocking socket.
static tcp::socket makePolledSocket(asio::io_context &Io) {
  tcp::socket S(Io, tcp::v4());
  S.non_blocking(true);
  return S;
}
void viaFactory(asio::io_context &Io) {
  tcp::socket Sock = makePolledSocket(Io);
  char Buf[64];
  boost::system::error_code Ec;
  asio::read(Sock, asio::buffer(Buf), Ec); // no-warning
}

// The only caller in this file passes a non-blocking socket.
static std::size_t pollOnce(tcp::socket &S, char *Buf, std::size_t Len) {
  boost::system::error_code Ec;
  return S.read_some(asio::buffer(Buf, Len), Ec); // no-warning
}
void callerMakesNonBlocking(asio::io_context &Io) {
  tcp::socket Sock(Io, tcp::v4());
  Sock.non_blocking(true);
  char Buf[64];
  pollOnce(Sock, Buf, sizeof Buf);
}

// A steady_timer armed in the same function cancels the async read.
void asyncWithTimer(asio::io_context &Io, tcp::socket &Sock, std::string &Out) {
  asio::steady_timer Timer(Io);
  Timer.expires_after(std::chrono::seconds(5));
  Timer.async_wait([&Sock](boost::system::error_code Ec) {
    if (!Ec)
      Sock.cancel();
  });
  asio::async_read_until(Sock, asio::dynamic_buffer(Out), "\n",
                         [](boost::system::error_code, std::size_t) {}); // no-warning
}

// A deadline_timer works as well as a steady_timer.
void asyncConnectWithDeadlineTimer(asio::io_context &Io, tcp::socket &Sock, const tcp::endpoint &Peer) {
  asio::deadline_timer Deadline(Io);
  Deadline.expires_from_now(boost::posix_time::seconds(3));
  Deadline.async_wait([&Sock](boost::system::error_code) { Sock.close(); });
  Sock.async_connect(Peer, [](boost::system::error_code) {}); // no-warning
}

// A session class whose start() arms the deadline guards the other methods.
class TimedSession : public std::enable_shared_from_this<TimedSession> {
public:
  TimedSession(asio::io_context &Io, tcp::socket S) : Sock(std::move(S)), Deadline(Io) {}
  void start() {
    Deadline.expires_after(std::chrono::seconds(10));
    Deadline.async_wait([Self = shared_from_this()](boost::system::error_code Ec) {
      if (!Ec)
        Self->Sock.close();
    });
    readHeader();
  }

private:
  void readHeader() {
    asio::async_read(Sock, asio::buffer(Header), [this](boost::system::error_code Ec, std::size_t) {
      if (!Ec)
        asio::async_read(Sock, asio::buffer(Body), [](boost::system::error_code, std::size_t) {}); // no-warning
    }); // no-warning
  }
  tcp::socket Sock;
  asio::steady_timer Deadline;
  char Header[16];
  char Body[256];
};

// A timer re-armed inside a completion handler guards the class's reads too.
class Heartbeat {
public:
  Heartbeat(asio::io_context &Io, tcp::socket S) : Sock(std::move(S)), Timer(Io) {}
  void onConnected() {
    asio::async_write(Sock, asio::buffer(Ping), [this](boost::system::error_code Ec, std::size_t) {
      if (Ec)
        return;
      Timer.expires_after(std::chrono::seconds(1));
      Timer.async_wait([this](boost::system::error_code) { Sock.cancel(); });
    }); // no-warning
  }
  void readPong() {
    Sock.async_read_some(asio::buffer(Pong), [](boost::system::error_code, std::size_t) {}); // no-warning
  }

private:
  tcp::socket Sock;
  asio::steady_timer Timer;
  char Ping[4] = {'P', 'I', 'N', 'G'};
  char Pong[4];
};

// The socket under a TLS stream, made non-blocking through next_layer().
void tlsNonBlocking(TlsStream &Tls) {
  Tls.next_layer().non_blocking(true);
  char Buf[256];
  boost::system::error_code Ec;
  Tls.read_some(asio::buffer(Buf), Ec); // no-warning
}

// A timer in the same function guards an asynchronous TLS read.
void tlsAsyncWithTimer(asio::io_context &Io, TlsStream &Tls, std::string &Out) {
  asio::steady_timer Timer(Io);
  Timer.expires_after(std::chrono::seconds(5));
  Timer.async_wait([&Tls](boost::system::error_code) { Tls.lowest_layer().cancel(); });
  asio::async_read_until(Tls, asio::dynamic_buffer(Out), "\r\n",
                         [](boost::system::error_code, std::size_t) {}); // no-warning
}

// Reading a pipe or a terminal is not a network call.
void readStdin(asio::io_context &Io) {
  asio::posix::stream_descriptor In(Io, 0);
  char Buf[128];
  asio::read(In, asio::buffer(Buf)); // no-warning
}

// Unevaluated operands never run.
void unevaluated(tcp::socket &Sock) {
  char Buf[8];
  using N = decltype(asio::read(Sock, asio::buffer(Buf))); // no-warning
  (void)sizeof(Sock.read_some(asio::buffer(Buf))); // no-warning
}

// --- known gaps -----------------------------------------------------------------------

// KnownFalseNegative: non_blocking(false) makes the socket blocking again, but
// any call to non_blocking counts.
void blockingAgainKnownFalseNegative(tcp::socket &Sock) {
  Sock.non_blocking(false);
  char Buf[64];
  Sock.read_some(asio::buffer(Buf)); // no-warning
}

// KnownFalsePositive: the class arms a timer, which guards relay()'s own
// read, but the same read in a lambda written in relay() is reported.
class Relay {
public:
  explicit Relay(asio::io_context &Io) : Watchdog(Io) { Watchdog.expires_after(std::chrono::seconds(5)); }
  void relay(tcp::socket &Peer) {
    asio::async_read(Peer, asio::buffer(Buf), [](boost::system::error_code, std::size_t) {}); // no-warning
    auto Again = [this, &Peer] { asio::async_read(Peer, asio::buffer(Buf), [](boost::system::error_code, std::size_t) {}); };
    // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:34: warning: 'async_read' can wait forever {{.*}} no timer or cancellation on socket 'Peer' [fallacy-missing-timeout]
    Again();
  }

private:
  asio::steady_timer Watchdog;
  char Buf[8];
};
