// Inputs/cross-file/client.cpp: the network calls behind shop::Client; each bounds its own waits.
#include "client.h"
#include <httplib.h>
#include <string>

namespace shop {
namespace {
httplib::Client &conn() {
  static httplib::Client C("http://orders.internal");
  C.set_read_timeout(2, 0);
  return C;
}
} // namespace

bool Client::fetch(int Id) { return static_cast<bool>(conn().Get("/orders/" + std::to_string(Id))); }

bool Client::charge(int Cents) {
  return static_cast<bool>(conn().Post("/charges", std::to_string(Cents), "text/plain"));
}

std::error_code Client::sync(int Id) {
  if (conn().Put("/orders/" + std::to_string(Id), "", "text/plain"))
    return {};
  return std::make_error_code(std::errc::io_error);
}

int Client::localCount() const { return Count; }
} // namespace shop
