// REQUIRES: boost
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- %boost_cflags
// Boost.Beast and Asio: synchronous HTTP exchanges per element; stream writes and async calls are not.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <memory>
#include <string>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

// A request and its response per target, one after the other on one connection.
std::vector<std::string> getEach(beast::tcp_stream &Stream, const std::vector<std::string> &Targets) {
  std::vector<std::string> Out;
  for (const std::string &Target : Targets) {
    http::request<http::empty_body> Req{http::verb::get, Target, 11};
    http::write(Stream, Req);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'write' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
    beast::flat_buffer Buffer;
    http::response<http::string_body> Res;
    http::read(Stream, Buffer, Res);
    Out.push_back(Res.body());
  }
  return Out;
}

// A helper of this file that makes the exchange, called per target.
static std::string exchange(beast::tcp_stream &Stream, const std::string &Target) {
  http::request<http::empty_body> Req{http::verb::get, Target, 11};
  http::write(Stream, Req);
  beast::flat_buffer Buffer;
  http::response<http::string_body> Res;
  http::read(Stream, Buffer, Res);
  return Res.body();
}
void exchangeEach(beast::tcp_stream &Stream, const std::vector<std::string> &Targets,
                  std::vector<std::string> &Out) {
  for (size_t I = 0; I < Targets.size(); ++I)
    Out.push_back(exchange(Stream, Targets[I]));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'exchange' costs one round trip{{.*}} [fallacy-chatty-loop]
}

// The messages of one WebSocket session are the chunks of one stream.
void publishAll(beast::websocket::stream<tcp::socket> &Ws, const std::vector<std::string> &Msgs) {
  for (const std::string &Msg : Msgs) // no-warning
    Ws.write(boost::asio::buffer(Msg));
}

// So are the pieces of one body written to a socket.
void writeChunks(tcp::socket &Sock, const std::vector<std::string> &Chunks) {
  for (const std::string &Chunk : Chunks) // no-warning
    boost::asio::write(Sock, boost::asio::buffer(Chunk));
}

// Asynchronous writes queued per target wait on the io_context once, after the loop.
void postAllAsync(boost::asio::io_context &Io, std::vector<std::unique_ptr<beast::tcp_stream>> &Streams,
                  const std::vector<http::request<http::string_body>> &Reqs) {
  for (size_t I = 0; I < Reqs.size(); ++I) // no-warning
    http::async_write(*Streams[I], Reqs[I], [](beast::error_code, std::size_t) {});
  Io.run();
}

// A server's accept loop handles one connection per iteration.
void serve(tcp::acceptor &Acceptor) {
  for (;;) { // no-warning
    tcp::socket Peer = Acceptor.accept();
    boost::asio::write(Peer, boost::asio::buffer(std::string("hello\n")));
  }
}

// KnownFalseNegative: connecting to every backend in turn is one handshake
// round trip each, but the model files Asio's and Beast's synchronous connect
// with read_some/write_some under "stream": true, so it is skipped as a chunk
// of a stream.
void connectEachKnownFalseNegative(std::vector<beast::tcp_stream> &Streams,
                                   const std::vector<tcp::endpoint> &Backends) {
  for (size_t I = 0; I < Backends.size(); ++I)
    Streams[I].connect(Backends[I]); // no-warning (should warn)
}
