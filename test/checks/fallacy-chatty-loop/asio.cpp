// REQUIRES: boost
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- -std=c++17 %boost_cflags
// Boost.Asio: a synchronous request and reply per element is a round trip each.
#include <boost/asio.hpp>
#include <string>
#include <vector>

namespace asio = boost::asio;
using asio::ip::tcp;

// write of the element, then read_until of the reply line.
std::vector<std::string> lookupAll(tcp::socket &S, const std::vector<std::string> &Keys) {
  std::vector<std::string> Out;
  for (const std::string &Key : Keys) {
    asio::write(S, asio::buffer(Key + "\n"));
    asio::streambuf Reply;
    asio::read_until(S, Reply, '\n');
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'read_until' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
    Out.push_back(std::string(asio::buffers_begin(Reply.data()), asio::buffers_end(Reply.data())));
  }
  return Out;
}

// Writing the chunks of one message waits for nothing.
void writeChunks(tcp::socket &S, const std::vector<std::string> &Chunks) {
  for (const std::string &C : Chunks)
    asio::write(S, asio::buffer(C)); // no-warning
}
