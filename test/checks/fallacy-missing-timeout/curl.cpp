// REQUIRES: libcurl
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %libcurl_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %libcurl_cflags
#include <curl/curl.h>

// A handle with no CURLOPT_TIMEOUT* can hang on a silent peer; the fix sets one.
void noTimeout() {
  CURL *H = curl_easy_init();
  curl_easy_perform(H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' can block forever if the peer stops answering: no total timeout on easy handle 'H' [fallacy-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES-NEXT: curl_easy_perform(H);
}

// 0 means "no timeout" to libcurl.
void zeroTimeout() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_TIMEOUT, 0L);
  curl_easy_perform(H);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'curl_easy_perform' can block forever if the peer stops answering: the timeout on easy handle 'H' means none [fallacy-missing-timeout]
}

// The same through the millisecond option and a named constant.
void zeroTimeoutMsConstant() {
  const long NoLimit = 0;
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, NoLimit);
  curl_easy_perform(H);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: {{.*}} the timeout on easy handle 'H' means none [fallacy-missing-timeout]
}

// CURLOPT_CONNECTTIMEOUT bounds connecting only; the transfer can still hang.
void connectTimeoutOnly() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_CONNECTTIMEOUT_MS, 500L);
  curl_easy_perform(H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' can block forever once connected: easy handle 'H' has only a connect timeout [fallacy-missing-timeout]
}

// A timeout set after the call does not help the call.
void setAfterTheCall() {
  CURL *H = curl_easy_init();
  curl_easy_perform(H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}} no total timeout on easy handle 'H' [fallacy-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
  curl_easy_setopt(H, CURLOPT_TIMEOUT, 5L);
}

// In a loop, a timeout set after the call leaves the first iteration unbounded.
void setLaterInLoop(int N) {
  CURL *H = curl_easy_init();
  for (int I = 0; I < N; ++I) {
    curl_easy_perform(H);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: {{.*}} no total timeout on easy handle 'H' [fallacy-missing-timeout]
    // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
    curl_easy_setopt(H, CURLOPT_TIMEOUT, 5L);
  }
}

// A timeout on another handle does not reach this one.
void otherHandle() {
  CURL *Configured = curl_easy_init();
  CURL *Used = curl_easy_init();
  curl_easy_setopt(Configured, CURLOPT_TIMEOUT, 3L);
  curl_easy_perform(Used);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}} no total timeout on easy handle 'Used' [fallacy-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(Used, CURLOPT_TIMEOUT_MS, 30000L);
}

// A helper that sets other options is not a timeout.
static void setUrl(CURL *H) { curl_easy_setopt(H, CURLOPT_URL, "http://inventory.internal/"); }
void helperWithoutTimeout() {
  CURL *H = curl_easy_init();
  setUrl(H);
  curl_easy_perform(H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}} no total timeout on easy handle 'H' [fallacy-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
}

// A handle from the caller, and no caller in this file configures it.
void fetchFromCaller(CURL *H) {
  curl_easy_perform(H);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: {{.*}} no total timeout on easy handle 'H' [fallacy-missing-timeout]
  // CHECK-FIXES-REPORT: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES-REPORT-NEXT: curl_easy_perform(H);
}

// A member handle that no method of its class configures.
class PlainClient {
public:
  PlainClient() : Handle(curl_easy_init()) {}
  void get() {
    curl_easy_perform(Handle);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: {{.*}} no total timeout on easy handle 'Handle' [fallacy-missing-timeout]
    // CHECK-FIXES: curl_easy_setopt(Handle, CURLOPT_TIMEOUT_MS, 30000L);
  }

private:
  CURL *Handle;
};

// --- negatives ---------------------------------------------------------------

// A total timeout set earlier on the same handle is enough.
void withTimeoutMs() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 2000L);
  curl_easy_perform(H); // no-warning
}

// Seconds work as well as milliseconds, and a connect timeout may come too.
void withTimeoutAndConnectTimeout() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_CONNECTTIMEOUT, 1L);
  curl_easy_setopt(H, CURLOPT_TIMEOUT, 10L);
  curl_easy_perform(H); // no-warning
}

// A helper in this file that receives the handle and sets the timeout.
static void applyTimeouts(CURL *H, long Ms) { curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, Ms); }
void viaHelper() {
  CURL *H = curl_easy_init();
  applyTimeouts(H, 1500);
  curl_easy_perform(H); // no-warning
}

// A factory that returns a configured handle.
static CURL *makeHandle() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_TIMEOUT, 3L);
  return H;
}
void viaFactory() {
  CURL *H = makeHandle();
  curl_easy_perform(H); // no-warning
}

// The constructor of the class that owns the handle sets the timeout.
class Client {
public:
  Client() : Handle(curl_easy_init()) { curl_easy_setopt(Handle, CURLOPT_TIMEOUT_MS, 800L); }
  void get() { curl_easy_perform(Handle); } // no-warning

private:
  CURL *Handle;
};

// A setup method of the class, on a path that runs before the transfers.
class LazyClient {
public:
  void connect() {
    Handle = curl_easy_init();
    curl_easy_setopt(Handle, CURLOPT_TIMEOUT, 4L);
  }
  void get() { curl_easy_perform(Handle); } // no-warning

private:
  CURL *Handle = nullptr;
};

// A helper defined in another file may set it: not ours to guess.
void configureFromFlags(CURL *H);
void viaOpaqueHelper() {
  CURL *H = curl_easy_init();
  configureFromFlags(H);
  curl_easy_perform(H); // no-warning
}

// The only caller in this file configures what it passes.
static void performConfigured(CURL *H) { curl_easy_perform(H); } // no-warning
void callerConfigures() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_TIMEOUT, 2L);
  performConfigured(H);
}

// A lambda using a handle its enclosing function configured.
void lambdaCapture() {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_TIMEOUT, 2L);
  auto Run = [&] { return curl_easy_perform(H); }; // no-warning
  Run();
}

// A timeout set on one branch of a condition still reaches the call.
void conditionalTimeout(long Ms) {
  CURL *H = curl_easy_init();
  if (Ms > 0)
    curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, Ms);
  curl_easy_perform(H); // no-warning
}

// Unevaluated operands never run.
void unevaluated() {
  CURL *H = curl_easy_init();
  (void)sizeof(curl_easy_perform(H)); // no-warning
  using Result = decltype(curl_easy_perform(H)); // no-warning
}
