// RUN: %check_fallacy %s fallacy-missing-timeout %t -- -- -I%src_root/include
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ReportExplicitInfinite: true, fallacy-missing-timeout.ReportUnknownHandles: true}}" -- -I%src_root/include
#include <chrono>
#include <fallacy/annotations.h>
#include <string>

// A project's own RPC layer, marked with the annotations header.
namespace billing {
// A connection to the billing service.
struct Session {
  explicit Session(const char *Endpoint);
};
struct Invoice {
  std::string Id;
};

// The call's own timeout parameter decides.
FALLACY_BLOCKING_REMOTE Invoice fetchInvoice(const std::string &Id, FALLACY_TIMEOUT_MS int TimeoutMs);
// A defaulted timeout parameter: the default is what the call gets.
FALLACY_BLOCKING_REMOTE bool ping(FALLACY_TIMEOUT_MS long TimeoutMs = 0);
FALLACY_BLOCKING_REMOTE bool pingWithin(FALLACY_TIMEOUT_MS long TimeoutMs = 2000);
// An asynchronous call: the callback may never run.
FALLACY_ASYNC_REMOTE void fetchInvoiceAsync(const std::string &Id, void (*Done)(Invoice),
                                            FALLACY_TIMEOUT_MS int TimeoutMs);
// Calls judged by their session, which FALLACY_SETS_TIMEOUT functions configure.
FALLACY_BLOCKING_REMOTE Invoice charge(FALLACY_HANDLE Session &S, long Cents);
FALLACY_ASYNC_REMOTE void refund(const std::string &Id, FALLACY_HANDLE Session *S);
FALLACY_SETS_TIMEOUT void setDeadline(FALLACY_HANDLE Session &S, std::chrono::milliseconds Budget);
// Without FALLACY_HANDLE the first parameter is the handle.
FALLACY_SETS_TIMEOUT void setCallTimeout(Session *S, int Ms);
// A timeout parameter of a std::chrono type.
FALLACY_BLOCKING_REMOTE Invoice fetchLatest(FALLACY_TIMEOUT_MS std::chrono::milliseconds Budget);
// A remote method, and an override that does not repeat the marks.
class Ledger {
public:
  virtual ~Ledger();
  FALLACY_BLOCKING_REMOTE virtual bool post(const Invoice &I, FALLACY_TIMEOUT_MS int TimeoutMs) = 0;
};
class RemoteLedger : public Ledger {
public:
  bool post(const Invoice &I, int TimeoutMs) override;
};
} // namespace billing

using namespace billing;

// A timeout of 0 means none.
Invoice fetchNoTimeout(const std::string &Id) {
  return fetchInvoice(Id, 0);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'fetchInvoice' can block forever if the peer stops answering: its timeout means none [fallacy-missing-timeout]
}

// So does -1, also through a named constant.
Invoice fetchForever(const std::string &Id) {
  const int Forever = -1;
  return fetchInvoice(Id, Forever);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'fetchInvoice' {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// A defaulted timeout of 0 is as much "none" as a written one.
bool pingDefault() {
  return ping();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'ping' {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// A timeout over MaxTimeoutMs (300 s).
Invoice fetchSlowly(const std::string &Id) {
  return fetchInvoice(Id, 15 * 60 * 1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'fetchInvoice' can wait 900 s for a silent peer, over MaxTimeoutMs (300 s) [fallacy-missing-timeout]
}

// An asynchronous call with no timeout.
void fetchAsyncNoTimeout(const std::string &Id, void (*Done)(Invoice)) {
  fetchInvoiceAsync(Id, Done, 0);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:3: warning: 'fetchInvoiceAsync' can wait forever for its completion if the peer stops answering: its timeout means none [fallacy-missing-timeout]
}

// Methods are marked the same way; the call through the base class is judged.
bool postForever(Ledger &L, const Invoice &I) {
  return L.post(I, 0);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'post' {{.*}}: its timeout means none [fallacy-missing-timeout]
}

// A session that nothing configures.
Invoice chargeUnconfigured() {
  Session S{"billing.internal:7000"};
  return charge(S, 1299);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'charge' can block forever if the peer stops answering: no FALLACY_SETS_TIMEOUT call on handle 'S' [fallacy-missing-timeout]
}

// The deadline went on another session.
void refundOtherSession(const std::string &Id) {
  Session Primary{"billing-a.internal:7000"};
  Session Fallback{"billing-b.internal:7000"};
  setCallTimeout(&Primary, 500);
  refund(Id, &Fallback);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'refund' can wait forever for its completion {{.*}}: no FALLACY_SETS_TIMEOUT call on handle 'Fallback' [fallacy-missing-timeout]
}

// The deadline is set after the call.
Invoice chargeThenLimit(Session &S) {
  Invoice I = charge(S, 500);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'charge' {{.*}}: no FALLACY_SETS_TIMEOUT call on handle 'S' [fallacy-missing-timeout]
  setDeadline(S, std::chrono::milliseconds(300));
  return I;
}

// A member session that no method of its class configures.
class Checkout {
public:
  explicit Checkout(Session *S) : S(S) {}
  void pay(long Cents) {
    charge(*S, Cents);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'charge' {{.*}}: no FALLACY_SETS_TIMEOUT call on handle 'S' [fallacy-missing-timeout]
  }

private:
  Session *S;
};

// --- negatives ---------------------------------------------------------------

// A finite timeout argument.
Invoice fetchWithTimeout(const std::string &Id) {
  return fetchInvoice(Id, 800); // no-warning
}

// A timeout from the caller is not judged.
Invoice fetchCallerBudget(const std::string &Id, int BudgetMs) {
  return fetchInvoice(Id, BudgetMs); // no-warning
}

// A finite defaulted timeout.
bool pingDefaultFinite() {
  return pingWithin(); // no-warning
}

// A chrono timeout of a few milliseconds.
Invoice fetchLatestQuickly() {
  return fetchLatest(std::chrono::milliseconds(150)); // no-warning
}

// A FALLACY_SETS_TIMEOUT call on the same session first.
Invoice chargeConfigured(Session &S) {
  setDeadline(S, std::chrono::milliseconds(400));
  return charge(S, 1299); // no-warning
}

// The setter without FALLACY_HANDLE configures its first parameter.
void refundConfigured(const std::string &Id) {
  Session S{"billing.internal:7000"};
  setCallTimeout(&S, 250);
  refund(Id, &S); // no-warning
}

// A helper in this file that receives the session by reference configures it.
static void applyBudget(Session &S) { setDeadline(S, std::chrono::seconds(1)); }
Invoice chargeViaHelper(Session &S) {
  applyBudget(S);
  return charge(S, 100); // no-warning
}

// A factory in this file returns a configured session.
static Session *openConfigured() {
  auto *S = new Session("billing.internal:7000");
  setCallTimeout(S, 700);
  return S;
}
void refundViaFactory(const std::string &Id) {
  Session *S = openConfigured();
  refund(Id, S); // no-warning
}

// The constructor of the owning class configures the member session.
class TimedCheckout {
public:
  explicit TimedCheckout(Session *Shared) : S(Shared) { setCallTimeout(S, 1500); }
  void pay(long Cents) { charge(*S, Cents); } // no-warning

private:
  Session *S;
};

// An annotated wrapper is judged where it is called, not inside its own body.
FALLACY_BLOCKING_REMOTE Invoice chargeWithin(FALLACY_HANDLE Session &S, long Cents,
                                             FALLACY_TIMEOUT_MS int TimeoutMs) {
  return charge(S, Cents); // no-warning
}
Invoice useWrapper(Session &S) {
  return chargeWithin(S, 100, 500); // no-warning
}

// Unevaluated operands never run.
void unevaluated(Session &S) {
  using Result = decltype(charge(S, 1)); // no-warning
  static_assert(sizeof(fetchInvoice("x", 0)) > 0); // no-warning
}

// --- known gaps --------------------------------------------------------------

// The header says every negative timeout means none; the model knows 0 and -1.
Invoice fetchNegativeKnownFalseNegative(const std::string &Id) {
  return fetchInvoice(Id, -30); // no-warning
}

// A FALLACY_SETS_TIMEOUT call counts whatever value it passes, 0 included.
Invoice chargeZeroDeadlineKnownFalseNegative(Session &S) {
  setDeadline(S, std::chrono::milliseconds(0));
  return charge(S, 1); // no-warning
}

// A call through an override that does not repeat FALLACY_BLOCKING_REMOTE is
// not recognised: marks are read from the called declaration and its
// redeclarations, not from the methods it overrides.
bool postViaOverrideKnownFalseNegative(RemoteLedger &L, const Invoice &I) {
  return L.post(I, 0); // no-warning
}

// A zero std::chrono duration passed as FALLACY_TIMEOUT_MS means "none", like
// an integer 0.
Invoice fetchLatestZero() {
  return fetchLatest(std::chrono::milliseconds(0));
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'fetchLatest' can block forever if the peer stops answering: its timeout means none [fallacy-missing-timeout]
}
// A chrono duration's magnitude is not evaluated against MaxTimeoutMs: half
// an hour is not reported.
Invoice fetchLatestSlowKnownFalseNegative() {
  return fetchLatest(std::chrono::minutes(30)); // no-warning
}
