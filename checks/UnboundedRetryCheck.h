// checks/UnboundedRetryCheck.h: a retry with no attempt bound and no overall deadline.
#ifndef FALLACY_CHECKS_UNBOUNDEDRETRYCHECK_H
#define FALLACY_CHECKS_UNBOUNDEDRETRYCHECK_H

#include "RetryCheckBase.h"

namespace fallacy {

/// Retry can run forever because nothing bounds its attempts or its time.
///
/// Reports retry loops, recursion on failure and retry-helper calls whose
/// attempts are not compared with a limit, whose time is not compared with a
/// deadline, which do not iterate a finite range and which no cancellation
/// token stops. A limit whose 0 or -1 means "unlimited" is no bound.
class UnboundedRetryCheck final : public RetryCheckBase {
public:
  using RetryCheckBase::RetryCheckBase;

protected:
  void onRetry(const Retry &R, clang::ASTContext &Ctx) override;
};

} // namespace fallacy

#endif
