// checks/NonIdempotentRetryCheck.h: a non-idempotent remote operation that a retry can run twice.
#ifndef FALLACY_CHECKS_NONIDEMPOTENTRETRYCHECK_H
#define FALLACY_CHECKS_NONIDEMPOTENTRETRYCHECK_H

#include "RetryCheckBase.h"
#include "analysis/Idempotency.h"
#include "clang/Basic/Diagnostic.h"
#include <memory>
#include <optional>

namespace fallacy {

/// Retry can run a non-idempotent remote operation twice when a reply is lost.
///
/// Reports remote calls that a retry (bounded or not) repeats when running
/// them twice does the work twice: POST and PATCH without a stable
/// idempotency key, gRPC methods whose name or .proto says so, Redis
/// increments and appends, SQL inserts and relative updates, and functions
/// marked FALLACY_NOT_IDEMPOTENT.
class NonIdempotentRetryCheck final : public RetryCheckBase {
public:
  NonIdempotentRetryCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~NonIdempotentRetryCheck() override;

protected:
  void onRetry(const Retry &R, clang::ASTContext &Ctx) override;
  void addFacts(UnitSummary &S) override;

private:
  std::optional<clang::FixItHint> keyFix(const IdempotencyVerdict &V, clang::ASTContext &Ctx) const;
  IdempotencyOptions Opts;
  std::string KeyExpression; ///< IdempotencyKeyExpression: the fix-it's key value.
};

} // namespace fallacy

#endif
