// REQUIRES: cppzmq
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- -std=c++17 %cppzmq_cflags
// ZeroMQ: a request and its reply per element on a REQ socket is a round trip each.
#include <string>
#include <vector>
#include <zmq.h>
#include <zmq.hpp>

// The C API: zmq_send of the element, then zmq_recv of the reply.
void priceAll(void *Req, const std::vector<std::string> &Skus, char *Buf) {
  for (const std::string &Sku : Skus) {
    zmq_send(Req, Sku.data(), Sku.size(), 0);
    zmq_recv(Req, Buf, 256, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'zmq_recv' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
  }
}

// cppzmq through a helper of this file: the helper is the exchange.
static std::string ask(zmq::socket_t &Req, const std::string &Question) {
  Req.send(zmq::buffer(Question), zmq::send_flags::none);
  zmq::message_t Reply;
  (void)Req.recv(Reply, zmq::recv_flags::none);
  return Reply.to_string();
}
std::vector<std::string> askAll(zmq::socket_t &Req, const std::vector<std::string> &Questions) {
  std::vector<std::string> Answers;
  for (const std::string &Q : Questions)
    Answers.push_back(ask(Req, Q));
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'ask' costs one round trip{{.*}} [fallacy-chatty-loop]
  return Answers;
}

// Publishing every event on a PUB socket waits for no reply: not a round trip.
void publishAll(zmq::socket_t &Pub, const std::vector<std::string> &Events) {
  for (const std::string &E : Events)
    Pub.send(zmq::buffer(E), zmq::send_flags::none); // no-warning
}

// Pipelined: all requests out (DEALER), then the replies read in a second loop.
void pipelined(void *Dealer, const std::vector<std::string> &Skus, char *Buf) {
  for (const std::string &Sku : Skus)
    zmq_send(Dealer, Sku.data(), Sku.size(), 0); // no-warning
  for (size_t I = 0; I < Skus.size(); ++I)
    zmq_recv(Dealer, Buf, 256, 0); // no-warning
}
