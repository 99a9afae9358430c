// Inputs/cross-file/client.h: the project's own client; its bodies are in client.cpp.
#pragma once
#include <system_error>

namespace shop {
class Client {
public:
  bool fetch(int Id);              // GET: idempotent.
  bool charge(int Cents);          // POST: runs twice if repeated.
  std::error_code sync(int Id);    // PUT; an error_code is true when it failed.
  int localCount() const;          // Stays on this host.
private:
  int Count = 0;
};
} // namespace shop
