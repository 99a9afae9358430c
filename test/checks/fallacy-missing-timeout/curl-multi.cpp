// REQUIRES: libcurl
// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- %libcurl_cflags
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- %libcurl_cflags
#include <curl/curl.h>
#include <vector>

// A transfer added without CURLOPT_TIMEOUT* can stall forever inside the multi handle.
void addWithoutTimeout(CURLM *Multi) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_URL, "http://inventory.internal/items");
  curl_multi_add_handle(Multi, H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_multi_add_handle' can wait forever for its completion if the peer stops answering: no total timeout on easy handle 'H' [fallacy-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
  // CHECK-FIXES-NEXT: curl_multi_add_handle(Multi, H);
}

// A connect timeout bounds connecting only.
void addWithConnectTimeoutOnly(CURLM *Multi) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_CONNECTTIMEOUT, 2L);
  curl_multi_add_handle(Multi, H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_multi_add_handle' can block forever once connected: easy handle 'H' has only a connect timeout [fallacy-missing-timeout]
}

// CURLOPT_TIMEOUT_MS 0 means no timeout.
void addWithZeroTimeout(CURLM *Multi) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 0L);
  curl_multi_add_handle(Multi, H);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'curl_multi_add_handle' {{.*}}: the timeout on easy handle 'H' means none [fallacy-missing-timeout]
}

// The timeout went on another easy handle of the batch.
void addOtherHandle(CURLM *Multi) {
  CURL *Items = curl_easy_init();
  CURL *Prices = curl_easy_init();
  curl_easy_setopt(Items, CURLOPT_TIMEOUT, 5L);
  curl_multi_add_handle(Multi, Items); // no-warning
  curl_multi_add_handle(Multi, Prices);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_multi_add_handle' {{.*}}: no total timeout on easy handle 'Prices' [fallacy-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(Prices, CURLOPT_TIMEOUT_MS, 30000L);
}

// Setting the timeout after the transfer was added is too late for it.
void timeoutAfterAdd(CURLM *Multi) {
  CURL *H = curl_easy_init();
  curl_multi_add_handle(Multi, H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_multi_add_handle' {{.*}}: no total timeout on easy handle 'H' [fallacy-missing-timeout]
  // CHECK-FIXES: curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 30000L);
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 800L);
}

// An hour-long transfer timeout is over MaxTimeoutMs (300 s).
void addWithHourTimeout(CURLM *Multi) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_TIMEOUT, 3600L);
  curl_multi_add_handle(Multi, H);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_multi_add_handle' can wait 3600 s for a silent peer, over MaxTimeoutMs (300 s) [fallacy-missing-timeout]
}

// An easy handle owned by a class that never configures it.
class Downloader {
public:
  explicit Downloader(CURLM *Multi) : Multi(Multi), Easy(curl_easy_init()) {}
  void start() {
    curl_multi_add_handle(Multi, Easy);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_multi_add_handle' {{.*}}: no total timeout on easy handle 'Easy' [fallacy-missing-timeout]
    // CHECK-FIXES: curl_easy_setopt(Easy, CURLOPT_TIMEOUT_MS, 30000L);
  }

private:
  CURLM *Multi;
  CURL *Easy;
};

// A wait of ten minutes is over MaxTimeoutMs (300 s).
void pollTooLong(CURLM *Multi) {
  int Running = 1;
  while (Running) {
    curl_multi_perform(Multi, &Running);
    curl_multi_poll(Multi, nullptr, 0, 600000, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_multi_poll' can wait 600 s for a silent peer, over MaxTimeoutMs (300 s) [fallacy-missing-timeout]
  }
}

// The same for curl_multi_wait, with the timeout in a named constant.
void waitTooLong(CURLM *Multi) {
  const int WaitMs = 3600 * 1000;
  int Ready = 0;
  curl_multi_wait(Multi, nullptr, 0, WaitMs, &Ready);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_multi_wait' can wait 3600 s for a silent peer, over MaxTimeoutMs (300 s) [fallacy-missing-timeout]
}

// --- negatives ---------------------------------------------------------------

// A total timeout set earlier on the same easy handle.
void addWithTimeout(CURLM *Multi) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_URL, "http://inventory.internal/items");
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 1500L);
  curl_multi_add_handle(Multi, H); // no-warning
}

// A helper in this file that receives the handle and sets the timeout.
static void limitTransfer(CURL *H) { curl_easy_setopt(H, CURLOPT_TIMEOUT, 10L); }
void addViaHelper(CURLM *Multi) {
  CURL *H = curl_easy_init();
  limitTransfer(H);
  curl_multi_add_handle(Multi, H); // no-warning
}

// A factory in this file returns a configured easy handle.
static CURL *makeTransfer(const char *Url) {
  CURL *H = curl_easy_init();
  curl_easy_setopt(H, CURLOPT_URL, Url);
  curl_easy_setopt(H, CURLOPT_TIMEOUT_MS, 2000L);
  return H;
}
void addFromFactory(CURLM *Multi) {
  curl_multi_add_handle(Multi, makeTransfer("http://inventory.internal/a")); // no-warning
  CURL *B = makeTransfer("http://inventory.internal/b");
  curl_multi_add_handle(Multi, B); // no-warning
}

// Handles in a container, each configured in the loop that adds it.
void addBatch(CURLM *Multi, const std::vector<const char *> &Urls) {
  for (const char *Url : Urls) {
    CURL *H = curl_easy_init();
    curl_easy_setopt(H, CURLOPT_URL, Url);
    curl_easy_setopt(H, CURLOPT_TIMEOUT, 3L);
    curl_multi_add_handle(Multi, H); // no-warning
  }
}

// The constructor of the owning class configures the easy handle.
class TimedDownloader {
public:
  explicit TimedDownloader(CURLM *Multi) : Multi(Multi), Easy(curl_easy_init()) {
    curl_easy_setopt(Easy, CURLOPT_TIMEOUT_MS, 5000L);
  }
  void start() { curl_multi_add_handle(Multi, Easy); } // no-warning

private:
  CURLM *Multi;
  CURL *Easy;
};

// A wait of one second, the common loop.
void pollOneSecond(CURLM *Multi) {
  int Running = 1;
  while (Running) {
    curl_multi_perform(Multi, &Running);
    curl_multi_poll(Multi, nullptr, 0, 1000, nullptr); // no-warning
  }
}

// curl_multi_wait with 0 returns at once; a constant of 250 ms is fine too.
void waitShort(CURLM *Multi) {
  constexpr int TickMs = 250;
  int Ready = 0;
  curl_multi_wait(Multi, nullptr, 0, 0, &Ready);      // no-warning
  curl_multi_wait(Multi, nullptr, 0, TickMs, &Ready); // no-warning
}

// A timeout computed at run time (curl_multi_timeout's answer) is not judged.
void pollComputed(CURLM *Multi) {
  long Suggested = -1;
  curl_multi_timeout(Multi, &Suggested);
  curl_multi_poll(Multi, nullptr, 0, Suggested < 0 ? 1000 : static_cast<int>(Suggested),
                  nullptr); // no-warning
}

// Unevaluated operands never run.
void unevaluated(CURLM *Multi, CURL *H) {
  static_assert(sizeof(curl_multi_add_handle(Multi, H)) == sizeof(CURLMcode)); // no-warning
  using Code = decltype(curl_multi_poll(Multi, nullptr, 0, 3600000, nullptr));  // no-warning
}

// --- known gaps --------------------------------------------------------------

// A duplicate copies the original's options, but whether the original had a
// timeout is not followed: the duplicate is never judged.
void duplicateKnownFalseNegative(CURLM *Multi) {
  CURL *Template = curl_easy_init();
  CURL *Copy = curl_easy_duphandle(Template);
  curl_multi_add_handle(Multi, Copy); // no-warning
}
