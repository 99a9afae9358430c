// checks/WallClockDurationCheck.h: the wall clock used to measure elapsed time or a timeout.
#ifndef FALLACY_CHECKS_WALLCLOCKDURATIONCHECK_H
#define FALLACY_CHECKS_WALLCLOCKDURATIONCHECK_H

#include "ClockCheckBase.h"
#include "llvm/ADT/DenseSet.h"

namespace fallacy {

/// Elapsed time or a timeout is measured on the wall clock, which NTP can step.
///
/// Reports differences and comparisons of two readings of this host's wall
/// clock (system_clock, time(), gettimeofday, CLOCK_REALTIME). The fix-it
/// switches system_clock::now() to steady_clock::now() when the readings never
/// leave the function as wall-clock time.
class WallClockDurationCheck final : public ClockCheckBase {
public:
  using ClockCheckBase::ClockCheckBase;

protected:
  void onTimes(const clang::Expr &Sink, bool Subtraction, const clang::Expr &L,
               const Provenance &PL, const clang::Expr &R, const Provenance &PR,
               clang::ASTContext &Ctx) override;
};

} // namespace fallacy

#endif
