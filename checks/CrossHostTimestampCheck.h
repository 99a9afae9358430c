// checks/CrossHostTimestampCheck.h: a peer's timestamp ordered against this host's clock or another peer's.
#ifndef FALLACY_CHECKS_CROSSHOSTTIMESTAMPCHECK_H
#define FALLACY_CHECKS_CROSSHOSTTIMESTAMPCHECK_H

#include "ClockCheckBase.h"
#include "llvm/ADT/DenseSet.h"

namespace fallacy {

/// Timestamp from another host's clock is ordered against this host's clock or a third host's.
///
/// Reports comparisons, subtractions and std::max/std::min between a time read
/// from the network and this host's clock, or between times from two different
/// messages or responses. Not reported: two times from the same message or
/// server, a time against a duration, functions marked FALLACY_SYNCHRONISED_CLOCK.
class CrossHostTimestampCheck final : public ClockCheckBase {
public:
  using ClockCheckBase::ClockCheckBase;

protected:
  void onTimes(const clang::Expr &Sink, bool Subtraction, const clang::Expr &L,
               const Provenance &PL, const clang::Expr &R, const Provenance &PR,
               clang::ASTContext &Ctx) override;
};

} // namespace fallacy

#endif
