// checks/RetryWithoutBackoffCheck.h: a retry that hammers a failing peer with no growing, jittered pause.
#ifndef FALLACY_CHECKS_RETRYWITHOUTBACKOFFCHECK_H
#define FALLACY_CHECKS_RETRYWITHOUTBACKOFFCHECK_H

#include "RetryCheckBase.h"

namespace fallacy {

/// Retry starts the next attempt at once or after a fixed pause, so failing peers get hammered.
///
/// Reports retries with no pause between attempts, and retries whose pause
/// neither grows with the attempts nor is randomised. A pause that grows, or
/// one with jitter, is accepted; BackoffHelpers names library helpers that do both.
class RetryWithoutBackoffCheck final : public RetryCheckBase {
public:
  using RetryCheckBase::RetryCheckBase;

protected:
  void onRetry(const Retry &R, clang::ASTContext &Ctx) override;
};

} // namespace fallacy

#endif
