// REQUIRES: httplib
// RUN: %check_fallacy %s fallacy-cross-host-timestamp %t -- -- %httplib_cflags -I%src_root/include
#include <ctime>
#include <fallacy/annotations.h>
#include <httplib.h>
#include <iomanip>
#include <sstream>
#include <string>

// Parses an RFC 7231 HTTP-date ("Sun, 06 Nov 1994 08:49:37 GMT").
time_t parseHttpDate(const std::string &Text) {
  std::tm Tm{};
  std::istringstream In(Text);
  In >> std::get_time(&Tm, "%a, %d %b %Y %H:%M:%S GMT");
  return timegm(&Tm);
}

// The same parser, marked: its result is a time from another host's clock.
FALLACY_REMOTE_CLOCK time_t parsePeerDate(const std::string &Text) { return parseHttpDate(Text); }

// Two mirrors' Date headers: which answered "later" depends on their clocks.
bool mirrorBFresher(httplib::Client &MirrorA, httplib::Client &MirrorB) {
  auto A = MirrorA.Get("/index.json");
  auto B = MirrorB.Get("/index.json");
  return A && B && B->get_header_value("Date") > A->get_header_value("Date");
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: ordering times from two hosts' clocks ('Date' and 'Date'): clock skew decides the result [fallacy-cross-host-timestamp]
}

// Last-Modified of two servers' copies compared for equality.
bool sameRevision(const httplib::Response &Primary, const httplib::Response &Mirror) {
  return Primary.get_header_value("Last-Modified") == Mirror.get_header_value("Last-Modified");
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: ordering times from two hosts' clocks ('Last-Modified' and 'Last-Modified'){{.*}}
}

// A server handler: the client's Date header against this host's clock,
// through a parser marked FALLACY_REMOTE_CLOCK.
void registerHandlers(httplib::Server &Srv) {
  Srv.Post("/upload", [](const httplib::Request &Req, httplib::Response &Res) {
    if (parsePeerDate(Req.get_header_value("Date")) + 300 < time(nullptr))
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: comparing 'parsePeerDate()', from a peer's clock, with this host's clock{{.*}}
      Res.status = 400;
  });
}

// Date and Expires of one response come from one server's clock.
bool cacheableFor(const httplib::Response &Res) {
  return Res.get_header_value("Expires") > Res.get_header_value("Date"); // no-warning
}

// Headers that are not times.
bool sameEntity(const httplib::Response &A, const httplib::Response &B) {
  return A.get_header_value("ETag") == B.get_header_value("ETag") && // no-warning
         A.get_header_value("Content-Length") == B.get_header_value("Content-Length");
}

// Only logged.
void logDate(const httplib::Response &Res) {
  std::printf("server date %s, local %ld\n", Res.get_header_value("Date").c_str(), (long)time(nullptr)); // no-warning
}

// Real code must parse an HTTP-date before comparing it with time(): the
// parser fills a std::tm through an out-parameter (get_time, strptime) and
// timegm() returns it, and that flow is not followed.
bool cachedCopyStaleKnownFalseNegative(const httplib::Response &Res) {
  return parseHttpDate(Res.get_header_value("Expires")) < time(nullptr); // no-warning
}

// Two responses from one httplib::Client come from one server, but each
// response is its own source.
bool changedSinceKnownFalsePositive(httplib::Client &Cli) {
  auto First = Cli.Get("/config");
  auto Second = Cli.Get("/config");
  return First && Second && First->get_header_value("Last-Modified") != Second->get_header_value("Last-Modified");
  // CHECK-MESSAGES: :[[@LINE-1]]:70: warning: ordering times from two hosts' clocks ('Last-Modified' and 'Last-Modified'){{.*}}
}
