// examples/src/payments_client.h: the order gateway's client of the payments HTTP API.
#pragma once

#include <string>

namespace gateway {

class PaymentsClient {
public:
  explicit PaymentsClient(std::string BaseUrl);
  ~PaymentsClient();
  bool charge(const std::string &OrderId, long Cents);
  std::string status(const std::string &ChargeId);

private:
  std::string BaseUrl;
  void *Handle; // CURL *, kept opaque for the header's users.
};

} // namespace gateway
