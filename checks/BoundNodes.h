// checks/BoundNodes.h: the names matchers bind nodes to, spelled once for every check.
#ifndef FALLACY_CHECKS_BOUNDNODES_H
#define FALLACY_CHECKS_BOUNDNODES_H

#include "llvm/ADT/StringRef.h"

namespace fallacy::nodes {
/// The translation unit itself (FallacyCheck: every unit is seen and summarised).
constexpr llvm::StringLiteral Unit = "unit";
/// A call or construction the models may know as a remote operation.
constexpr llvm::StringLiteral RemoteCall = "remote-call";
/// A loop, goto or call that may be a retry.
constexpr llvm::StringLiteral RetryCandidate = "retry-candidate";
/// A range-for or for loop that may walk data.
constexpr llvm::StringLiteral DataLoop = "data-loop";
/// A comparison, subtraction or min/max where two times may meet.
constexpr llvm::StringLiteral TimeSink = "time-sink";
} // namespace fallacy::nodes

#endif
