// REQUIRES: httplib
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %httplib_cflags -DCPPHTTPLIB_OPENSSL_SUPPORT
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %httplib_cflags -DCPPHTTPLIB_OPENSSL_SUPPORT
// RUN: %check_fallacy -check-suffix=LOW %s fallacy-missing-timeout %t -- --config="{CheckOptions: {fallacy-missing-timeout.MaxTimeoutMs: 1000, fallacy-missing-timeout.ReportExplicitInfinite: true}}" -- %httplib_cflags -DCPPHTTPLIB_OPENSSL_SUPPORT
// RUN: %check_fallacy -check-suffix=RAISED %s fallacy-missing-timeout %t -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true}}" -- %httplib_cflags -DCPPHTTPLIB_OPENSSL_SUPPORT -DRAISE_READ_DEFAULT

// Three runs: the installed defaults (5 s read timeout, MaxTimeoutMs 300 s);
// MaxTimeoutMs lowered to 1 s (LOW), so the 5 s default is over it; and a
// build that raises the default read timeout before the include (RAISED).
#ifdef RAISE_READ_DEFAULT
#define CPPHTTPLIB_READ_TIMEOUT_SECOND 600
#endif
#include <chrono>
#include <httplib.h>
#include <memory>
#include <string>

// --- the library's default ----------------------------------------------------

// No timeout set: the 5 s default bounds the read, unless it exceeds the maximum.
std::string defaultTimeout() {
  httplib::Client Cli("http://inventory.internal:8080");
  auto Res = Cli.Get("/health"); // no-warning in the default run
  // CHECK-MESSAGES-LOW: :[[@LINE-1]]:14: warning: 'Get' can wait 5 s for a silent peer, over MaxTimeoutMs (1 s): the library's default [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-2]]:14: warning: 'Get' can wait 600 s for a silent peer, over MaxTimeoutMs (300 s): the library's default [fallacy-missing-timeout]
  return Res ? Res->body : "";
}

// The same default applies to SSLClient.
void defaultTimeoutTls() {
  httplib::SSLClient Cli("inventory.internal", 8443);
  Cli.Delete("/reservations/42"); // no-warning in the default run
  // CHECK-MESSAGES-LOW: :[[@LINE-1]]:3: warning: 'Delete' can wait 5 s {{.*}}: the library's default [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-2]]:3: warning: 'Delete' can wait 600 s {{.*}}: the library's default [fallacy-missing-timeout]
}

// A 0 on another client does not leak into this one, which keeps the default.
void zeroOnAnotherClient() {
  httplib::Client Broken("http://legacy.internal");
  httplib::Client Fine("http://inventory.internal");
  Broken.set_read_timeout(0, 0);
  Fine.Get("/stock"); // no-warning in the default run
  // CHECK-MESSAGES-LOW: :[[@LINE-1]]:3: warning: 'Get' can wait 5 s {{.*}}: the library's default [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-2]]:3: warning: 'Get' can wait 600 s {{.*}}: the library's default [fallacy-missing-timeout]
}

// A short timeout set only after the call: the call itself ran on the default.
void setAfterTheCall() {
  httplib::Client Cli("http://inventory.internal");
  Cli.Head("/stock"); // no-warning in the default run
  // CHECK-MESSAGES-LOW: :[[@LINE-1]]:3: warning: 'Head' can wait 5 s {{.*}}: the library's default [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-2]]:3: warning: 'Head' can wait 600 s {{.*}}: the library's default [fallacy-missing-timeout]
  Cli.set_read_timeout(std::chrono::milliseconds(500));
}

// A connect timeout does not change the read timeout, which keeps the default.
void connectTimeoutOnly() {
  httplib::Client Cli("http://inventory.internal");
  Cli.set_connection_timeout(std::chrono::milliseconds(300));
  Cli.Options("/stock"); // no-warning in the default run
  // CHECK-MESSAGES-LOW: :[[@LINE-1]]:3: warning: 'Options' can wait 5 s {{.*}}: the library's default [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-2]]:3: warning: 'Options' can wait 600 s {{.*}}: the library's default [fallacy-missing-timeout]
}

// --- explicit values that mean no timeout, or too long a one --------------------

// 0 is reported: poll() is handed a zero wait, not a limit.
void zeroReadTimeout() {
  httplib::Client Cli("http://inventory.internal");
  Cli.set_read_timeout(0, 0);
  Cli.Get("/stock");
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'Get' can block forever if the peer stops answering: the timeout on client 'Cli' means none [fallacy-missing-timeout]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-3]]:3: warning: {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
}

// A negative value makes Debian's poll()-based build wait forever.
void negativeReadTimeout() {
  httplib::Client Cli("http://inventory.internal");
  Cli.set_read_timeout(-1, 0);
  Cli.Put("/stock/7", "{\"count\": 3}", "application/json");
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'Put' can block forever {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-3]]:3: warning: {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
}

// A zero std::chrono duration is the same 0, on a client held by unique_ptr.
void zeroDuration() {
  auto Cli = std::make_unique<httplib::Client>("http://inventory.internal");
  Cli->set_read_timeout(std::chrono::seconds{0});
  Cli->Post("/orders", "{}", "application/json");
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'Post' can block forever {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-3]]:3: warning: {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
}

// Over MaxTimeoutMs in seconds, on an SSLClient.
void tooLongSeconds() {
  httplib::SSLClient Cli("inventory.internal");
  Cli.set_read_timeout(600, 0);
  Cli.Get("/export");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Get' can wait 600 s for a silent peer, over MaxTimeoutMs (300 s) [fallacy-missing-timeout]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: 'Get' can wait 600 s for a silent peer, over MaxTimeoutMs (1 s) [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-3]]:3: warning: 'Get' can wait 600 s {{.*}} [fallacy-missing-timeout]
}

// Over MaxTimeoutMs as a named std::chrono constant.
void tooLongDurationConstant() {
  const std::chrono::minutes Patience{10};
  httplib::Client Cli("http://reports.internal");
  Cli.set_read_timeout(Patience);
  Cli.Get("/quarterly");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Get' can wait 600 s {{.*}} [fallacy-missing-timeout]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: 'Get' can wait 600 s {{.*}} [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-3]]:3: warning: 'Get' can wait 600 s {{.*}} [fallacy-missing-timeout]
}

// A short timeout on another client does not shorten this one's long timeout.
void longTimeoutBesideShortOne() {
  httplib::Client Fast("http://cache.internal");
  httplib::Client Slow("http://archive.internal");
  Fast.set_read_timeout(1, 0);
  Slow.set_read_timeout(900, 0);
  Slow.Get("/blob/9");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Get' can wait 900 s {{.*}} [fallacy-missing-timeout]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: 'Get' can wait 900 s {{.*}} [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-3]]:3: warning: 'Get' can wait 900 s {{.*}} [fallacy-missing-timeout]
}

// 2 s is within the default maximum but over a maximum lowered to 1 s.
void overLoweredMaximum() {
  httplib::Client Cli("http://inventory.internal");
  Cli.set_read_timeout(2, 0);
  Cli.Patch("/stock/7", "{\"count\": 2}", "application/json"); // no-warning in the default run
  // CHECK-MESSAGES-LOW: :[[@LINE-1]]:3: warning: 'Patch' can wait 2 s for a silent peer, over MaxTimeoutMs (1 s) [fallacy-missing-timeout]
}

// --- a timeout that reaches the call --------------------------------------------

// A short explicit timeout, in seconds.
void shortSeconds() {
  httplib::Client Cli("http://inventory.internal");
  Cli.set_read_timeout(1, 0);
  Cli.Get("/stock"); // no-warning
}

// A short std::chrono timeout.
void shortDuration() {
  httplib::SSLClient Cli("inventory.internal");
  Cli.set_read_timeout(std::chrono::milliseconds(800));
  Cli.Get("/stock"); // no-warning
}

// Set in a helper that takes the client by reference.
static void applyReadTimeout(httplib::Client &C) { C.set_read_timeout(std::chrono::milliseconds(750)); }
void viaReferenceHelper() {
  httplib::Client Cli("http://inventory.internal");
  applyReadTimeout(Cli);
  Cli.Get("/stock"); // no-warning
}

// Set in a helper that takes the client by pointer.
static void tune(httplib::Client *C) { C->set_read_timeout(1, 0); }
void viaPointerHelper() {
  httplib::Client Cli("http://inventory.internal");
  tune(&Cli);
  Cli.Get("/stock"); // no-warning
}

// A factory that returns a configured client.
static std::unique_ptr<httplib::Client> makeInventoryClient() {
  auto C = std::make_unique<httplib::Client>("http://inventory.internal");
  C->set_read_timeout(std::chrono::milliseconds(900));
  return C;
}
void viaFactory() {
  auto Cli = makeInventoryClient();
  Cli->Get("/stock"); // no-warning
}

// The constructor of the class that owns the client sets the timeout.
class InventoryGateway {
public:
  InventoryGateway() : Http("http://inventory.internal") { Http.set_read_timeout(1, 0); }
  bool reserve(int Id) { return Http.Post("/reserve/" + std::to_string(Id)) != nullptr; } // no-warning

private:
  httplib::Client Http;
};

// A setup method of the class, on a path that runs before the requests.
class LazyGateway {
public:
  void open(const std::string &Url) {
    Http = std::make_unique<httplib::Client>(Url);
    Http->set_read_timeout(std::chrono::milliseconds(600));
  }
  void ping() { Http->Get("/ping"); } // no-warning

private:
  std::unique_ptr<httplib::Client> Http;
};

// The only caller in this file configures the client it passes.
static void fetchStock(httplib::Client &C) { C.Get("/stock"); } // no-warning
void callerConfigures() {
  httplib::Client Cli("http://inventory.internal");
  Cli.set_read_timeout(1, 0);
  fetchStock(Cli);
}

// A timeout set on one branch of a condition still reaches the call.
void conditionalTimeout(bool Interactive) {
  httplib::Client Cli("http://inventory.internal");
  if (Interactive)
    Cli.set_read_timeout(std::chrono::milliseconds(250));
  Cli.Get("/stock"); // no-warning
}

// Unevaluated operands never run, even on a client whose timeout means none.
void unevaluated() {
  httplib::Client Cli("http://inventory.internal");
  Cli.set_read_timeout(0, 0);
  using Result = decltype(Cli.Get("/stock")); // no-warning
  (void)sizeof(Cli.Get("/stock")); // no-warning
}

// --- known gaps -------------------------------------------------------------------

// KnownFalsePositive: 0 s plus 500000 us is half a second, but only the
// seconds argument is read.
void halfSecondKnownFalsePositive() {
  httplib::Client Cli("http://inventory.internal");
  Cli.set_read_timeout(0, 500000);
  Cli.Get("/stock");
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-3]]:3: warning: {{.*}} the timeout on client 'Cli' means none [fallacy-missing-timeout]
}

// A duration written as a functional cast is evaluated like the braced form:
// 10 minutes is over MaxTimeoutMs.
void durationCastOverMaximum() {
  httplib::Client Cli("http://reports.internal");
  Cli.set_read_timeout(std::chrono::minutes(10));
  Cli.Get("/quarterly");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Get' can wait 600 s for a silent peer, over MaxTimeoutMs (300 s) [fallacy-missing-timeout]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:3: warning: 'Get' can wait 600 s for a silent peer, over MaxTimeoutMs (1 s) [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-3]]:3: warning: 'Get' can wait 600 s for a silent peer, over MaxTimeoutMs (300 s) [fallacy-missing-timeout]
}

// KnownFalseNegative: a 0 set after the call in a loop body reaches the next
// iteration, but only statements before the call in the body are looked at.
void zeroSetLaterInLoopKnownFalseNegative(int Pages) {
  httplib::Client Cli("http://inventory.internal");
  for (int I = 0; I < Pages; ++I) {
    Cli.Get("/stock?page=" + std::to_string(I)); // no-warning in the default run
    // CHECK-MESSAGES-LOW: :[[@LINE-1]]:5: warning: 'Get' can wait 5 s {{.*}}: the library's default [fallacy-missing-timeout]
    // CHECK-MESSAGES-RAISED: :[[@LINE-2]]:5: warning: 'Get' can wait 600 s {{.*}}: the library's default [fallacy-missing-timeout]
    Cli.set_read_timeout(0, 0);
  }
}

// KnownFalseNegative: a 0 set in a helper is not carried to the call; the
// default is assumed instead.
static void disableReadTimeout(httplib::Client &C) { C.set_read_timeout(0, 0); }
void zeroInHelperKnownFalseNegative() {
  httplib::Client Cli("http://inventory.internal");
  disableReadTimeout(Cli);
  Cli.Get("/stock"); // no-warning in the default run
  // CHECK-MESSAGES-LOW: :[[@LINE-1]]:3: warning: 'Get' can wait 5 s {{.*}}: the library's default [fallacy-missing-timeout]
  // CHECK-MESSAGES-RAISED: :[[@LINE-2]]:3: warning: 'Get' can wait 600 s {{.*}}: the library's default [fallacy-missing-timeout]
}

// KnownFalseNegative: a later 0 overrides an earlier short timeout, but any
// timeout on a path before the call counts as set.
void overriddenByZeroKnownFalseNegative() {
  httplib::Client Cli("http://inventory.internal");
  Cli.set_read_timeout(1, 0);
  Cli.set_read_timeout(0, 0);
  Cli.Get("/stock"); // no-warning
}
