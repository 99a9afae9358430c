// examples/src/payments_client.cpp: charges through the payments HTTP API with libcurl.
#include "payments_client.h"

#include <curl/curl.h>

namespace gateway {

PaymentsClient::PaymentsClient(std::string Url) : BaseUrl(std::move(Url)), Handle(curl_easy_init()) {}

PaymentsClient::~PaymentsClient() { curl_easy_cleanup(static_cast<CURL *>(Handle)); }

bool PaymentsClient::charge(const std::string &OrderId, long Cents) {
  CURL *H = curl_easy_init();
  std::string Url = BaseUrl + "/v1/charges";
  std::string Body = "{\"order\":\"" + OrderId + "\",\"cents\":" + std::to_string(Cents) + "}";
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, Body.c_str());
  // Mistake: this bounds connecting only; a payments server that accepts the
  // connection and never answers hangs the checkout.
  curl_easy_setopt(H, CURLOPT_CONNECTTIMEOUT, 2L);
  CURLcode Rc = curl_easy_perform(H);
  curl_easy_cleanup(H);
  return Rc == CURLE_OK;
}

std::string PaymentsClient::status(const std::string &ChargeId) {
  CURL *H = curl_easy_init();
  std::string Url = BaseUrl + "/v1/charges/" + ChargeId;
  curl_easy_setopt(H, CURLOPT_URL, Url.c_str());
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 800L);
  CURLcode Rc = curl_easy_perform(H); // Fine: a total timeout is set.
  curl_easy_cleanup(H);
  return Rc == CURLE_OK ? "ok" : "unknown";
}

} // namespace gateway
