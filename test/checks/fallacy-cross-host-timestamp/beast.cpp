// REQUIRES: boost
// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- %boost_cflags
#include <boost/beast/http.hpp>

namespace http = boost::beast::http;
using Response = http::response<http::string_body>;

// Last-Modified of two servers' responses, by field enum.
bool sameRevision(const Response &Primary, const Response &Mirror) {
  return Primary.at(http::field::last_modified) == Mirror.at(http::field::last_modified);
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: ordering times from two hosts' clocks ('last_modified' and 'last_modified'): clock skew decides the result [fallacy-cross-host-timestamp]
}

// Date of two responses, by name.
bool answeredLater(const Response &A, const Response &B) {
  return B.at("Date") > A.at("Date");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: ordering times from two hosts' clocks ('Date' and 'Date'){{.*}}
}

// Date and Expires of one response: one server's clock.
bool expiresAfterDate(const Response &Res) {
  return Res.at(http::field::expires) > Res.at(http::field::date); // no-warning
}

// Fields that are not times.
bool sameEntity(const Response &A, const Response &B) {
  return A.at(http::field::etag) == B.at(http::field::etag); // no-warning
}

// res[http::field::date]: operator[] reads a field like at().
bool subscript(const Response &A, const Response &B) {
  return A[http::field::date] != B[http::field::date];
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: ordering times from two hosts' clocks ('date' and 'date'){{.*}}
}
