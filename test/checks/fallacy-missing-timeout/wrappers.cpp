// RUN: %check_fallacy %s fallacy-missing-timeout %t -- --config="{CheckOptions: {fallacy-missing-timeout.ModelFiles: '%S/Inputs/acme-model.json'}}" --
// RUN: %check_fallacy -check-suffixes=,REPORT %s fallacy-missing-timeout %t-report -- --config="{CheckOptions: {fallacy-missing-timeout.ModelFiles: '%S/Inputs/acme-model.json', fallacy-missing-timeout.ReportExplicitInfinite: true}}" --
// RUN: %check_fallacy -check-suffix=NOMODEL %s fallacy-missing-timeout %t -- --

// A project's own RPC layer, described to the check by a model file.
namespace acme {
class Session {
public:
  void SetCallTimeoutMs(long Ms);
  int Call(const char *Method);
  void Publish(const char *Topic, void (*Done)(int));
};
class RetryingSession : public Session {};
int fetchBlob(const char *Key, long TimeoutMs);
} // namespace acme

// The user model makes Session::Call a blocking remote call.
int callWithoutTimeout() {
  acme::Session S;
  return S.Call("inventory.Get");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Call' can block forever if the peer stops answering: no call timeout on session 'S' [fallacy-missing-timeout]
  // CHECK-FIXES: S.SetCallTimeoutMs(30000);
  // CHECK-FIXES-NEXT: return S.Call("inventory.Get");
}

// Derived classes are matched too, and -1 is the model's "none" (a choice:
// reported with ReportExplicitInfinite).
int derivedNoLimit() {
  acme::RetryingSession S;
  S.SetCallTimeoutMs(-1);
  return S.Call("inventory.List");
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: {{.*}} the timeout on session 'S' means none [fallacy-missing-timeout]
}

// A configured session is fine.
int configured(acme::Session *S) {
  S->SetCallTimeoutMs(250);
  return S->Call("inventory.Get"); // no-warning
}

// An asynchronous operation from the model: the completion may never come.
void publishWithoutTimeout(void (*Done)(int)) {
  acme::Session S;
  S.Publish("stock.changed", Done);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Publish' can wait forever for its completion if the peer stops answering: no call timeout on session 'S' [fallacy-missing-timeout]
  // CHECK-FIXES: S.SetCallTimeoutMs(30000);
  // CHECK-FIXES-NEXT: S.Publish("stock.changed", Done);
}

// A helper in this file that configures the session reaches the model's operations too.
static void withDeadline(acme::Session &S) { S.SetCallTimeoutMs(500); }
void publishConfigured(acme::Session &S, void (*Done)(int)) {
  withDeadline(S);
  S.Publish("stock.changed", Done); // no-warning
}

// The model's timeout argument: 0 means none, as the model says (a choice).
int fetchNoLimit() {
  return acme::fetchBlob("reports/daily", 0);
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:10: warning: 'fetchBlob' can block forever if the peer stops answering: its timeout means none [fallacy-missing-timeout]
}

// A finite timeout argument.
int fetchBounded() {
  return acme::fetchBlob("reports/daily", 2500); // no-warning
}

// Without the model file the check knows nothing about acme::Session.
// CHECK-MESSAGES-NOMODEL-NOT: warning:
