// RUN: %check_fallacy %s fallacy-missing-timeout %t -- --config="{CheckOptions: {fallacy-missing-timeout.ModelFiles: '%S/Inputs/acme-model.json'}}" --
// RUN: %check_fallacy -check-suffix=NOMODEL %s fallacy-missing-timeout %t -- --

// A project's own RPC layer, described to the check by a model file.
namespace acme {
class Session {
public:
  void SetCallTimeoutMs(long Ms);
  int Call(const char *Method);
};
class RetryingSession : public Session {};
} // namespace acme

// The user model makes Session::Call a blocking remote call.
int callWithoutTimeout(acme::Session &S) {
  return S.Call("inventory.Get");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Call' can block forever if the peer stops answering: no call timeout on session 'S' [fallacy-missing-timeout]
  // CHECK-FIXES: S.SetCallTimeoutMs(30000);
  // CHECK-FIXES-NEXT: return S.Call("inventory.Get");
}

// Derived classes are matched too, and -1 is the model's "none".
int derivedNoLimit() {
  acme::RetryingSession S;
  S.SetCallTimeoutMs(-1);
  return S.Call("inventory.List");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: {{.*}} the timeout on session 'S' means none [fallacy-missing-timeout]
}

// A configured session is fine.
int configured(acme::Session *S) {
  S->SetCallTimeoutMs(250);
  return S->Call("inventory.Get"); // no-warning
}

// Without the model file the check knows nothing about acme::Session.
// CHECK-MESSAGES-NOMODEL-NOT: warning:
