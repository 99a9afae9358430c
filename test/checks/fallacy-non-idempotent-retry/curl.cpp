// REQUIRES: libcurl
// RUN: %check_fallacy %s fallacy-non-idempotent-retry %t -- -- -std=c++17 %libcurl_cflags
// libcurl: the verb comes from the options set on the easy handle before the call.
#include <curl/curl.h>
#include <string>

std::string newUuid();        // a fresh UUID on every call
std::string nextRequestId(); // a fresh number from a counter on every call

// CURLOPT_POSTFIELDS makes the transfer a POST; retrying it posts twice.
void postFields(CURL *H) {
  curl_easy_setopt(H, CURLOPT_URL, "https://payments.internal/charges");
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "{\"cents\":1999}");
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (curl_easy_perform(H) == CURLE_OK)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'curl_easy_perform' can send the POST twice if the reply is lost: the retry sends it again [fallacy-non-idempotent-retry]
      break;
}

// CURLOPT_POST as well.
void postOption(CURL *H) {
  curl_easy_setopt(H, CURLOPT_POST, 1L);
  CURLcode Rc;
  do {
    Rc = curl_easy_perform(H);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'curl_easy_perform' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
  } while (Rc == CURLE_OPERATION_TIMEDOUT);
}

// CURLOPT_CUSTOMREQUEST "PATCH".
void customPatch(CURL *H) {
  curl_easy_setopt(H, CURLOPT_CUSTOMREQUEST, "PATCH");
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (curl_easy_perform(H) == CURLE_OK)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'curl_easy_perform' can send the PATCH twice{{.*}} [fallacy-non-idempotent-retry]
      return;
}

// CURLOPT_CUSTOMREQUEST "PUT" is idempotent.
void customPut(CURL *H) {
  curl_easy_setopt(H, CURLOPT_CUSTOMREQUEST, "PUT");
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (curl_easy_perform(H) == CURLE_OK) // no-warning
      return;
}

// "DELETE" set after POSTFIELDS: the last verb wins, and DELETE is idempotent.
void deleteAfterFields(CURL *H) {
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "reason=duplicate");
  curl_easy_setopt(H, CURLOPT_CUSTOMREQUEST, "DELETE");
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (curl_easy_perform(H) == CURLE_OK) // no-warning
      return;
}

// CURLOPT_HTTPGET after POSTFIELDS turns the handle back into a GET.
void getAfterPost(CURL *H) {
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "a=1");
  curl_easy_setopt(H, CURLOPT_HTTPGET, 1L);
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (curl_easy_perform(H) == CURLE_OK) // no-warning
      return;
}

// A plain GET.
void plainGet(CURL *H) {
  curl_easy_setopt(H, CURLOPT_URL, "https://payments.internal/charges/42");
  while (curl_easy_perform(H) != CURLE_OK) { // no-warning
  }
}

// POST set on another handle does not make this one a POST.
void postOnOtherHandle(CURL *H, CURL *Other) {
  curl_easy_setopt(Other, CURLOPT_POST, 1L);
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (curl_easy_perform(H) == CURLE_OK) // no-warning
      return;
}

// An Idempotency-Key header created once, before the retry: safe.
void keyCreatedOnce(CURL *H) {
  std::string Key = "Idempotency-Key: " + newUuid();
  curl_slist *Headers = curl_slist_append(nullptr, Key.c_str());
  curl_easy_setopt(H, CURLOPT_HTTPHEADER, Headers);
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "{\"cents\":1999}");
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (curl_easy_perform(H) == CURLE_OK) // no-warning
      break;
  curl_slist_free_all(Headers);
}

// A key created inside the loop is new on every attempt: no protection.
void keyCreatedPerAttempt(CURL *H) {
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "{\"cents\":1999}");
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    std::string Key = "Idempotency-Key: " + newUuid();
    curl_slist *Headers = curl_slist_append(nullptr, Key.c_str());
    curl_easy_setopt(H, CURLOPT_HTTPHEADER, Headers);
    CURLcode Rc = curl_easy_perform(H);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'curl_easy_perform' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
    curl_slist_free_all(Headers);
    if (Rc == CURLE_OK)
      return;
  }
}

// The same with the fresh key built in the argument.
void keyCreatedPerAttemptInline(CURL *H) {
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "{\"cents\":1999}");
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    curl_slist *Headers = curl_slist_append(nullptr, ("Idempotency-Key: " + newUuid()).c_str());
    curl_easy_setopt(H, CURLOPT_HTTPHEADER, Headers);
    if (curl_easy_perform(H) == CURLE_OK)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'curl_easy_perform' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
      return;
  }
}

// A header rebuilt in the loop from a key fixed before it is the same key.
void keyFixedRebuiltPerAttempt(CURL *H, const std::string &OrderId) {
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "{\"cents\":1999}");
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    std::string Key = "Idempotency-Key: " + OrderId;
    curl_slist *Headers = curl_slist_append(nullptr, Key.c_str());
    curl_easy_setopt(H, CURLOPT_HTTPHEADER, Headers);
    if (curl_easy_perform(H) == CURLE_OK) // no-warning
      return;
  }
}

// A POST made by a function of this file, retried by its caller.
static CURLcode postCharge(CURL *H) {
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "{\"cents\":1999}");
  return curl_easy_perform(H);
}
void retryWrapper(CURL *H) {
  while (postCharge(H) != CURLE_OK) {
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'postCharge' can send the POST twice{{.*}} [fallacy-non-idempotent-retry]
  }
}

// A key header for another handle, created before the loop, protects nothing;
// any literal naming the header before the loop is taken for this request's key.
void keyOnOtherHandleKnownFalseNegative(CURL *H, CURL *Audit) {
  curl_slist *AuditHeaders = curl_slist_append(nullptr, "Idempotency-Key: audit-1");
  curl_easy_setopt(Audit, CURLOPT_HTTPHEADER, AuditHeaders);
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "{\"cents\":1999}");
  for (int Attempt = 0; Attempt < 3; ++Attempt)
    if (curl_easy_perform(H) == CURLE_OK) // no-warning
      return;
}

// A key made fresh in the loop by a function whose name does not say so
// (no uuid, random, generate, nonce...) is taken for a stable key.
void freshKeyUnrecognisedKnownFalseNegative(CURL *H) {
  curl_easy_setopt(H, CURLOPT_POSTFIELDS, "{\"cents\":1999}");
  for (int Attempt = 0; Attempt < 3; ++Attempt) {
    std::string Key = "Idempotency-Key: " + nextRequestId();
    curl_slist *Headers = curl_slist_append(nullptr, Key.c_str());
    curl_easy_setopt(H, CURLOPT_HTTPHEADER, Headers);
    if (curl_easy_perform(H) == CURLE_OK) // no-warning
      return;
  }
}
