// REQUIRES: boost
// RUN: %check_fallacy %s fallacy-unbounded-retry %t -- -- -std=c++17 %boost_cflags
// Boost.Beast: results as exceptions or as error_code out-parameters.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace beast = boost::beast;
namespace http = beast::http;

// Exceptions caught inside the loop retry the request forever.
void writeUntilNoThrow(beast::tcp_stream &S, const http::request<http::string_body> &Req) {
  while (true) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this retry loop can run forever: no attempt limit and no deadline stop it while the peer is down [fallacy-unbounded-retry]
    try {
      http::write(S, Req);
      return;
    } catch (const beast::system_error &) {
    }
  }
}

// The same, bounded.
void writeThreeTimes(beast::tcp_stream &S, const http::request<http::string_body> &Req) {
  for (int Attempt = 0; Attempt < 3; ++Attempt) { // no-warning
    try {
      http::write(S, Req);
      return;
    } catch (const beast::system_error &) {
    }
  }
}

// The error_code overload reports through an out-parameter, which is not
// tracked: this endless retry goes unseen.
void writeUntilNoErrorKnownFalseNegative(beast::tcp_stream &S,
                                         const http::request<http::string_body> &Req) {
  beast::error_code Ec;
  do {
    http::write(S, Req, Ec);
  } while (Ec); // no-warning
}
