// REQUIRES: boost
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %boost_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %boost_cflags
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <memory>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

static void onRead(beast::error_code, std::size_t) {}

// --- tcp_stream: asynchronous operations need expires_after -----------------------

// An async_read on a tcp_stream with no expiry waits forever; the fix arms one.
void readWithoutExpiry(net::io_context &Io, beast::flat_buffer &Buf, Response &Res) {
  beast::tcp_stream Stream(Io);
  http::async_read(Stream, Buf, Res, onRead);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'async_read' can wait forever for its completion if the peer stops answering: no expires_after on stream 'Stream' [fallacy-missing-timeout]
  // CHECK-FIXES: Stream.expires_after(std::chrono::milliseconds(30000));
  // CHECK-FIXES-NEXT: http::async_read(Stream, Buf, Res, onRead);
}

// An expiry on another stream does not reach this one.
void expiryOnOtherStream(net::io_context &Io, const Request &Req) {
  beast::tcp_stream Upstream(Io), Downstream(Io);
  Upstream.expires_after(std::chrono::seconds(5));
  http::async_write(Downstream, Req, onRead);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'async_write' can wait forever {{.*}} no expires_after on stream 'Downstream' [fallacy-missing-timeout]
  // CHECK-FIXES: Downstream.expires_after(std::chrono::milliseconds(30000));
  // CHECK-FIXES-NEXT: http::async_write(Downstream, Req, onRead);
}

// An expiry armed after the call starts too late for it.
void expiryAfterTheCall(net::io_context &Io, const tcp::resolver::results_type &Peers) {
  beast::tcp_stream Stream(Io);
  Stream.async_connect(Peers, [](beast::error_code, const tcp::endpoint &) {});
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'async_connect' can wait about two minutes for a silent peer: only the kernel's SYN retries bound a plain TCP connect [fallacy-missing-timeout]
  // CHECK-FIXES-REPORT: Stream.expires_after(std::chrono::milliseconds(30000));
  // CHECK-FIXES-REPORT-NEXT: Stream.async_connect(Peers, [](beast::error_code, const tcp::endpoint &) {});
  Stream.expires_after(std::chrono::seconds(3));
}

// duration::max() is an expiry that never comes.
void expiryAtInfinity(net::io_context &Io, beast::flat_buffer &Buf, Response &Res) {
  beast::tcp_stream Stream(Io);
  Stream.expires_after(std::chrono::steady_clock::duration::max());
  http::async_read(Stream, Buf, Res, onRead);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'async_read' can wait forever {{.*}} the timeout on stream 'Stream' means none [fallacy-missing-timeout]
}

// A session class whose methods never arm the stream's expiry.
class PlainSession {
public:
  explicit PlainSession(tcp::socket S) : Stream(std::move(S)) {}
  void readRequest() {
    http::async_read(Stream, Buf, Req, onRead);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'async_read' can wait forever {{.*}} no expires_after on stream 'Stream' [fallacy-missing-timeout]
    // CHECK-FIXES: Stream.expires_after(std::chrono::milliseconds(30000));
    // CHECK-FIXES-NEXT: http::async_read(Stream, Buf, Req, onRead);
  }

private:
  beast::tcp_stream Stream;
  beast::flat_buffer Buf;
  Request Req;
};

// --- synchronous operations: expires_after does not apply -------------------------

// A synchronous read ignores the stream's expiry.
void syncReadIgnoresExpiry(beast::tcp_stream &Stream, beast::flat_buffer &Buf, Response &Res) {
  Stream.expires_after(std::chrono::seconds(5));
  http::read(Stream, Buf, Res);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'read' can block forever if the peer stops answering: synchronous Beast calls ignore expires_after [fallacy-missing-timeout]
}

// A synchronous write on a plain socket.
void syncWriteOnSocket(tcp::socket &Sock, const Request &Req) {
  http::write(Sock, Req);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'write' can block forever {{.*}}: synchronous Beast calls ignore expires_after [fallacy-missing-timeout]
}

// A synchronous websocket read, whatever its options.
std::string syncWebsocketRead(websocket::stream<beast::tcp_stream> &Ws) {
  Ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  beast::flat_buffer Buf;
  Ws.read(Buf);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'read' can block forever {{.*}}: synchronous websocket calls take no timeout [fallacy-missing-timeout]
  return beast::buffers_to_string(Buf.data());
}

// --- websocket streams: the timeout option ------------------------------------------

// No timeout option: reads wait for an idle peer forever; the fix sets one.
void websocketWithoutTimeout(net::io_context &Io, beast::flat_buffer &Buf) {
  websocket::stream<beast::tcp_stream> Ws(Io);
  Ws.async_read(Buf, onRead);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'async_read' can wait forever {{.*}}: no idle timeout on websocket stream 'Ws' [fallacy-missing-timeout]
  // CHECK-FIXES: Ws.set_option(boost::beast::websocket::stream_base::timeout{std::chrono::milliseconds(30000), std::chrono::milliseconds(30000), true});
  // CHECK-FIXES-NEXT: Ws.async_read(Buf, onRead);
}

// The client's suggested settings bound the handshake but leave idle_timeout at none().
void clientSuggestedBoundsHandshakeOnly(websocket::stream<beast::tcp_stream> &Ws, beast::flat_buffer &Buf) {
  Ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
  Ws.async_handshake("feed.internal", "/ticks", [](beast::error_code) {}); // no-warning
  Ws.async_read(Buf, onRead);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'async_read' can wait forever {{.*}}: no idle timeout on websocket stream 'Ws' [fallacy-missing-timeout]
  // CHECK-FIXES-REPORT: Ws.set_option(boost::beast::websocket::stream_base::timeout{std::chrono::milliseconds(30000), std::chrono::milliseconds(30000), true});
  // CHECK-FIXES-REPORT-NEXT: Ws.async_read(Buf, onRead);
}

// An expiry on the lowest layer bounds connecting and the handshake, not the reads.
void lowestLayerExpiryOnly(websocket::stream<beast::tcp_stream> &Ws, beast::flat_buffer &Buf) {
  beast::get_lowest_layer(Ws).expires_after(std::chrono::seconds(10));
  Ws.async_handshake("feed.internal", "/ticks", [](beast::error_code) {}); // no-warning
  Ws.async_write(net::buffer(std::string("subscribe")), onRead);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'async_write' can block forever once connected: websocket stream 'Ws' has only a connect timeout [fallacy-missing-timeout]
}

// --- ssl_stream: the expiry lives on the lowest layer --------------------------------

// An HTTPS read with no expiry; the fix arms it through get_lowest_layer.
void tlsReadWithoutExpiry(beast::ssl_stream<beast::tcp_stream> &Tls, beast::flat_buffer &Buf, Response &Res) {
  http::async_read(Tls, Buf, Res, onRead);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'async_read' can wait forever {{.*}}: no expires_after on TLS stream 'Tls' [fallacy-missing-timeout]
  // CHECK-FIXES-REPORT: boost::beast::get_lowest_layer(Tls).expires_after(std::chrono::milliseconds(30000));
  // CHECK-FIXES-REPORT-NEXT: http::async_read(Tls, Buf, Res, onRead);
}

// --- what bounds a call ----------------------------------------------------------------

// expires_after before the operation, on the same stream.
void readWithExpiry(beast::tcp_stream &Stream, beast::flat_buffer &Buf, Response &Res) {
  Stream.expires_after(std::chrono::seconds(30));
  http::async_read(Stream, Buf, Res, onRead); // no-warning
}

// Armed by a helper that takes the stream by reference.
static void armDeadline(beast::tcp_stream &S) { S.expires_after(std::chrono::seconds(15)); }
void viaHelper(beast::tcp_stream &Stream, const Request &Req) {
  armDeadline(Stream);
  http::async_write(Stream, Req, onRead); // no-warning
}

// A factory that returns a stream with its expiry armed.
static beast::tcp_stream openStream(net::io_context &Io) {
  beast::tcp_stream S(Io);
  S.expires_after(std::chrono::seconds(10));
  return S;
}
void viaFactory(net::io_context &Io, const tcp::resolver::results_type &Peers) {
  beast::tcp_stream Stream = openStream(Io);
  Stream.async_connect(Peers, [](beast::error_code, const tcp::endpoint &) {}); // no-warning
}

// The only caller in this file arms the expiry of the stream it passes.
static void sendRequest(beast::tcp_stream &S, const Request &Req) {
  http::async_write(S, Req, onRead); // no-warning
}
void callerArms(beast::tcp_stream &Stream, const Request &Req) {
  Stream.expires_after(std::chrono::seconds(20));
  sendRequest(Stream, Req);
}

// A session that arms the expiry in one method before the exchange starts.
class ClientSession : public std::enable_shared_from_this<ClientSession> {
public:
  explicit ClientSession(net::io_context &Io) : Stream(Io) {}
  void run(const tcp::resolver::results_type &Peers) {
    Stream.expires_after(std::chrono::seconds(30));
    Stream.async_connect(Peers, [Self = shared_from_this()](beast::error_code Ec, const tcp::endpoint &) {
      if (!Ec)
        Self->send();
    }); // no-warning
  }

private:
  void send() { http::async_write(Stream, Req, onRead); } // no-warning
  beast::tcp_stream Stream;
  Request Req;
};

// A completion handler using a stream its enclosing function armed.
void handlerUsesArmedStream(beast::tcp_stream &Stream, beast::flat_buffer &Buf, Response &Res,
                            const Request &Req) {
  Stream.expires_after(std::chrono::seconds(30));
  http::async_write(Stream, Req, [&](beast::error_code Ec, std::size_t) {
    if (!Ec)
      http::async_read(Stream, Buf, Res, onRead); // no-warning
  }); // no-warning
}

// The server's suggested settings include an idle timeout.
void serverSuggested(websocket::stream<beast::tcp_stream> &Ws, beast::flat_buffer &Buf) {
  Ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  Ws.async_accept([](beast::error_code) {}); // no-warning
  Ws.async_read(Buf, onRead); // no-warning
}

// Settings spelled out by the caller count as a timeout.
void explicitWebsocketTimeout(websocket::stream<beast::tcp_stream> &Ws, beast::flat_buffer &Buf) {
  websocket::stream_base::timeout Opt{std::chrono::seconds(10), std::chrono::seconds(60), true};
  Ws.set_option(Opt);
  Ws.async_read(Buf, onRead); // no-warning
}

// The lowest layer's expiry bounds the handshake of a client.
void lowestLayerBoundsHandshake(net::io_context &Io) {
  websocket::stream<beast::tcp_stream> Ws(Io);
  beast::get_lowest_layer(Ws).expires_after(std::chrono::seconds(30));
  Ws.async_handshake("feed.internal", "/", [](beast::error_code) {}); // no-warning
}

// An HTTPS write whose lowest layer carries the expiry.
void tlsWriteWithExpiry(beast::ssl_stream<beast::tcp_stream> &Tls, const Request &Req) {
  beast::get_lowest_layer(Tls).expires_after(std::chrono::seconds(30));
  Tls.async_handshake(net::ssl::stream_base::client, [](beast::error_code) {}); // no-warning
  http::async_write(Tls, Req, onRead); // no-warning
}

// Unevaluated operands never run.
void unevaluated(beast::tcp_stream &Stream, beast::flat_buffer &Buf, Response &Res) {
  using N = decltype(http::read(Stream, Buf, Res)); // no-warning
  (void)sizeof(http::read(Stream, Buf, Res)); // no-warning
}

// --- known gaps -------------------------------------------------------------------------

// KnownFalseNegative: expires_never() cancels the earlier expiry, but any
// expiry on a path before the call counts.
void expiryCancelledKnownFalseNegative(beast::tcp_stream &Stream, beast::flat_buffer &Buf, Response &Res) {
  Stream.expires_after(std::chrono::seconds(30));
  Stream.expires_never();
  http::async_read(Stream, Buf, Res, onRead); // no-warning
}
