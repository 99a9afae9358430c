// REQUIRES: boost
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 %boost_cflags
// Boost.Beast: the verb of the request object written by http::write.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;

std::string newUuid(); // a fresh UUID on every call

// A request constructed with verb::post, written again after an exception.
void postRetried(beast::tcp_stream &S) {
  http::request<http::string_body> Req{http::verb::post, "/charges", 11};
  Req.body() = "{\"cents\":1999}";
  Req.prepare_payload();
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      http::write(S, Req);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' can send the POST twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
      return;
    } catch (const beast::system_error &) {
    }
  }
}

// The verb set with method(verb::patch).
void patchRetried(beast::tcp_stream &S) {
  http::request<http::string_body> Req;
  Req.method(http::verb::patch);
  Req.target("/carts/7");
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      http::write(S, Req);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' can send the PATCH twice{{.*}} [fallacy-non-idempotent-retry]
      return;
    } catch (const beast::system_error &) {
    }
  }
}

// A GET request.
void getRetried(beast::tcp_stream &S) {
  http::request<http::empty_body> Req{http::verb::get, "/carts/7", 11};
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      http::write(S, Req); // no-warning
      return;
    } catch (const beast::system_error &) {
    }
  }
}

// A PUT request.
void putRetried(beast::tcp_stream &S) {
  http::request<http::string_body> Req{http::verb::put, "/carts/7", 11};
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      http::write(S, Req); // no-warning
      return;
    } catch (const beast::system_error &) {
    }
  }
}

// An Idempotency-Key set once on the request, before the retry.
void postWithKey(beast::tcp_stream &S) {
  http::request<http::string_body> Req{http::verb::post, "/charges", 11};
  Req.set("Idempotency-Key", newUuid());
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    try {
      http::write(S, Req); // no-warning
      return;
    } catch (const beast::system_error &) {
    }
  }
}

// The key replaced by a fresh one on every attempt.
void postWithKeyPerAttempt(beast::tcp_stream &S) {
  http::request<http::string_body> Req{http::verb::post, "/charges", 11};
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    Req.set("Idempotency-Key", newUuid());
    try {
      http::write(S, Req);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
      return;
    } catch (const beast::system_error &) {
    }
  }
}

// The error_code overload: its result is an out-parameter, which is not
// tracked, so this retried POST is not recognised as a retry.
void postErrorCodeKnownFalseNegative(beast::tcp_stream &S) {
  http::request<http::string_body> Req{http::verb::post, "/charges", 11};
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    beast::error_code Ec;
    http::write(S, Req, Ec); // no-warning
    if (!Ec)
      return;
  }
}
