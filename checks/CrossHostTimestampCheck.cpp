// checks/CrossHostTimestampCheck.cpp: reports orderings of times from different hosts' clocks.
#include "CrossHostTimestampCheck.h"
#include "analysis/AstUtil.h"
#include "analysis/CallPattern.h"
#include "clang/AST/ASTContext.h"

using namespace clang;

namespace fallacy {

void CrossHostTimestampCheck::onTimes(const Expr &Sink, bool Subtraction, const Expr &L,
                                      const Provenance &PL, const Expr &R, const Provenance &PR,
                                      ASTContext &Ctx) {
  bool LeftRemote = PL.K == Provenance::Kind::Remote, RightRemote = PR.K == Provenance::Kind::Remote;
  if (!LeftRemote && !RightRemote)
    return; // Two local times: fallacy-wall-clock-duration's business.
  // Two times from the same message or server share one clock.
  if (LeftRemote && RightRemote && PL.Source == PR.Source)
    return;
  // Code that reasons on a synchronised or hybrid logical clock knows its bounds.
  if (const FunctionDecl *FD = enclosingFunction(Sink, Ctx))
    if (StringRef Mark = Model->mark("synchronisedClock"); !Mark.empty() && hasAnnotation(*FD, Mark))
      return;
  SourceLocation Loc = Ctx.getSourceManager().getExpansionLoc(Sink.getExprLoc());
  if (!firstReport(Loc))
    return;
  const Provenance &Peer = LeftRemote ? PL : PR, &Other = LeftRemote ? PR : PL;
  if (LeftRemote && RightRemote)
    diag(Loc, "%0 times from two hosts' clocks (%1 and %2): clock skew decides the result")
        << (Subtraction ? "subtracting" : "ordering") << PL.What << PR.What << Sink.getSourceRange();
  else
    diag(Loc, "%0 %1, from a peer's clock, %2 this host's clock: clock skew decides the result")
        << (Subtraction ? "subtracting" : "comparing") << Peer.What
        << (Subtraction ? "and" : "with") << Sink.getSourceRange();
  noteOrigin(Peer, "this time was written by another host's clock");
  if (Other.K == Provenance::Kind::Remote)
    noteOrigin(Other, "and this one by a different host's clock");
  else
    noteOrigin(Other, "this time comes from this host's clock");
  diag(Loc,
       "order events with a version number or a logical clock, and let one host decide expiry "
       "with its own clock",
       DiagnosticIDs::Note);
}

} // namespace fallacy
